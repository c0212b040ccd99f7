"""Shared passwords on private pages and documents cannot be guessed at
speed: after AXES_FAILURE_LIMIT wrong ones from a client in
AXES_COOLOFF_HOURS, every attempt from it is refused until the hour is up."""

import time

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home import throttle
from home.factories import StandardPageFactory
from home.models import ClinicSettings
from tests.concurrency import at_once

PASSWORD = "ward-7-leaflets"  # noqa: S105
GUESSER = "203.0.113.9"


class FrozenClock:
    def __init__(self, monkeypatch):
        self.now = float(int(time.time()))
        monkeypatch.setattr(throttle, "now", lambda: self.now)

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    return FrozenClock(monkeypatch)


@pytest.fixture
def private_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Staff rota", slug="rota")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


def try_password(client, private_page, password):
    page, restriction = private_page
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
    )


def test_the_sixth_attempt_after_five_wrong_passwords_is_refused(
    private_page, clock, settings
):
    assert settings.AXES_FAILURE_LIMIT == 5
    clinic = ClinicSettings.load()
    clinic.phone = "020 7946 0000"
    clinic.save()
    guesser = Client(REMOTE_ADDR=GUESSER)
    for n in range(5):
        wrong = try_password(guesser, private_page, f"guess-{n}")
        assert wrong.status_code == 200
        assert "not correct" in wrong.content.decode()
        clock.advance(1)

    refused = try_password(guesser, private_page, PASSWORD)  # even the right one

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(3600 - 5)
    html = refused.content.decode()
    assert "Too many wrong passwords" in html
    assert "try again in 60 minutes" in html
    assert "020 7946 0000" in html
    assert "Staff rota" not in guesser.get(private_page[0].url).content.decode()
    # Another client is not affected.
    assert try_password(Client(), private_page, PASSWORD).status_code == 302


def test_the_lock_ends_with_the_cool_off(private_page, clock):
    guesser = Client(REMOTE_ADDR=GUESSER)
    for n in range(5):
        try_password(guesser, private_page, f"guess-{n}")
    clock.advance(3600 - 1)
    assert try_password(guesser, private_page, PASSWORD).status_code == 429
    clock.advance(1)
    assert try_password(guesser, private_page, PASSWORD).status_code == 302


def test_only_wrong_passwords_count(private_page):
    visitor = Client(REMOTE_ADDR=GUESSER)
    for n in range(4):
        assert try_password(visitor, private_page, f"typo-{n}").status_code == 200
    for _ in range(3):
        assert try_password(visitor, private_page, PASSWORD).status_code == 302
    assert "Staff rota" in visitor.get(private_page[0].url).content.decode()
    assert try_password(visitor, private_page, "typo-5").status_code == 200
    assert try_password(visitor, private_page, "typo-6").status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(private_page):
    for n in range(5):
        try_password(
            Client(REMOTE_ADDR=GUESSER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"),
            private_page,
            f"guess-{n}",
        )
    sixth = Client(REMOTE_ADDR=GUESSER, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert try_password(sixth, private_page, PASSWORD).status_code == 429


@pytest.mark.django_db(transaction=True)
def test_guesses_sent_at_the_same_moment_are_limited_too(private_page):
    def guess(n):
        return lambda: (
            try_password(
                Client(REMOTE_ADDR=GUESSER), private_page, f"guess-{n}"
            ).status_code
        )

    statuses = at_once([guess(n) for n in range(10)])

    assert sorted(statuses) == [200] * 5 + [429] * 5


def test_private_document_passwords_are_limited_the_same_way(home_page, clock):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    guesser = Client(REMOTE_ADDR=GUESSER)
    for n in range(5):
        response = guesser.post(url, {"password": f"guess-{n}", "return_url": "/"})
        assert response.status_code == 200
    refused = guesser.post(url, {"password": PASSWORD, "return_url": "/"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert (
        Client().post(url, {"password": PASSWORD, "return_url": "/"}).status_code == 302
    )
