"""The referral page is a form page like the contact page: staff build it in
the admin, and it keeps the contact form's spam protections."""

import pytest
from django.urls import reverse

from enquiries.models import Enquiry, EnquiryFile

pytestmark = pytest.mark.django_db


def test_staff_can_add_a_referral_page_with_the_referral_field_types(
    superuser_client, home_page
):
    url = reverse(
        "wagtailadmin_pages:add", args=["referrals", "referralpage", home_page.pk]
    )
    html = superuser_client.get(url).content.decode()

    assert "Registration number (GMC, NMC or HCPC)" in html
    assert "Letter upload (PDF or Word)" in html
    assert "the patient has agreed to be referred" in html  # its consent wording


def test_a_robot_filling_the_honeypot_gets_a_thank_you_and_stores_nothing(
    client, send_referral
):
    response = send_referral(cf_website="http://spam.example")

    assert response.status_code == 302
    assert "Your reference is" in client.get(response["Location"]).content.decode()
    assert not Enquiry.objects.exists()
    assert not EnquiryFile.objects.exists()


def test_the_rate_limit_covers_referrals(send_referral, settings):
    settings.CONTACT_RATE_LIMIT_COUNT = 1
    assert send_referral().status_code == 302

    response = send_referral()

    assert response.status_code == 429
    assert "Please attach the letter again" in response.content.decode()
    assert Enquiry.objects.count() == 1
    assert EnquiryFile.objects.count() == 1
