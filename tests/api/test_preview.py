"""Editors preview a draft in the external front end, when one is configured
(wagtail-headless-preview, on this project's Wagtail 8)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.factories import StandardPageFactory

from .conftest import get_json

pytestmark = pytest.mark.django_db

FRONT_END = "https://app.clinic.example/preview"


@pytest.fixture
def about(home_page):
    return StandardPageFactory(
        parent=home_page, title="About us", slug="about", summary="Live summary"
    )


@pytest.fixture
def front_end_preview(settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": FRONT_END},
        "REDIRECT_ON_PREVIEW": True,
        "ENFORCE_TRAILING_SLASH": False,
    }


def preview_in_admin(client, page, **changes):
    """Press Preview in the page editor with ``changes`` typed in, unsaved."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "comments": inline_formset([]),
            **changes,
        }
    )
    assert client.post(url, data).json()["is_valid"]
    return client.get(url)


def test_preview_sends_the_editor_to_the_front_end_with_the_draft(
    client, admin_client, about, front_end_preview
):
    response = preview_in_admin(admin_client, about, summary="Draft summary")

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == FRONT_END
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert query["content_type"] == "home.standardpage"
    # The front end reads the draft, anonymously, with the link's token.
    for url in ["/api/v2/page_preview/", "/api/v3/preview/"]:
        draft = get_json(client, url, **query)
        assert draft["summary"] == "Draft summary"
        assert draft["id"] == about.pk
    # Nothing was saved or published.
    assert get_json(client, f"/api/v2/pages/{about.pk}/")["summary"] == "Live summary"


def test_a_wrong_token_reads_nothing(client, about, front_end_preview):
    query = {"content_type": "home.standardpage", "token": "id=1:forged"}
    for url in ["/api/v2/page_preview/", "/api/v3/preview/"]:
        assert client.get(url, query).status_code == 404
    bad_type = {"content_type": "wagtailforms.formsubmission", "token": "x"}
    assert client.get("/api/v3/preview/", bad_type).status_code == 400


def test_off_by_default_previews_use_the_site_templates(client, admin_client, about):
    response = preview_in_admin(admin_client, about, summary="Draft summary")

    assert response.status_code == 200
    assert "Draft summary" in response.content.decode()
    query = {"content_type": "home.standardpage", "token": "anything"}
    assert client.get("/api/v2/page_preview/", query).status_code == 404
    assert client.get("/api/v3/preview/", query).status_code == 404
