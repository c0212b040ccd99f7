"""Opening hours: which hours apply on a given day, in the clinic's time zone.

A location's week is a list of rows (days, opens, closes, closed); dated
exceptions (bank holidays, closures, special hours) replace the week's rows
on the dates they cover. "Today" is the date on the wall clock of
``settings.TIME_ZONE`` (Europe/London by default), not the server's or UTC's:
at 00:30 on a summer night in London it is already tomorrow there while UTC
still says today.

Nothing here reads the database: the functions take the rows already loaded,
so a page or an API answer costs the same queries whatever it asks.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


class Weekday:
    """Monday is 0, as ``datetime.date.weekday()`` counts."""

    NAMES = (
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    )
    CHOICES = list(enumerate(NAMES))


def clinic_zone():
    return ZoneInfo(settings.TIME_ZONE)


def local_now(now=None):
    """``now`` (default: this moment) on the clinic's wall clock."""
    return timezone.localtime(now or timezone.now(), clinic_zone())


def local_today(now=None):
    return local_now(now).date()


def seconds_until_tomorrow(now=None):
    """Seconds from ``now`` to the clinic's next midnight (at least 1).

    Counted in UTC: subtracting two wall-clock times of one zone would ignore
    a change of the clocks in between."""
    local = local_now(now)
    midnight = datetime.datetime.combine(
        local.date() + datetime.timedelta(days=1), datetime.time.min
    ).replace(tzinfo=local.tzinfo)
    gap = midnight.astimezone(datetime.UTC) - local.astimezone(datetime.UTC)
    return max(1, int(gap.total_seconds()))


def clock(value):
    """A time as patients read it: 8:30, 17:00."""
    return f"{value.hour}:{value.minute:02d}"


@dataclass
class DayHours:
    """What one date looks like: its opening sessions, or closed, and why."""

    date: datetime.date
    sessions: list = field(default_factory=list)  # [(opens, closes)], in order
    exception: object = None  # the HoursException that applies, if any

    @property
    def is_open(self):
        return bool(self.sessions)

    @property
    def reason(self):
        return self.exception.reason if self.exception else ""

    @property
    def weekday_name(self):
        return Weekday.NAMES[self.date.weekday()]

    def hours_text(self):
        """'8:30 to 17:30', '9:00 to 12:30 and 13:30 to 17:00', or 'Closed'."""
        if not self.sessions:
            return "Closed"
        return " and ".join(
            f"{clock(opens)} to {clock(closes)}" for opens, closes in self.sessions
        )


def weekly_sessions(rows, weekday):
    """The (opens, closes) sessions of the weekly ``rows`` on ``weekday``."""
    sessions = [
        (row.opens, row.closes)
        for row in rows
        if row.covers(weekday) and not row.closed and row.opens and row.closes
    ]
    return sorted(sessions)


def exception_on(exceptions, date):
    """The exception covering ``date``: the latest-starting one if several
    overlap (a one-day change inside a longer closure wins)."""
    covering = [exception for exception in exceptions if exception.covers(date)]
    return max(covering, key=lambda e: e.start_date, default=None)


def hours_on(rows, exceptions, date):
    """The hours of ``date``: an exception's if one covers it, else the week's."""
    exception = exception_on(exceptions, date)
    if exception is None:
        return DayHours(date, weekly_sessions(rows, date.weekday()))
    sessions = []
    if not exception.closed and exception.opens and exception.closes:
        sessions = [(exception.opens, exception.closes)]
    return DayHours(date, sessions, exception)


def week_table(rows):
    """Monday to Sunday, each with its usual hours text: the page's table."""
    return [
        {
            "day": name,
            "weekday": weekday,
            "hours": DayHours(None, weekly_sessions(rows, weekday)).hours_text(),
        }
        for weekday, name in Weekday.CHOICES
    ]


def current_exceptions(exceptions, today):
    """Exceptions that have not ended by ``today``, soonest first."""
    return sorted(
        (exception for exception in exceptions if exception.last_date >= today),
        key=lambda exception: exception.start_date,
    )
