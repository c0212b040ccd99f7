"""The clinical sign-off task, and recording a clinical review.

Both sit with the models because the workflow's task records the review
itself when a reviewer approves with "Record clinical review" (Wagtail calls
``ClinicalSignOffTask.on_action``). ``techniques.signoff``, the service above
the models, sets the workflow up and offers ``record_clinical_review`` to the
views.
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask

from .review import SIGN_OFF_PERMISSION, ClinicalReviewMixin
from .specialists import Specialist

logger = logging.getLogger("clinic.signoff")

REVIEW_LOG_ACTION = "techniques.record_clinical_review"


class ReviewNotAllowed(Exception):
    """A review cannot be recorded; the message says why, for the user."""


def specialist_for(user):
    """The specialist profile linked to ``user``, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Specialist.objects.filter(user=user).first()


def can_record_review(user):
    """Whether ``user`` may record clinical reviews at all."""
    return user.is_active and user.has_perm(SIGN_OFF_PERMISSION)


@transaction.atomic
def record_clinical_review(page, user, on=None):
    """Record that ``user``'s specialist reviewed ``page`` on ``on`` (today).

    The only code that moves a page's review dates (see
    ``techniques.models.review``); ``techniques.signoff`` offers it to views.
    It writes the page row directly, not a new revision: a review changes no
    content, and must survive whatever revision is published next. The page's
    history shows who recorded it.
    """
    if not isinstance(page, ClinicalReviewMixin):
        raise ReviewNotAllowed("Only technique and condition pages are reviewed.")
    if not can_record_review(user):
        raise ReviewNotAllowed("Only clinical reviewers can record a review.")
    specialist = specialist_for(user)
    if specialist is None:
        raise ReviewNotAllowed(
            "Your account is not linked to a specialist profile, so the review "
            "cannot name you. Ask an administrator to link it under Specialists."
        )
    reviewed_on = on or timezone.localdate()
    type(page).objects.filter(pk=page.pk).update(
        last_reviewed=reviewed_on, reviewed_by=specialist
    )
    page.last_reviewed, page.reviewed_by = reviewed_on, specialist
    page.__dict__.pop("next_review_due", None)
    log(
        instance=page,
        action=REVIEW_LOG_ACTION,
        user=user,
        data={"reviewed_on": reviewed_on.isoformat(), "specialist": specialist.name},
    )
    logger.info("Clinical review recorded for page %s", page.pk)
    return page


class ClinicalSignOffTask(GroupApprovalTask):
    """A group approval in which the approver can also record a clinical review.

    The reviewer chooses: "Record clinical review, approve and publish" when
    they have checked the whole page (the dates move, with their specialist
    profile as the reviewer), or plain "Approve" for a change that needs no
    fresh review of the page, such as a typo (the dates stay). Only reviewers
    whose user account is linked to a specialist profile get the first choice.
    """

    RECORD_AND_APPROVE = "record_review_and_approve"

    class Meta:
        verbose_name = "Clinical sign-off task"
        verbose_name_plural = "Clinical sign-off tasks"

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or specialist_for(user) is None:
            return actions
        record = (
            self.RECORD_AND_APPROVE,
            "Record clinical review, approve and publish",
            False,
        )
        return [record, *actions]

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != self.RECORD_AND_APPROVE:
            return super().on_action(task_state, user, action_name, **kwargs)
        page = task_state.workflow_state.content_object.specific
        # The review is written first, so the revision published by the
        # approval below is rebuilt with the new dates (with_content_json).
        record_clinical_review(page, user)
        super().on_action(task_state, user, "approve", **kwargs)
        # Wagtail's workflow action view (the dashboard's buttons) follows
        # this URL, which says what happened; the page editor ignores it and
        # says so itself (techniques.reviewer_menu).
        return reverse("clinical_review_recorded", args=[page.pk])

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve the page; they may also record "
            "a clinical review of it."
        )
