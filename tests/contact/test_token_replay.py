"""A solved question is good for one message: sending its token again, from
anywhere, stores nothing and asks a new question, and so does a form left
open longer than its life. Whatever the visitor typed is kept."""

import json
import re
import time

import pytest
from django.core import signing
from django.test import Client

from contact.spam import TOKEN_SALT, Challenge
from enquiries.models import Enquiry
from tests.concurrency import at_once
from tests.contact.conftest import VALID, Visitor

ALREADY = "We have already received this form once"
EXPIRED = "open for a long time"


def stored():
    return Enquiry.objects.count()


def solved(visitor):
    """The posted fields of the form as ``visitor`` last saw it, solved."""
    return {**VALID, "cf_token": visitor.token, "cf_answer": visitor.right_answer()}


def api_post(page, data, ip="198.51.100.7"):
    body = {**data, "health_consent": True}
    return Client().post(
        f"/api/v3/forms/{page.pk}/submissions/",
        json.dumps(body),
        content_type="application/json",
        REMOTE_ADDR=ip,
    )


def assert_asks_again_keeping_the_text(response, old_token, message):
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "I have had back pain for years." in html
    assert 'value="Ada Patient"' in html
    assert 'value="020 7946 0999"' in html
    new_token = re.search(r'name="cf_token" value="([^"]+)"', html).group(1)
    assert new_token != old_token
    answer = re.search(r'<input[^>]*name="cf_answer"[^>]*>', html).group(0)
    assert "value=" not in answer  # the new question is not answered yet


def test_a_solved_token_sent_again_by_another_client_stores_nothing(
    visitor, contact_page, clock
):
    visitor.open()
    clock.advance(30)
    replay = solved(visitor)
    assert visitor.client.post(contact_page.url, replay).status_code == 302
    assert stored() == 1

    robot = Visitor(Client(REMOTE_ADDR="192.0.2.66"), contact_page, clock)
    response = robot.client.post(contact_page.url, replay)

    assert stored() == 1
    assert_asks_again_keeping_the_text(response, replay["cf_token"], ALREADY)
    # Answering the new question is a new message, like opening the form anew.
    robot.html = response.content.decode()
    assert robot.send(think_time=5).status_code == 302
    assert stored() == 2


def test_a_solved_token_replayed_through_the_api_gets_a_new_question(
    visitor, contact_page, clock
):
    visitor.open()
    clock.advance(30)
    replay = solved(visitor)
    assert visitor.client.post(contact_page.url, replay).status_code == 302

    response = api_post(contact_page, replay)

    assert response.status_code == 400
    body = response.json()
    assert ALREADY in body["errors"]["__all__"][0]
    assert body["question"]["text"].startswith("What is ")
    assert body["token"]["value"] != replay["cf_token"]
    assert stored() == 1


def test_a_token_from_the_api_is_single_use_too(contact_page, clock):
    description = Client().get(f"/api/v3/forms/{contact_page.pk}/").json()
    first, second = re.findall(r"\d", description["question"]["text"])
    data = {
        **VALID,
        "cf_token": description["token"]["value"],
        "cf_answer": str(int(first) + int(second)),
    }
    clock.advance(30)
    assert api_post(contact_page, data).status_code == 201
    again = api_post(contact_page, data, ip="192.0.2.66")
    assert again.status_code == 400
    assert ALREADY in again.json()["errors"]["__all__"][0]
    assert stored() == 1


def test_every_token_of_one_form_is_spent_together(visitor, contact_page, monkeypatch):
    visitor.open()
    first_token, answer = visitor.token, visitor.right_answer()
    # A mistake, a minute later: the form comes back with a freshly signed
    # token for the same question.
    a_minute_later = time.time() + 60
    with monkeypatch.context() as later:
        later.setattr(signing.time, "time", lambda: a_minute_later)
        visitor.send({**VALID, "email_address": ""}, answer=answer)
    assert visitor.token != first_token
    assert visitor.send(answer=answer, think_time=5).status_code == 302

    response = Client().post(
        contact_page.url, {**VALID, "cf_token": first_token, "cf_answer": answer}
    )
    assert stored() == 1
    assert ALREADY in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_double_click_stores_the_message_once(contact_page, clock):
    visitor = Visitor(Client(), contact_page, clock)
    visitor.open()
    clock.advance(30)
    data = solved(visitor)

    def post():
        return Client().post(contact_page.url, data).status_code

    statuses = at_once([post] * 4)

    assert stored() == 1
    assert sorted(statuses) == [200, 200, 200, 302]


def token_signed_ago(seconds, page, monkeypatch, **challenge):
    then = time.time() - seconds
    with monkeypatch.context() as past:
        past.setattr(signing.time, "time", lambda: then)
        return Challenge(rendered_at=int(then), **challenge).to_token(page.pk)


def test_a_form_expires_after_two_hours_keeping_the_text(
    visitor, contact_page, monkeypatch
):
    nearly = token_signed_ago(
        2 * 3600 - 60, contact_page, monkeypatch, first=2, second=2, nonce="a"
    )
    response = visitor.client.post(
        contact_page.url, {**VALID, "cf_token": nearly, "cf_answer": "4"}
    )
    assert response.status_code == 302  # at their own pace: still fine
    assert stored() == 1

    old = token_signed_ago(
        2 * 3600 + 1, contact_page, monkeypatch, first=2, second=2, nonce="b"
    )
    response = visitor.client.post(
        contact_page.url, {**VALID, "cf_token": old, "cf_answer": "4"}
    )
    assert stored() == 1
    assert_asks_again_keeping_the_text(response, old, EXPIRED)
    # The new question is accepted straight away: they have waited enough.
    visitor.html = response.content.decode()
    assert visitor.send(think_time=0).status_code == 302
    assert stored() == 2


def test_an_expired_token_on_the_api_gets_a_new_question_and_stores_nothing(
    contact_page, monkeypatch
):
    old = token_signed_ago(
        3 * 3600, contact_page, monkeypatch, first=2, second=2, nonce="c"
    )
    response = api_post(contact_page, {**VALID, "cf_token": old, "cf_answer": "4"})
    assert response.status_code == 400
    body = response.json()
    assert EXPIRED in body["errors"]["__all__"][0]
    assert body["token"]["value"] != old
    assert stored() == 0


def test_a_token_without_a_nonce_is_refused_and_the_text_kept(visitor, contact_page):
    # As tokens were signed before they became single-use: valid signature,
    # no nonce, so nothing to spend.
    old_format = signing.dumps(
        {"t": int(time.time()) - 60, "a": 2, "b": 2},
        salt=f"{TOKEN_SALT}:{contact_page.pk}",
    )
    response = visitor.client.post(
        contact_page.url, {**VALID, "cf_token": old_format, "cf_answer": "4"}
    )
    assert stored() == 0
    assert_asks_again_keeping_the_text(
        response, old_format, "Something went wrong with the form"
    )
    visitor.html = response.content.decode()
    assert visitor.send().status_code == 302
    assert stored() == 1
