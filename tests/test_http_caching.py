"""What browsers and shared caches (a CDN, Varnish) are told they may keep.

Anonymous pages: ``public`` with a short browser ``max-age`` and a longer
``s-maxage`` (shared caches are purged on change: tests/test_frontend_cache.py),
and an ETag, so a repeat visit costs a 304. Everything personal or one-off
(an editor's page, a private page, the contact form with its one-time
question, the admin, a preview) is ``private`` or ``no-store``, whatever the
page cache holds.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from techniques.factories import TechniquePageFactory

SHARED = "public, max-age=60, s-maxage=600"


@pytest.fixture
def technique(technique_index):
    page = TechniquePageFactory(parent=technique_index, title="SCS", slug="scs")
    page.save_revision().publish()
    return page


def anonymous():
    return Client()


def may_be_shared(response):
    cache_control = response.get("Cache-Control", "")
    return "public" in cache_control or "s-maxage" in cache_control


@pytest.mark.parametrize("visit", ["first", "cached"])
def test_an_anonymous_page_may_be_kept_by_shared_caches(technique, visit):
    if visit == "cached":
        anonymous().get(technique.url)
    response = anonymous().get(technique.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == SHARED
    assert response.has_header("ETag")
    assert not response.cookies


def test_near_the_clinics_midnight_no_cache_keeps_a_page_into_tomorrow(
    technique, monkeypatch
):
    """A location's "open today" changes at midnight with nobody publishing,
    so neither browsers nor shared caches may keep a page past it."""
    monkeypatch.setattr("clinic.page_cache.seconds_until_tomorrow", lambda: 42)
    for _visit in ("first", "cached"):
        response = anonymous().get(technique.url)
        assert response["Cache-Control"] == "public, max-age=42, s-maxage=42"


def test_a_repeat_visit_with_the_etag_gets_a_304_until_the_page_changes(technique):
    etag = anonymous().get(technique.url)["ETag"]
    repeat = anonymous().get(technique.url, headers={"If-None-Match": etag})
    assert repeat.status_code == 304
    assert repeat.content == b""

    technique.summary = "Reviewed and rewritten."
    technique.save_revision().publish()
    changed = anonymous().get(technique.url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert "Reviewed and rewritten." in changed.content.decode()


def test_a_signed_in_editor_s_page_is_private(technique, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(technique.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert not may_be_shared(response)


def test_the_contact_form_is_never_kept(contact_page):
    for _ in range(2):
        response = anonymous().get(contact_page.url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert not may_be_shared(response)


@pytest.mark.parametrize("has_csrf_cookie", [False, True])
@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_private_page_is_never_shared(home_page, restriction_type, has_csrf_cookie):
    page = StandardPageFactory(parent=home_page, title="Staff", slug="staff")
    PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="open sesame"
    )
    visitor = anonymous()
    if has_csrf_cookie:  # e.g. after opening the contact form
        visitor.cookies["csrftoken"] = "a" * 32
    for _ in range(2):
        response = visitor.get("/staff/")
        assert response.status_code in (200, 302)
        assert not may_be_shared(response)


def test_the_admin_and_previews_are_never_shared(technique, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    for url in (
        "/admin/",
        f"/admin/pages/{technique.pk}/edit/preview/",
        "/admin/login/",
    ):
        response = editor.get(url) if "login" not in url else anonymous().get(url)
        assert not may_be_shared(response), url


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/search/?q=scs", "/sitemap.xml", "/no-such-page/"]
)
def test_what_no_purge_can_name_is_not_shared(technique, url):
    response = anonymous().get(url)
    assert not may_be_shared(response), response["Cache-Control"]


def test_any_page_holding_a_form_token_is_neither_stored_nor_shared(rf, settings):
    """Whatever view renders a form, its CSRF token is one visitor's."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from clinic.page_cache import AnonymousPageCacheMiddleware

    rendered = []

    def form_view(request):
        rendered.append(1)
        return HttpResponse(
            f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">'
        )

    middleware = AnonymousPageCacheMiddleware(form_view)
    for _ in range(2):
        request = rf.get("/a-page-with-a-form/")
        request.user = AnonymousUser()
        response = middleware(request)
        assert not may_be_shared(response)
        assert "private" in response["Cache-Control"]
    assert len(rendered) == 2  # never answered from the page cache
