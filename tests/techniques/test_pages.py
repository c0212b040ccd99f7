"""What patients see on technique and condition pages."""

import pytest

from techniques.factories import (
    ConditionPageFactory,
    TechniquePageFactory,
    link,
)
from techniques.models import Modality


@pytest.fixture
def scs(technique_index):
    return TechniquePageFactory(
        parent=technique_index,
        title="Spinal cord stimulation",
        slug="spinal-cord-stimulation",
        modality=Modality.ELECTRICAL,
        risks="<p>Infection at the implant site.</p>",
    )


@pytest.fixture
def tms(technique_index):
    return TechniquePageFactory(
        parent=technique_index,
        title="Transcranial magnetic stimulation",
        slug="tms",
        modality=Modality.MAGNETIC,
        delivery="non_invasive",
    )


@pytest.fixture
def neuropathic_pain(condition_index):
    return ConditionPageFactory(
        parent=condition_index, title="Neuropathic pain", slug="neuropathic-pain"
    )


@pytest.fixture
def back_surgery(condition_index):
    return ConditionPageFactory(
        parent=condition_index,
        title="Failed back surgery syndrome",
        slug="failed-back-surgery-syndrome",
    )


def test_technique_page_shows_its_sections_and_labels(client, scs):
    response = client.get(scs.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Spinal cord stimulation" in html
    assert "Electrical" in html
    assert "Implanted device" in html
    assert "Risks and side effects" in html
    assert "Infection at the implant site." in html
    # Empty sections are left out, not shown as bare headings.
    assert "Alternatives" not in html


def test_conditions_chosen_on_a_technique_show_on_both_pages(
    client, scs, neuropathic_pain, back_surgery
):
    link(scs, back_surgery, neuropathic_pain)

    technique_html = client.get(scs.url).content.decode()
    # In the order the editor chose, not alphabetical.
    assert technique_html.index("Failed back surgery syndrome") < technique_html.index(
        "Neuropathic pain"
    )
    assert neuropathic_pain.url in technique_html

    for condition in (neuropathic_pain, back_surgery):
        condition_html = client.get(condition.url).content.decode()
        assert "Spinal cord stimulation" in condition_html
        assert scs.url in condition_html


def test_unpublished_technique_is_not_listed_on_its_conditions(
    client, scs, neuropathic_pain
):
    link(scs, neuropathic_pain)
    scs.unpublish()
    html = client.get(neuropathic_pain.url).content.decode()
    assert "Spinal cord stimulation" not in html


def test_draft_change_to_the_links_does_not_reach_the_live_site(
    client, scs, neuropathic_pain, back_surgery
):
    link(scs, neuropathic_pain)
    scs.condition_links = []
    scs.save_revision()  # a draft: the live pages must not change yet

    assert (
        "Spinal cord stimulation" in client.get(neuropathic_pain.url).content.decode()
    )


def test_technique_index_groups_by_family_and_filters(
    client, technique_index, scs, tms
):
    html = client.get(technique_index.url).content.decode()
    assert "Electrical" in html and "Magnetic" in html
    assert html.index("Spinal cord stimulation") < html.index(
        "Transcranial magnetic stimulation"
    )

    magnetic = client.get(technique_index.url, {"modality": "magnetic"})
    magnetic_html = magnetic.content.decode()
    assert "Transcranial magnetic stimulation" in magnetic_html
    assert scs.url not in magnetic_html


def test_unknown_modality_shows_every_technique(client, technique_index, scs, tms):
    response = client.get(technique_index.url, {"modality": "<script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert scs.url in html and tms.url in html
    assert "<script>" not in html


def test_condition_index_is_a_to_z_with_techniques(
    client, condition_index, scs, tms, neuropathic_pain, back_surgery
):
    link(scs, neuropathic_pain, back_surgery)
    html = client.get(condition_index.url).content.decode()
    assert html.index("Failed back surgery syndrome") < html.index("Neuropathic pain")
    assert html.count(scs.url) >= 2  # listed under both of its conditions


def test_condition_index_query_count_does_not_grow_with_conditions(
    client, condition_index, scs, django_assert_max_num_queries
):
    conditions = [
        ConditionPageFactory(parent=condition_index, title=f"Condition {n:02d}")
        for n in range(12)
    ]
    link(scs, *conditions)
    client.get(condition_index.url)  # warm caches such as the site root
    with django_assert_max_num_queries(20):
        response = client.get(condition_index.url)
    assert response.content.decode().count(scs.url) == 12
