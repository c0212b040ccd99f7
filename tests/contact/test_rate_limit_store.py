"""The contact form's limit per client holds: the page cache cannot flush
it, its window is exactly the documented period, and requests sent at the
same moment cannot slip past it."""

import time

import pytest
from django.core.cache import caches
from django.test import Client

from contact import spam
from enquiries.models import Enquiry
from home import throttle
from tests.concurrency import at_once
from tests.contact.conftest import VALID, Visitor

CLIENT_IP = "203.0.113.5"


def stored():
    return Enquiry.objects.count()


class FrozenClock:
    """The form's and the limits' clocks stand still until moved."""

    def __init__(self, monkeypatch):
        self.now = time.time()
        monkeypatch.setattr(spam, "now", lambda: self.now)
        monkeypatch.setattr(throttle, "now", lambda: self.now)

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def frozen_clock(monkeypatch):
    return FrozenClock(monkeypatch)


def send_from(visitor, ip=CLIENT_IP):
    visitor.open()
    return visitor.send(REMOTE_ADDR=ip)


def use_up_the_limit(visitor):
    for _ in range(5):
        assert send_from(visitor).status_code == 302
    assert send_from(visitor).status_code == 429
    assert stored() == 5


def test_emptying_the_cache_does_not_reset_a_clients_limit(visitor):
    use_up_the_limit(visitor)
    caches["default"].clear()
    assert send_from(visitor).status_code == 429
    assert stored() == 5


def test_a_flood_of_unique_page_views_does_not_reset_a_clients_limit(
    visitor, home_page, monkeypatch, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    # A small page cache, so a modest flood fills it (production's file cache
    # holds 10,000 entries; the attack is the same with more URLs).
    monkeypatch.setattr(caches["default"], "_max_entries", 30)
    use_up_the_limit(visitor)
    for n in range(60):
        assert Client().get(home_page.url, {"flood": n}).status_code == 200
    assert send_from(visitor).status_code == 429
    assert stored() == 5


@pytest.fixture
def quick_visitor(contact_page, frozen_clock, settings):
    """Sends at once, so the clock says exactly when each post arrives."""
    settings.CONTACT_MIN_FILL_SECONDS = 0
    visitor = Visitor(Client(), contact_page, frozen_clock)
    original_send = visitor.send
    visitor.send = lambda **extra: original_send(think_time=0, **extra)
    return visitor


def test_the_window_is_exactly_the_documented_period(quick_visitor, frozen_clock):
    first = frozen_clock.now
    for _ in range(5):
        assert send_from(quick_visitor).status_code == 302
        frozen_clock.advance(60)
    # One second before the end of the window: still refused, and told so.
    frozen_clock.now = first + 600 - 1
    refused = send_from(quick_visitor)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    assert "try again in 1 minute." in refused.content.decode()
    # At the end of the window: a new one starts.
    frozen_clock.now = first + 600
    assert send_from(quick_visitor).status_code == 302
    assert stored() == 6


def test_retry_after_is_the_time_left_in_the_window(quick_visitor, frozen_clock):
    for _ in range(5):
        assert send_from(quick_visitor).status_code == 302
    frozen_clock.advance(200)
    refused = send_from(quick_visitor)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "400"
    assert "try again in 7 minutes." in refused.content.decode()


def test_the_counters_hold_no_client_address(visitor):
    send_from(visitor)
    keys = " ".join(throttle.ThrottleCounter.objects.values_list("key", flat=True))
    assert CLIENT_IP not in keys


@pytest.mark.django_db(transaction=True)
def test_posts_at_the_same_moment_never_store_more_than_the_limit(
    contact_page, clock, settings, monkeypatch
):
    settings.CONTACT_RATE_LIMIT_COUNT = 3
    # A slow disk: each store takes a while, so the posts truly overlap.
    slow_store = contact_page.__class__.process_form_submission

    def process_form_submission(page, form):
        time.sleep(0.05)
        return slow_store(page, form)

    monkeypatch.setattr(
        contact_page.__class__, "process_form_submission", process_form_submission
    )
    visitors = [Visitor(Client(), contact_page, clock) for _ in range(8)]
    for visitor in visitors:
        visitor.open()
    clock.advance(30)

    def post(visitor):
        data = {**VALID, "cf_token": visitor.token, "cf_answer": visitor.right_answer()}
        return lambda: (
            visitor.client.post(
                contact_page.url, data, REMOTE_ADDR=CLIENT_IP
            ).status_code
        )

    statuses = at_once([post(visitor) for visitor in visitors])

    assert sorted(statuses) == [302] * 3 + [429] * 5
    assert stored() == 3
