"""Bulk actions under a page listing are offered only to those who may carry
them out (home/templatetags/bulk_action_tags.py); Wagtail offered every one
and refused afterwards."""

import re

import pytest
from django.urls import reverse

from techniques.factories import TechniquePageFactory

pytestmark = pytest.mark.django_db


def bulk_actions(client, user, parent):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content
    html = html.decode()
    footer = html[html.index("data-bulk-action-footer") :]
    footer = footer[: footer.index("</section>")]
    return {
        " ".join(re.sub(r"<[^>]+>", " ", label).split())
        for label in re.findall(
            r"<a\b[^>]*data-bulk-action-button[^>]*>(.*?)</a>", footer, re.S
        )
    }


@pytest.fixture
def treatments(technique):
    """The Treatments section with two pages in it."""
    TechniquePageFactory(parent=technique.get_parent(), title="Deep brain stimulation")
    return technique.get_parent()


def test_editors_are_offered_nothing_they_may_not_do_in_the_clinical_sections(
    client, editor, treatments
):
    # Publishing a clinical page needs a reviewer; deleting or moving
    # another's page needs rights editors do not have there.
    assert bulk_actions(client, editor, treatments) == set()


def test_an_editor_may_delete_a_page_of_their_own(client, editor, treatments):
    TechniquePageFactory(
        parent=treatments, title="Their draft", owner=editor, live=False
    )
    # Wagtail lets the owner of an unpublished draft delete or move it.
    assert bulk_actions(client, editor, treatments) == {"Delete", "Move"}


def test_reviewers_are_offered_publishing_but_not_deleting(
    client, reviewer, treatments
):
    offered = bulk_actions(client, reviewer, treatments)
    assert {"Publish", "Unpublish"} <= offered
    assert "Delete" not in offered
    assert "Move" not in offered


def test_superusers_are_offered_everything(client, admin_user, treatments):
    assert {"Publish", "Unpublish", "Delete", "Move"} <= bulk_actions(
        client, admin_user, treatments
    )


def test_what_is_offered_is_what_the_confirmation_allows(client, editor, treatments):
    """An action left out is one its own confirmation screen would refuse."""
    client.force_login(editor)
    page = treatments.get_children().first()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.get(url, {"id": page.pk, "next": "/admin/"})
    assert response.context["items"] == []
    assert len(response.context["items_with_no_access"]) == 1
