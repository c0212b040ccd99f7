"""Every preview the admin shows may be framed by the admin, and nothing else.

Wagtail renders a preview by running a fake request for the page's public
address through the middleware (``clinic/security.py``), so the public
policy's ``frame-ancestors 'none'`` used to reach the editor's preview panel.
Each entry point that serves a preview is checked here: the edit and add
previews, a revision, the draft, a workflow task's
preview and the contact form's landing page. Public pages still refuse to
be framed by anyone.
"""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from contact.factories import ContactPageFactory
from techniques.factories import TechniqueIndexPageFactory, TechniquePageFactory
from techniques.signoff import create_clinical_sign_off_workflow
from tests.admin_forms import untouched_form_data
from tests.test_security import directives

pytestmark = pytest.mark.django_db


@pytest.fixture
def technique(home_page):
    index = TechniqueIndexPageFactory(parent=home_page)
    page = TechniquePageFactory(parent=index, title="Spinal cord stimulation")
    page.save_revision().publish()
    return page


def assert_frameable_by_the_admin_only(response):
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    # The previewed page keeps the public page's strict policy otherwise.
    assert policy["script-src"] == ["'self'"]


def test_the_editors_preview_panel_may_frame_the_draft(
    admin_client, admin_user, technique
):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[technique.pk])
    data = untouched_form_data(
        technique, admin_user, title="Spinal cord stimulation (draft)"
    )
    assert admin_client.post(url, data).json()["is_valid"]

    # What the panel's iframe asks for (its device sizes only change the
    # iframe's width: tests/browser/test_preview_panel.py tries each).
    response = admin_client.get(url, {"in_preview_panel": "true"})

    assert_frameable_by_the_admin_only(response)
    assert "Spinal cord stimulation (draft)" in response.content.decode()


def test_a_new_pages_preview_may_be_framed(admin_client, admin_user, technique):
    index = technique.get_parent()
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["techniques", "techniquepage", index.pk],
    )
    # A new page's form posts what an edit form would, with a new title.
    data = untouched_form_data(
        technique,
        admin_user,
        title="Occipital nerve stimulation",
        slug="occipital-nerve-stimulation",
    )
    assert admin_client.post(url, data).json()["is_valid"]

    response = admin_client.get(url, {"in_preview_panel": "true"})

    assert_frameable_by_the_admin_only(response)
    assert "Occipital nerve stimulation" in response.content.decode()


def test_a_revision_and_the_draft_may_be_framed(admin_client, technique):
    revision = technique.save_revision()
    for url in [
        reverse("wagtailadmin_pages:revisions_view", args=[technique.pk, revision.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[technique.pk]),
    ]:
        assert_frameable_by_the_admin_only(admin_client.get(url))


def test_a_workflow_tasks_preview_may_be_framed(admin_client, admin_user, technique):
    create_clinical_sign_off_workflow()
    technique.save_revision()
    workflow_state = Workflow.objects.get(name="Clinical sign-off").start(
        technique, admin_user
    )
    url = reverse(
        "wagtailadmin_pages:workflow_preview",
        args=[technique.pk, workflow_state.current_task_state.task_id],
    )

    assert_frameable_by_the_admin_only(admin_client.get(url))


def test_the_forms_landing_page_preview_may_be_framed(admin_client, home_page):
    contact = ContactPageFactory(parent=home_page)
    contact.save_revision()
    url = reverse("wagtailadmin_pages:view_draft", args=[contact.pk])

    response = admin_client.get(url, {"mode": "landing"})

    assert_frameable_by_the_admin_only(response)
    assert "Message sent" in response.content.decode()


def test_public_pages_still_refuse_every_frame(client, admin_client, technique):
    for visitor in (client, admin_client):
        response = visitor.get(technique.url)
        assert response.status_code == 200
        assert response["X-Frame-Options"] == "DENY"
        assert directives(response)["frame-ancestors"] == ["'none'"]
    # A request that merely claims to be a preview is an ordinary request.
    response = client.get(technique.url, {"in_preview_panel": "true"})
    assert response["X-Frame-Options"] == "DENY"


def test_a_preview_in_the_front_end_is_sent_there_from_a_frameable_response(
    admin_client, admin_user, technique, settings
):
    """With HEADLESS_PREVIEW_URL set, the panel's frame is redirected to the
    front end (whose own headers then apply); the admin lets it frame that
    origin (tests/test_security.py)."""
    front_end = "https://app.clinic.example/preview"
    settings.HEADLESS_PREVIEW_URL = front_end
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": front_end},
        "REDIRECT_ON_PREVIEW": True,
        "ENFORCE_TRAILING_SLASH": False,
    }
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[technique.pk])
    assert admin_client.post(url, untouched_form_data(technique, admin_user)).json()[
        "is_valid"
    ]

    response = admin_client.get(url, {"in_preview_panel": "true"})

    assert response.status_code == 302
    assert response["Location"].startswith(front_end)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]
