"""Specialists in the admin: the list shows whose profile is linked to a staff
account, and a profile that an account or a page's review depends on is not
deleted; the editor is told what depends on it and what to do."""

import re

import pytest
from django.db.models import ProtectedError
from django.utils import timezone

from techniques.factories import SpecialistFactory
from techniques.models import Specialist

LIST_URL = "/admin/techniques/specialist/"


def delete_url(specialist):
    return f"{LIST_URL}delete/{specialist.pk}/"


def text(response):
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def unlinked(technique):
    return SpecialistFactory(name="Grace Whitfield", techniques=[technique])


def test_the_list_shows_which_profiles_are_linked_to_staff_accounts(
    client, editor, reviewer, unlinked
):
    reviewer.first_name, reviewer.last_name = "Rita", "Patel"
    reviewer.save()
    client.force_login(editor)

    listing = text(client.get(LIST_URL))
    assert "Staff account" in listing
    assert "Rita Patel (rita)" in listing

    linked_only = text(client.get(LIST_URL, {"account": "linked"}))
    assert "Dr Rita Patel" in linked_only
    assert "Grace Whitfield" not in linked_only
    not_linked = text(client.get(LIST_URL, {"account": "none"}))
    assert "Grace Whitfield" in not_linked
    assert "Dr Rita Patel" not in not_linked


def test_a_profile_linked_to_an_account_is_not_deleted(client, editor, reviewer):
    specialist = Specialist.objects.get(user=reviewer)
    client.force_login(editor)

    page = text(client.get(delete_url(specialist)))
    assert "Dr Rita Patel cannot be deleted yet" in page
    assert "linked to the staff account rita" in page
    assert "Yes, delete" not in page

    response = client.post(delete_url(specialist))
    assert response.status_code == 409
    assert Specialist.objects.filter(pk=specialist.pk).exists()


def test_a_profile_named_as_reviewer_lists_the_pages(
    client, editor, unlinked, technique, condition
):
    for page in (technique, condition):
        type(page).objects.filter(pk=page.pk).update(
            reviewed_by=unlinked, last_reviewed=timezone.localdate()
        )
    client.force_login(editor)

    page = text(client.get(delete_url(unlinked)))
    assert "cannot be deleted yet" in page
    assert "last clinical reviewer of 2 pages" in page
    assert f"{technique.title} (live, reviewed" in page
    assert condition.title in page

    assert client.post(delete_url(unlinked)).status_code == 409
    assert Specialist.objects.filter(pk=unlinked.pk).exists()
    # The database refuses too, whatever deletes it.
    with pytest.raises(ProtectedError):
        unlinked.delete()


def test_a_profile_nothing_depends_on_is_deleted_after_a_clear_confirmation(
    client, editor, unlinked, technique
):
    client.force_login(editor)

    page = text(client.get(delete_url(unlinked)))
    assert "Delete the profile of Grace Whitfield" in page
    assert f"Who performs this treatment” on: {technique.title}" in page

    response = client.post(delete_url(unlinked))
    assert response.status_code == 302
    assert not Specialist.objects.filter(pk=unlinked.pk).exists()
