"""Personal data requests in the real admin, in Chromium: a superuser finds
the page in the Settings menu, asks to erase a person's enquiries, reads the
confirmation and confirms; both pages pass axe's WCAG 2.2 AA rules."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from enquiries.models import Enquiry

from .staff import PASSWORD, sign_in
from .test_accessibility import axe_violations


@pytest.fixture
def requests_page(contact_page):
    get_user_model().objects.create_superuser("boss", "b@clinic.invalid", PASSWORD)
    for address in ("ada@example.com", "ben@example.com"):
        Enquiry.objects.create(
            page=contact_page,
            form_data={"email_address": address, "your_message": "Back pain."},
            field_labels={"email_address": "Email address"},
        )


def assert_accessible(page):
    violations, report = axe_violations(page)
    assert violations == [], report


def test_a_superuser_erases_a_persons_enquiries_from_the_settings_menu(
    page, requests_page
):
    sign_in(page, "boss")
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Personal data requests").click()
    expect(page.get_by_role("heading", name="Personal data requests")).to_be_visible()
    assert_accessible(page)

    # A mistyped address is explained, at the field.
    page.get_by_label("The person's email address").fill("ada at example")
    page.get_by_role("button", name="Erase…").click()
    expect(page.get_by_text("Enter a valid email address.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("The person's email address").fill("Ada@Example.com")
    page.get_by_role("button", name="Erase…").click()
    expect(page.get_by_text("will be deleted for good")).to_be_visible()
    assert_accessible(page)
    assert Enquiry.objects.count() == 2

    page.get_by_role("button", name=re.compile("Yes, erase 1 enquiry")).click()
    expect(page.get_by_text("Erased 1 enquiry, 0 notes and 0 files.")).to_be_visible()
    assert list(Enquiry.objects.values_list("form_data", flat=True)) == [
        {"email_address": "ben@example.com", "your_message": "Back pain."}
    ]
