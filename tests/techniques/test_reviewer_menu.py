"""A clinical reviewer's action menu during sign-off: the few actions that
matter, in order, and a message that says what recording a review did."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.models import Workflow

from techniques.models import add_months
from techniques.signoff import WORKFLOW_NAME
from tests.admin_forms import untouched_form_data

from .test_signoff import submit_new_technique

pytestmark = pytest.mark.django_db

REVIEWER_MENU = [
    "Record clinical review, approve and publish",
    "Approve and publish without a new review",
    "Request changes",
    "Save draft",
    "Preview the submitted version",
]


def action_menu(client, user, page):
    """The labels of the editor's footer actions, main button first."""
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    html = html.decode()
    footer = html[html.index("<footer") : html.index("</footer>")]
    labels = []
    for match in re.finditer(r"<(button|a)\b([^>]*)>(.*?)</\1>", footer, re.S):
        attributes, text = match.group(2), re.sub(r"<[^>]+>", " ", match.group(3))
        text = " ".join(text.split()).replace(" (opens in a new tab)", "")
        if "More actions" in text or "data-w-dropdown-target" in attributes:
            continue
        if text:
            labels.append(text)
    return labels


@pytest.fixture
def submitted(client, editor, clinical_sections):
    return submit_new_technique(client, editor, clinical_sections[0])


@pytest.fixture
def live_and_resubmitted(client, admin_user, editor, technique):
    """A live page an editor changed and sent for sign-off again."""
    technique.save_revision().publish()
    Workflow.objects.get(name=WORKFLOW_NAME).start(technique, editor)
    return technique


def test_a_linked_reviewer_sees_the_few_actions_in_order(client, reviewer, submitted):
    assert action_menu(client, reviewer, submitted) == REVIEWER_MENU


def test_a_live_page_offers_no_unpublish_or_publish_during_sign_off(
    client, reviewer, live_and_resubmitted
):
    assert action_menu(client, reviewer, live_and_resubmitted) == REVIEWER_MENU


def test_a_reviewer_without_a_profile_approves_first(
    client, unlinked_reviewer, submitted
):
    assert action_menu(client, unlinked_reviewer, submitted) == [
        "Approve and publish",
        "Request changes",
        "Save draft",
        "Preview the submitted version",
    ]


def test_the_preview_item_opens_the_submitted_version(client, reviewer, submitted):
    client.force_login(reviewer)
    task = submitted.current_workflow_task
    url = reverse("wagtailadmin_pages:workflow_preview", args=[submitted.pk, task.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    assert f'href="{url}" target="_blank"' in edit.content.decode()
    assert client.get(url).status_code == 200


def test_editors_keep_their_own_menu(client, editor, submitted):
    # Wagtail's own: the page is locked while it waits for the reviewer, and
    # the editor may withdraw their request.
    assert action_menu(client, editor, submitted) == ["Cancel workflow", "Page locked"]


@pytest.fixture
def reviewer_client(reviewer):
    """The reviewer's own browser (not the editor's, with its messages)."""
    client = Client()
    client.force_login(reviewer)
    return client


def test_recording_a_review_says_what_happened(reviewer_client, reviewer, submitted):
    client = reviewer_client
    data = untouched_form_data(
        submitted,
        reviewer,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "record_review_and_approve",
        },
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data, follow=True
    )

    today = timezone.localdate()
    due = format_date(add_months(today, 12), "j F Y")
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [f"Reviewed and published; next review due {due}"]
    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.last_reviewed == today


def test_the_message_uses_the_pages_own_interval(reviewer_client, reviewer, submitted):
    client = reviewer_client
    submitted.review_interval_months = 6
    submitted.save_revision()
    data = untouched_form_data(
        submitted,
        reviewer,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "record_review_and_approve",
        },
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data, follow=True
    )

    due = add_months(timezone.localdate(), 6)
    assert isinstance(due, datetime.date)
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [
        f"Reviewed and published; next review due {format_date(due, 'j F Y')}"
    ]


def test_plain_approval_keeps_wagtails_message(reviewer_client, reviewer, submitted):
    client = reviewer_client
    data = untouched_form_data(
        submitted,
        reviewer,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1
    assert "has been updated" in shown[0]


def test_recording_from_the_dashboard_says_what_happened_too(
    reviewer_client, submitted
):
    """The dashboard's "Awaiting your review" buttons post to Wagtail's
    workflow action view, which has no message of its own."""
    task_state = submitted.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submitted.pk, "record_review_and_approve", task_state.pk],
    )

    response = reviewer_client.post(url, follow=True)

    due = format_date(add_months(timezone.localdate(), 12), "j F Y")
    assert response.request["PATH_INFO"] == reverse("wagtailadmin_home")
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [f"Reviewed and published; next review due {due}"]
    submitted.refresh_from_db()
    assert submitted.live


def test_the_outcome_page_says_nothing_when_no_review_was_recorded(
    reviewer_client, submitted
):
    url = reverse("clinical_review_recorded", args=[submitted.pk])
    response = reviewer_client.get(url, follow=True)
    assert [str(message) for message in response.context["messages"]] == []
