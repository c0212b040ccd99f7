"""``purge_submissions`` on encrypted rows: old enquiries go with their notes,
readable or not, and the output and audit log say how many of each."""

from datetime import timedelta
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry, EnquiryNote

pytestmark = pytest.mark.django_db


def aged(page, days, notes=0):
    enquiry = Enquiry.objects.create(page=page, form_data={"your_message": "pain"})
    for n in range(notes):
        EnquiryNote.objects.create(enquiry=enquiry, text=f"note {n}")
    Enquiry.objects.filter(pk=enquiry.pk).update(
        submit_time=timezone.now() - timedelta(days=days)
    )
    return enquiry


def purge(*args):
    out = StringIO()
    call_command("purge_submissions", *args, stdout=out)
    return out.getvalue()


def test_old_encrypted_and_unreadable_rows_go_with_their_notes(settings, contact_page):
    aged(contact_page, 400, notes=2)
    current = settings.ENQUIRY_ENCRYPTION_KEYS
    settings.ENQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    aged(contact_page, 500, notes=1)  # no configured key opens it
    settings.ENQUIRY_ENCRYPTION_KEYS = current
    recent = aged(contact_page, 10, notes=1)

    assert "Would delete 2 form submission(s) and 3 note(s)" in purge("--dry-run")
    assert Enquiry.objects.count() == 3

    output = purge()
    assert "Deleted 2 form submission(s), 3 note(s) and 0 file(s) from before" in output
    assert list(Enquiry.objects.all()) == [recent]
    assert EnquiryNote.objects.get().text == "note 0"
    [entry] = ModelLogEntry.objects.filter(action="enquiries.delete")
    assert entry.data == {
        "enquiries": 2,
        "notes": 3,
        "files": 0,
        "older_than_days": 365,
    }

    assert "Deleted 0 form submission(s), 0 note(s) and 0 file(s)" in purge()
    assert ModelLogEntry.objects.filter(action="enquiries.delete").count() == 1
