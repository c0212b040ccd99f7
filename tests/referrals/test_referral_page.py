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


def test_a_failure_while_storing_a_referral_reports_no_patient_detail(
    referrer, monkeypatch
):
    import sys

    from django.core.signals import got_request_exception
    from django.test import Client
    from django.views.debug import get_exception_reporter_class

    from .conftest import PATIENT_NAME, nothing_stored, referral_answers, upload

    def broken_queue(page, submission):
        raise RuntimeError("the task queue is down")

    monkeypatch.setattr("contact.models.queue_submission_emails", broken_queue)
    reports = []

    def keep(sender, request, **kwargs):
        reporter = get_exception_reporter_class(request)(
            request, *sys.exc_info(), is_email=True
        )
        reports.append(reporter.get_traceback_html() + reporter.get_traceback_text())

    referrer.client = Client(raise_request_exception=False)
    referrer.open()
    data = referral_answers()
    # A letter named after the patient, as letters often are.
    data["referral_letter"] = upload(name="Testy_McTestface_referral.pdf")
    got_request_exception.connect(keep)
    try:
        assert referrer.send(data).status_code == 500
    finally:
        got_request_exception.disconnect(keep)

    [report] = reports
    assert "the task queue is down" in report
    assert "referral_letter" in report  # the field is listed, its file hidden
    for secret in (PATIENT_NAME, "McTestface", "1961-04-12", "gabapentin"):
        assert secret not in report, secret
    # All or nothing: the letter written before the failure went with the row.
    assert nothing_stored()


def test_too_many_file_parts_are_a_json_bad_request(client, referral_page):
    from django.core.files.uploadedfile import SimpleUploadedFile

    parts = {f"file{n}": SimpleUploadedFile(f"{n}.pdf", b"%PDF") for n in range(101)}
    response = client.post(f"/api/v3/forms/{referral_page.pk}/submissions/", parts)

    assert response.status_code == 400
    assert (
        "more parts than a form has fields" in response.json()["errors"]["__all__"][0]
    )
