"""Helpers for the search results page."""

from django import template

register = template.Library()

# What a result is, in the words patients use; other pages say nothing.
KINDS = {
    "techniques.techniquepage": "Treatment",
    "techniques.conditionpage": "Condition",
    "techniques.techniqueindexpage": "List of treatments",
    "techniques.conditionindexpage": "Conditions A to Z",
    "contact.contactpage": "Contact form",
    "referrals.referralpage": "Referral form",
    "locations.locationpage": "Location",
    "locations.locationindexpage": "Our locations",
}


@register.filter
def page_kind(page):
    """'Treatment', 'Condition'... for a search result, or ''."""
    return KINDS.get(page.specific_class._meta.label_lower, "")


@register.simple_tag(takes_context=True)
def search_page_url(context, number):
    """The address of results page ``number`` for the current query."""
    request = context["request"]
    query = request.GET.copy()
    query["page"] = number
    return f"{request.path}?{query.urlencode()}"
