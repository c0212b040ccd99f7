"""The inbox's migrations on a database that already has enquiries: each
form gets its reason question, stored enquiries get their reason from their
encrypted answers, and handlers lose "Edit" on contact pages."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from contact.factories import ContactPageFactory

BEFORE = [
    ("contact", "0004_submissions_become_enquiries"),
    ("enquiries", "0001_initial"),
]
AFTER = [("contact", "0005_inbox_reason_field")]


@pytest.mark.django_db(transaction=True)
def test_existing_forms_and_enquiries_get_their_reason(home_page):
    # A form page made now (historical form pages cannot be instantiated),
    # then the database taken back to before the inbox.
    page = ContactPageFactory(parent=home_page, slug="contact-migrated")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps

    ContactFormField = apps.get_model("contact", "ContactFormField")
    Enquiry = apps.get_model("enquiries", "Enquiry")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")

    for order, (label, kind) in enumerate(
        [("Your name", "singleline"), ("Why", "dropdown"), ("Clinic", "radio")]
    ):
        ContactFormField.objects.create(
            page_id=page.pk,
            label=label,
            clean_name=label.lower().replace(" ", "_"),
            field_type=kind,
            choices="A\nB",
            sort_order=order,
        )
    Enquiry.objects.create(page_id=page.pk, form_data={"why": "Book", "clinic": "A"})
    Enquiry.objects.create(page_id=page.pk, form_data={"your_name": "No reason"})
    handlers, _ = Group.objects.get_or_create(name="Enquiry handlers")
    GroupPagePermission.objects.create(
        group=handlers,
        page_id=page.pk,
        permission=Permission.objects.get(codename="change_page"),
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    fields = apps.get_model("contact", "ContactFormField").objects.filter(page=page.pk)
    assert list(fields.filter(is_reason=True).values_list("label", flat=True)) == [
        "Why"
    ]
    reasons = apps.get_model("enquiries", "Enquiry").objects.order_by("pk")
    assert list(reasons.values_list("reason", flat=True)) == ["Book", ""]
    assert (
        not apps.get_model("wagtailcore", "GroupPagePermission")
        .objects.filter(group__name="Enquiry handlers")
        .exists()
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
