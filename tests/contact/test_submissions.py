"""Sending the form: stored once, robots turned away, people never lose what
they typed, and every error explained at the top and at the field."""

import re
import time

import pytest
from django.core import signing

from contact.spam import Challenge
from enquiries.models import Enquiry
from tests.contact.conftest import VALID


def stored():
    return Enquiry.objects.count()


@pytest.fixture
def fixed_numbers(monkeypatch):
    """Questions come out as 1+2, 3+4, 5+6, ... so 'a new question' is certain."""
    numbers = iter(range(100))
    monkeypatch.setattr("contact.spam.secrets.randbelow", lambda n: next(numbers) % n)


# Post/Redirect/Get ------------------------------------------------------------


def test_a_valid_form_is_stored_and_redirects_to_the_thank_you_page(
    visitor, contact_page
):
    visitor.open()
    response = visitor.send()
    assert response.status_code == 302
    assert response["Location"].startswith(f"{contact_page.url}?sent=")
    assert stored() == 1

    thanks = visitor.client.get(response["Location"])
    assert "Thank you, we will reply soon." in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"]


def test_only_what_the_visitor_typed_and_their_consent_are_stored(visitor):
    visitor.open()
    visitor.send()
    data = Enquiry.objects.get().get_data()
    assert data["your_message"] == "I have had back pain for years."
    assert data["health_consent"] is True
    for internal in ("cf_token", "cf_answer", "cf_website"):
        assert internal not in data


def test_refreshing_the_thank_you_page_never_sends_again(visitor):
    visitor.open()
    thank_you = visitor.send()["Location"]
    for _ in range(3):
        response = visitor.client.get(thank_you)
        assert response.status_code == 200
        assert "Message sent" in response.content.decode()
    assert stored() == 1


def test_a_made_up_thank_you_link_shows_the_form(client, contact_page):
    forged = signing.dumps(contact_page.pk + 1, salt="contact.sent")
    for marker in ("1", forged):
        html = client.get(contact_page.url, {"sent": marker}).content.decode()
        assert "Message sent" not in html
        assert 'name="your_message"' in html


# Errors: clear, linked, nothing lost ----------------------------------------


def test_errors_are_summarised_linked_and_tied_to_their_fields(visitor):
    visitor.open()
    response = visitor.send({**VALID, "email_address": "not-an-email", "reason": ""})
    html = response.content.decode()
    assert stored() == 0
    assert "<title>Error: " in html
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_email_address"' in summary
    assert 'href="#id_reason_0"' in summary
    email = re.search(r'<input[^>]*name="email_address"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in email
    assert 'aria-describedby="id_email_address-error"' in email
    assert 'id="id_email_address-error"' in html
    assert re.search(r'<fieldset aria-describedby="id_reason-error">', html)


def test_a_missing_field_keeps_everything_else_including_the_answer(visitor):
    visitor.open()
    answer = visitor.right_answer()
    html = visitor.send({**VALID, "email_address": ""}).content.decode()
    assert stored() == 0
    assert "I have had back pain for years." in html
    assert 'value="Ada Patient"' in html
    assert f'value="{answer}"' in html  # the right answer is kept too
    assert re.search(r'name="health_consent"[^>]*checked', html)
    # Fixing the one field is enough.
    assert visitor.send({**VALID}, answer=answer, think_time=5).status_code == 302
    assert stored() == 1


def test_consent_must_be_given_on_a_form_about_health(visitor):
    visitor.open()
    data = {k: v for k, v in VALID.items() if k != "health_consent"}
    html = visitor.send(data).content.decode()
    assert stored() == 0
    assert re.search(r'href="#id_health_consent">Consent: Tick this box', html)
    assert "I have had back pain for years." in html


def test_a_form_that_does_not_ask_about_health_needs_no_consent(visitor, contact_page):
    contact_page.asks_about_health = False
    contact_page.save()
    visitor.open()
    assert 'name="health_consent"' not in visitor.html
    data = {k: v for k, v in VALID.items() if k != "health_consent"}
    assert visitor.send(data).status_code == 302
    assert "health_consent" not in Enquiry.objects.get().get_data()


# The sum ----------------------------------------------------------------------


def test_a_wrong_sum_stores_nothing_and_asks_a_new_question(visitor, fixed_numbers):
    visitor.open()
    first_question, first_token = visitor.question, visitor.token
    wrong = str(int(visitor.right_answer()) + 1)
    response = visitor.send(answer=wrong)
    html = response.content.decode()

    assert response.status_code == 200
    assert stored() == 0
    assert visitor.question != first_question
    assert visitor.token != first_token
    assert re.search(r'href="#id_cf_answer">The sum: That is not the right', html)
    answer = re.search(r'<input[^>]*name="cf_answer"[^>]*>', html).group(0)
    assert "value=" not in answer  # cleared for the new question
    assert 'aria-describedby="id_cf_answer-help id_cf_answer-error"' in answer
    # Everything else the visitor typed is still there.
    assert 'value="Ada Patient"' in html
    assert 'value="020 7946 0999"' in html
    assert "I have had back pain for years." in html
    assert re.search(r'value="Book an appointment"[^>]*checked', html)

    # The new question, answered, sends the form (no second wait needed).
    assert visitor.send(think_time=1).status_code == 302
    assert stored() == 1


# "²" and "①" are digits to Python's str.isdigit() but not numbers to int().
@pytest.mark.parametrize("answer", ["eight", "²", "①"])
def test_an_answer_that_is_not_a_number_gets_a_clear_message(visitor, answer):
    visitor.open()
    response = visitor.send(answer=answer)
    assert response.status_code == 200
    assert stored() == 0
    assert "Enter the answer as a number" in response.content.decode()


def test_a_sum_the_robot_chose_itself_is_refused(visitor, contact_page):
    visitor.open()
    payload = {"t": int(time.time()) - 60, "a": 1, "b": 1}
    forged = signing.dumps(payload, salt="wrong-salt")
    response = visitor.client.post(
        contact_page.url, {**VALID, "cf_token": forged, "cf_answer": "2"}
    )
    assert response.status_code == 200
    assert stored() == 0
    assert "Something went wrong with the form" in response.content.decode()


def test_a_form_left_open_too_long_asks_again_and_keeps_the_text(
    visitor, contact_page, monkeypatch
):
    two_days_ago = time.time() - 2 * 24 * 3600
    with monkeypatch.context() as past:
        past.setattr(signing.time, "time", lambda: two_days_ago)
        old_token = Challenge(
            rendered_at=int(two_days_ago), first=2, second=2
        ).to_token(contact_page.pk)
    response = visitor.client.post(
        contact_page.url, {**VALID, "cf_token": old_token, "cf_answer": "4"}
    )
    visitor.html = html = response.content.decode()
    assert stored() == 0
    assert "open for a long time" in html
    assert "I have had back pain for years." in html
    # The fresh question is accepted straight away: they have waited enough.
    assert visitor.send(think_time=0).status_code == 302
    assert stored() == 1


# Robots -----------------------------------------------------------------------


def test_a_filled_honeypot_stores_nothing_and_sends_nothing(visitor, mailoutbox):
    visitor.open()
    response = visitor.send({**VALID, "cf_website": "http://spam.example"})
    assert response.status_code == 302  # looks like success to the robot
    assert stored() == 0
    assert mailoutbox == []


def test_a_post_faster_than_a_person_stores_nothing(visitor, mailoutbox):
    visitor.open()
    response = visitor.send(think_time=0)
    html = response.content.decode()
    assert response.status_code == 200
    assert stored() == 0
    assert mailoutbox == []
    assert "quicker than we expected" in html
    assert "I have had back pain for years." in html
    # A person who then presses Send again a little later gets through.
    assert visitor.send(think_time=5).status_code == 302
    assert stored() == 1


def test_a_post_without_the_form_stores_nothing(client, contact_page):
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert stored() == 0
    assert "Something went wrong with the form" in response.content.decode()


# The limit per client ---------------------------------------------------------


def send_from(visitor, ip, **headers):
    visitor.open()
    return visitor.send(REMOTE_ADDR=ip, **headers)


def test_a_sixth_message_in_ten_minutes_is_refused_with_the_clinics_phone(
    visitor, clinic
):
    for _ in range(5):
        assert send_from(visitor, "203.0.113.5").status_code == 302
    response = send_from(visitor, "203.0.113.5")
    html = response.content.decode()
    assert response.status_code == 429
    assert stored() == 5
    assert "cannot accept another one just now" in html
    assert '<a href="tel:02079460000">020 7946 0000</a>' in html
    assert "I have had back pain for years." in html  # nothing lost

    # Another visitor is not affected.
    assert send_from(visitor, "198.51.100.7").status_code == 302


def test_the_phone_number_in_the_message_comes_from_the_clinic_settings(
    visitor, clinic
):
    clinic.phone = "01632 960 123"
    clinic.save()
    for _ in range(5):
        send_from(visitor, "203.0.113.5")
    html = send_from(visitor, "203.0.113.5").content.decode()
    assert "01632 960 123" in html


def test_mistakes_do_not_count_towards_the_limit(visitor):
    for _ in range(8):
        visitor.open()
        visitor.send({**VALID, "email_address": ""}, REMOTE_ADDR="203.0.113.5")
    assert send_from(visitor, "203.0.113.5").status_code == 302


def test_the_limit_is_a_setting(visitor, settings):
    settings.CONTACT_RATE_LIMIT_COUNT = 7
    for _ in range(7):
        assert send_from(visitor, "203.0.113.5").status_code == 302
    assert send_from(visitor, "203.0.113.5").status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(visitor):
    for n in range(6):
        response = send_from(
            visitor, "203.0.113.5", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_client_is_limited(visitor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for n in range(5):
        response = send_from(
            visitor, proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.5"
        )
        assert response.status_code == 302
    assert (
        send_from(visitor, proxy, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    )
    assert (
        send_from(visitor, proxy, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
        == 302
    )
