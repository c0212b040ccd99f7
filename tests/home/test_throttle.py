"""The counter store behind the site's limits: new windows clear away old
ones, so the table stays small without a separate job."""

import time

from home import throttle
from home.throttle import Throttle, ThrottleCounter


def test_a_new_window_now_and_then_sweeps_away_ended_ones(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    limit = Throttle("test", limit=1, period=60)
    for n in range(30):
        limit.hit(f"visitor-{n}")
    monkeypatch.setattr(throttle, "now", lambda: time.time() + 61)
    monkeypatch.setattr(throttle.random, "randrange", lambda n: 0)
    with django_capture_on_commit_callbacks(execute=True):
        limit.hit("a new visitor")
    assert ThrottleCounter.objects.count() == 1
