"""Pages are found by address (home/routing.py) exactly as Wagtail finds them:
the same page, the same 404s, the same private-page checks."""

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from home.factories import StandardPageFactory
from home.routing import find_route


@pytest.fixture
def tree(home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    draft = StandardPageFactory(parent=about, title="Draft", slug="draft", live=False)
    staff = StandardPageFactory(parent=home_page, title="Staff", slug="staff")
    rota = StandardPageFactory(parent=staff, title="Rota", slug="rota")
    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    return {"about": about, "team": team, "draft": draft, "staff": staff, "rota": rota}


def wagtail_route(path):
    """What Wagtail's own routing answers for ``path``."""
    request = Client().get("/").wsgi_request
    site_root = Page.objects.get(pk=request._wagtail_site.root_page_id).specific
    components = [part for part in path.split("/") if part]
    try:
        return site_root.route(request, components).page
    except Exception:  # noqa: BLE001 - Wagtail's 404
        return None


@pytest.mark.parametrize(
    "path", ["/", "/about/", "/about/team/", "/staff/rota/", "/about/draft/", "/nope/"]
)
def test_the_same_page_as_wagtail_finds(tree, path):
    request = Client().get("/").wsgi_request
    route = find_route(request, path)
    expected = wagtail_route(path)
    if route is ...:  # not a chain of pages: left to Wagtail's own routing
        assert expected is None
        return
    found = route.page if route else None
    assert getattr(found, "pk", None) == getattr(expected, "pk", None)
    if found is not None:
        assert type(found) is type(expected.specific)


def test_a_page_below_a_private_section_still_asks_for_a_sign_in(tree):
    response = Client().get("/staff/rota/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_drafts_and_unknown_addresses_are_not_found(tree):
    assert Client().get("/about/draft/").status_code == 404
    assert Client().get("/about/nobody/").status_code == 404


def test_a_public_page_is_served(tree):
    response = Client().get("/about/team/")
    assert response.status_code == 200
    assert "Team" in response.content.decode()
