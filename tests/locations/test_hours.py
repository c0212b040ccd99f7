"""Which hours apply today, in the clinic's time zone (Europe/London).

"Today" is London's date: just after midnight in summer London is an hour
ahead of UTC, so UTC still says yesterday; on the nights the clocks change a
day is 23 or 25 hours long. Exceptions replace the usual week on their dates.
"""

import datetime

import pytest

from locations import hours
from locations.models import HoursException, OpeningHours

from .conftest import utc


def row(first, last=None, opens=(8, 30), closes=(17, 30), closed=False):
    return OpeningHours(
        first_day=first,
        last_day=last,
        opens=None if closed else datetime.time(*opens),
        closes=None if closed else datetime.time(*closes),
        closed=closed,
    )


WEEK = [
    row(0, 4),  # Monday to Friday
    row(5, opens=(9, 0), closes=(13, 0)),  # Saturday morning
    row(6, closed=True),
]
CHRISTMAS = HoursException(
    start_date=datetime.date(2026, 12, 25),
    end_date=datetime.date(2026, 12, 28),
    reason="Christmas bank holidays",
    closed=True,
)
LATE_OPENING = HoursException(
    start_date=datetime.date(2026, 12, 31),
    reason="New Year's Eve",
    closed=False,
    opens=datetime.time(9, 0),
    closes=datetime.time(12, 0),
)


@pytest.mark.parametrize(
    "moment, date",
    [
        # Summer (BST, UTC+1): 23:30 UTC is already 00:30 the next day.
        (utc(2026, 6, 30, 23, 30), datetime.date(2026, 7, 1)),
        (utc(2026, 6, 30, 22, 59), datetime.date(2026, 6, 30)),
        # Winter (GMT): London and UTC agree.
        (utc(2026, 12, 1, 23, 59), datetime.date(2026, 12, 1)),
        (utc(2026, 12, 2, 0, 0), datetime.date(2026, 12, 2)),
        # The night the clocks go forward (29 March 2026, 01:00 UTC).
        (utc(2026, 3, 28, 23, 59), datetime.date(2026, 3, 28)),
        (utc(2026, 3, 29, 0, 30), datetime.date(2026, 3, 29)),
        # The night they go back (25 October 2026, 01:00 UTC).
        (utc(2026, 10, 24, 22, 59), datetime.date(2026, 10, 24)),
        (utc(2026, 10, 24, 23, 0), datetime.date(2026, 10, 25)),
    ],
)
def test_today_is_londons_date(moment, date):
    assert hours.local_today(moment) == date


def test_a_weekday_takes_the_rows_that_cover_it():
    tuesday = hours.hours_on(WEEK, [], datetime.date(2026, 12, 1))
    saturday = hours.hours_on(WEEK, [], datetime.date(2026, 12, 5))
    sunday = hours.hours_on(WEEK, [], datetime.date(2026, 12, 6))

    assert tuesday.is_open and tuesday.hours_text() == "8:30 to 17:30"
    assert saturday.hours_text() == "9:00 to 13:00"
    assert not sunday.is_open and sunday.hours_text() == "Closed"


def test_a_day_with_no_row_is_closed():
    only_wednesday = [row(2)]
    assert not hours.hours_on(only_wednesday, [], datetime.date(2026, 12, 1)).is_open


def test_two_sessions_on_a_day_show_in_time_order():
    split = [row(4, opens=(13, 30), closes=(17, 0)), row(4, closes=(12, 30))]
    friday = hours.hours_on(split, [], datetime.date(2026, 12, 4))
    assert friday.hours_text() == "8:30 to 12:30 and 13:30 to 17:00"


@pytest.mark.parametrize("day", [25, 26, 27, 28])
def test_a_closure_replaces_the_usual_hours_on_every_date_it_covers(day):
    date = datetime.date(2026, 12, day)
    result = hours.hours_on(WEEK, [CHRISTMAS, LATE_OPENING], date)
    assert not result.is_open
    assert result.reason == "Christmas bank holidays"


def test_the_usual_hours_return_the_day_after_a_closure():
    result = hours.hours_on(WEEK, [CHRISTMAS], datetime.date(2026, 12, 29))
    assert result.is_open and result.exception is None


def test_special_hours_replace_the_usual_ones():
    result = hours.hours_on(
        WEEK, [CHRISTMAS, LATE_OPENING], datetime.date(2026, 12, 31)
    )
    assert result.hours_text() == "9:00 to 12:00"
    assert result.reason == "New Year's Eve"


def test_only_changes_that_have_not_ended_are_shown():
    exceptions = [LATE_OPENING, CHRISTMAS]
    assert hours.current_exceptions(exceptions, datetime.date(2026, 12, 28)) == [
        CHRISTMAS,
        LATE_OPENING,
    ]
    assert hours.current_exceptions(exceptions, datetime.date(2026, 12, 29)) == [
        LATE_OPENING
    ]
    assert hours.current_exceptions(exceptions, datetime.date(2027, 1, 1)) == []


def test_the_week_table_runs_monday_to_sunday():
    table = hours.week_table(WEEK)
    assert [day["day"] for day in table] == list(hours.Weekday.NAMES)
    assert [day["hours"] for day in table] == [
        *["8:30 to 17:30"] * 5,
        "9:00 to 13:00",
        "Closed",
    ]


@pytest.mark.parametrize(
    "moment, seconds",
    [
        (utc(2027, 1, 15, 12, 0), 12 * 3600),  # winter: London is UTC
        (utc(2027, 7, 15, 22, 30), 30 * 60),  # summer: 23:30 in London
        # The night the clocks go forward: 00:30 GMT to midnight BST is 22.5 h
        # of real time, though the wall clock shows 23.5 h.
        (utc(2027, 3, 28, 0, 30), 22 * 3600 + 30 * 60),
        # The night they go back: 01:30 BST to midnight GMT is 23.5 h.
        (utc(2027, 10, 31, 0, 30), 23 * 3600 + 30 * 60),
    ],
)
def test_seconds_until_tomorrow_count_real_time_to_londons_midnight(moment, seconds):
    assert hours.seconds_until_tomorrow(moment) == seconds
