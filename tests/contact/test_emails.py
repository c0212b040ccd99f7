"""The emails a submission causes: sent in the background, retried when the
mail server fails, and never carrying what the patient wrote."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from contact.tasks import send_submission_email
from enquiries.models import Enquiry

SECRETS = (
    "back pain",
    "Ada Patient",
    "ada@example.com",
    "7946 0999",
)


def assert_no_visitor_data(text):
    for secret in SECRETS:
        assert secret not in text, secret


class FlakyBackend(EmailBackend):
    """A mail server that fails ``failures`` times, then works."""

    failures = 0
    attempts = 0

    def send_messages(self, messages):
        FlakyBackend.attempts += 1
        if FlakyBackend.attempts <= FlakyBackend.failures:
            raise ConnectionRefusedError("smtp.clinic.invalid refused ada@example.com")
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.attempts = 0

    def fail(times):
        FlakyBackend.failures = times

    return fail


def test_the_clinic_is_told_without_any_health_details(
    visitor, contact_page, mailoutbox, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.clinic.example"
    visitor.open()
    visitor.send()
    submission = Enquiry.objects.get()

    [message] = mailoutbox
    assert message.to == ["enquiries@clinic.invalid"]
    assert message.subject == "New enquiry"
    assert contact_page.title in message.body
    assert f"Enquiry number: {submission.pk}" in message.body
    # Straight to the enquiry in the inbox, not a form's list of submissions.
    assert f"https://admin.clinic.example/admin/enquiries/{submission.pk}/\n" in (
        message.body
    )
    assert_no_visitor_data(message.subject + message.body)
    assert message.reply_to == []


def test_a_setting_adds_the_details_for_clinics_that_want_them(
    visitor, mailoutbox, settings
):
    settings.CONTACT_NOTIFICATION_INCLUDE_DETAILS = True
    visitor.open()
    visitor.send()
    body = mailoutbox[0].body
    assert "Your message: I have had back pain for years." in body
    assert "Consent to use health information: Yes" in body


def test_no_address_no_notification(visitor, contact_page, mailoutbox):
    contact_page.to_address = ""
    contact_page.save()
    visitor.open()
    assert visitor.send().status_code == 302
    assert Enquiry.objects.count() == 1
    assert mailoutbox == []


def test_the_visitor_can_be_sent_a_confirmation_without_details(
    visitor, contact_page, mailoutbox, clinic
):
    contact_page.send_confirmation_email = True
    contact_page.save()
    visitor.open()
    visitor.send()

    [confirmation] = [m for m in mailoutbox if m.to == ["ada@example.com"]]
    assert "We have received your message" in confirmation.subject
    assert "does not repeat what you wrote" in confirmation.body
    assert "020 7946 0000" in confirmation.body
    assert "not for emergencies" in confirmation.body
    for secret in ("back pain", "Ada Patient", "Book an appointment"):
        assert secret not in confirmation.subject + confirmation.body
    assert len(mailoutbox) == 2  # and the clinic's notification


def test_no_confirmation_unless_staff_switch_it_on(visitor, mailoutbox):
    visitor.open()
    visitor.send()
    assert [m.to for m in mailoutbox] == [["enquiries@clinic.invalid"]]


def test_a_broken_mail_server_loses_nothing_and_the_retry_sends_it(
    visitor, flaky_mail, caplog
):
    flaky_mail(times=2)
    visitor.open()
    with caplog.at_level(logging.INFO):
        response = visitor.send()

    assert response.status_code == 302  # the visitor is thanked as usual
    assert Enquiry.objects.count() == 1
    assert FlakyBackend.attempts == 3
    [message] = mail.outbox
    assert "Enquiry number" in message.body
    assert "failed (attempt 1 of 6, ConnectionRefusedError)" in caplog.text
    assert "sent on attempt 3" in caplog.text
    assert_no_visitor_data(caplog.text)


def test_when_every_attempt_fails_the_submission_stays_and_the_log_is_clean(
    visitor, flaky_mail, caplog
):
    flaky_mail(times=100)
    visitor.open()
    with caplog.at_level(logging.DEBUG):
        response = visitor.send()

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1
    assert FlakyBackend.attempts == 6
    assert mail.outbox == []
    assert "Gave up sending the clinic email for submission" in caplog.text
    assert_no_visitor_data(caplog.text)
    assert "smtp.clinic.invalid" not in caplog.text  # the error's own text


def test_an_email_for_a_deleted_submission_is_skipped(visitor, mailoutbox):
    result = send_submission_email.enqueue(123456, "clinic")
    assert result.return_value == "gone"
    assert mailoutbox == []


@pytest.fixture
def database_queue(settings, monkeypatch):
    """The production backend: tasks wait in the database for `db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker drops connections that are not in autocommit mode; the test's
    # own transaction is one, and on PostgreSQL dropping it ends the test.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections",
        lambda: None,
    )


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)


def test_in_production_the_email_waits_for_the_worker_and_is_retried_later(
    visitor, database_queue, flaky_mail, caplog
):
    flaky_mail(times=1)
    visitor.open()
    assert visitor.send().status_code == 302
    submission = Enquiry.objects.get()

    # Stored, and the email is only queued: the request did not touch mail.
    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs == {"args": [submission.pk, "clinic"], "kwargs": {}}
    assert FlakyBackend.attempts == 0

    with caplog.at_level(logging.INFO):
        run_worker()
    assert FlakyBackend.attempts == 1
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry.args_kwargs["args"] == [submission.pk, "clinic", 2]
    assert retry.run_after > timezone.now() + timedelta(seconds=50)

    run_worker()  # not due yet: nothing happens
    assert FlakyBackend.attempts == 1

    DBTaskResult.objects.filter(pk=retry.pk).update(
        run_after=timezone.now() - timedelta(seconds=1)
    )
    run_worker()
    assert FlakyBackend.attempts == 2
    assert len(mail.outbox) == 1
    assert_no_visitor_data(caplog.text)
    for row in DBTaskResult.objects.all():
        assert_no_visitor_data(str(row.args_kwargs) + row.traceback)


def test_the_stored_task_of_a_failed_email_holds_no_visitor_data(
    visitor, database_queue, flaky_mail, settings
):
    settings.CONTACT_EMAIL_RETRY_DELAYS = ()
    flaky_mail(times=100)
    visitor.open()
    visitor.send()
    run_worker()
    failed = DBTaskResult.objects.get()
    assert failed.status == "FAILED"
    assert "EmailDeliveryFailed" in failed.exception_class_path
    assert_no_visitor_data(failed.traceback + str(failed.args_kwargs))
