"""A drop-down or radio group starts with nothing chosen, so a patient who
skips a required one is told to choose, never recorded as choosing the first
answer; in the HTML form and in the forms API alike."""

import re

import pytest

from contact.factories import ContactFormFieldFactory
from enquiries.models import Enquiry
from tests.api.conftest import APIVisitor

from .conftest import VALID

pytestmark = pytest.mark.django_db

CLINICS = "Central London\nCambridge\nLeeds"
CHOOSE = "Please choose one of the answers."


@pytest.fixture
def clinic_dropdown(contact_page):
    return ContactFormFieldFactory(
        page=contact_page,
        label="Which clinic",
        field_type="dropdown",
        required=True,
        choices=CLINICS,
    )


@pytest.fixture
def api_visitor(client, contact_page, clock):
    return APIVisitor(client, contact_page, clock)


def select_html(html, name):
    return re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)


def test_a_dropdown_starts_on_please_choose(visitor, clinic_dropdown):
    visitor.open()
    select = select_html(visitor.html, "which_clinic")

    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert options[0] == ("", "Please choose…")
    assert [value for value, _ in options[1:]] == CLINICS.split("\n")
    assert "selected" not in select.split("</option>")[1]  # not Central London
    assert " required" in select


def test_a_radio_group_starts_with_nothing_chosen(visitor):
    visitor.open()
    radios = re.findall(r'<input type="radio" name="reason"[^>]*>', visitor.html)
    assert len(radios) == 2
    assert not any("checked" in radio for radio in radios)


@pytest.mark.parametrize("skipped", ["which_clinic", "reason"])
def test_skipping_a_required_choice_is_an_error_that_keeps_the_rest(
    visitor, clinic_dropdown, skipped
):
    visitor.open()
    data = {**VALID, "which_clinic": "Leeds"}
    data[skipped] = ""

    response = visitor.send(data)

    assert response.status_code == 200
    assert Enquiry.objects.count() == 0
    form = response.context["form"]
    assert form.errors[skipped] == [CHOOSE]
    html = visitor.html
    assert "I have had back pain for years." in html
    assert 'value="ada@example.com"' in html


def test_a_chosen_answer_is_stored(visitor, clinic_dropdown):
    visitor.open()
    response = visitor.send({**VALID, "which_clinic": "Cambridge"})

    assert response.status_code == 302
    assert Enquiry.objects.get().get_data()["which_clinic"] == "Cambridge"


def test_the_api_describes_no_default_and_no_placeholder(api_visitor, clinic_dropdown):
    fields = {field["name"]: field for field in api_visitor.open()["fields"]}

    for name in ("which_clinic", "reason"):
        assert fields[name]["default"] is None
        assert fields[name]["required"] is True
        assert "" not in [choice["value"] for choice in fields[name]["choices"]]
    assert [c["value"] for c in fields["which_clinic"]["choices"]] == (
        CLINICS.split("\n")
    )


@pytest.mark.parametrize("skipped", ["which_clinic", "reason"])
@pytest.mark.parametrize("how", ["left out", "empty"])
def test_the_api_refuses_a_skipped_choice(api_visitor, clinic_dropdown, skipped, how):
    body = {**VALID, "health_consent": True, "which_clinic": "Leeds"}
    if how == "left out":
        del body[skipped]
    else:
        body[skipped] = ""

    response = api_visitor.send(body)

    assert response.status_code == 400
    assert response.json()["errors"] == {skipped: [CHOOSE]}
    assert Enquiry.objects.count() == 0


def test_the_api_refuses_an_answer_that_is_not_offered(api_visitor, clinic_dropdown):
    body = {**VALID, "health_consent": True, "which_clinic": "Please choose…"}

    response = api_visitor.send(body)

    assert response.status_code == 400
    assert response.json()["errors"]["which_clinic"] == [
        "That is not one of the answers we can take. Please choose one of them."
    ]
