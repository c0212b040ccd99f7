"""Which question of a form is the enquiry's reason, and the reason of the
enquiries already stored.

Each contact page's first radio-button or drop-down question becomes its
reason question (the one the "?reason=" link preselects already); staff can
tick another. Stored enquiries get their answer to it in the plain ``reason``
column, read from their encrypted data.
"""

from django.db import migrations, models

REASON_FIELD_TYPES = ("radio", "dropdown")


def flag_and_fill_reasons(apps, schema_editor):
    ContactPage = apps.get_model("contact", "ContactPage")
    ContactFormField = apps.get_model("contact", "ContactFormField")
    Enquiry = apps.get_model("enquiries", "Enquiry")
    for page_id in ContactPage.objects.values_list("pk", flat=True):
        field = (
            ContactFormField.objects.filter(
                page_id=page_id, field_type__in=REASON_FIELD_TYPES
            )
            .exclude(clean_name="")
            .order_by("sort_order", "pk")
            .first()
        )
        if field is None:
            continue
        field.is_reason = True
        field.save(update_fields=["is_reason"])
        for enquiry in Enquiry.objects.filter(page_id=page_id, reason=""):
            value = enquiry.form_data.get(field.clean_name) if enquiry.form_data else ""
            if isinstance(value, str) and value.strip():
                Enquiry.objects.filter(pk=enquiry.pk).update(
                    reason=value.strip()[:255]
                )


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0004_submissions_become_enquiries"),
        ("enquiries", "0002_inbox_reason_and_handlers"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactformfield",
            name="is_reason",
            field=models.BooleanField(
                default=False,
                help_text="Tick on the one radio-button or drop-down question "
                "that says what the enquiry is about (such as 'Book an "
                "appointment'). The enquiry inbox sorts and filters by its "
                "answer, which is stored unencrypted: never use it for a "
                "condition or symptom.",
                verbose_name="Reason for the enquiry",
            ),
        ),
        migrations.RunPython(flag_and_fill_reasons, migrations.RunPython.noop),
    ]
