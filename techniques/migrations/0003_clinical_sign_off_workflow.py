"""Create the "Clinical sign-off" workflow (see techniques/signoff.py)."""

from django.db import migrations

from techniques.signoff import create_clinical_sign_off_workflow


def forwards(apps, schema_editor):
    create_clinical_sign_off_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("techniques", "0002_specialists_leaflets_clinical_review"),
        ("home", "0003_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
