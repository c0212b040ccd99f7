"""A visitor's question reaches the clinic's admin."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

VALID = {
    "your_name": "Ada Patient",
    "email_address": "ada@example.com",
    "phone_number": "",
    "reason": "Book an appointment",
    "your_message": "I have had back pain for years.",
}


def test_contact_page_shows_labelled_fields(client, contact_page):
    html = client.get(contact_page.url).content.decode()
    assert html.count("<h1") == 1
    for field in ("your_name", "email_address", "phone_number", "your_message"):
        assert f'for="id_{field}"' in html
    assert "Book an appointment" in html


def test_a_submission_is_stored_and_thanks_the_visitor(client, contact_page):
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert "Thank you, we will reply soon." in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["your_message"] == "I have had back pain for years."


def test_a_missing_required_field_keeps_what_the_visitor_typed(client, contact_page):
    response = client.post(contact_page.url, {**VALID, "email_address": ""})
    html = response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert "I have had back pain for years." in html
    assert "Ada Patient" in html
    assert 'aria-invalid="true"' in html


@pytest.fixture
def staff_client(db):
    user = User.objects.create_superuser("manager", "m@clinic.invalid", "pw")
    staff = Client()
    staff.force_login(user)
    return staff


def test_submissions_are_listed_and_exported_in_the_admin(
    client, contact_page, staff_client
):
    client.post(contact_page.url, VALID)

    listing = staff_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert listing.status_code == 200
    assert "Ada Patient" in listing.content.decode()

    export = staff_client.get(
        f"/admin/forms/submissions/{contact_page.pk}/", {"export": "csv"}
    )
    assert export.status_code == 200
    csv_text = b"".join(export.streaming_content).decode()
    assert "Your name" in csv_text.splitlines()[0]
    assert "ada@example.com" in csv_text
