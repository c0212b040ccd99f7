"""Create the "Enquiry handlers" group: the only non-superusers who may read
and export form submissions (see enquiries/roles.py, where the group now
lives; enquiries/migrations/0002_inbox_handlers gives it its inbox rights)."""

from django.db import migrations

from enquiries.roles import create_enquiry_handlers_group


def create_group(apps, schema_editor):
    create_enquiry_handlers_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0002_form_protection_and_consent"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        # Reversing leaves the group: it may have members by then.
        migrations.RunPython(create_group, migrations.RunPython.noop),
    ]
