"""The forms API: describes the contact form and stores what the HTML form
stores, refusing what it refuses, through the same code."""

import json
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client
from wagtail.models import PageViewRestriction

from contact.factories import ContactFormFieldFactory
from contact.spam import Challenge
from enquiries.models import Enquiry
from enquiries.references import SHAPE
from home.models import ClinicSettings

from .conftest import FORM_VALID, VALID, get_json

pytestmark = pytest.mark.django_db


def test_the_description_has_the_fields_in_order_and_the_built_in_checks(
    client, contact_page
):
    ContactFormFieldFactory(
        page=contact_page,
        label="Best time to call",
        field_type="dropdown",
        required=False,
        choices="Morning\nAfternoon",
        default_value="Morning",
        help_text="We'll call on weekdays.",
    )
    ContactFormFieldFactory(
        page=contact_page,
        label="Call me back",
        field_type="checkbox",
        required=False,
        default_value="on",
    )

    form = get_json(client, f"/api/v3/forms/{contact_page.pk}/")

    names = [field["name"] for field in form["fields"]]
    assert names == [
        "your_name",
        "email_address",
        "phone_number",
        "reason",
        "your_message",
        "best_time_to_call",
        "call_me_back",
        "health_consent",
        "cf_answer",
    ]
    by_name = {field["name"]: field for field in form["fields"]}
    assert by_name["your_name"] == {
        "name": "your_name",
        "label": "Your name",
        "type": "singleline",
        "required": True,
        "choices": [],
        "help_text": "",
        "default": None,
        "autocomplete": "name",
        "input_mode": None,
        "max_length": 255,
        "accept": None,
        "max_bytes": None,
    }
    assert by_name["email_address"]["type"] == "email"
    assert by_name["phone_number"]["required"] is False
    assert by_name["reason"]["type"] == "radio"
    assert by_name["reason"]["choices"] == [
        {"value": "Ask a question", "label": "Ask a question"},
        {"value": "Book an appointment", "label": "Book an appointment"},
    ]
    assert by_name["best_time_to_call"]["default"] == "Morning"
    assert by_name["best_time_to_call"]["help_text"] == "We'll call on weekdays."
    assert by_name["best_time_to_call"]["type"] == "dropdown"
    assert by_name["call_me_back"]["default"] is True
    assert by_name["health_consent"]["default"] is False
    assert by_name["health_consent"]["required"] is True
    assert form["consent"] == {
        "name": "health_consent",
        "text": contact_page.health_consent_text,
    }
    assert "not for emergencies" in form["care_message"]
    assert form["intro"] == "<p>Ask us anything.</p>"
    assert form["honeypot"]["name"] == "cf_website"
    assert form["honeypot"]["name"] not in names


def test_each_description_brings_a_fresh_signed_question(client, contact_page):
    url = f"/api/v3/forms/{contact_page.pk}/"
    first, *others = [get_json(client, url) for _ in range(5)]

    # Within one second, two draws of 1..9 + 1..9 can match by chance (1 in
    # 81); five identical tokens in a row would mean the question is fixed.
    tokens = {form["token"]["value"] for form in [first, *others]}
    assert len(tokens) > 1
    challenge = Challenge.from_token(first["token"]["value"], contact_page.pk)
    assert first["question"] == {
        "name": "cf_answer",
        "text": f"What is {challenge.first} plus {challenge.second}?",
    }
    assert "no-store" in client.get(url)["Cache-Control"]


def test_forms_without_the_question_or_consent_say_so(client, contact_page):
    contact_page.ask_question = False
    contact_page.asks_about_health = False
    contact_page.save_revision().publish()

    form = get_json(client, f"/api/v3/forms/{contact_page.pk}/")

    assert form["question"] is None
    assert form["consent"] is None
    assert [f["name"] for f in form["fields"]][-1] == "your_message"


def test_a_draft_or_private_form_cannot_be_read_or_sent(client, contact_page):
    url = f"/api/v3/forms/{contact_page.pk}/"
    PageViewRestriction.objects.create(page=contact_page, restriction_type="login")
    assert client.get(url).status_code == 404
    assert client.post(url + "submissions/", "{}", "application/json").status_code == (
        404
    )
    PageViewRestriction.objects.all().delete()
    contact_page.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v3/forms/{contact_page.get_parent().pk}/").status_code == (
        404
    )


def test_a_valid_submission_is_stored_and_its_emails_queued(api_visitor):
    response = api_visitor.send({**VALID, "health_consent": True})

    assert response.status_code == 201
    submission = Enquiry.objects.get()
    assert response.json() == {
        "id": submission.pk,
        "reference": submission.reference,
        "thank_you_text": "<p>Thank you, we will reply soon.</p>",
    }
    assert SHAPE.fullmatch(submission.reference)
    assert submission.form_data == {
        "your_name": "Ada Patient",
        "email_address": "ada@example.com",
        "phone_number": "020 7946 0999",
        "reason": "Book an appointment",
        "your_message": "I have had back pain for years.",
        "health_consent": True,
    }
    [notification] = mail.outbox
    assert notification.to == ["enquiries@clinic.invalid"]
    assert "back pain" not in notification.body


# Each case: what is sent, through the HTML form and through the API alike.
CASES = {
    "valid": {},
    "valid without the optional phone": {"drop": ["phone_number"]},
    "a long message": {"set": {"your_message": "word " * 1000}},
    "a message over 5,000 characters": {"set": {"your_message": "x" * 5001}},
    "a name over 255 characters": {"set": {"your_name": "x" * 256}},
    "consent sent as no": {"set": {"health_consent": "no"}},
    "several reasons": {"set": {"reason": ["Ask a question", "Book an appointment"]}},
    "missing name": {"set": {"your_name": ""}},
    "not an email address": {"set": {"email_address": "ada-at-example"}},
    "a reason that is not offered": {"set": {"reason": "Something else"}},
    "no consent": {"drop": ["health_consent"]},
    "wrong answer": {"answer": "wrong"},
    "answer not a number": {"answer": "seven"},
    "answer missing": {"answer": ""},
    "too fast": {"think": 0},
    "honeypot filled in": {"set": {"cf_website": "http://spam.example"}},
    "token altered": {"token_problem": "tampered"},
    "token missing": {"token_problem": "missing"},
    "form left open for two days": {"token_problem": "expired"},
    "null character": {"set": {"your_name": "Ada\x00"}},
}


def case_data(case, valid=VALID):
    data = {k: v for k, v in valid.items() if k not in case.get("drop", [])}
    data.update(case.get("set", {}))
    return data


def case_answer(case, right):
    answer = case.get("answer", right)
    if answer == "wrong":
        return str(int(right) + 1)
    return answer


def case_token(case, token, page):
    problem = case.get("token_problem")
    if problem == "expired":
        two_days_ago = time.time() - 2 * 24 * 3600
        with mock.patch.object(signing.time, "time", lambda: two_days_ago):
            challenge = Challenge(rendered_at=int(two_days_ago), first=2, second=2)
            return challenge.to_token(page.pk)
    if problem == "tampered":
        return token[:-3] + "xyz"
    if problem == "missing":
        return ""
    return token


def outcome_html(client, page, case, token, right):
    data = {
        **case_data(case, FORM_VALID),
        "cf_token": case_token(case, token, page),
        "cf_answer": case_answer(case, right),
    }
    before = Enquiry.objects.count()
    response = client.post(page.url, data)
    stored = Enquiry.objects.order_by("pk").last()
    if Enquiry.objects.count() > before:
        return "stored", stored.form_data
    if response.status_code == 302:  # the honeypot's make-believe thank-you
        return "refused", {"__all__"}
    errors = response.context["form"].errors
    return "refused", set(errors)


def outcome_api(api_visitor, case, token, right):
    body = {
        **case_data(case),
        "cf_token": case_token(case, token, api_visitor.page),
        "cf_answer": case_answer(case, right),
    }
    before = Enquiry.objects.count()
    response = api_visitor.post(body)
    if response.status_code == 201:
        assert Enquiry.objects.count() == before + 1
        return "stored", Enquiry.objects.get(pk=response.json()["id"]).form_data
    assert response.status_code == 400, response.content
    assert Enquiry.objects.count() == before
    return "refused", set(response.json()["errors"])


@pytest.mark.parametrize("name", CASES)
def test_the_api_stores_what_the_html_form_stores_and_refuses_what_it_refuses(
    client, html_visitor, api_visitor, clock, name
):
    case = CASES[name]
    html_visitor.open()
    api_visitor.open()
    clock.advance(case.get("think", 30))

    html = outcome_html(
        client, html_visitor.page, case, html_visitor.token, html_visitor.right_answer()
    )
    api = outcome_api(api_visitor, case, api_visitor.token, api_visitor.right_answer())

    assert html == api
    expected = "stored" if name.startswith(("valid", "a long")) else "refused"
    assert api[0] == expected


def test_json_true_and_false_work_for_tick_boxes(api_visitor):
    refused = api_visitor.send({**VALID, "health_consent": False})
    assert refused.status_code == 400
    assert "health_consent" in refused.json()["errors"]

    assert api_visitor.send({**VALID, "health_consent": True}).status_code == 201


def test_a_wrong_sum_gets_a_new_question_and_keeps_nothing_stored(api_visitor):
    response = api_visitor.send(answer="99")

    assert response.status_code == 400
    body = response.json()
    assert body["errors"]["cf_answer"] == [
        "That is not the right answer. We have changed the numbers: please "
        "answer the new question."
    ]
    assert body["question"]["text"].startswith("What is")
    assert Enquiry.objects.count() == 0
    # The new question, answered, goes through (no wait: same form session).
    assert api_visitor.send(think_time=0).status_code == 201


def test_a_filled_honeypot_stores_and_sends_nothing(api_visitor):
    response = api_visitor.send({**VALID, "cf_website": "http://spam.example"})

    assert response.status_code == 400
    assert response.json()["errors"]["__all__"]
    assert Enquiry.objects.count() == 0
    assert mail.outbox == []


def test_over_the_limit_is_429_with_the_clinics_phone(
    api_visitor, html_visitor, settings
):
    settings.CONTACT_RATE_LIMIT_COUNT = 2
    details = ClinicSettings.load()
    details.phone = "020 7946 0000"
    details.save()
    # The HTML form and the API count together: same visitor, same limit.
    html_visitor.open()
    assert html_visitor.send().status_code == 302
    assert api_visitor.send().status_code == 201

    response = api_visitor.send()

    assert response.status_code == 429
    # The window opened with the first message, 60 s (two think times) ago.
    assert response["Retry-After"] == "540"
    body = response.json()
    assert body["retry_after"] == 540
    assert "020 7946 0000" in body["errors"]["__all__"][0]
    assert Enquiry.objects.count() == 2


@pytest.mark.parametrize(
    "body, message",
    [
        ('{"your_name": "Ada"', "not valid JSON"),
        ("", "not valid JSON"),
        ("your_name=Ada&cf_answer=3", "not valid JSON"),
        ("\xff\xfe", "not valid JSON"),
        ('{"a": NaN}', "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('"text"', "must be a JSON object"),
        ("null", "must be a JSON object"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_a_400(api_visitor, body, message):
    # Django's test client leaves out the Content-Type of an empty body.
    response = api_visitor.post(body, CONTENT_TYPE="application/json")

    assert response.status_code == 400
    assert message in response.json()["errors"]["__all__"][0]
    assert Enquiry.objects.count() == 0


def test_a_value_that_no_form_field_takes_is_a_400_for_that_field(api_visitor):
    api_visitor.open()
    response = api_visitor.post({**VALID, "your_name": {"first": "Ada"}})

    assert response.status_code == 400
    assert response.json()["errors"] == {"your_name": ["Send text or a number."]}


def test_an_oversized_body_is_refused_without_an_error_page(api_visitor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = api_visitor.post({**VALID, "your_message": "x" * 20_000})

    assert response.status_code == 413
    assert response.json()["errors"]["__all__"] == ["The submission is too large."]


def test_no_csrf_token_is_needed_and_sessions_change_nothing(
    contact_page, clock, admin_user
):
    """A front end on another origin has no CSRF cookie; the spam checks
    stand in for it, and an admin session gives no extra power."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(admin_user)
    form = get_json(browser, f"/api/v3/forms/{contact_page.pk}/")
    clock.advance(30)
    challenge = Challenge.from_token(form["token"]["value"], contact_page.pk)
    body = {
        **VALID,
        "cf_token": form["token"]["value"],
        "cf_answer": challenge.first + challenge.second,
    }

    response = browser.post(
        f"/api/v3/forms/{contact_page.pk}/submissions/",
        json.dumps(body),
        content_type="application/json",
    )

    assert response.status_code == 201
