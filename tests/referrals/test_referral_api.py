"""The forms API takes a referral with its letter, as multipart/form-data,
through the same checks and storage as the HTML form."""

import re

import pytest

from enquiries import files
from enquiries.models import Enquiry, EnquiryFile
from enquiries.references import SHAPE

from .conftest import LETTER_PDF, referral_answers, upload

pytestmark = pytest.mark.django_db

QUESTION = re.compile(r"What is (\d) plus (\d)\?")


@pytest.fixture
def described(client, referral_page, clock):
    """Read the form's description, then take the time a person would."""

    def read():
        response = client.get(f"/api/v3/forms/{referral_page.pk}/")
        assert response.status_code == 200
        clock.advance(30)
        return response.json()

    return read


def signed(description, **answers):
    first, second = QUESTION.search(description["question"]["text"]).groups()
    return {
        **answers,
        "cf_token": description["token"]["value"],
        "cf_answer": str(int(first) + int(second)),
    }


def submissions_url(page):
    return f"/api/v3/forms/{page.pk}/submissions/"


def test_the_description_says_how_to_send_the_letter(described):
    fields = {field["name"]: field for field in described()["fields"]}

    assert fields["registration_number"]["type"] == "registration"
    letter = fields["referral_letter"]
    assert letter["type"] == "document"
    assert letter["required"] is True
    assert ".pdf" in letter["accept"] and ".docx" in letter["accept"]
    assert letter["max_bytes"] == 10 * 1024 * 1024


def test_a_multipart_referral_with_its_letter_is_stored(
    client, referral_page, described
):
    body = signed(described(), **referral_answers(), referral_letter=upload())

    response = client.post(submissions_url(referral_page), body)

    assert response.status_code == 201
    referral = Enquiry.objects.get()
    assert response.json()["reference"] == referral.reference
    assert SHAPE.fullmatch(referral.reference)
    assert files.read(referral.files.get()) == LETTER_PDF


def test_a_renamed_web_page_is_refused_at_the_letter(client, referral_page, described):
    page = upload(b"<html><script>alert(1)</script></html>", "letter.pdf")
    body = signed(described(), **referral_answers(), referral_letter=page)

    response = client.post(submissions_url(referral_page), body)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["referral_letter"] == [
        "This file is not a PDF or Word document. Please attach the letter as a "
        "PDF, or as a Word file (.doc or .docx)."
    ]
    assert not EnquiryFile.objects.exists()


def test_json_cannot_carry_the_letter_and_says_how_to(client, referral_page, described):
    answers = referral_answers(health_consent=True, referral_letter="JVBERi0xLjQK")
    response = client.post(
        submissions_url(referral_page),
        signed(described(), **answers),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"]["referral_letter"] == [
        "Send the form as multipart/form-data to attach a file here."
    ]
    assert not Enquiry.objects.exists()


def test_a_letter_of_the_full_10_mb_goes_through_the_api(
    client, referral_page, described
):
    # The API's 1 MiB body limit is for JSON; a multipart letter has its own.
    letter = LETTER_PDF + b"\x00" * (10 * 1024 * 1024 - len(LETTER_PDF))
    body = signed(described(), **referral_answers(), referral_letter=upload(letter))

    response = client.post(submissions_url(referral_page), body)

    assert response.status_code == 201
    assert EnquiryFile.objects.get().size == 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("fetch_site", "origin", "status"),
    [
        ("cross-site", "https://elsewhere.example", 403),
        ("cross-site", None, 403),
        ("cross-site", "https://app.clinic.example", 201),  # an allowed front end
        ("same-origin", None, 201),
        (None, None, 201),  # not a browser: curl, a server-side front end
    ],
)
def test_a_browser_on_another_site_cannot_post_the_form_as_multipart(
    client, referral_page, described, settings, fetch_site, origin, status
):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.clinic.example"]
    headers = {}
    if fetch_site:
        headers["Sec-Fetch-Site"] = fetch_site
    if origin:
        headers["Origin"] = origin
    body = signed(described(), **referral_answers(), referral_letter=upload())

    response = client.post(submissions_url(referral_page), body, headers=headers)

    assert response.status_code == status
    assert Enquiry.objects.count() == (1 if status == 201 else 0)
