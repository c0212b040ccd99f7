"""A row that no configured key opens (a lost key, a damaged backup): a
clear placeholder wherever it is shown, never a 500, never an email sent to
a made-up address, and never written over."""

from io import BytesIO

import pytest
from cryptography.fernet import Fernet
from django.core import mail
from django.db.models import TextField
from django.db.models.functions import Cast
from django.urls import reverse
from openpyxl import load_workbook

from contact.tasks import send_submission_email
from enquiries.fields import UNREADABLE_TEXT
from enquiries.models import Enquiry, EnquiryNote

pytestmark = pytest.mark.django_db

MESSAGE = "Pain after my stimulator was fitted."


@pytest.fixture
def unreadable(settings, contact_page):
    """An enquiry and a note written with a key the site no longer has."""
    current = settings.ENQUIRY_ENCRYPTION_KEYS
    settings.ENQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    enquiry = Enquiry.objects.create(
        page=contact_page,
        form_data={
            "your_name": "Ada Patient",
            "email_address": "ada@example.com",
            "your_message": MESSAGE,
        },
        field_labels={
            "your_name": "Your name",
            "email_address": "Email address",
            "your_message": "Your message",
        },
    )
    EnquiryNote.objects.create(enquiry=enquiry, text="Referred by Dr Who.")
    settings.ENQUIRY_ENCRYPTION_KEYS = current
    return Enquiry.objects.get(pk=enquiry.pk)


@pytest.fixture
def readable(contact_page):
    return Enquiry.objects.create(
        page=contact_page,
        form_data={"your_name": "Ben Readable", "your_message": "Hello"},
        field_labels={"your_name": "Your name", "your_message": "Your message"},
    )


def inbox_url():
    return reverse("enquiries:index")


def test_the_enquiry_page_shows_the_placeholder_and_the_inbox_lists_both(
    admin_client, contact_page, unreadable, readable
):
    listing = admin_client.get(inbox_url())
    assert listing.status_code == 200
    html = listing.content.decode()
    assert reverse("enquiries:edit", args=[unreadable.pk]) in html
    assert reverse("enquiries:edit", args=[readable.pk]) in html

    page = admin_client.get(reverse("enquiries:edit", args=[unreadable.pk]))
    assert page.status_code == 200
    assert UNREADABLE_TEXT in page.content.decode()
    assert MESSAGE not in page.content.decode()
    other = admin_client.get(reverse("enquiries:edit", args=[readable.pk]))
    assert "Ben Readable" in other.content.decode()


def test_csv_and_xlsx_exports_carry_the_placeholder(
    admin_client, contact_page, unreadable, readable
):
    csv = admin_client.get(inbox_url(), {"export": "csv"})
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content).decode()
    assert UNREADABLE_TEXT in text
    assert "Ben Readable" in text

    xlsx = admin_client.get(inbox_url(), {"export": "xlsx"})
    assert xlsx.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(xlsx.streaming_content))).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert UNREADABLE_TEXT in cells
    assert "Ben Readable" in cells


def test_the_clinic_is_told_and_no_confirmation_goes_to_an_unknown_address(
    settings, contact_page, unreadable
):
    settings.CONTACT_NOTIFICATION_INCLUDE_DETAILS = True
    contact_page.send_confirmation_email = True
    contact_page.save()

    clinic = send_submission_email.enqueue(unreadable.pk, "clinic")
    visitor = send_submission_email.enqueue(unreadable.pk, "visitor")

    assert clinic.return_value == "sent"
    assert visitor.return_value == "nothing to send"
    [email] = mail.outbox
    assert email.to == ["enquiries@clinic.invalid"]
    assert UNREADABLE_TEXT in email.body


def tokens():
    """Every encrypted column as stored."""
    return [
        list(model.objects.annotate(t=Cast(field, TextField())).values_list("t"))
        for model, field in [(Enquiry, "form_data"), (EnquiryNote, "text")]
    ]


def test_the_row_keeps_its_ciphertext_when_its_handling_changes(unreadable):
    before = tokens()
    with pytest.raises(ValueError, match="cannot be decrypted"):
        unreadable.save()
    unreadable.status = "in_progress"
    unreadable.save(update_fields=["status"])
    note = unreadable.notes.get()
    assert note.text == UNREADABLE_TEXT
    note.save()  # the placeholder is never written over the note's text
    assert tokens() == before
    assert Enquiry.objects.get().status == "in_progress"
