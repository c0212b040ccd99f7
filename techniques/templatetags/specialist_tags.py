"""Template helpers for specialists: where the team page is."""

from django import template

from home.sitewide import remember
from home.visibility import visible
from techniques.models import SpecialistIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def team_page(context):
    """The live team page outside private sections, or None; looked up once
    per content change (``home.sitewide``)."""
    return remember(
        "team_page",
        lambda: visible(SpecialistIndexPage.objects.all()).first(),
        context.get("request"),
    )
