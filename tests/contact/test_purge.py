"""`manage.py purge_submissions` deletes only what is old enough."""

import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from enquiries.models import Enquiry
from home import throttle
from home.throttle import Throttle


def submission(page, age_days):
    item = Enquiry.objects.create(page=page, form_data={"your_name": "A"})
    Enquiry.objects.filter(pk=item.pk).update(
        submit_time=timezone.now() - timedelta(days=age_days)
    )
    return item


def purge(*args):
    out = StringIO()
    call_command("purge_submissions", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def submissions(contact_page):
    return {age: submission(contact_page, age) for age in (0, 30, 364, 366, 400, 1000)}


def test_deletes_only_submissions_older_than_twelve_months(submissions):
    output = purge()
    assert "Deleted 3 form submission(s)" in output
    assert "older than 365 days" in output
    kept = set(Enquiry.objects.values_list("pk", flat=True))
    assert kept == {submissions[age].pk for age in (0, 30, 364)}


def test_dry_run_counts_and_deletes_nothing(submissions):
    output = purge("--dry-run")
    assert "Would delete 3 form submission(s)" in output
    assert Enquiry.objects.count() == 6


def test_the_period_is_a_setting_and_an_option(submissions, settings):
    settings.CONTACT_SUBMISSION_RETENTION_DAYS = 90
    assert "Deleted 4" in purge()
    assert "Deleted 1" in purge("--days", "7")
    assert list(Enquiry.objects.values_list("pk", flat=True)) == [submissions[0].pk]


def test_nothing_to_delete_says_so(contact_page):
    submission(contact_page, 1)
    assert "Deleted 0 form submission(s)" in purge()
    assert Enquiry.objects.count() == 1


def test_refuses_a_period_that_would_delete_everything(submissions):
    with pytest.raises(CommandError):
        purge("--days", "0")
    assert Enquiry.objects.count() == 6


def test_also_removes_rate_limit_counters_whose_window_has_ended(db, monkeypatch):
    limit = Throttle("test", limit=5, period=600)
    limit.hit("ended")
    monkeypatch.setattr(throttle, "now", lambda: time.time() + 601)
    limit.hit("live")
    assert "Deleted 1 ended rate-limit counter(s)" in purge()
    assert throttle.ThrottleCounter.objects.count() == 1
    assert limit.retry_after("live") == 600
