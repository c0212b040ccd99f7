"""A location page as a schema.org ``MedicalClinic``: one site of the clinic.

Its address, phone and email, the usual week as
``openingHoursSpecification``, the bank holidays, closures and special hours
still to come as ``specialOpeningHoursSpecification``, the treatments offered
there as ``availableService``, the uploaded map as ``hasMap``, and the clinic
itself as ``parentOrganization``; the home page's clinic names each location
as a ``department`` (``location_reference``).
"""

from wagtail.images.models import SourceImageIOError

from locations.hours import Weekday, local_today
from locations.models import MAP_RENDITION

from .clinic import clinic_id, location_reference
from .pages import therapy_reference, web_page

# schema.org's convention for "closed all day" in an hours specification.
CLOSED_ALL_DAY = {"opens": "00:00", "closes": "00:00"}


def postal_address(page):
    return {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(
            line.strip(" ,")
            for line in page.street_address.splitlines()
            if line.strip(" ,")
        ),
        "addressLocality": page.town,
        "postalCode": page.postcode.upper(),
        "addressCountry": "GB",
    }


def hhmm(value):
    return value.strftime("%H:%M")


def weekly_hours(page):
    """One specification per open row; closed rows and days with no row are
    left out, which schema.org reads as closed."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [Weekday.NAMES[day] for day in row.days],
            "opens": hhmm(row.opens),
            "closes": hhmm(row.closes),
        }
        for row in page.hours_rows
        if not row.closed and row.opens and row.closes
    ]


def special_hours(page):
    """The changes that have not ended yet, each for its dates."""
    specs = []
    for change in page.upcoming_exceptions(local_today()):
        spec = {
            "@type": "OpeningHoursSpecification",
            "name": change.reason,
            "validFrom": change.start_date,
            "validThrough": change.last_date,
        }
        if change.closed:
            spec.update(CLOSED_ALL_DAY)
        else:
            spec.update(opens=hhmm(change.opens), closes=hhmm(change.closes))
        specs.append(spec)
    return specs


def map_rendition(page):
    """The map as the page shows it, whole (a crop could cut off the way
    in), or None when there is none or its file is missing."""
    if page.map_picture is None:
        return None
    try:
        return page.map_picture.get_rendition(MAP_RENDITION)
    except SourceImageIOError:
        return None


def location_page(page, context):
    clinic = {
        **location_reference(page, context),
        "url": context.url,
        "description": page.summary,
        "address": postal_address(page),
        "parentOrganization": {"@id": clinic_id(context.root_url)},
    }
    if telephone := page.phone or context.clinic.phone:
        clinic["telephone"] = telephone
    if page.email:
        clinic["email"] = page.email
    if hours := weekly_hours(page):
        clinic["openingHoursSpecification"] = hours
    if special := special_hours(page):
        clinic["specialOpeningHoursSpecification"] = special
    if treatments := page.treatments():
        clinic["availableService"] = [
            therapy_reference(technique, context) for technique in treatments
        ]
    if rendition := map_rendition(page):
        clinic["hasMap"] = context.absolute(rendition.url)
    web = web_page(page, context)
    web["about"] = web["mainEntity"] = {"@id": clinic["@id"]}
    return [web, clinic]
