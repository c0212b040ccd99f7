"""A referral from sending to the inbox: the reference the referrer is given,
the emails (no patient details), the letter for enquiry handlers only, and
the letter's end with its enquiry (by hand, retention or erasure)."""

import base64
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry, EnquiryFile
from enquiries.references import SHAPE

from .conftest import LETTER_PDF, PATIENT_NAME, REASON

pytestmark = pytest.mark.django_db


def the_referral():
    return Enquiry.objects.get()


def test_the_referrer_is_given_a_reference_on_the_thank_you_page(client, send_referral):
    response = send_referral()
    assert response.status_code == 302

    html = client.get(response["Location"]).content.decode()
    reference = the_referral().reference
    assert SHAPE.fullmatch(reference)
    assert "<h1>Referral sent</h1>" in html
    assert f'Your reference is <strong class="reference__code">{reference}' in html
    assert PATIENT_NAME not in html


def test_the_thank_you_link_cannot_be_read_or_altered(client, send_referral):
    location = send_referral()["Location"]
    reference = the_referral().reference
    marker = re.search(r"sent=([^&]+)", location).group(1)
    # Not readable from the URL (logs, history, analytics keep it).
    assert reference not in location
    assert reference.encode() not in base64.urlsafe_b64decode(marker + "==")

    altered = marker[:-8] + ("A" if marker[-8] != "A" else "B") + marker[-7:]
    html = client.get(location.replace(marker, altered)).content.decode()
    assert "Your reference is" not in html
    assert "<h1>Referral sent</h1>" not in html


def test_a_thank_you_link_is_only_for_its_own_page(client, send_referral, contact_page):
    location = send_referral()["Location"]
    marker = re.search(r"sent=[^&]+", location).group(0)
    html = client.get(f"{contact_page.url}?{marker}").content.decode()
    assert "Your reference is" not in html
    assert "<h1>Message sent</h1>" not in html


def test_the_confirmation_gives_the_reference_and_no_patient_details(send_referral):
    send_referral()

    referral = the_referral()
    confirmation = next(
        m for m in mail.outbox if m.to == ["grace@riverside.nhs.example"]
    )
    assert confirmation.subject.startswith("We have received your referral")
    assert referral.reference in confirmation.body
    notification = next(m for m in mail.outbox if m.to == ["referrals@clinic.invalid"])
    for message in (confirmation, notification):
        text = message.subject + message.body
        for detail in (PATIENT_NAME, "1961", "gabapentin", "Riverside Surgery"):
            assert detail not in text
        assert not message.attachments


def test_the_referral_joins_the_inbox_with_its_letter(handler_client, send_referral):
    send_referral()
    referral = the_referral()

    listing = handler_client.get(reverse("enquiries:index")).content.decode()
    assert "Refer a patient" in listing
    page = handler_client.get(reverse("enquiries:edit", args=[referral.pk]))
    html = page.content.decode()
    assert PATIENT_NAME in html and REASON in html
    assert "GMC 1234567" in html
    assert "Download Referral letter</a> (PDF document, 20 KB)" in html
    assert referral.reason == "Routine"


def download_url(referral):
    stored = referral.files.get()
    return reverse("enquiries:file", args=[referral.pk, stored.pk])


def test_a_handler_downloads_the_letter_as_an_attachment_and_it_is_logged(
    handler_client, handler, send_referral
):
    send_referral()
    referral = the_referral()

    response = handler_client.get(download_url(referral))

    assert response.status_code == 200
    assert response.content == LETTER_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="referral-letter-{referral.reference}.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    [entry] = ModelLogEntry.objects.filter(action="enquiries.download")
    assert entry.user == handler
    assert entry.object_id == str(referral.pk)
    assert PATIENT_NAME not in str(entry.data)


def test_nobody_else_can_download_the_letter(
    client, editor_client, send_referral, handler_client
):
    send_referral()
    url = download_url(the_referral())

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert editor_client.get(url).status_code in (302, 403)
    for response in (anonymous, editor_client.get(url)):
        assert LETTER_PDF[:100] not in response.content
    assert not ModelLogEntry.objects.filter(action="enquiries.download").exists()


def test_a_letter_is_only_found_under_its_own_enquiry(handler_client, send_referral):
    send_referral()
    referral = the_referral()
    other = Enquiry.objects.create(page=referral.page, form_data={})
    stored = referral.files.get()

    url = reverse("enquiries:file", args=[other.pk, stored.pk])
    assert handler_client.get(url).status_code == 404


def stored_names():
    return [stored.file.name for stored in EnquiryFile.objects.all()]


def test_deleting_the_enquiry_deletes_the_letter_file(
    send_referral, django_capture_on_commit_callbacks
):
    send_referral()
    [name] = stored_names()
    storage = EnquiryFile.objects.get().file.storage
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        the_referral().delete()

    assert not EnquiryFile.objects.exists()
    assert not storage.exists(name)


def test_retention_deletes_old_letters_with_their_referrals(
    send_referral, django_capture_on_commit_callbacks
):
    send_referral()
    [name] = stored_names()
    storage = EnquiryFile.objects.get().file.storage
    Enquiry.objects.update(submit_time="2020-01-01T00:00:00Z")

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_submissions", stdout=out)

    assert "Deleted 1 form submission(s), 0 note(s) and 1 file(s)" in out.getvalue()
    assert not storage.exists(name)


def test_a_restricted_sub_page_is_not_listed_on_its_public_parent(client, home_page):
    from wagtail.models import PageViewRestriction

    from home.models import StandardPage
    from referrals.factories import ReferralPageFactory

    section = home_page.add_child(
        instance=StandardPage(title="For referring clinicians", summary="For GPs.")
    )
    ReferralPageFactory(parent=section, title="Refer a patient", show_in_menus=True)
    hidden = ReferralPageFactory(
        parent=section,
        title="Staff-only referral route",
        slug="staff",
        show_in_menus=True,
    )
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    html = client.get(section.url).content.decode()
    assert "Refer a patient" in html
    assert "Staff-only referral route" not in html
