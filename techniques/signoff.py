"""Clinical sign-off: the workflow on the clinical sections, and recording reviews.

``create_clinical_sign_off_workflow`` and ``attach_clinical_sign_off`` take an
``apps`` registry so that the data migration can run them on its historical
models; tests and signals call them with the default (the real models).
"""

import logging

from django.apps import apps as global_apps
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

logger = logging.getLogger("clinic.signoff")

REVIEWERS_GROUP = "Clinical reviewers"
WORKFLOW_NAME = "Clinical sign-off"
TASK_NAME = "Clinical sign-off"
# What clinical reviewers may do in the clinical sections. Editing and
# publishing (which the workflow's final approval does on their behalf);
# creating and deleting pages stays with editors.
REVIEWER_PAGE_PERMISSIONS = ("change", "publish", "lock", "unlock")
CLINICAL_INDEX_MODELS = ("TechniqueIndexPage", "ConditionIndexPage")
REVIEW_LOG_ACTION = "techniques.record_clinical_review"


class ReviewNotAllowed(Exception):
    """A review cannot be recorded; the message says why, for the user."""


def specialist_for(user):
    """The specialist profile linked to ``user``, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    from techniques.models import Specialist

    return Specialist.objects.filter(user=user).first()


def can_record_review(user):
    """Whether ``user`` may record clinical reviews at all."""
    from techniques.models import SIGN_OFF_PERMISSION

    return user.is_active and user.has_perm(SIGN_OFF_PERMISSION)


@transaction.atomic
def record_clinical_review(page, user, on=None):
    """Record that ``user``'s specialist reviewed ``page`` on ``on`` (today).

    The only code that moves a page's review dates (see
    ``techniques.models.review``). It writes the page row directly, not a new
    revision: a review changes no content, and must survive whatever revision
    is published next. The page's history shows who recorded it.
    """
    from techniques.models import ClinicalReviewMixin

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


def create_clinical_sign_off_workflow(apps=global_apps):
    """Create the "Clinical sign-off" workflow, its task and reviewers' group,
    and attach it to the clinical index pages that exist. Safe to run again.

    Also retires Wagtail's default "Moderators approval" workflow when nobody
    can approve it (its Moderators group is empty): left on the root page, it
    would offer editors a "Submit to Moderators approval" that no one answers.
    """
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("techniques", "ClinicalSignOffTask")

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="techniques", model="clinicalsignofftask"
    )
    task = Task.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = Task.objects.create(name=TASK_NAME, content_type=task_type)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    _retire_unanswered_moderators_workflow(apps)
    for model_name in CLINICAL_INDEX_MODELS:
        for page in apps.get_model("techniques", model_name).objects.all():
            attach_clinical_sign_off(page, apps)
    return workflow


def attach_clinical_sign_off(page, apps=global_apps):
    """Put ``page``'s section under clinical sign-off, and let reviewers in.

    Does nothing if the workflow has not been created (a test database that
    was emptied); ``create_clinical_sign_off_workflow`` creates it.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    reviewers = Group.objects.filter(name=REVIEWERS_GROUP).first()
    if workflow is None or reviewers is None:
        return False
    WorkflowPage.objects.update_or_create(
        page_id=page.pk, defaults={"workflow": workflow}
    )
    for action in REVIEWER_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{action}_page"
        )
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page_id=page.pk, permission=permission
        )
    return True


def _retire_unanswered_moderators_workflow(apps):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None and moderators.user_set.exists():
        return
    for workflow in Workflow.objects.filter(name="Moderators approval", active=True):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
