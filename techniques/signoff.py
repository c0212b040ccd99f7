"""Clinical sign-off: the workflow on the clinical sections, and recording reviews.

``create_clinical_sign_off_workflow`` and ``attach_clinical_sign_off`` take an
``apps`` registry so that the data migration can run them on its historical
models; tests and signals call them with the default (the real models).

Recording a review (``record_clinical_review`` and the checks before it) is
defined with the workflow's task in ``techniques.models.workflow``, since the
task records reviews itself; it is offered here, to the views, as before.
"""

from django.apps import apps as global_apps

from techniques.models.workflow import (
    REVIEW_LOG_ACTION,
    ReviewNotAllowed,
    can_record_review,
    record_clinical_review,
    specialist_for,
)

__all__ = [
    "REVIEW_LOG_ACTION",
    "ReviewNotAllowed",
    "attach_clinical_sign_off",
    "can_record_review",
    "create_clinical_sign_off_workflow",
    "record_clinical_review",
    "specialist_for",
]

REVIEWERS_GROUP = "Clinical reviewers"
WORKFLOW_NAME = "Clinical sign-off"
TASK_NAME = "Clinical sign-off"
# What clinical reviewers may do in the clinical sections. Editing and
# publishing (which the workflow's final approval does on their behalf);
# creating and deleting pages stays with editors.
REVIEWER_PAGE_PERMISSIONS = ("change", "publish", "lock", "unlock")
CLINICAL_INDEX_MODELS = ("TechniqueIndexPage", "ConditionIndexPage")


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
