"""One way in for a contact form submission, whichever door it comes through.

The HTML form (``ContactPage.serve_post``) and the forms API
(``contact/api.py``) both call ``submit``: the same form class checks the
fields, the consent, the sum, the honeypot and the time taken; the same
single-use token and rate limit apply; the same
``ContactPage.process_form_submission`` stores the submission and queues its
emails. Only the answer differs: an HTML page or redirect there, JSON here.
"""

import enum
import logging
import math
from dataclasses import dataclass

from django.db import transaction

from enquiries import files

from . import spam

logger = logging.getLogger(__name__)


class Outcome(enum.Enum):
    STORED = "stored"
    INVALID = "invalid"  # the visitor is told what to correct
    ROBOT = "robot"  # the honeypot was filled in: nothing is stored
    RATE_LIMITED = "rate_limited"  # valid, but over the limit: not stored


@dataclass
class SubmissionResult:
    outcome: Outcome
    form: object  # the bound ContactForm, with its errors and next question
    submission: object = None  # the stored Enquiry
    retry_after: int = 0  # seconds left in the client's window, when limited

    @property
    def retry_after_minutes(self):
        return max(1, math.ceil(self.retry_after / 60))


def submit(page, request, data, files=None):
    """Check ``data`` with the page's form and store it if it passes.

    ``data`` is a ``QueryDict``-like mapping of field names to posted values,
    as an HTML form sends them.
    """
    # Error reports must never show what a patient wrote.
    request.sensitive_post_parameters = "__ALL__"
    form = page.get_form(data, files, page=page, user=request.user)
    if form.is_valid():
        return _store(page, request, form)
    if form.tripped_honeypot:
        logger.info("Discarded a robot's post to contact page %s.", page.pk)
        return SubmissionResult(Outcome.ROBOT, form)
    if form.failed_check("too_fast"):
        logger.info("A post to contact page %s came too fast.", page.pk)
    return SubmissionResult(Outcome.INVALID, form)


def _store(page, request, form):
    """Spend the token, count the client, store: all or nothing.

    Only a valid form gets here, so corrections never count. The token is
    spent and the client's slot reserved atomically *before* storing, in the
    transaction that stores: of several posts at once, no more than the limit
    are stored and a token is stored once; a refused post changes nothing.
    """
    with files.kept_only_if_stored(), transaction.atomic():
        if not spam.spend(form.posted_challenge):
            # Another post of this token was stored a moment ago.
            form.refuse_spent_token()
            logger.info("A spent token was sent to contact page %s.", page.pk)
            return SubmissionResult(Outcome.INVALID, form)
        hit = spam.submission_limit().hit(spam.rate_limit_key(request))
        if not hit.allowed:
            # Nothing of this post is kept: not the count, not the spent token.
            transaction.set_rollback(True)
            logger.warning("Rate limit reached on contact page %s.", page.pk)
            return SubmissionResult(
                Outcome.RATE_LIMITED, form, retry_after=hit.retry_after
            )
        submission = page.process_form_submission(form)
    return SubmissionResult(Outcome.STORED, form, submission)


def rate_limit_message(clinic, minutes):
    """What a visitor over the limit is told (the HTML page says the same,
    with the phone number as a link)."""
    message = (
        "You have sent several messages in the last few minutes, so we cannot "
        "accept another one just now."
    )
    wait = f"{minutes} minute{'' if minutes == 1 else 's'}"
    if clinic is not None and clinic.phone:
        return f"{message} Please call us on {clinic.phone}, or try again in {wait}."
    return f"{message} Please try again in {wait}."
