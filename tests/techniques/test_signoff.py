"""Clinical sign-off: an editor's change goes live only after a reviewer approves,
and only a reviewer's explicit choice records a clinical review."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from techniques.factories import ConditionIndexPageFactory, TechniqueIndexPageFactory
from techniques.models import ClinicalSignOffTask, TechniquePage
from techniques.signoff import (
    REVIEW_LOG_ACTION,
    WORKFLOW_NAME,
    ReviewNotAllowed,
    record_clinical_review,
)

from .test_review_dates import edit_form_data


def create_form(title, slug, action):
    return {
        **edit_form_data(
            TechniquePage(
                title=title,
                slug=slug,
                summary="A new treatment.",
                modality="electrical",
                delivery="implanted",
            )
        ),
        action: "1",
    }


def submit_new_technique(client, editor, section):
    client.force_login(editor)
    response = client.post(
        reverse(
            "wagtailadmin_pages:add",
            args=["techniques", "techniquepage", section.pk],
        ),
        create_form("Dorsal root ganglion stimulation", "drg", "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return TechniquePage.objects.get(slug="drg")


def act(client, user, page, action):
    client.force_login(user)
    state = page.current_workflow_state
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def refused(response):
    """Wagtail's admin answers a forbidden action with 403 or a redirect home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_both_clinical_sections_are_under_clinical_sign_off(clinical_sections):
    for section in clinical_sections:
        workflow = section.get_workflow()
        assert workflow.name == WORKFLOW_NAME
        tasks = [task.specific for task in workflow.tasks]
        assert [type(task) for task in tasks] == [ClinicalSignOffTask]
        assert [g.name for g in tasks[0].groups.all()] == ["Clinical reviewers"]


def test_a_section_created_later_is_put_under_sign_off(staff_roles, home_page):
    """A new install gets its sections after the migration ran."""
    section = TechniqueIndexPageFactory(parent=home_page)
    assert section.get_workflow().name == WORKFLOW_NAME
    conditions = ConditionIndexPageFactory(parent=home_page)
    assert conditions.get_workflow().name == WORKFLOW_NAME


def test_an_editor_cannot_publish_a_clinical_page_directly(
    client, editor, clinical_sections
):
    client.force_login(editor)
    section = clinical_sections[0]
    add_url = reverse(
        "wagtailadmin_pages:add", args=["techniques", "techniquepage", section.pk]
    )
    form = client.get(add_url).content.decode()
    assert 'name="action-publish"' not in form
    assert 'name="action-submit"' in form

    client.post(add_url, create_form("New", "new", "action-publish"))
    page = TechniquePage.objects.get(slug="new")
    assert not page.live  # saved as a draft, not published


def test_an_editor_still_publishes_general_pages(client, editor, home_page):
    from home.factories import StandardPageFactory

    about = StandardPageFactory(parent=home_page, live=False)
    assert about.permissions_for_user(editor).can_publish()


def test_submitted_page_waits_for_a_reviewer(
    client, editor, reviewer, clinical_sections
):
    page = submit_new_technique(client, editor, clinical_sections[0])
    assert not page.live
    assert page.workflow_in_progress
    # The editor cannot approve their own change.
    assert refused(act(client, editor, page, "approve"))
    page.refresh_from_db()
    assert not page.live


def test_recording_a_review_on_approval_publishes_and_dates_the_page(
    client, editor, reviewer, clinical_sections
):
    page = submit_new_technique(client, editor, clinical_sections[0])

    response = act(client, reviewer, page, ClinicalSignOffTask.RECORD_AND_APPROVE)

    assert response.status_code == 302 and not refused(response)
    page = TechniquePage.objects.get(pk=page.pk)
    assert page.live
    assert page.last_reviewed == timezone.localdate()
    assert page.reviewed_by.name == "Dr Rita Patel"
    log = PageLogEntry.objects.get(page=page, action=REVIEW_LOG_ACTION)
    assert log.user == reviewer
    assert "Dr Rita Patel" in log.message


def test_plain_approval_publishes_without_moving_the_dates(
    client, editor, reviewer, technique
):
    before = technique.last_reviewed
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[technique.pk]),
        edit_form_data(technique, **{"action-submit": "1"}),
    )
    response = act(client, reviewer, technique, "approve")
    assert response.status_code == 302 and not refused(response)

    page = TechniquePage.objects.get(pk=technique.pk)
    assert "Edited text." in page.what_it_is
    assert page.last_reviewed == before


def test_a_reviewer_without_a_specialist_profile_is_not_offered_to_record(
    client, editor, unlinked_reviewer, reviewer, clinical_sections
):
    page = submit_new_technique(client, editor, clinical_sections[0])
    task = page.current_workflow_task.specific
    assert ClinicalSignOffTask.RECORD_AND_APPROVE not in [
        name for name, _, _ in task.get_actions(page, unlinked_reviewer)
    ]
    assert ClinicalSignOffTask.RECORD_AND_APPROVE in [
        name for name, _, _ in task.get_actions(page, reviewer)
    ]
    assert refused(act(client, unlinked_reviewer, page, task.RECORD_AND_APPROVE))
    assert TechniquePage.objects.get(pk=page.pk).last_reviewed is None


def test_reviewer_records_a_periodic_review_without_a_new_revision(
    client, reviewer, technique
):
    revisions_before = technique.revisions.count()
    client.force_login(reviewer)
    url = reverse("record_clinical_review", args=[technique.pk])

    confirm = client.get(url)
    assert "Dr Rita Patel" in confirm.content.decode()
    response = client.post(url, follow=True)

    assert "Clinical review of &#x27;Spinal cord stimulation&#x27; recorded" in (
        response.content.decode()
    )
    page = TechniquePage.objects.get(pk=technique.pk)
    assert page.last_reviewed == timezone.localdate()
    assert page.reviewed_by.user == reviewer
    assert page.revisions.count() == revisions_before


def test_the_page_menu_offers_reviewers_to_record_a_review(
    client, reviewer, editor, technique
):
    label = "Record clinical review"
    edit_url = reverse("wagtailadmin_pages:edit", args=[technique.pk])
    client.force_login(reviewer)
    assert label in client.get(edit_url).content.decode()
    client.force_login(editor)
    assert label not in client.get(edit_url).content.decode()


def test_editors_cannot_record_a_review(client, editor, technique):
    client.force_login(editor)
    url = reverse("record_clinical_review", args=[technique.pk])
    assert refused(client.post(url))
    assert TechniquePage.objects.get(pk=technique.pk).last_reviewed is None
    with pytest.raises(ReviewNotAllowed):
        record_clinical_review(technique, editor)


def test_a_reviewer_without_a_profile_is_told_why_nothing_was_recorded(
    client, unlinked_reviewer, technique
):
    client.force_login(unlinked_reviewer)
    url = reverse("record_clinical_review", args=[technique.pk])
    assert "not linked to a specialist profile" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "not linked to a specialist profile" in response.content.decode()
    assert TechniquePage.objects.get(pk=technique.pk).last_reviewed is None


def test_only_clinical_pages_can_be_reviewed(client, reviewer, home_page):
    client.force_login(reviewer)
    url = reverse("record_clinical_review", args=[home_page.pk])
    assert refused(client.get(url))
