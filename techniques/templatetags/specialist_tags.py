"""Template helpers for specialists: where the team page is."""

from django import template

from home.visibility import visible
from techniques.models import SpecialistIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def team_page(context):
    """The live team page outside private sections, or None; looked up once
    per request."""
    request = context.get("request")
    cached = getattr(request, "_team_page", False) if request else False
    if cached is not False:
        return cached
    page = visible(SpecialistIndexPage.objects.all()).first()
    if request is not None:
        request._team_page = page
    return page
