"""Each location is a MedicalClinic in its page's JSON-LD, and the home
page's clinic names its locations."""

import json
import re

import pytest
from wagtail_factories import ImageFactory

from home.models import ClinicSettings
from locations.factories import LocationTreatmentFactory
from techniques.factories import TechniquePageFactory

from .conftest import utc

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def graph(client, url):
    scripts = JSON_LD.findall(client.get(url).content.decode())
    assert len(scripts) == 1
    return json.loads(scripts[0])["@graph"]


def location_node(client, page):
    nodes = [
        node for node in graph(client, page.url) if node["@type"] == "MedicalClinic"
    ]
    assert len(nodes) == 1
    return nodes[0]


def test_a_location_is_a_medical_clinic_with_its_address_and_week(
    client, exeter, clock
):
    clock.set(utc(2026, 12, 1, 10, 0))
    node = location_node(client, exeter)

    assert node["@id"] == "http://localhost/locations/exeter-clinic/#location"
    assert node["name"] == "Exeter clinic"
    assert node["telephone"] == "01392 000000"
    assert node["email"] == "exeter@clinic.invalid"
    assert node["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Outpatients, Level 2, 1 Example Street",
        "addressLocality": "Exeter",
        "postalCode": "EX1 2MP",
        "addressCountry": "GB",
    }
    assert node["parentOrganization"] == {"@id": "http://localhost/#clinic"}
    assert node["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday"],
            "opens": "08:30",
            "closes": "17:30",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Friday"],
            "opens": "08:30",
            "closes": "12:30",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Friday"],
            "opens": "13:30",
            "closes": "17:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Saturday"],
            "opens": "09:00",
            "closes": "13:00",
        },
    ]


def test_closures_and_special_hours_are_special_opening_hours(client, exeter, clock):
    clock.set(utc(2026, 12, 1, 10, 0))
    assert location_node(client, exeter)["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "name": "Christmas bank holidays",
            "validFrom": "2026-12-25",
            "validThrough": "2026-12-28",
            "opens": "00:00",
            "closes": "00:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "name": "New Year's Eve",
            "validFrom": "2026-12-31",
            "validThrough": "2026-12-31",
            "opens": "09:00",
            "closes": "12:00",
        },
    ]
    clock.set(utc(2027, 1, 1, 10, 0))
    assert "specialOpeningHoursSpecification" not in location_node(client, exeter)


def test_the_treatments_offered_are_its_services_and_the_map_its_map(
    client, home_page, exeter
):
    technique = TechniquePageFactory(parent=home_page, title="Nerve stimulation")
    hidden = TechniquePageFactory(parent=home_page, live=False)
    for page in (technique, hidden):
        LocationTreatmentFactory(location=exeter, technique=page)
    exeter.map_image = ImageFactory()
    exeter.map_alt = "The way in"
    exeter.save_revision().publish()

    node = location_node(client, exeter)
    assert node["availableService"] == [
        {
            "@type": "MedicalTherapy",
            "@id": f"http://localhost{technique.url}#topic",
            "name": "Nerve stimulation",
            "url": f"http://localhost{technique.url}",
        }
    ]
    assert re.match(r"http://localhost/media/images/.*\.max-960x960\.", node["hasMap"])


def test_a_location_without_its_own_phone_gives_the_clinics(client, truro):
    ClinicSettings.objects.create(phone="020 7946 0000")
    truro.phone = ""
    truro.save_revision().publish()
    node = location_node(client, truro)
    assert node["telephone"] == "020 7946 0000"
    assert "email" not in node


def test_the_home_pages_clinic_names_its_live_locations(
    client, home_page, exeter, truro
):
    truro.unpublish()
    clinic = next(
        node for node in graph(client, "/") if node["@type"] == "MedicalClinic"
    )
    assert clinic["department"] == [
        {
            "@type": "MedicalClinic",
            "@id": "http://localhost/locations/exeter-clinic/#location",
            "name": "Exeter clinic",
            "url": "http://localhost/locations/exeter-clinic/",
        }
    ]
