"""The location pages as patients see them, at a moment the tests choose."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from home.models import ClinicSettings
from locations.factories import LocationTreatmentFactory
from techniques.factories import TechniquePageFactory

from .conftest import utc

pytestmark = pytest.mark.django_db


def today_line(client, url):
    html = client.get(url).content.decode()
    start = html.index('<p class="today')
    return " ".join(html[start : html.index("</p>", start)].split())


def test_the_page_shows_todays_hours_by_londons_date(client, exeter, clock):
    # 23:30 UTC on Thursday 30 July is 00:30 on Friday 31 July in London:
    # Friday's split hours, not Thursday's.
    clock.set(utc(2026, 7, 30, 23, 30))
    line = today_line(client, exeter.url)
    assert "Today, Friday 31 July:" in line
    assert "open 8:30 to 12:30 and 13:30 to 17:00" in line


def test_the_page_says_closed_today_on_a_bank_holiday_with_the_reason(
    client, exeter, clock
):
    clock.set(utc(2026, 12, 28, 9, 0))  # a Monday, normally open
    line = today_line(client, exeter.url)
    assert "Today, Monday 28 December:" in line
    assert "closed (Christmas bank holidays)" in line


def test_the_page_says_closed_on_a_sunday(client, exeter, clock):
    clock.set(utc(2026, 12, 6, 12, 0))
    assert "closed" in today_line(client, exeter.url)


def test_coming_changes_are_listed_and_past_ones_are_not(client, exeter, clock):
    clock.set(utc(2026, 12, 29, 9, 0))
    html = client.get(exeter.url).content.decode()
    assert "Christmas bank holidays" not in html
    assert "Thursday 31 December 2026" in html
    assert "open 9:00 to 12:00" in html


def test_the_page_cache_keeps_a_page_until_londons_midnight_only(
    client, exeter, clock, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    ClinicSettings.load()  # made on a first view, which empties the cache
    clock.set(utc(2026, 12, 24, 23, 55))  # 23:55 on Thursday 24 December
    assert "open 8:30 to 17:30" in today_line(client, exeter.url)
    exeter_url = exeter.url
    # Cached: a change in the database alone does not show within the day...
    type(exeter).objects.filter(pk=exeter.pk).update(summary="Changed")
    assert "Changed" not in client.get(exeter_url).content.decode()
    # ...and ten minutes later it is Christmas Day in London: a fresh page.
    clock.set(utc(2026, 12, 25, 0, 5))
    assert "closed (Christmas bank holidays)" in today_line(client, exeter_url)


def test_the_page_shows_address_access_and_the_week(client, exeter):
    html = client.get(exeter.url).content.decode()
    for text in [
        "Outpatients, Level 2<br>1 Example Street<br>Exeter<br>EX1 2MP",
        'href="tel:01392000000"',
        'href="mailto:exeter@clinic.invalid"',
        "Blue-badge spaces",
        '<th scope="row">Sunday',
    ]:
        assert text in html, text


def test_the_index_lists_each_location_with_todays_hours(
    client, location_index, exeter, truro, clock
):
    clock.set(utc(2026, 12, 2, 10, 0))  # a Wednesday
    html = client.get(location_index.url).content.decode()
    assert html.index("Exeter clinic") < html.index("Truro clinic")
    assert "open 8:30 to 17:30" in html
    assert "open 10:00 to 16:00" in html


def test_a_location_unpublished_or_made_private_leaves_every_list(
    client, home_page, location_index, exeter, truro
):
    technique = TechniquePageFactory(parent=home_page)
    for location in (exeter, truro):
        LocationTreatmentFactory(location=location, technique=technique)
    exeter.unpublish()
    PageViewRestriction.objects.create(
        page=truro, restriction_type=PageViewRestriction.LOGIN
    )

    for url in (location_index.url, technique.url, "/"):
        html = client.get(url).content.decode()
        assert "Exeter clinic" not in html, url
        assert "Truro clinic" not in html, url


def test_the_footer_lists_the_locations_on_every_page(client, home_page, exeter):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert f'<a href="{exeter.url}">Exeter clinic</a>, Exeter' in footer


def test_a_technique_says_where_it_is_offered(client, home_page, exeter, truro):
    technique = TechniquePageFactory(parent=home_page)
    LocationTreatmentFactory(location=truro, technique=technique)
    html = client.get(technique.url).content.decode()
    section = html[html.index('id="locations"') :]
    assert "Where this treatment is offered" in section
    assert f'<a href="{truro.url}">Truro clinic</a>' in section
    assert "Exeter clinic" not in section.split("</section>")[0]


def test_the_location_lists_its_live_treatments_in_the_editors_order(
    client, home_page, exeter
):
    first = TechniquePageFactory(parent=home_page, title="Zebra therapy")
    second = TechniquePageFactory(parent=home_page, title="Alpha therapy")
    draft = TechniquePageFactory(parent=home_page, title="Draft therapy", live=False)
    for technique in (first, second, draft):
        LocationTreatmentFactory(location=exeter, technique=technique)
    html = client.get(exeter.url).content.decode()
    assert html.index("Zebra therapy") < html.index("Alpha therapy")
    assert "Draft therapy" not in html


def test_search_finds_a_location_by_its_parking_directions_and_postcode(
    client, exeter, truro
):
    call_command("update_index", stdout=StringIO())
    for words in ("quillwort", "Central station", "EX1 2MP"):
        html = client.get("/search/", {"q": words}).content.decode()
        results = re.findall(r'class="search-result__title"><a [^>]+>([^<]+)<', html)
        assert results == ["Exeter clinic"], words
        assert '<p class="search-result__kind">Location</p>' in html
