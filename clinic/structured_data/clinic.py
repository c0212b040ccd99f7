"""The clinic as a schema.org ``MedicalClinic``, from Settings → Clinic details.

Editors keep the address and opening hours as free text, one part or day
range per line, because that is how patients read them in the footer. Search
engines want them structured, so this module reads the text the way a person
would and only states what it can read without guessing: a line it does not
understand is left out of the JSON-LD (it still shows on the page).
"""

import re

from locations.hours import Weekday

DAYS = list(Weekday.NAMES)
DAY_NAMES = {day.lower(): day for day in DAYS} | {day[:3].lower(): day for day in DAYS}
DAY_GROUPS = {
    "weekdays": DAYS[:5],
    "weekends": DAYS[5:],
    "daily": DAYS,
    "every day": DAYS,
}

# "Monday to Friday: 8:30 to 17:30": the days are everything before the first
# digit (a colon after them is optional), the times everything after.
HOURS_LINE = re.compile(r"^(?P<days>[^\d]+?)\s*:?\s*(?P<times>(?=\d|closed).*)$", re.I)
TIME = r"(?P<{0}h>\d{{1,2}})(?:[:.](?P<{0}m>\d{{2}}))?\s*(?P<{0}ap>am|pm)?"
TIME_RANGE = re.compile(
    TIME.format("open") + r"\s*(?:to|until|-|–|—)\s*" + TIME.format("close"), re.I
)
DAY_RANGE = re.compile(r"\s*(?:to|-|–|—)\s*")
DAY_LIST = re.compile(r"\s*(?:,|&|\band\b)\s*")

# A UK postcode, e.g. "EX1 2MP" or "SW1A 1AA".
UK_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)


def parse_days(text):
    """Day names in ``text`` ("Monday to Friday", "Sat and Sun"), or None."""
    text = text.strip().lower()
    if text in DAY_GROUPS:
        return list(DAY_GROUPS[text])
    days = []
    for part in DAY_LIST.split(text):
        ends = DAY_RANGE.split(part)
        if len(ends) == 1 and ends[0] in DAY_NAMES:
            days.append(DAY_NAMES[ends[0]])
        elif len(ends) == 2 and all(end in DAY_NAMES for end in ends):
            first, last = (DAYS.index(DAY_NAMES[end]) for end in ends)
            if last < first:
                return None
            days.extend(DAYS[first : last + 1])
        else:
            return None
    return days or None


def clock(match, prefix):
    """A matched time as 24-hour "HH:MM", or None if it is not a real time."""
    hour = int(match[f"{prefix}h"])
    minute = int(match[f"{prefix}m"] or 0)
    meridiem = (match[f"{prefix}ap"] or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def opening_hours_specification(text):
    """``OpeningHoursSpecification`` dicts for the lines of ``text`` it can read.

    Closed days are left out, which schema.org reads as closed.
    """
    specs = []
    for line in (text or "").splitlines():
        match = HOURS_LINE.match(line.strip())
        if not match or not (days := parse_days(match["days"])):
            continue
        for times in TIME_RANGE.finditer(match["times"]):
            opens, closes = clock(times, "open"), clock(times, "close")
            if opens and closes:
                specs.append(
                    {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": days,
                        "opens": opens,
                        "closes": closes,
                    }
                )
    return specs


def postal_address(text):
    """A ``PostalAddress`` for a free-text address, one part per line.

    When the last line is a UK postcode, the line before it is the town;
    otherwise every line stays in ``streetAddress``.
    """
    lines = [line.strip(" ,") for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return None
    if len(lines) >= 3 and UK_POSTCODE.match(lines[-1]):
        *street, town, postcode = lines
        return {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(street),
            "addressLocality": town,
            "postalCode": postcode.upper(),
            "addressCountry": "GB",
        }
    return {"@type": "PostalAddress", "streetAddress": ", ".join(lines)}


def clinic_id(root_url):
    return f"{root_url}/#clinic"


def location_id(url):
    """The @id of the site a location page describes (the page is ``url``)."""
    return f"{url}#location"


def location_reference(location, context):
    """A short node for one of the clinic's locations: the clinic's
    ``department`` list names each, and its own page describes it in full."""
    url = location.get_full_url(context.request)
    return {
        "@type": "MedicalClinic",
        "@id": location_id(url),
        "name": location.title,
        "url": url,
    }


def medical_clinic(clinic, root_url, services=()):
    """The clinic itself: name, address, phone, email, hours and treatments."""
    node = {
        "@type": "MedicalClinic",
        "@id": clinic_id(root_url),
        "name": clinic.clinic_name,
        "url": f"{root_url}/",
    }
    if clinic.phone:
        node["telephone"] = clinic.phone
    if clinic.email:
        node["email"] = clinic.email
    if address := postal_address(clinic.address):
        node["address"] = address
    if hours := opening_hours_specification(clinic.opening_hours):
        node["openingHoursSpecification"] = hours
    if services:
        node["availableService"] = list(services)
    return node
