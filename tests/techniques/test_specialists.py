"""Specialists: managed in the admin, shown on technique pages and the team page;
leaflets listed with their file type and size."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail_factories import ImageFactory

from techniques.factories import (
    SpecialistFactory,
    SpecialistIndexPageFactory,
    TechniquePageFactory,
    make_pdf,
)
from techniques.models import Specialist, Specialty, TechniqueLeaflet

LIST_URL = "/admin/techniques/specialist/"


@pytest.fixture
def team(technique, clinical_sections):
    tms = TechniquePageFactory(parent=clinical_sections[0], title="TMS")
    return {
        "okafor": SpecialistFactory(
            name="Dr Amina Okafor",
            role="Consultant neurosurgeon",
            credentials="FRCS (SN)",
            specialty=Specialty.NEUROSURGERY,
            techniques=[technique],
        ),
        "mensah": SpecialistFactory(
            name="Dr Samuel Mensah",
            role="Consultant psychiatrist",
            specialty=Specialty.PSYCHIATRY,
            techniques=[tms],
            is_sample=True,
        ),
        "whitfield": SpecialistFactory(
            name="Grace Whitfield",
            role="Clinical nurse specialist",
            specialty=Specialty.SPECIALIST_NURSING,
            techniques=[technique, tms],
        ),
    }


def listed_names(client, query=""):
    html = client.get(LIST_URL + query).content.decode()
    return [
        name
        for name in ("Dr Amina Okafor", "Dr Samuel Mensah", "Grace Whitfield")
        if name in html
    ]


def test_editors_list_search_and_filter_specialists(client, editor, team, technique):
    client.force_login(editor)
    assert client.get(LIST_URL).status_code == 200
    assert listed_names(client) == [
        "Dr Amina Okafor",
        "Dr Samuel Mensah",
        "Grace Whitfield",
    ]
    assert listed_names(client, "?q=psychiatrist") == ["Dr Samuel Mensah"]
    assert listed_names(client, "?specialty=neurosurgery") == ["Dr Amina Okafor"]
    assert listed_names(client, f"?techniques__id__exact={technique.pk}") == [
        "Dr Amina Okafor",
        "Grace Whitfield",
    ]


def test_an_editor_adds_a_specialist_in_the_admin(client, editor, technique):
    client.force_login(editor)
    response = client.post(
        LIST_URL + "create/",
        {
            "name": "Dr Lena Fischer",
            "role": "Consultant anaesthetist",
            "credentials": "FRCA",
            "specialty": "anaesthesia",
            "biography": "Looks after you during the operation.",
            "techniques": [technique.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    specialist = Specialist.objects.get(name="Dr Lena Fischer")
    assert list(specialist.techniques.all()) == [technique]
    assert not specialist.is_sample


def test_only_account_managers_may_link_a_user_account(client, editor, admin_user):
    """The link decides whose name a reviewer's sign-off carries."""
    client.force_login(editor)
    assert 'name="user"' not in client.get(LIST_URL + "create/").content.decode()
    client.force_login(admin_user)
    assert 'name="user"' in client.get(LIST_URL + "create/").content.decode()


def test_a_photo_needs_alt_text(db):
    specialist = SpecialistFactory.build(photo=ImageFactory(), photo_alt=" ")
    with pytest.raises(ValidationError) as refusal:
        specialist.full_clean()
    assert "photo_alt" in refusal.value.message_dict


def test_reviewers_cannot_manage_specialists(client, reviewer, team):
    client.force_login(reviewer)
    assert client.get(LIST_URL).status_code != 200


def test_technique_page_shows_who_performs_it(client, team, technique):
    html = client.get(technique.url).content.decode()
    section = html[html.index("Who performs this treatment") :]
    assert "Dr Amina Okafor" in section
    assert "Consultant neurosurgeon, FRCS (SN)" in section
    assert "Grace Whitfield" in section
    assert "Dr Samuel Mensah" not in section  # performs TMS only


def test_technique_without_specialists_has_no_empty_section(client, technique):
    assert (
        "Who performs this treatment" not in client.get(technique.url).content.decode()
    )


def test_team_page_groups_specialists_and_marks_samples(client, team, home_page):
    page = SpecialistIndexPageFactory(parent=home_page)
    html = client.get(page.url).content.decode()
    assert html.count("<h1") == 1
    assert html.index("Neurosurgery") < html.index("Dr Amina Okafor")
    assert html.index("Psychiatry") < html.index("Dr Samuel Mensah")
    mensah = html[html.index("Dr Samuel Mensah") :]
    assert mensah.index("Sample profile") < mensah.index("</li>")
    assert "Sample profile" not in html[: html.index("Dr Samuel Mensah")]
    # Each profile has an anchor that technique pages link to.
    assert f'id="specialist-{team["okafor"].pk}"' in html


def test_technique_page_links_to_the_profile_on_the_team_page(
    client, team, technique, home_page
):
    page = SpecialistIndexPageFactory(parent=home_page)
    html = client.get(technique.url).content.decode()
    assert f'href="{page.url}#specialist-{team["okafor"].pk}"' in html


def test_leaflets_are_listed_with_file_type_and_size(client, technique):
    document = make_pdf("What to expect")
    technique.leaflets = [
        TechniqueLeaflet(document=document, title="SCS: what to expect")
    ]
    technique.save_revision().publish()

    html = client.get(technique.url).content.decode()
    match = re.search(
        r'<a href="([^"]+)">SCS: what to expect <span class="file-meta">'
        r"\(PDF, ([\d.]+)\xa0bytes\)</span></a>",
        html,
    )
    assert match, html[html.index("Patient leaflets") :][:500]
    assert int(match.group(2)) == document.file_size
    download = client.get(match.group(1))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")


def render_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_people_and_leaflets(technique, count):
    for n in range(count):
        SpecialistFactory(
            photo=ImageFactory(), photo_alt=f"Portrait {n}", techniques=[technique]
        )
    technique.leaflets = [
        TechniqueLeaflet(document=make_pdf(f"Leaflet {n}")) for n in range(count)
    ]
    technique.save_revision().publish()


def test_more_specialists_and_leaflets_cost_no_more_queries(
    client, clinical_sections, home_page, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # measure rendering, not the page cache
    SpecialistIndexPageFactory(parent=home_page)
    few = TechniquePageFactory(parent=clinical_sections[0], title="Few")
    many = TechniquePageFactory(parent=clinical_sections[0], title="Many")
    add_people_and_leaflets(few, 1)
    add_people_and_leaflets(many, 8)
    render_queries(client, few.url)  # renditions are made on the first view
    render_queries(client, many.url)

    assert render_queries(client, many.url) == render_queries(client, few.url)
