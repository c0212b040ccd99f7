"""What each page type shows through both read APIs (the same api_fields)."""

import pytest
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.factories import StandardPageFactory
from techniques.factories import (
    SpecialistFactory,
    SpecialistIndexPageFactory,
    make_pdf,
)
from techniques.models import TechniqueLeaflet

from .conftest import API_BASE, get_json

pytestmark = pytest.mark.django_db

APIS = ["v2", "v3"]


def detail(client, api, page):
    return get_json(client, f"/api/{api}/pages/{page.pk}/")


@pytest.mark.parametrize("api", APIS)
def test_technique_shows_clinical_fields_as_values_and_labels(client, clinic, api):
    data = detail(client, api, clinic.scs)

    assert data["title"] == "Spinal cord stimulation"
    assert data["summary"] == clinic.scs.summary
    assert data["modality"] == {"value": "electrical", "label": "Electrical"}
    assert data["delivery"] == {"value": "implanted", "label": "Implanted device"}
    assert data["what_it_is"] == "<p>Spinal cord stimulation explained.</p>"
    for field in [
        "how_it_works",
        "who_it_may_help",
        "benefits",
        "risks",
        "alternatives",
        "procedure",
        "recovery",
        "faqs",
        "image",
        "leaflets",
        "specialists",
        "clinical_review",
    ]:
        assert field in data
    assert data["sections"] == [
        {
            "id": "what-it-is",
            "field": "what_it_is",
            "heading": "What it is",
            "html": "<p>Spinal cord stimulation explained.</p>",
        }
    ]


@pytest.mark.parametrize("api", APIS)
def test_technique_lists_its_conditions_with_links_into_the_same_api(
    client, clinic, api
):
    data = detail(client, api, clinic.scs)

    assert [c["title"] for c in data["conditions"]] == [
        "Neuropathic pain",
        "Essential tremor",
    ]
    pain = data["conditions"][0]
    assert pain["id"] == clinic.pain.pk
    assert pain["type"] == "techniques.ConditionPage"
    assert pain["url"] == "/conditions/neuropathic-pain/"
    assert pain["html_url"] == "http://localhost/conditions/neuropathic-pain/"
    assert pain["detail_url"] == f"{API_BASE}/api/{api}/pages/{clinic.pain.pk}/"
    # The link leads to the condition in the same API.
    followed = get_json(client, pain["detail_url"].removeprefix(API_BASE))
    assert followed["title"] == "Neuropathic pain"


@pytest.mark.parametrize("api", APIS)
def test_condition_lists_the_techniques_that_treat_it(client, clinic, api):
    data = detail(client, api, clinic.tremor)

    assert data["summary"] == clinic.tremor.summary
    assert data["symptoms"] == "<p>What people notice.</p>"
    assert [t["title"] for t in data["techniques"]] == [
        "Spinal cord stimulation",
        "Transcranial magnetic stimulation",
    ]
    assert [s["heading"] for s in data["sections"]] == ["Symptoms"]
    assert data["clinical_review"] == {
        "last_reviewed": None,
        "next_review_due": None,
        "reviewed_by": None,
    }


@pytest.mark.parametrize("api", APIS)
def test_rich_text_comes_as_html_with_internal_links_expanded(client, clinic, api):
    clinic.scs.how_it_works = (
        f'<p>See <a linktype="page" id="{clinic.pain.pk}">nerve pain</a>.</p>'
    )
    clinic.scs.save_revision().publish()

    data = detail(client, api, clinic.scs)

    expected = '<p>See <a href="/conditions/neuropathic-pain/">nerve pain</a>.</p>'
    assert data["how_it_works"] == expected
    assert data["sections"][1]["html"] == expected


@pytest.mark.parametrize("api", APIS)
def test_image_comes_with_renditions_and_the_editors_alt_text(client, clinic, api):
    image = Image.objects.create(
        title="Stimulator", file=ImageFile(get_test_image_file(), name="s.png")
    )
    clinic.scs.image = image
    clinic.scs.image_alt = "A stimulator the size of a matchbox"
    clinic.scs.save_revision().publish()

    data = detail(client, api, clinic.scs)["image"]

    assert data["alt"] == "A stimulator the size of a matchbox"
    assert data["id"] == image.pk
    assert set(data["renditions"]) == {"small", "large"}
    small = data["renditions"]["small"]
    assert (small["width"], small["height"]) == (480, 270)
    assert small["url"].startswith("/media/images/")
    assert small["full_url"] == API_BASE + small["url"]


@pytest.mark.parametrize("api", APIS)
def test_leaflets_specialists_and_review_dates(client, clinic, api):
    TechniqueLeaflet.objects.create(
        page=clinic.scs, document=make_pdf("What to expect"), title=""
    )
    team = SpecialistIndexPageFactory(parent=clinic.home)
    SpecialistFactory(name="Dr Amina Okafor", techniques=[clinic.scs])
    clinic.scs.refresh_from_db()

    data = detail(client, api, clinic.scs)

    [leaflet] = data["leaflets"]
    assert leaflet["title"] == "What to expect"
    assert leaflet["file_type"] == "PDF"
    assert leaflet["url"].startswith(f"{API_BASE}/documents/")
    [person] = data["specialists"]
    assert person["name"] == "Dr Amina Okafor"
    assert person["specialty"] == {"value": "neurology", "label": "Neurology"}
    assert person["profile_url"] == (
        f"http://localhost/our-team/#specialist-{person['id']}"
    )
    assert [t["title"] for t in person["techniques"]] == ["Spinal cord stimulation"]
    team_data = detail(client, api, team)
    assert team_data["specialty_groups"][0]["specialty"] == "Neurology"
    assert team_data["specialty_groups"][0]["specialists"][0]["name"] == (
        "Dr Amina Okafor"
    )


@pytest.mark.parametrize("api", APIS)
def test_home_page_shows_hero_overview_and_featured_items(client, clinic, api):
    home = clinic.home
    home.featured_techniques.create(technique=clinic.tms)
    home.featured_conditions.create(condition=clinic.pain)
    home.contact_page = clinic.contact
    home.save_revision().publish()

    data = detail(client, api, home)

    assert data["hero_heading"] == home.hero_heading
    assert data["hero_intro"] == home.hero_intro
    assert data["overview_heading"] == "What is neuromodulation?"
    assert data["overview"] == []
    assert [t["title"] for t in data["featured_techniques"]] == [
        "Transcranial magnetic stimulation"
    ]
    assert [c["title"] for c in data["featured_conditions"]] == ["Neuropathic pain"]
    assert data["contact_page"]["id"] == clinic.contact.pk
    assert data["question_cta_label"] == "Ask a question"


@pytest.mark.parametrize("api", APIS)
def test_contact_page_shows_its_texts_and_where_the_form_is(client, clinic, api):
    data = detail(client, api, clinic.contact)

    assert data["intro"] == "<p>Ask us anything.</p>"
    assert data["thank_you_text"] == "<p>Thank you, we will reply soon.</p>"
    assert "not for emergencies" in data["care_message"]
    assert data["form"] == {
        "description_url": f"{API_BASE}/api/v3/forms/{clinic.contact.pk}/",
        "submissions_url": (
            f"{API_BASE}/api/v3/forms/{clinic.contact.pk}/submissions/"
        ),
    }
    # The form's settings are for staff: who is emailed is never shown.
    for staff_only in ["to_address", "from_address", "subject", "form_fields"]:
        assert staff_only not in data


@pytest.mark.parametrize("api", APIS)
def test_index_and_general_pages(client, clinic, api):
    about = StandardPageFactory(parent=clinic.home, title="About", summary="Who we are")

    assert detail(client, api, about)["summary"] == "Who we are"
    assert detail(client, api, about)["body"] == []
    index = detail(client, api, clinic.techniques)
    assert index["intro"] == "The treatments we offer."
    assert index["modalities"][0] == {"value": "electrical", "label": "Electrical"}
    assert detail(client, api, clinic.conditions)["intro"] == (
        "The conditions we treat."
    )


def test_every_demo_page_is_found_by_its_path_in_both_apis(client, demo_site):
    """What a front end does for each URL: route the path to the page."""
    listing = get_json(client, "/api/v2/pages/", limit=50)
    assert listing["meta"]["total_count"] == len(listing["items"]) > 15
    for item in listing["items"]:
        path = item["meta"]["html_url"].removeprefix("http://localhost")
        for api in APIS:
            found = client.get(f"/api/{api}/pages/find/", {"html_path": path})
            assert found.status_code == 302, path
            page = get_json(client, found["Location"].removeprefix(API_BASE))
            assert page["id"] == item["id"]
            assert page["title"] == item["title"]


def test_benchmarked_listing_answers(client, demo_site):
    """bench/benchmark.py measures this URL."""
    data = get_json(
        client, "/api/v2/pages/", type="techniques.TechniquePage", fields="summary"
    )
    assert data["items"] and all(item["summary"] for item in data["items"])


def test_openapi_document_describes_page_fields_and_forms(client, clinic):
    document = get_json(client, "/api/v3/openapi.json")

    schemas = document["components"]["schemas"]
    technique = schemas["TechniquePageSchema"]["properties"]
    assert {"modality", "conditions", "sections", "image"} <= set(technique)
    paths = document["paths"]
    assert "/api/v3/forms/{page_id}/" in paths
    assert "post" in paths["/api/v3/forms/{page_id}/submissions/"]
    assert "/api/v3/techniques/" in paths
