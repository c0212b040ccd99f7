"""Test factories for locations (used by the test suite only)."""

import datetime

import factory
import wagtail_factories

from .models import (
    HoursException,
    LocationIndexPage,
    LocationPage,
    LocationTreatment,
    OpeningHours,
)


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Locations"
    slug = "locations"
    intro = "Where we see patients."

    class Meta:
        model = LocationIndexPage


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Location {n}")
    summary = factory.LazyAttribute(lambda page: f"About {page.title}.")
    street_address = "1 Example Street"
    town = factory.Sequence(lambda n: f"Town {n}")
    postcode = "EX1 2MP"
    phone = "01234 567890"

    class Meta:
        model = LocationPage


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    """Monday to Friday, 8:30 to 17:30, unless told otherwise."""

    first_day = 0
    last_day = 4
    opens = datetime.time(8, 30)
    closes = datetime.time(17, 30)
    closed = False
    sort_order = factory.Sequence(int)

    class Meta:
        model = OpeningHours


class HoursExceptionFactory(factory.django.DjangoModelFactory):
    start_date = datetime.date(2026, 12, 25)
    reason = "Bank holiday"
    closed = True

    class Meta:
        model = HoursException


class LocationTreatmentFactory(factory.django.DjangoModelFactory):
    sort_order = factory.Sequence(int)

    class Meta:
        model = LocationTreatment
