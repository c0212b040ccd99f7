"""Anonymous visitors get cached pages, and never a stale one after a change."""

import pytest
from django.test import Client

from home.factories import StandardPageFactory
from home.models import ClinicSettings
from techniques.factories import TechniquePageFactory


@pytest.fixture
def technique(technique_index):
    page = TechniquePageFactory(
        parent=technique_index, title="Spinal cord stimulation", slug="scs"
    )
    page.save_revision().publish()
    return page


def visit(url):
    """A first-time anonymous visitor: no cookies at all."""
    return Client().get(url)


def test_a_repeat_anonymous_view_needs_no_database(
    technique, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 600  # counting queries turns it off by default
    visit(technique.url)  # the first view ever also creates the clinic settings
    first = visit(technique.url)
    with django_assert_num_queries(0):
        second = visit(technique.url)
    assert second.content == first.content
    assert "Spinal cord stimulation" in second.content.decode()


def test_publishing_a_change_shows_at_once(technique):
    visit(technique.url)
    technique.summary = "Updated after clinical review."
    technique.save_revision().publish()
    assert "Updated after clinical review." in visit(technique.url).content.decode()


def test_a_saved_draft_is_not_shown_and_the_live_page_stays(technique):
    visit(technique.url)
    technique.summary = "A draft nobody should see yet."
    technique.save_revision()
    html = visit(technique.url).content.decode()
    assert "A draft nobody should see yet." not in html
    assert "Spinal cord stimulation" in html


def test_unpublishing_removes_the_page_at_once(technique):
    assert visit(technique.url).status_code == 200
    technique.unpublish()
    assert visit(technique.url).status_code == 404


def test_a_moved_page_is_found_at_its_new_address_not_the_cached_old_one(
    home_page,
):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    clinic = StandardPageFactory(parent=home_page, title="Clinic", slug="clinic")
    assert visit("/about/").status_code == 200
    about.move(clinic, "last-child")
    old_address = visit("/about/")
    assert old_address.status_code == 301  # Wagtail's automatic redirect
    assert old_address["Location"] == "/clinic/about/"
    assert visit("/clinic/about/").status_code == 200


def test_deleting_a_page_removes_it_at_once(technique):
    url = technique.url
    visit(url)
    technique.delete()
    assert visit(url).status_code == 404


def test_changing_the_clinic_phone_number_shows_on_cached_pages(technique):
    visit(technique.url)
    clinic = ClinicSettings.load()
    clinic.phone = "01632 960 123"
    clinic.save()
    assert "01632 960 123" in visit(technique.url).content.decode()


def test_signed_in_editors_always_get_a_fresh_page(technique, admin_user):
    visit(technique.url)
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(technique.url)
    assert response.status_code == 200
    # The editor's page carries their own toolbar, so it was rendered for them.
    assert "wagtail-userbar" in response.content.decode()
    assert "wagtail-userbar" not in visit(technique.url).content.decode()


def test_the_contact_form_asks_a_new_question_on_every_visit(contact_page):
    visits = [visit(contact_page.url) for _ in range(5)]
    assert all("no-cache" in response["Cache-Control"] for response in visits)
    # Two draws of 1..9 + 1..9 in one second can match by chance; five
    # identical tokens would mean the form was served from a cache.
    tokens = {response.context["form"]["cf_token"].value() for response in visits}
    assert len(tokens) > 1


def test_browsers_keep_a_page_only_briefly_and_shared_caches_longer(technique):
    visit(technique.url)
    response = visit(technique.url)
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=600"
    assert "Expires" not in response
