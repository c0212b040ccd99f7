"""Serializer fields for the location page's ``api_fields`` (both APIs).

See ``home/api.py`` for how one DRF field serves Wagtail's API v2 and v3.
Hours are structured data, never text to parse: the usual week as rows, and
the exceptions that have not yet ended, each with ISO dates and 24-hour
times, plus the time zone they are in, so a front end can work out "open
today" for itself (an API answer may be cached; "today" would go stale).
"""

import datetime

from django.conf import settings
from typing_extensions import TypedDict

from home.api import ChoiceDict, ReadOnlyField

from . import hours


class PostalAddressDict(TypedDict):
    lines: list[str]
    street_address: list[str]
    town: str
    postcode: str


class OpeningHoursDict(TypedDict):
    days: list[ChoiceDict]
    opens: str | None
    closes: str | None
    closed: bool


class HoursExceptionDict(TypedDict):
    start_date: datetime.date
    end_date: datetime.date
    reason: str
    closed: bool
    opens: str | None
    closes: str | None


def hhmm(value):
    return value.strftime("%H:%M") if value else None


class WholePageField(ReadOnlyField):
    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)


class PostalAddressField(WholePageField):
    """The address as the page shows it (``lines``) and in its parts."""

    def to_representation(self, page) -> PostalAddressDict:
        return PostalAddressDict(
            lines=page.address_lines,
            street_address=[
                line.strip(" ,")
                for line in page.street_address.splitlines()
                if line.strip(" ,")
            ],
            town=page.town,
            postcode=page.postcode,
        )


class TimeZoneField(WholePageField):
    """The IANA time zone the hours and dates are in, e.g. Europe/London."""

    def to_representation(self, page) -> str:
        return settings.TIME_ZONE


def day_choice(weekday) -> ChoiceDict:
    return ChoiceDict(
        value=hours.Weekday.NAMES[weekday].lower(), label=hours.Weekday.NAMES[weekday]
    )


class OpeningHoursField(WholePageField):
    """The usual week: one item per row editors entered, in their order.
    A day no row covers is closed."""

    def to_representation(self, page) -> list[OpeningHoursDict]:
        return [
            OpeningHoursDict(
                days=[day_choice(day) for day in row.days],
                opens=None if row.closed else hhmm(row.opens),
                closes=None if row.closed else hhmm(row.closes),
                closed=row.closed,
            )
            for row in page.hours_rows
        ]


class ExceptionsField(WholePageField):
    """Bank holidays, closures and special hours that have not yet ended,
    soonest first; on their dates they replace the usual week."""

    def to_representation(self, page) -> list[HoursExceptionDict]:
        return [
            HoursExceptionDict(
                start_date=exception.start_date,
                end_date=exception.last_date,
                reason=exception.reason,
                closed=exception.closed,
                opens=None if exception.closed else hhmm(exception.opens),
                closes=None if exception.closed else hhmm(exception.closes),
            )
            for exception in page.upcoming_exceptions()
        ]
