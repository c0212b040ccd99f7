"""The enquiry inbox: a plain ``reason`` column to filter by, and the
"Enquiry handlers" group's rights on enquiries instead of "Edit" on contact
pages (enquiries/roles.py). contact/migrations/0005_inbox_reason_field fills
the reason of enquiries stored before this."""

from django.db import migrations, models

from enquiries.roles import create_enquiry_handlers_group


def give_handlers_the_inbox(apps, schema_editor):
    create_enquiry_handlers_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        # After Wagtail's migrations that give "choose" rights to every group
        # with admin access, so the group ends with exactly its own rights.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AddField(
            model_name="enquiry",
            name="reason",
            field=models.CharField(
                blank=True,
                db_index=True,
                help_text="What the enquiry is about: the visitor's answer to the "
                "form's reason question.",
                max_length=255,
            ),
        ),
        # Reversing leaves the group as it is: it may have members by then.
        migrations.RunPython(give_handlers_the_inbox, migrations.RunPython.noop),
    ]
