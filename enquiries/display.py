"""What a visitor wrote, as a person would read it.

Stored values are JSON (dates and times as ISO text, ticks as true/false,
several choices as a list); staff should read "Yes", "Monday, Tuesday" and
"3 December 2026, 14:30" in the clinic's time zone, never "None" or "True".
The single-enquiry page and the exports use the same functions.
"""

import datetime
import re

from django.utils import timezone
from django.utils.dateformat import format as format_date

NOT_GIVEN = "Not given"
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"

# Only whole ISO dates and times (as Django's JSON encoder writes them) are
# read as dates: other text that merely contains digits stays as typed.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?"
)


def received(enquiry):
    """When the enquiry arrived, in the site's time zone."""
    return format_date(timezone.localtime(enquiry.submit_time), DATETIME_FORMAT)


def readable(value):
    """One stored value as text for staff ("" means nothing was given)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (list, tuple)):
        return ", ".join(text for text in (readable(item) for item in value) if text)
    if isinstance(value, datetime.datetime):
        return _datetime(value)
    if isinstance(value, datetime.date):
        return format_date(value, DATE_FORMAT)
    if isinstance(value, str):
        return _text(value)
    return str(value)


def _text(value):
    text = value.strip()
    try:
        if ISO_DATETIME.fullmatch(text):
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
            return _datetime(moment)
        if ISO_DATE.fullmatch(text):
            return format_date(datetime.date.fromisoformat(text), DATE_FORMAT)
    except ValueError:
        pass  # looked like a date but is not one: show it as typed
    return value


def _datetime(value):
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value, DATETIME_FORMAT)


def humanise(name):
    """A label for a field whose label was not kept ("your_name" -> "Your name")."""
    return name.replace("_", " ").strip().capitalize() or name


def data(enquiry):
    """The stored answers by field name ({} if unreadable or not a mapping)."""
    form_data = enquiry.form_data
    return form_data if isinstance(form_data, dict) else {}


def answers(enquiry, skip=()):
    """``(label, text)`` for each answer, in the order the form asked them
    (the encrypted JSON keeps its order), labelled as the visitor saw them."""
    labels = enquiry.field_labels if isinstance(enquiry.field_labels, dict) else {}
    return [
        (labels.get(name) or humanise(name), readable(value))
        for name, value in data(enquiry).items()
        if name not in skip
    ]
