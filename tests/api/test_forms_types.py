"""The forms API takes each value only in its field's shape, as JSON or as
the HTML form posts it.

Consent is JSON ``true`` and nothing else; a single-answer field refuses a
list; a multiple choice takes a list of texts; numbers are taken for text
fields (their text is exact). A body must be declared as
``application/json`` or ``multipart/form-data`` (the HTML form's own
encoding, needed for a file): anything else is refused with 415.
"""

import json
from urllib.parse import urlencode

import pytest

from contact.factories import ContactFormFieldFactory
from contact.fields import MULTI_LINE_MAX_LENGTH, SINGLE_LINE_MAX_LENGTH
from enquiries.models import Enquiry

from .conftest import FORM_VALID, VALID

pytestmark = pytest.mark.django_db

NOT_CONSENT = ["no", "0", 0, "off", "false", False, "yes", [True], "on", "true", 1]


def stored():
    return Enquiry.objects.count()


@pytest.mark.parametrize("consent", NOT_CONSENT, ids=repr)
def test_only_json_true_is_consent(api_visitor, consent):
    response = api_visitor.send({**VALID, "health_consent": consent})

    assert response.status_code == 400
    assert response.json()["errors"]["health_consent"]
    assert stored() == 0


def test_json_true_is_consent_and_stored_as_yes(api_visitor):
    response = api_visitor.send({**VALID, "health_consent": True})

    assert response.status_code == 201
    assert Enquiry.objects.get().get_data()["health_consent"] is True


@pytest.fixture
def call_back_box(contact_page):
    """A tick box staff added, not required."""
    return ContactFormFieldFactory(
        page=contact_page, label="Call me back", field_type="checkbox", required=False
    )


@pytest.mark.parametrize("value", ["yes", "on", 1, "true", [True]], ids=repr)
def test_any_tick_box_takes_only_true_or_false(api_visitor, call_back_box, value):
    response = api_visitor.send({**VALID, "call_me_back": value})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "call_me_back": ["Send true to tick this box, or false to leave it unticked."]
    }
    assert stored() == 0


@pytest.mark.parametrize("value", [True, False])
def test_a_tick_box_stores_true_or_false(api_visitor, call_back_box, value):
    assert api_visitor.send({**VALID, "call_me_back": value}).status_code == 201
    assert Enquiry.objects.get().get_data()["call_me_back"] is value


@pytest.mark.parametrize(
    "name, value",
    [
        ("your_name", ["Ada Patient", "Mallory"]),
        ("your_name", ["Ada Patient"]),
        ("reason", ["Ask a question", "Book an appointment"]),
        ("email_address", ["ada@example.com", "eve@example.com"]),
    ],
)
def test_a_list_for_a_single_answer_field_is_refused(api_visitor, name, value):
    response = api_visitor.send({**VALID, name: value})

    assert response.status_code == 400
    assert response.json()["errors"] == {name: ["Send one value, not a list."]}
    assert stored() == 0


@pytest.fixture
def days_boxes(contact_page):
    """A multiple choice staff added."""
    return ContactFormFieldFactory(
        page=contact_page,
        label="Days",
        field_type="checkboxes",
        required=False,
        choices="Monday\nTuesday",
    )


def test_a_multiple_choice_takes_a_list_of_texts(api_visitor, days_boxes):
    response = api_visitor.send({**VALID, "days": ["Monday", "Tuesday"]})

    assert response.status_code == 201
    assert Enquiry.objects.get().get_data()["days"] == ["Monday", "Tuesday"]


@pytest.mark.parametrize("value", ["Monday", ["Monday", 2], [["Monday"]], True])
def test_a_multiple_choice_refuses_anything_but_a_list_of_texts(
    api_visitor, days_boxes, value
):
    response = api_visitor.send({**VALID, "days": value})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["days"]
    assert stored() == 0


def test_numbers_are_taken_as_their_text_for_text_fields(api_visitor):
    api_visitor.open()
    answer = int(api_visitor.right_answer())

    response = api_visitor.send({**VALID, "phone_number": 2079460999}, answer=answer)

    assert response.status_code == 201
    assert Enquiry.objects.get().get_data()["phone_number"] == "2079460999"


@pytest.mark.parametrize("value", [True, False, {"first": "Ada"}])
def test_true_false_or_an_object_is_not_text(api_visitor, value):
    response = api_visitor.send({**VALID, "your_name": value})

    assert response.status_code == 400
    assert response.json()["errors"] == {"your_name": ["Send text or a number."]}
    assert stored() == 0


def test_names_no_field_has_are_still_ignored(api_visitor):
    response = api_visitor.send({**VALID, "unknown": {"any": ["thing", 1]}})

    assert response.status_code == 201
    assert "unknown" not in Enquiry.objects.get().get_data()


def test_the_length_caps_are_described_and_enforced(api_visitor):
    by_name = {field["name"]: field for field in api_visitor.open()["fields"]}
    assert by_name["your_message"]["max_length"] == MULTI_LINE_MAX_LENGTH == 5000
    assert by_name["your_name"]["max_length"] == SINGLE_LINE_MAX_LENGTH == 255

    response = api_visitor.send({**VALID, "your_message": "x" * 5001})

    assert response.status_code == 400
    assert response.json()["errors"]["your_message"] == [
        "This is longer than we can take. Please shorten it to 5,000 characters "
        "or fewer: everything you typed is still here."
    ]
    assert stored() == 0
    response = api_visitor.send({**VALID, "your_message": "x" * 5000})
    assert response.status_code == 201


# JSON, or multipart as the HTML form posts it -------------------------------


def as_form_post(api_visitor):
    """The form's answers and a genuine token, as a cross-site page would
    post them (no preflight needed for these content types)."""
    api_visitor.open()
    api_visitor.clock.advance(30)
    return {
        **FORM_VALID,
        "cf_token": api_visitor.token,
        "cf_answer": api_visitor.right_answer(),
    }


def refused_as_unsupported(response):
    assert response.status_code == 415
    assert response["Accept-Post"] == "application/json, multipart/form-data"
    assert "application/json" in response.json()["errors"]["__all__"][0]
    assert stored() == 0
    return True


def test_a_json_body_sent_as_plain_text_is_refused(client, api_visitor):
    body = json.dumps({**as_form_post(api_visitor), "health_consent": True})
    response = client.post(api_visitor.submissions_url, body, content_type="text/plain")
    assert refused_as_unsupported(response)


def test_an_urlencoded_form_post_is_refused(client, api_visitor):
    body = urlencode(as_form_post(api_visitor))
    response = client.post(
        api_visitor.submissions_url,
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert refused_as_unsupported(response)


def test_a_multipart_post_is_taken_with_the_html_forms_checks(client, api_visitor):
    # Django's test client sends a dict as multipart/form-data, as the HTML
    # form posts it: consent as "on". The same checks apply as to JSON.
    answers = as_form_post(api_visitor)
    response = client.post(api_visitor.submissions_url, {**answers, "cf_answer": "99"})
    assert response.status_code == 400
    assert response.json()["errors"]["cf_answer"]
    assert stored() == 0

    response = client.post(api_visitor.submissions_url, answers)
    assert response.status_code == 201
    assert stored() == 1


@pytest.mark.parametrize(
    "content_type",
    [None, "application/json; charset=latin-1", "application/jsonx", "text/json"],
)
def test_other_or_missing_content_types_are_refused(api_visitor, content_type):
    extra = {"CONTENT_TYPE": content_type} if content_type else {}
    body = json.dumps({**as_form_post(api_visitor), "health_consent": True})
    response = api_visitor.client.generic(
        "POST", api_visitor.submissions_url, body, **extra
    )
    if content_type is None:
        # The test client's default, as a client that names no type.
        assert response.wsgi_request.content_type == "application/octet-stream"
    assert refused_as_unsupported(response)


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "Application/JSON"],
)
def test_json_with_or_without_a_utf8_charset_is_taken(api_visitor, content_type):
    body = json.dumps({**as_form_post(api_visitor), "health_consent": True})
    response = api_visitor.client.post(
        api_visitor.submissions_url, body, content_type=content_type
    )
    assert response.status_code == 201
    assert stored() == 1


def test_the_openapi_document_lists_415(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/forms/{page_id}/submissions/"]["post"]
    assert "415" in operation["responses"]
