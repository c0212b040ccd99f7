"""Create the Editors and Clinical reviewers groups (see home/roles.py)."""

from django.db import migrations

from home.roles import create_staff_groups


def forwards(apps, schema_editor):
    create_staff_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("techniques", "0002_specialists_leaflets_clinical_review"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
