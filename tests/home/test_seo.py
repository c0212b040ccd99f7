"""What search engines and link previews read: titles, descriptions,
canonical addresses and Open Graph tags, all from the page's own fields."""

import re

import pytest
from django.core.cache import cache
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from clinic.structured_data import json_ld
from techniques.factories import TechniquePageFactory
from techniques.models import TechniquePage


def head(client, url):
    html = client.get(url).content.decode()
    return html.split("</head>", 1)[0]


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match[1] if match else None


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S)[1]


@pytest.fixture
def scs(technique_index):
    return TechniquePageFactory(
        parent=technique_index,
        title="Spinal cord stimulation",
        summary="Mild pulses to the spinal cord ease nerve pain.",
    )


def test_title_and_description_fall_back_to_the_page_itself(client, scs):
    html = head(client, scs.url)
    assert title(html) == "Spinal cord stimulation | Neuromodulation and Pain Clinic"
    assert meta(html, "name", "description") == (
        "Mild pulses to the spinal cord ease nerve pain."
    )


def test_promote_tab_fields_win(client, scs):
    scs.seo_title = "SCS for nerve pain"
    scs.search_description = "How spinal cord stimulation may ease nerve pain."
    scs.save_revision().publish()
    html = head(client, scs.url)
    assert title(html).startswith("SCS for nerve pain |")
    assert meta(html, "name", "description") == (
        "How spinal cord stimulation may ease nerve pain."
    )
    assert meta(html, "property", "og:title") == "SCS for nerve pain"


def test_canonical_address_and_open_graph_tags(client, scs):
    html = head(client, scs.url)
    assert f'<link rel="canonical" href="{scs.full_url}">' in html
    assert scs.full_url.startswith("http://localhost/")
    assert meta(html, "property", "og:url") == scs.full_url
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:site_name") == "Neuromodulation and Pain Clinic"
    assert meta(html, "property", "og:description") == (
        "Mild pulses to the spinal cord ease nerve pain."
    )
    assert meta(html, "property", "og:locale") == "en_GB"
    assert meta(html, "name", "twitter:card") == "summary"


def test_filtered_list_points_search_engines_at_the_whole_list(client, technique_index):
    html = head(client, f"{technique_index.url}?modality=magnetic")
    assert f'<link rel="canonical" href="{technique_index.full_url}">' in html


def test_home_page_is_titled_with_the_clinics_name(client, home_page):
    html = head(client, home_page.url)
    assert title(html) == "Neuromodulation and Pain Clinic"
    assert meta(html, "property", "og:type") == "website"
    assert meta(html, "property", "og:title") == "Neuromodulation and Pain Clinic"


def test_a_technique_image_becomes_the_sharing_picture(client, scs, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    scs.image = Image.objects.create(title="Lead", file=get_test_image_file())
    scs.image_alt = "A stimulator lead beside a ruler"
    scs.save_revision().publish()
    html = head(client, scs.url)
    image_url = meta(html, "property", "og:image")
    assert image_url.startswith("http://testserver/")
    assert meta(html, "property", "og:image:alt") == "A stimulator lead beside a ruler"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    # Cropped to the shape link previews use (never enlarged).
    width = int(meta(html, "property", "og:image:width"))
    height = int(meta(html, "property", "og:image:height"))
    assert width / height == pytest.approx(1200 / 630, rel=0.01)


def test_error_and_search_pages_are_not_indexed(client, home_page):
    for url in ("/no-such-page/", "/search/?q=pain"):
        html = head(client, url)
        assert meta(html, "name", "robots") == "noindex", url
        assert 'rel="canonical"' not in html, url


def test_a_page_outside_the_tree_has_no_structured_data(db):
    """An editor's page that has no address yet (a preview of a page never
    saved) renders without JSON-LD rather than failing."""
    assert json_ld(TechniquePage(title="Half done", slug="half-done")) == ""


def test_a_missing_image_file_does_not_break_the_page(client, scs, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Lead", file=get_test_image_file())
    scs.image, scs.image_alt = image, "A stimulator lead"
    scs.save_revision().publish()
    # The file is lost (e.g. a botched restore) and no sized copy exists yet.
    image.renditions.all().delete()
    cache.clear()  # Wagtail also keeps renditions in the cache
    (tmp_path / image.file.name).unlink()

    response = client.get(scs.url)
    assert response.status_code == 200
    assert meta(head(client, scs.url), "property", "og:image") is None
