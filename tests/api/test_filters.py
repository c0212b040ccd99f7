"""The filters a front end needs: techniques by modality and by condition,
conditions by technique, and search over techniques and conditions."""

import pytest

from .conftest import API_BASE, get_json

pytestmark = pytest.mark.django_db


def titles(items):
    return [item["title"] for item in items]


def test_techniques_by_modality_in_both_apis(client, clinic):
    v3 = get_json(client, "/api/v3/techniques/", modality="magnetic")
    assert titles(v3["items"]) == ["Transcranial magnetic stimulation"]
    assert v3["items"][0]["modality"] == {"value": "magnetic", "label": "Magnetic"}
    assert v3["items"][0]["delivery"]["value"] == "non_invasive"
    v2 = get_json(
        client, "/api/v2/pages/", type="techniques.TechniquePage", modality="magnetic"
    )
    assert titles(v2["items"]) == ["Transcranial magnetic stimulation"]
    wagtail_v3 = get_json(
        client, "/api/v3/pages/", type="techniques.TechniquePage", modality="magnetic"
    )
    assert titles(wagtail_v3["items"]) == ["Transcranial magnetic stimulation"]


def test_techniques_by_condition_and_conditions_by_technique(client, clinic):
    by_pain = get_json(client, "/api/v3/techniques/", condition=clinic.pain.pk)
    assert titles(by_pain["items"]) == ["Spinal cord stimulation"]
    by_tremor = get_json(client, "/api/v3/techniques/", condition=clinic.tremor.pk)
    assert titles(by_tremor["items"]) == [
        "Spinal cord stimulation",
        "Transcranial magnetic stimulation",
    ]
    v2 = get_json(
        client,
        "/api/v2/pages/",
        type="techniques.TechniquePage",
        condition=clinic.pain.pk,
    )
    assert titles(v2["items"]) == ["Spinal cord stimulation"]

    by_tms = get_json(client, "/api/v3/conditions/", technique=clinic.tms.pk)
    assert titles(by_tms["items"]) == ["Essential tremor"]
    v2 = get_json(
        client,
        "/api/v2/pages/",
        type="techniques.ConditionPage",
        technique=clinic.scs.pk,
        order="title",
    )
    assert titles(v2["items"]) == ["Essential tremor", "Neuropathic pain"]


def test_filters_combine(client, clinic):
    combined = get_json(
        client, "/api/v3/techniques/", condition=clinic.tremor.pk, modality="electrical"
    )
    assert titles(combined["items"]) == ["Spinal cord stimulation"]


def test_search_over_techniques_and_conditions(client, clinic):
    clinic.tms.summary = "A coil held against the head, for depression."
    clinic.tms.save_revision().publish()

    assert titles(
        get_json(client, "/api/v3/techniques/", search="depression")["items"]
    ) == ["Transcranial magnetic stimulation"]
    assert titles(
        get_json(client, "/api/v3/conditions/", search="tremor")["items"]
    ) == ["Essential tremor"]
    both = get_json(
        client,
        "/api/v2/pages/",
        type="techniques.TechniquePage,techniques.ConditionPage",
        search="tremor",
    )
    assert "Essential tremor" in titles(both["items"])
    both_v3 = client.get(
        "/api/v3/pages/?type=techniques.TechniquePage&type=techniques.ConditionPage"
        "&search=tremor"
    ).json()
    assert "Essential tremor" in titles(both_v3["items"])
    assert "Home" not in titles(both_v3["items"])


def test_search_and_condition_filter_together(client, clinic):
    found = get_json(
        client,
        "/api/v2/pages/",
        type="techniques.TechniquePage",
        condition=clinic.tremor.pk,
        search="magnetic",
    )
    assert titles(found["items"]) == ["Transcranial magnetic stimulation"]
    found = get_json(
        client, "/api/v3/techniques/", condition=clinic.tremor.pk, search="magnetic"
    )
    assert titles(found["items"]) == ["Transcranial magnetic stimulation"]


def test_listing_items_link_to_the_full_page(client, clinic):
    item = get_json(client, "/api/v3/techniques/", modality="electrical")["items"][0]

    assert item["link"]["detail_url"] == (f"{API_BASE}/api/v3/pages/{clinic.scs.pk}/")
    assert item["link"]["url"] == "/treatments/spinal-cord-stimulation/"
    assert item["summary"] == clinic.scs.summary
