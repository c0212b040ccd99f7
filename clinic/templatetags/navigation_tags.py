"""Site-wide navigation: the main menu, the site root, the contact page, the
conditions A to Z and the clinic's locations.

Each tag looks things up once per content change (``home.sitewide``) and
keeps the answer on the request, so a template may ask more than once without
repeating queries. Every page they name is live and outside private sections
(``home.visibility``), the same for every visitor.
"""

from django import template
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import get_page_models

from contact.models import ContactPage
from home.models import BasePage
from home.sitewide import remember, site_for_request
from home.visibility import visible
from locations.models import site_locations as locations_under
from techniques.models import ConditionIndexPage

register = template.Library()


def _cached(request, name, compute):
    """Return ``compute()``, remembered for the request's site under ``name``."""
    if request is None:
        return compute()
    site = site_for_request(request)
    return remember(f"{name}.{site.pk if site else None}", compute, request)


def _root_page(request):
    """The root page of the site serving ``request``, or None."""
    if request is None:
        return None

    def compute():
        site = site_for_request(request)
        return site.root_page if site else None

    return _cached(request, "root_page", compute)


@register.simple_tag(takes_context=True)
def site_root(context):
    """The current site's root page: ``{% site_root as root %}``."""
    return _root_page(context.get("request"))


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Live, public, in-menu children of the site root: the main menu."""
    request = context.get("request")
    root = _root_page(request)
    if root is None:
        return []
    return _cached(
        request,
        "menu_pages",
        lambda: list(with_menu_labels(visible(root.get_children().in_menu()))),
    )


def with_menu_labels(pages):
    """``pages`` annotated with ``menu_label``: the page's short title for
    menus, else its title.

    ``menu_title`` is a column of each page type's own table, so it is read
    with one small subquery per page type inside the menu's own query, rather
    than by turning every item into its specific page (a query per type).
    """
    short_titles = [
        Subquery(
            model.objects.filter(pk=OuterRef("pk"))
            .exclude(menu_title="")
            .values("menu_title")[:1]
        )
        for model in get_page_models()
        if issubclass(model, BasePage)
    ]
    return pages.annotate(menu_label=Coalesce(*short_titles, F("title")))


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The main menu, with the section holding the current page marked.

    ``current`` is "page" for the page being shown and "true" for the
    section it sits in, ready for an ``aria-current`` attribute.
    """
    page = context.get("page")
    url_path = getattr(page, "url_path", None)
    items = []
    for item in menu_pages(context):
        current = ""
        if url_path:
            if page.pk == item.pk:
                current = "page"
            elif url_path.startswith(item.url_path):
                current = "true"
        items.append({"page": item, "label": item.menu_label, "current": current})
    return {"items": items, "request": context.get("request")}


def _first_under_root(context, name, model, inclusive=False):
    """The first live, public ``model`` page under the site's root, in tree
    order, or None; remembered per site under ``name``."""
    request = context.get("request")
    root = _root_page(request)
    if root is None:
        return None
    return _cached(
        request,
        name,
        lambda: (
            visible(model.objects.descendant_of(root, inclusive=inclusive))
            .order_by("path")
            .first()
        ),
    )


@register.simple_tag(takes_context=True)
def contact_page(context):
    """The first live, public contact page of the site, or None.

    ``{% contact_page as contact %}``
    """
    return _first_under_root(context, "contact_page", ContactPage, inclusive=True)


@register.simple_tag(takes_context=True)
def condition_index(context):
    """The site's live conditions A to Z page, or None: the way in for a
    visitor who knows their condition but not its treatments.

    ``{% condition_index as conditions_page %}``
    """
    return _first_under_root(context, "condition_index", ConditionIndexPage)


@register.simple_tag(takes_context=True)
def site_locations(context):
    """The site's live, public locations by title, for the footer.

    ``{% site_locations as locations %}``
    """
    request = context.get("request")
    root = _root_page(request)
    if root is None:
        return []
    return locations_under(root, request)
