"""schema.org JSON-LD: built from each page's data, valid JSON, safe HTML."""

import datetime
import json
import re

import pytest

from clinic.structured_data.clinic import opening_hours_specification, postal_address
from home.models import ClinicSettings
from techniques.factories import (
    ConditionPageFactory,
    SpecialistFactory,
    TechniquePageFactory,
    link,
)
from techniques.models import TechniquePage

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, url):
    """The page's JSON-LD graph as {type: node}; there must be exactly one."""
    html = client.get(url).content.decode()
    scripts = JSON_LD.findall(html)
    assert len(scripts) == 1, scripts
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


@pytest.fixture
def clinic(db):
    details = ClinicSettings.load()
    details.clinic_name = "Riverside Pain Clinic"
    details.phone = "020 7946 0000"
    details.email = "hello@clinic.example"
    details.address = "Riverside House\n2 Bank Street\nLondon\nSE1 9XY"
    details.opening_hours = (
        "Monday to Friday: 8:30 to 17:30\nSaturday: 9am to 12pm\nSunday: closed"
    )
    details.save()
    return details


@pytest.fixture
def scs(technique_index):
    return TechniquePageFactory(
        parent=technique_index,
        title="Spinal cord stimulation",
        summary="Mild pulses to the spinal cord ease nerve pain.",
        delivery="implanted",
        how_it_works="<p>Pulses change pain signals.</p>",
        procedure="<p>Leads are placed under <b>X-ray</b> guidance.</p>",
        recovery="<p>Rest for six weeks.</p>",
    )


def test_home_page_describes_the_clinic_from_its_settings(
    client, clinic, home_page, scs
):
    graph = json_ld(client, home_page.url)
    medical_clinic = graph["MedicalClinic"]
    assert medical_clinic["name"] == "Riverside Pain Clinic"
    assert medical_clinic["telephone"] == "020 7946 0000"
    assert medical_clinic["email"] == "hello@clinic.example"
    assert medical_clinic["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Riverside House, 2 Bank Street",
        "addressLocality": "London",
        "postalCode": "SE1 9XY",
        "addressCountry": "GB",
    }
    assert medical_clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            "opens": "08:30",
            "closes": "17:30",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Saturday"],
            "opens": "09:00",
            "closes": "12:00",
        },
    ]
    assert [service["name"] for service in medical_clinic["availableService"]] == [
        "Spinal cord stimulation"
    ]
    assert graph["WebSite"]["publisher"] == {"@id": medical_clinic["@id"]}


def test_changing_the_settings_changes_the_structured_data(client, clinic, home_page):
    clinic.phone = "01632 960 000"
    clinic.save()
    assert json_ld(client, home_page.url)["MedicalClinic"]["telephone"] == (
        "01632 960 000"
    )


def test_technique_page_is_a_medical_web_page_about_a_therapy(client, clinic, scs):
    graph = json_ld(client, scs.url)
    web_page, therapy = graph["MedicalWebPage"], graph["MedicalTherapy"]
    assert web_page["url"] == scs.full_url
    assert web_page["description"] == "Mild pulses to the spinal cord ease nerve pain."
    assert web_page["about"] == {"@id": therapy["@id"]}
    assert web_page["publisher"]["name"] == "Riverside Pain Clinic"
    assert therapy["name"] == "Spinal cord stimulation"
    assert therapy["procedureType"] == "https://schema.org/SurgicalProcedure"
    assert therapy["howPerformed"] == "Leads are placed under X-ray guidance."
    assert therapy["followup"] == "Rest for six weeks."


def test_non_invasive_technique_says_so(client, technique_index):
    tms = TechniquePageFactory(parent=technique_index, delivery="non_invasive")
    therapy = json_ld(client, tms.url)["MedicalTherapy"]
    assert therapy["procedureType"] == "https://schema.org/NoninvasiveProcedure"
    # No procedure text: how it works stands in for how it is performed...
    assert "howPerformed" not in therapy or therapy["howPerformed"]
    # ...and empty sections are left out rather than sent as "".
    assert "followup" not in therapy


def test_condition_lists_the_techniques_that_treat_it(
    client, scs, condition_index, technique_index
):
    pain = ConditionPageFactory(parent=condition_index, title="Neuropathic pain")
    draft = TechniquePageFactory(parent=technique_index, title="Draft technique")
    link(scs, pain)
    link(draft, pain)
    draft.unpublish()

    graph = json_ld(client, pain.url)
    condition = graph["MedicalCondition"]
    assert condition["name"] == "Neuropathic pain"
    assert graph["MedicalWebPage"]["about"] == {"@id": condition["@id"]}
    assert condition["possibleTreatment"] == [
        {
            "@type": "MedicalTherapy",
            "@id": f"{scs.full_url}#topic",
            "name": "Spinal cord stimulation",
            "url": scs.full_url,
        }
    ]
    # The same @id as on the technique's own page, so the two join up.
    assert (
        json_ld(client, scs.url)["MedicalTherapy"]["@id"]
        == (condition["possibleTreatment"][0]["@id"])
    )


def test_other_pages_get_a_plain_web_page(client, technique_index, contact_page):
    assert "CollectionPage" in json_ld(client, technique_index.url)
    assert "ContactPage" in json_ld(client, contact_page.url)


def test_editors_text_cannot_break_out_of_the_script(client, technique_index):
    nasty = "</script><script>alert('x')</script> & <!-- more"
    page = TechniquePageFactory(parent=technique_index, summary=nasty)
    html = client.get(page.url).content.decode()
    script = JSON_LD.search(html)[1]
    assert "</script" not in script and "<!--" not in script
    assert json.loads(script)["@graph"][1]["description"] == nasty


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Monday to Friday: 9:00 to 17:00", [(["Mon-Fri"], "09:00", "17:00")]),
        ("Mon-Fri 08.30-18.00", [(["Mon-Fri"], "08:30", "18:00")]),
        ("Tuesday and Thursday: 2pm to 6pm", [(["Tue", "Thu"], "14:00", "18:00")]),
        (
            "Weekdays: 9am-1pm and 2pm-5pm",
            [(["Mon-Fri"], "09:00", "13:00"), (["Mon-Fri"], "14:00", "17:00")],
        ),
        ("Saturday and Sunday: closed", []),
        ("Bank holidays: closed", []),
        ("Ring us any time", []),
        ("Friday to Monday: 9:00 to 17:00", []),  # a range that wraps is unclear
        ("Monday: 25:00 to 26:00", []),
    ],
)
def test_opening_hours_are_read_only_when_unambiguous(text, expected):
    short = {
        "Mon-Fri": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "Tue": ["Tuesday"],
        "Thu": ["Thursday"],
    }
    specs = opening_hours_specification(text)
    assert [(s["dayOfWeek"], s["opens"], s["closes"]) for s in specs] == [
        ([day for name in days for day in short[name]], opens, closes)
        for days, opens, closes in expected
    ]


def test_an_address_without_a_postcode_stays_as_written():
    assert postal_address("Clinic Building\nSomewhere") == {
        "@type": "PostalAddress",
        "streetAddress": "Clinic Building, Somewhere",
    }
    assert postal_address("") is None


def test_a_recorded_review_gives_the_review_date_and_reviewer(client, clinic, scs):
    """Once a clinician has signed the page off, search engines are told who
    and when; until then nothing is claimed."""
    assert "lastReviewed" not in json_ld(client, scs.url)["MedicalWebPage"]

    reviewer = SpecialistFactory(
        name="Dr Amina Okafor",
        role="Consultant neurosurgeon",
        credentials="MB BS, FRCS (SN)",
    )
    # As techniques.signoff.record_clinical_review stores it.
    TechniquePage.objects.filter(pk=scs.pk).update(
        last_reviewed=datetime.date(2025, 3, 14), reviewed_by=reviewer
    )

    web_page = json_ld(client, scs.url)["MedicalWebPage"]
    assert web_page["lastReviewed"] == "2025-03-14"
    assert web_page["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Amina Okafor",
        "jobTitle": "Consultant neurosurgeon",
        "honorificSuffix": "MB BS, FRCS (SN)",
        "worksFor": {"@id": web_page["publisher"]["@id"]},
    }
