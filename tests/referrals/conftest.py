"""A referral page like the clinic's, a real PDF letter, and a referrer who
fills the form in as a browser would (multipart, with the file)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from referrals.factories import ReferralFormFieldFactory, ReferralPageFactory
from tests.contact.conftest import Visitor

FILES = Path(__file__).parent / "files"
# Printed to PDF by Chromium from a one-page letter about a fictional patient.
LETTER_PDF = (FILES / "letter.pdf").read_bytes()

PATIENT_NAME = "Testy McTestface"
REASON = "Failed back surgery syndrome, pain for three years despite gabapentin."

FIELDS = [
    ("Your name", "singleline", True, ""),
    ("Your role", "dropdown", True, "GP\nHospital doctor\nNurse"),
    ("Organisation", "singleline", True, ""),
    ("Registration number", "registration", True, ""),
    ("Your email address", "email", True, ""),
    ("Patient name", "singleline", True, ""),
    ("Patient date of birth", "date", True, ""),
    ("Urgency", "radio", True, "Routine\nUrgent"),
    ("Reason for referral", "multiline", True, ""),
    ("Referral letter", "document", True, ""),
]


def referral_answers(**changes):
    """What a GP fills in, without the letter."""
    return {
        "your_name": "Dr Grace Practitioner",
        "your_role": "GP",
        "organisation": "Riverside Surgery",
        "registration_number": "gmc 1234567",
        "your_email_address": "grace@riverside.nhs.example",
        "patient_name": PATIENT_NAME,
        "patient_date_of_birth": "1961-04-12",
        "urgency": "Routine",
        "reason_for_referral": REASON,
        "health_consent": "on",
        **changes,
    }


def nothing_stored():
    """No enquiry, no file row, and no file in the letters' storage."""
    from enquiries.files import FOLDER
    from enquiries.models import Enquiry, EnquiryFile

    storage = EnquiryFile._meta.get_field("file").storage
    kept = storage.listdir(FOLDER)[1] if storage.exists(FOLDER) else []
    return not (Enquiry.objects.exists() or EnquiryFile.objects.exists() or kept)


def upload(data=LETTER_PDF, name="letter.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_referral_page(parent):
    """A live referral page with ``FIELDS``, its urgency the inbox's reason."""
    page = ReferralPageFactory(parent=parent)
    for label, field_type, required, choices in FIELDS:
        ReferralFormFieldFactory(
            page=page,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
            is_reason=label == "Urgency",
        )
    return page


@pytest.fixture
def referral_page(home_page):
    return make_referral_page(home_page)


@pytest.fixture
def referrer(client, referral_page, clock):
    """Opens the referral form and sends it as a browser would."""
    return Visitor(client, referral_page, clock)


@pytest.fixture
def send_referral(referrer):
    def send(letter=None, **changes):
        referrer.open()
        data = referral_answers(**changes)
        data["referral_letter"] = upload() if letter is None else letter
        return referrer.send(data)

    return send
