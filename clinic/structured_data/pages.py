"""schema.org nodes for each page type, built from the page's own fields.

One function per page type; ``BUILDERS`` maps a page model's label to it.
Every other page a node names (a clinic's services, a condition's
treatments) is live and outside private sections (``home.visibility``).
It lives in ``clinic`` (the top layer) because it knows every page type.
"""

from wagtail.images.models import SourceImageIOError

from home.sections import plain_text
from home.sitewide import remember
from home.visibility import visible
from locations.models import site_locations
from techniques.models import TechniquePage

from .clinic import clinic_id, location_reference, medical_clinic

# How a technique reaches the body, as schema.org's MedicalProcedureType.
PROCEDURE_TYPES = {
    "implanted": "https://schema.org/SurgicalProcedure",
    "minimally_invasive": "https://schema.org/PercutaneousProcedure",
    "non_invasive": "https://schema.org/NoninvasiveProcedure",
}


# The size link previews (Open Graph) and search engines show best.
SHARE_IMAGE_SPEC = "fill-1200x630"


def share_rendition(image):
    """``image`` cut to the sharing size, or None (no image, or its file is
    missing: the page must still render)."""
    if image is None:
        return None
    try:
        return image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        return None


def entity_id(url):
    """The @id of the thing a clinical page is about (the page is ``url``)."""
    return f"{url}#topic"


def publisher(context):
    return {
        "@type": "MedicalClinic",
        "@id": clinic_id(context.root_url),
        "name": context.clinic.clinic_name,
        "url": f"{context.root_url}/",
    }


def web_page(page, context, page_type="WebPage"):
    """The page itself: name, address, description, dates and publisher."""
    node = {
        "@type": page_type,
        "@id": context.url,
        "url": context.url,
        "name": page.seo_title or page.title,
        "inLanguage": context.language,
        "isPartOf": {"@id": f"{context.root_url}/#website"},
        "publisher": publisher(context),
    }
    if description := page.meta_description:
        node["description"] = description
    if page.last_published_at:
        node["dateModified"] = page.last_published_at
    return node


def reviewer(specialist, context):
    """The specialist who last reviewed a page, as a schema.org Person."""
    person = {"@type": "Person", "name": specialist.name}
    if role := getattr(specialist, "role", ""):
        person["jobTitle"] = role
    if credentials := getattr(specialist, "credentials", ""):
        person["honorificSuffix"] = credentials
    person["worksFor"] = {"@id": clinic_id(context.root_url)}
    return person


def page_sections(page, context):
    """The page's filled-in sections (``BasePage.sections()``), each a part of
    the page with the heading and text it shows."""
    return [
        {
            "@type": "WebPageElement",
            "@id": f"{context.url}#{section.id}",
            "name": section.heading,
            "text": section.plain_text(),
        }
        for section in page.sections()
    ]


def medical_web_page(page, context):
    """A clinical page, with its sections, and its review date and reviewer
    when editors set them."""
    node = web_page(page, context, "MedicalWebPage")
    node["about"] = node["mainEntity"] = {"@id": entity_id(context.url)}
    if sections := page_sections(page, context):
        node["hasPart"] = sections
    if last_reviewed := getattr(page, "last_reviewed", None):
        node["lastReviewed"] = last_reviewed
    if specialist := getattr(page, "reviewed_by", None):
        node["reviewedBy"] = reviewer(specialist, context)
    return node


def therapy_reference(technique, context):
    """A short ``MedicalTherapy`` pointing at a technique's own page."""
    url = technique.get_full_url(context.request)
    return {
        "@type": "MedicalTherapy",
        "@id": entity_id(url),
        "name": technique.title,
        "url": url,
    }


def home_page(page, context):
    # Every technique of the site: read once per content change.
    techniques = remember(
        f"jsonld-techniques.{page.pk}",
        lambda: list(
            visible(TechniquePage.objects.descendant_of(page)).order_by("title")
        ),
        context.request,
    )
    website = {
        "@type": "WebSite",
        "@id": f"{context.root_url}/#website",
        "url": f"{context.root_url}/",
        "name": context.clinic.clinic_name,
        "inLanguage": context.language,
        "publisher": {"@id": clinic_id(context.root_url)},
    }
    clinic = medical_clinic(
        context.clinic,
        context.root_url,
        services=[therapy_reference(technique, context) for technique in techniques],
    )
    if description := page.meta_description:
        clinic["description"] = description
    # Each site patients visit, described in full on its own page.
    if locations := site_locations(page, context.request):
        clinic["department"] = [
            location_reference(location, context) for location in locations
        ]
    return [clinic, website]


def technique_page(page, context):
    """A technique: a ``MedicalTherapy`` (every technique treats), described
    by how it reaches the body, what happens and the follow-up."""
    therapy = {
        **therapy_reference(page, context),
        "url": context.url,
        "description": page.summary,
    }
    if procedure_type := PROCEDURE_TYPES.get(page.delivery):
        therapy["procedureType"] = procedure_type
    if how := plain_text(page.procedure) or plain_text(page.how_it_works):
        therapy["howPerformed"] = how
    if followup := plain_text(page.recovery):
        therapy["followup"] = followup
    if rendition := share_rendition(page.image):
        therapy["image"] = context.absolute(rendition.url)
    return [medical_web_page(page, context), therapy]


def condition_page(page, context):
    """A condition, with the clinic's techniques that treat it (the same
    relation the page lists) as its possible treatments."""
    condition = {
        "@type": "MedicalCondition",
        "@id": entity_id(context.url),
        "name": page.title,
        "url": context.url,
        "description": page.summary,
    }
    if techniques := page.treating_technique_list():
        condition["possibleTreatment"] = [
            therapy_reference(technique, context) for technique in techniques
        ]
    return [medical_web_page(page, context), condition]


def collection_page(page, context):
    return [web_page(page, context, "CollectionPage")]


def contact_page(page, context):
    return [web_page(page, context, "ContactPage")]


def general_page(page, context):
    return [web_page(page, context)]


BUILDERS = {
    "home.homepage": home_page,
    "techniques.techniquepage": technique_page,
    "techniques.conditionpage": condition_page,
    "techniques.techniqueindexpage": collection_page,
    "techniques.conditionindexpage": collection_page,
    "contact.contactpage": contact_page,
    "referrals.referralpage": contact_page,
    "locations.locationindexpage": collection_page,
}
