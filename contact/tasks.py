"""Sending a submission's emails in the background, with bounded retries.

The submission is already stored when these run, so a slow or broken mail
server can delay an email but never the visitor or the submission.

Retries: neither django-tasks nor the django-tasks-db worker retries a failed
task, so the task retries itself: on failure it enqueues its next attempt
``CONTACT_EMAIL_RETRY_DELAYS[n]`` seconds later (``run_after``) and, after the
last delay, gives up with an error that names only the submission number.
With a backend that cannot defer (the immediate backend of development and
tests) the next attempt runs at once; the number of attempts is still bounded.

Nothing here logs what the visitor wrote or their address: a task's arguments
are a submission id and an email kind, and a mail error is reported by its
class name only (its text can contain recipient addresses).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from enquiries.models import Enquiry

from . import notifications

logger = logging.getLogger(__name__)


class EmailDeliveryFailed(Exception):
    """Raised once every attempt has failed, so the task is marked failed."""


def retry_delays():
    return list(settings.CONTACT_EMAIL_RETRY_DELAYS)


@task()
def send_submission_email(submission_id, kind, attempt=1):
    """Send the ``kind`` email ("clinic", "visitor" or "location") of one
    submission."""
    from home.models import ClinicSettings

    submission = Enquiry.objects.filter(pk=submission_id).select_related("page").first()
    if submission is None:
        logger.info(
            "Submission %s no longer exists; no %s email sent.", submission_id, kind
        )
        return "gone"
    page = submission.page.specific
    clinic = ClinicSettings.load()
    message = notifications.build(kind, page, submission, clinic)
    if message is None:
        return "nothing to send"

    try:
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any mail failure is retried
        return _retry_or_give_up(submission_id, kind, attempt, error)
    if attempt > 1:
        logger.info(
            "The %s email for submission %s was sent on attempt %d.",
            kind,
            submission_id,
            attempt,
        )
    return "sent"


def _retry_or_give_up(submission_id, kind, attempt, error):
    delays = retry_delays()
    attempts = len(delays) + 1
    reason = type(error).__name__
    if attempt >= attempts:
        logger.error(
            "Gave up sending the %s email for submission %s after %d attempts (%s).",
            kind,
            submission_id,
            attempts,
            reason,
        )
        # "from None": the original error's text may hold addresses, and the
        # task backend stores and logs the traceback of a failed task.
        raise EmailDeliveryFailed(
            f"The {kind} email for submission {submission_id} could not be sent "
            f"after {attempts} attempts ({reason})."
        ) from None

    delay = delays[attempt - 1]
    next_attempt = send_submission_email
    if next_attempt.get_backend().supports_defer:
        next_attempt = next_attempt.using(
            run_after=timezone.now() + timedelta(seconds=delay)
        )
    logger.warning(
        "The %s email for submission %s failed (attempt %d of %d, %s); "
        "trying again in %d s.",
        kind,
        submission_id,
        attempt,
        attempts,
        reason,
        delay,
    )
    next_attempt.enqueue(submission_id, kind, attempt + 1)
    return "retry scheduled"


def queue_submission_emails(page, submission):
    """Queue the emails a new submission causes; never raise.

    A failure to queue is logged (without data) and the visitor still gets
    their thank-you page: the submission itself is already stored.
    """
    kinds = []
    if page.to_address.strip():
        kinds.append(notifications.CLINIC)
    if page.send_confirmation_email and page.visitor_email(submission):
        kinds.append(notifications.VISITOR)
    if notifications.location_recipients(page, submission):
        kinds.append(notifications.LOCATION)
    for kind in kinds:
        try:
            send_submission_email.enqueue(submission.pk, kind)
        except Exception as error:  # noqa: BLE001 - the visitor must not see it
            logger.error(
                "Could not queue the %s email for submission %s (%s).",
                kind,
                submission.pk,
                type(error).__name__,
            )
