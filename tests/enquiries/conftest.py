"""Staff and enquiries for the inbox tests."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from enquiries.models import Enquiry

CONSENT = "I agree that the clinic may use my health information."


@pytest.fixture
def other_handler(handlers_group):
    user = User.objects.create_user(
        "nurse", "n@clinic.invalid", "pw", first_name="Nina", last_name="Nurse"
    )
    user.groups.add(handlers_group)
    return user


def make_enquiry(page, days_ago=0, reason="Book an appointment", **data):
    form_data = {
        "your_name": "Ada Patient",
        "email_address": "ada@example.com",
        "phone_number": None,
        "reason": reason,
        "your_message": "I have had back pain\nfor years.",
        "health_consent": True,
        **data,
    }
    enquiry = Enquiry.objects.create(
        page=page,
        form_data=form_data,
        field_labels={
            "your_name": "Your name",
            "email_address": "Email address",
            "phone_number": "Phone number",
            "reason": "Reason",
            "your_message": "Your message",
        },
        consent_text=CONSENT,
        reason=reason,
    )
    if days_ago:
        Enquiry.objects.filter(pk=enquiry.pk).update(
            submit_time=timezone.now() - datetime.timedelta(days=days_ago)
        )
        enquiry.refresh_from_db()
    return enquiry


@pytest.fixture
def enquiry(contact_page):
    return make_enquiry(contact_page)
