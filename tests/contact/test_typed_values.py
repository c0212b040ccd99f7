"""The HTML form takes a tick box only with the box's own value, and one
answer per single-answer field; anything else is an error at that field,
with everything the visitor typed kept and nothing stored."""

import re

import pytest

from contact.factories import ContactFormFieldFactory
from enquiries.models import Enquiry
from tests.contact.conftest import VALID

ONE_ANSWER = "Please give just one answer here."


def stored():
    return Enquiry.objects.count()


def tag(html, name):
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html)
    assert match, name
    return match.group(0)


def test_the_consent_box_posts_an_explicit_value(visitor):
    visitor.open()
    assert 'value="on"' in tag(visitor.html, "health_consent")


@pytest.mark.parametrize("consent", ["no", "0", "off", "false", "yes", "", "ON"])
def test_a_consent_that_is_not_the_boxs_value_is_refused(visitor, consent):
    visitor.open()
    response = visitor.send({**VALID, "health_consent": consent})
    html = response.content.decode()

    assert response.status_code == 200
    assert stored() == 0
    assert re.search(r'href="#id_health_consent">Consent: Tick this box', html)
    # Shown unticked, so the visitor ticks it themselves; the rest is kept.
    assert "checked" not in tag(html, "health_consent")
    assert 'value="Ada Patient"' in tag(html, "your_name")
    assert "I have had back pain for years." in html


def test_the_boxs_own_value_is_consent(visitor):
    visitor.open()
    assert visitor.send({**VALID, "health_consent": "on"}).status_code == 302
    assert Enquiry.objects.get().get_data()["health_consent"] is True


def test_a_staff_tick_box_takes_only_its_own_value(visitor, contact_page):
    ContactFormFieldFactory(
        page=contact_page, label="Call me back", field_type="checkbox", required=False
    )
    visitor.open()
    html = visitor.send({**VALID, "call_me_back": "no"}).content.decode()
    assert stored() == 0
    assert "Something went wrong with this tick box." in html

    assert visitor.send({**VALID, "call_me_back": "on"}).status_code == 302
    assert Enquiry.objects.get().get_data()["call_me_back"] is True


@pytest.mark.parametrize(
    "name, values",
    [
        ("your_name", ["Ada Patient", "Mallory"]),
        ("email_address", ["ada@example.com", "eve@example.com"]),
        ("reason", ["Ask a question", "Book an appointment"]),
        ("health_consent", ["on", "on"]),
    ],
)
def test_several_values_for_a_single_answer_field_are_refused(visitor, name, values):
    visitor.open()
    response = visitor.send({**VALID, name: values})
    html = response.content.decode()

    assert response.status_code == 200
    assert stored() == 0
    assert f'href="#id_{name}' in html.split('class="error-summary"', 1)[1]
    assert "I have had back pain for years." in html
    if name != "health_consent":
        assert response.context["form"].errors[name] == [ONE_ANSWER]


def test_several_tokens_are_refused_for_the_whole_form(visitor):
    visitor.open()
    token = visitor.token
    visitor.clock.advance(30)
    response = visitor.client.post(
        visitor.page.url,
        {**VALID, "cf_token": [token, token], "cf_answer": visitor.right_answer()},
    )
    assert response.status_code == 200
    assert stored() == 0
    assert response.context["form"].non_field_errors()


def test_a_multiple_choice_still_takes_several_values(visitor, contact_page):
    ContactFormFieldFactory(
        page=contact_page,
        label="Days",
        field_type="checkboxes",
        required=False,
        choices="Monday\nTuesday",
    )
    visitor.open()
    assert visitor.send({**VALID, "days": ["Monday", "Tuesday"]}).status_code == 302
    assert Enquiry.objects.get().get_data()["days"] == ["Monday", "Tuesday"]
