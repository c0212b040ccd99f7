"""When storing a submission fails, the error report (what Django emails to
ADMINS and error trackers read) holds no patient text, for the HTML form and
the forms API alike."""

import sys

import pytest
from django.core.signals import got_request_exception
from django.test import Client
from django.views.debug import get_exception_reporter_class

from enquiries.models import Enquiry

from .conftest import VALID_API, VALID_HTML  # noqa: F401 - fixtures' data

SECRETS = ("Ada Patient", "ada@example.com", "7946 0999", "back pain")


@pytest.fixture
def reports(monkeypatch):
    """Make storing fail, and keep the error report of each failure."""

    def broken_queue(page, submission):
        raise RuntimeError("the task queue is down")

    monkeypatch.setattr("contact.models.queue_submission_emails", broken_queue)
    kept = []

    def keep(sender, request, **kwargs):
        # The reporter Django's error emails use (DEFAULT_EXCEPTION_REPORTER).
        reporter_class = get_exception_reporter_class(request)
        reporter = reporter_class(request, *sys.exc_info(), is_email=True)
        kept.append(reporter.get_traceback_html() + reporter.get_traceback_text())

    got_request_exception.connect(keep)
    yield kept
    got_request_exception.disconnect(keep)


@pytest.fixture
def no_raise(html_visitor, api_visitor):
    client = Client(raise_request_exception=False)
    html_visitor.client = api_visitor.client = client


@pytest.mark.django_db
@pytest.mark.parametrize("door", ["html_visitor", "api_visitor"])
def test_a_failure_while_storing_reports_no_patient_text(
    door, request, reports, no_raise
):
    visitor = request.getfixturevalue(door)
    visitor.open()
    assert visitor.send().status_code == 500
    assert Enquiry.objects.count() == 0  # all or nothing
    [report] = reports
    assert "the task queue is down" in report
    assert "********************" in report  # the variables are there, hidden
    for secret in SECRETS:
        assert secret not in report, secret
