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


@pytest.mark.parametrize(
    "body",
    [b"garbage", b"--xyz\r\nContent-Disposition: form-data\r\n\r\n", b"--xyz--"],
    ids=["no parts", "part without a name", "only the end"],
)
def test_a_broken_multipart_body_is_a_bad_request_not_a_crash(
    client, referral_page, body
):
    for url in (referral_page.url, f"/api/v3/forms/{referral_page.pk}/submissions/"):
        response = client.generic(
            "POST", url, body, content_type="multipart/form-data; boundary=xyz"
        )
        assert response.status_code in (200, 400), (url, response.status_code)
    assert not Enquiry.objects.exists()


def test_an_unticked_consent_asks_the_referrer_to_confirm_the_patient_agreed(
    send_referral,
):
    response = send_referral(health_consent="")

    html = response.content.decode()
    assert "confirm that the patient has agreed to this referral" in html
    assert "the health information you give us" not in html
    assert not Enquiry.objects.exists()
