"""What a clinical reviewer sees while a page waits for clinical sign-off.

Wagtail's action menu gives a reviewer everything at once (Publish, Cancel
workflow, Unpublish, Lock, three approvals...), sorted for editors. During
sign-off a reviewer needs few things, in this order:

1. **Record clinical review, approve and publish** (the main button, when
   their account is linked to a specialist; otherwise "Approve and publish");
2. **Approve and publish without a new review** (a typo fix);
3. **Request changes** (with a comment, back to the editor);
4. **Save draft** (their own corrections, still waiting for sign-off);
5. **Preview the submitted version** (in a new tab).

Publishing directly, cancelling the editor's request, unpublishing and
locking stay where they were for everyone else; a reviewer who needs them
reaches them from the page listing's menu once the sign-off is done.

After "Record clinical review, approve and publish", Wagtail says only
"Page ... has been updated": ``say_what_the_review_did`` replaces that with
what happened and when the next review is due.
"""

from django.contrib import messages
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.action_menu import (
    ActionMenuItem,
    SaveDraftMenuItem,
    WorkflowMenuItem,
)

from .models import ClinicalSignOffTask

# How dates are written to staff across the clinical review screens.
DATE_FORMAT = "j F Y"

LABELS = {
    "record": "Record clinical review, approve and publish",
    "approve_only": "Approve and publish without a new review",
    "approve": "Approve and publish",
    "reject": "Request changes",
}


class PreviewSubmittedVersionMenuItem(ActionMenuItem):
    """A link to the version the editor submitted, opened in a new tab."""

    label = "Preview the submitted version"
    name = "action-preview-submitted"
    icon_name = "view"
    template_name = "techniques/admin/preview_menu_item.html"

    def __init__(self, page, task):
        super().__init__()
        self.url = reverse(
            "wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk]
        )

    def get_url(self, parent_context):
        return self.url


def _workflow_item(items, name, launch_modal):
    for item in items:
        if (
            isinstance(item, WorkflowMenuItem)
            and item.name == name
            and item.launch_modal == launch_modal
        ):
            return item
    return None


def reviewers_action_menu(menu_items, request, context):
    """``construct_page_action_menu`` hook: the reviewer's few actions, in order.

    Only while the page waits for clinical sign-off and only for someone who
    may act on it (Wagtail gives others no workflow items)."""
    page = context.get("page")
    task = page.current_workflow_task if page is not None else None
    if not isinstance(task, ClinicalSignOffTask):
        return
    if not any(isinstance(item, WorkflowMenuItem) for item in menu_items):
        return
    record = _workflow_item(menu_items, ClinicalSignOffTask.RECORD_AND_APPROVE, False)
    approve = _workflow_item(menu_items, "approve", False)
    reject = _workflow_item(menu_items, "reject", True) or _workflow_item(
        menu_items, "reject", False
    )
    save_draft = next(
        (item for item in menu_items if isinstance(item, SaveDraftMenuItem)), None
    )
    if record:
        record.label = LABELS["record"]
    if approve:
        approve.label = LABELS["approve_only"] if record else LABELS["approve"]
        approve.icon_name = "success"
    if reject:
        reject.label = LABELS["reject"]
    preview = PreviewSubmittedVersionMenuItem(page, task)
    menu_items[:] = [
        item for item in (record, approve, reject, save_draft, preview) if item
    ]


def review_outcome_message(page):
    """What "Record clinical review, approve and publish" did, for the reviewer."""
    due = page.next_review_due
    if due is None:
        return "Reviewed and published."
    return f"Reviewed and published; next review due {format_date(due, DATE_FORMAT)}"


def say_what_the_review_did(request, page):
    """``after_edit_page`` hook: after the reviewer recorded a review and
    approved, replace Wagtail's "Page ... has been updated" with the outcome."""
    if (
        request.POST.get("workflow-action-name")
        != ClinicalSignOffTask.RECORD_AND_APPROVE
    ):
        return
    page = type(page.specific).objects.get(pk=page.pk)
    if not page.live or page.last_reviewed != timezone.localdate():
        return  # the approval did not go through; Wagtail's message stands
    # Reading the queued messages marks them as shown; the ones kept are
    # queued again, so only Wagtail's "has been updated" is dropped.
    storage = messages.get_messages(request)
    kept = [
        message
        for message in storage
        if not (
            message.level == messages.SUCCESS
            and "has been updated" in str(message.message)
        )
    ]
    for message in kept:
        messages.add_message(
            request, message.level, message.message, message.extra_tags
        )
    messages.success(request, review_outcome_message(page))
