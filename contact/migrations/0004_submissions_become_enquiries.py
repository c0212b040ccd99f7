"""Move contact pages' submissions into the encrypted enquiry store.

Each ``wagtailforms.FormSubmission`` of a contact page becomes an
``enquiries.Enquiry`` with the same data, page and time (encrypted on save by
the field), and the plain row is deleted, so no patient text stays readable
in the database. The labels are the form's current ones: the best record there
is of what those visitors saw. There is no way back (that would decrypt).
"""

from django.db import migrations


def move_to_enquiries(apps, schema_editor):
    ContactPage = apps.get_model("contact", "ContactPage")
    ContactFormField = apps.get_model("contact", "ContactFormField")
    FormSubmission = apps.get_model("wagtailforms", "FormSubmission")
    Enquiry = apps.get_model("enquiries", "Enquiry")
    # Values, not instances: the historical model of a form page cannot be
    # instantiated (Wagtail's form mixin reads attributes it does not have).
    pages = ContactPage.objects.values("pk", "asks_about_health", "health_consent_text")
    for page in pages:
        labels = dict(
            ContactFormField.objects.filter(page_id=page["pk"])
            .exclude(clean_name="")
            .values_list("clean_name", "label")
        )
        consent = page["health_consent_text"] if page["asks_about_health"] else ""
        old = FormSubmission.objects.filter(page_id=page["pk"]).order_by("pk")
        for submission in old:
            enquiry = Enquiry.objects.create(
                page_id=page["pk"],
                form_data=submission.form_data,
                field_labels=labels,
                consent_text=consent,
            )
            # auto_now_add set the time to now: keep when it was really sent.
            Enquiry.objects.filter(pk=enquiry.pk).update(
                submit_time=submission.submit_time
            )
        old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0003_enquiry_handlers_group"),
        ("enquiries", "0001_initial"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(move_to_enquiries, migrations.RunPython.noop)]
