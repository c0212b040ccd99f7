"""What a visitor meets on the form: labelled fields, browser autofill,
the care message, the consent box, the sum, and a trap only robots see."""

import re

from contact.factories import ContactFormFieldFactory
from home.models import ClinicSettings
from tests.contact.conftest import VALID


def input_tag(html, name):
    match = re.search(rf'<(?:input|textarea|select)[^>]*name="{name}"[^>]*>', html)
    assert match, name
    return match.group(0)


def test_every_visible_input_has_a_label(visitor):
    visitor.open()
    html = visitor.html
    ids = re.findall(r'<input(?![^>]*type="hidden")[^>]*id="([^"]+)"', html)
    ids += re.findall(r'<textarea[^>]*id="([^"]+)"', html)
    assert "id_your_name" in ids and "id_cf_answer" in ids
    for input_id in ids:
        assert f'for="{input_id}"' in html, input_id


def test_name_email_and_phone_can_be_filled_in_by_the_browser(visitor):
    visitor.open()
    assert 'autocomplete="name"' in input_tag(visitor.html, "your_name")
    assert 'autocomplete="email"' in input_tag(visitor.html, "email_address")
    phone = input_tag(visitor.html, "phone_number")
    assert 'autocomplete="tel"' in phone
    assert 'type="tel"' in phone


def test_fields_staff_add_keep_working_without_wrong_autofill(
    visitor, contact_page, clock
):
    ContactFormFieldFactory(page=contact_page, label="Your GP's phone number")
    ContactFormFieldFactory(page=contact_page, label="First name", required=False)
    ContactFormFieldFactory(
        page=contact_page, label="Date of birth", field_type="date", required=False
    )
    visitor.open()
    gp_phone = input_tag(visitor.html, "your_gps_phone_number")
    assert "autocomplete" not in gp_phone  # not the visitor's own number
    assert 'autocomplete="given-name"' in input_tag(visitor.html, "first_name")
    assert 'for="id_date_of_birth"' in visitor.html

    response = visitor.send(
        {**VALID, "your_gps_phone_number": "01234 567890", "date_of_birth": ""}
    )
    assert response.status_code == 302
    data = contact_page.get_submissions().get().get_data()
    assert data["your_gps_phone_number"] == "01234 567890"


def test_the_form_says_it_is_not_for_emergencies(visitor):
    visitor.open()
    assert "This form is not for emergencies" in visitor.html
    assert "call your local emergency number" in visitor.html


def test_staff_edit_the_care_message(visitor, contact_page):
    contact_page.care_message = "<p>Not for emergencies: call 999.</p>"
    contact_page.save()
    visitor.open()
    assert "Not for emergencies: call 999." in visitor.html


def test_an_empty_care_message_shows_the_clinics_emergency_message(
    visitor, contact_page
):
    clinic = ClinicSettings.load()
    clinic.emergency_message = "<p>In an emergency call 112.</p>"
    clinic.save()
    contact_page.care_message = ""
    contact_page.save()
    visitor.open()
    assert visitor.html.count("In an emergency call 112.") == 2  # banner + form


def test_consent_is_a_separate_box_with_the_staffs_wording(visitor, contact_page):
    contact_page.health_consent_text = "I agree you may use my health details."
    contact_page.save()
    visitor.open()
    box = input_tag(visitor.html, "health_consent")
    assert 'type="checkbox"' in box
    assert "checked" not in box
    assert (
        '<label for="id_health_consent">I agree you may use my health details.'
        in visitor.html
    )


def test_the_sum_is_a_labelled_field_whose_numbers_change(client, contact_page):
    questions = set()
    for _ in range(15):
        html = client.get(contact_page.url).content.decode()
        assert '<label class="field__label" for="id_cf_answer">What is' in html
        questions.add(re.search(r"What is \d plus \d\?", html).group(0))
    assert len(questions) > 1


def test_staff_can_switch_the_sum_off(visitor, contact_page):
    contact_page.ask_question = False
    contact_page.save()
    visitor.open()
    assert "What is" not in visitor.html
    assert 'name="cf_answer"' not in visitor.html
    assert visitor.send().status_code == 302
    assert contact_page.get_submissions().count() == 1


def test_the_robot_trap_is_hidden_from_people_and_screen_readers(visitor):
    visitor.open()
    match = re.search(
        r'<div class="field" hidden aria-hidden="true">\s*'
        r'<label for="id_cf_website">[^<]+</label>\s*(<input[^>]+>)',
        visitor.html,
    )
    assert match, "honeypot must sit inside an element with the hidden attribute"
    assert 'tabindex="-1"' in match.group(1)
    assert 'autocomplete="off"' in match.group(1)


def test_a_button_can_preselect_the_reason(visitor):
    visitor.open(reason="appointment")
    assert re.search(r'value="Book an appointment"[^>]*checked', visitor.html)
    visitor.open(reason="question")
    assert re.search(r'value="Ask a question"[^>]*checked', visitor.html)
    visitor.open(reason='"><script>')
    assert "checked" not in visitor.html
    assert "<script>" not in visitor.html.split("<main", 1)[1]


def test_home_page_buttons_preselect_the_reason(client, contact_page, home_page):
    home_page.contact_page = contact_page
    home_page.save()
    html = client.get("/").content.decode()
    assert f'href="{contact_page.url}?reason=appointment"' in html
    assert f'href="{contact_page.url}?reason=question"' in html
