"""A Locations section with two sites, and a clock the tests can set."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from locations.factories import (
    HoursExceptionFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    OpeningHoursFactory,
)

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def clock(monkeypatch):
    """``clock.set(datetime)`` makes that the moment everything reads as now
    (the page, the JSON-LD and the APIs ask ``django.utils.timezone.now``)."""

    class Clock:
        def set(self, moment):
            monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return Clock()


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


@pytest.fixture
def location_index(home_page):
    return LocationIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def exeter(location_index):
    """Weekdays 8:30 to 17:30 with a lunch break on Fridays, Saturday
    mornings, closed Sundays; shut for the 2026 Christmas bank holidays."""
    page = LocationPageFactory(
        parent=location_index,
        title="Exeter clinic",
        town="Exeter",
        street_address="Outpatients, Level 2\n1 Example Street",
        postcode="EX1 2MP",
        phone="01392 000000",
        email="exeter@clinic.invalid",
        parking="Blue-badge spaces by the quillwort garden entrance.",
        directions="Ten minutes' walk from Exeter Central station.",
    )
    OpeningHoursFactory(page=page, first_day=0, last_day=3)
    OpeningHoursFactory(
        page=page,
        first_day=4,
        last_day=None,
        opens=datetime.time(8, 30),
        closes=datetime.time(12, 30),
    )
    OpeningHoursFactory(
        page=page,
        first_day=4,
        last_day=None,
        opens=datetime.time(13, 30),
        closes=datetime.time(17, 0),
    )
    OpeningHoursFactory(
        page=page,
        first_day=5,
        last_day=None,
        opens=datetime.time(9, 0),
        closes=datetime.time(13, 0),
    )
    OpeningHoursFactory(
        page=page, first_day=6, last_day=None, closed=True, opens=None, closes=None
    )
    HoursExceptionFactory(
        page=page,
        start_date=datetime.date(2026, 12, 25),
        end_date=datetime.date(2026, 12, 28),
        reason="Christmas bank holidays",
    )
    HoursExceptionFactory(
        page=page,
        start_date=datetime.date(2026, 12, 31),
        reason="New Year's Eve",
        closed=False,
        opens=datetime.time(9, 0),
        closes=datetime.time(12, 0),
    )
    return page


@pytest.fixture
def truro(location_index):
    """A satellite clinic, open on Wednesdays only, with no email."""
    page = LocationPageFactory(
        parent=location_index,
        title="Truro clinic",
        town="Truro",
        postcode="TR1 2XX",
        email="",
    )
    OpeningHoursFactory(
        page=page,
        first_day=2,
        last_day=None,
        opens=datetime.time(10, 0),
        closes=datetime.time(16, 0),
    )
    return page
