"""Location pages in both read APIs: hours and changes as structured data."""

import pytest

from locations.factories import LocationTreatmentFactory
from techniques.factories import TechniquePageFactory

from .conftest import utc

pytestmark = pytest.mark.django_db

APIS = ["v2", "v3"]


def detail(client, api, page):
    response = client.get(f"/api/{api}/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("api", APIS)
def test_a_location_gives_its_address_hours_and_changes(client, exeter, clock, api):
    clock.set(utc(2026, 12, 29, 10, 0))  # after Christmas, before New Year's Eve
    data = detail(client, api, exeter)

    assert data["address"] == {
        "lines": ["Outpatients, Level 2", "1 Example Street", "Exeter", "EX1 2MP"],
        "street_address": ["Outpatients, Level 2", "1 Example Street"],
        "town": "Exeter",
        "postcode": "EX1 2MP",
    }
    assert data["phone"] == "01392 000000"
    assert data["email"] == "exeter@clinic.invalid"
    assert data["time_zone"] == "Europe/London"
    assert data["opening_hours"][0] == {
        "days": [
            {"value": "monday", "label": "Monday"},
            {"value": "tuesday", "label": "Tuesday"},
            {"value": "wednesday", "label": "Wednesday"},
            {"value": "thursday", "label": "Thursday"},
        ],
        "opens": "08:30",
        "closes": "17:30",
        "closed": False,
    }
    assert data["opening_hours"][-1] == {
        "days": [{"value": "sunday", "label": "Sunday"}],
        "opens": None,
        "closes": None,
        "closed": True,
    }
    assert data["hours_exceptions"] == [
        {
            "start_date": "2026-12-31",
            "end_date": "2026-12-31",
            "reason": "New Year's Eve",
            "closed": False,
            "opens": "09:00",
            "closes": "12:00",
        }
    ]
    assert data["map"] is None


@pytest.mark.parametrize("api", APIS)
def test_location_and_technique_link_each_other(client, home_page, exeter, api):
    technique = TechniquePageFactory(parent=home_page, title="Nerve stimulation")
    LocationTreatmentFactory(location=exeter, technique=technique)

    treatments = detail(client, api, exeter)["treatments"]
    assert [(link["id"], link["title"]) for link in treatments] == [
        (technique.pk, "Nerve stimulation")
    ]
    assert treatments[0]["detail_url"].endswith(f"/api/{api}/pages/{technique.pk}/")
    locations = detail(client, api, technique)["locations"]
    assert [link["title"] for link in locations] == ["Exeter clinic"]


def test_the_openapi_document_types_the_hours(client, exeter):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    location = schemas["LocationPageSchema"]["properties"]
    assert {"address", "opening_hours", "hours_exceptions", "treatments", "map"} <= set(
        location
    )
    assert "locations" in schemas["TechniquePageSchema"]["properties"]
    hours = schemas["OpeningHoursDict"]["properties"]
    assert set(hours) == {"days", "opens", "closes", "closed"}
