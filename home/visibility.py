"""Which pages the site may list or link: one rule for every list and link.

A page is listed or linked (menus, lists of techniques and conditions,
related links, rich-text links, search, JSON-LD, the APIs' nested links, the
sitemap) only when it is live and neither it nor an ancestor has a view
restriction (Wagtail's ``PageViewRestriction``: a login, a password or
groups). The rule is the same for every visitor, signed in or not: the page
cache serves anonymous visitors whatever it stored, and a link is no use to
someone who would meet a login form at the other end.

Wagtail's ``PageQuerySet.public()`` applies the same rule but reads every
restriction from the database each time it is called, one query per list.
``visible()`` reads the tree paths of the restricted sections once per
content change (``home.sitewide``: any restriction added, removed or moved
starts a new generation) and puts the test inside the page query itself, so a
page costs the same number of queries however many lists it shows, and a site
with no restriction pays nothing for the rule. It is written as
``pk NOT IN (...)`` because Wagtail's search backends accept a queryset
filtered that way, so search uses the same rule. It works the same on SQLite
and PostgreSQL.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from home.sitewide import remember


def restricted_paths():
    """The tree paths of the pages that carry a view restriction."""
    return remember(
        "restricted-paths",
        lambda: sorted(
            set(PageViewRestriction.objects.values_list("page__path", flat=True))
        ),
    )


def visible(queryset):
    """``queryset`` narrowed to live pages outside restricted sections."""
    paths = restricted_paths()
    if not paths:
        return queryset.live()
    in_restricted_section = reduce(or_, (Q(path__startswith=path) for path in paths))
    restricted_ids = Page.objects.filter(in_restricted_section).values("pk")
    return queryset.live().exclude(pk__in=restricted_ids)


def visible_pages(model, ids):
    """The visible pages of ``model`` among ``ids``, in the order of ``ids``
    (an editor's order), in one query."""
    ids = list(ids)
    if not ids:
        return []
    found = visible(model.objects.filter(pk__in=ids)).in_bulk()
    return [found[pk] for pk in ids if pk in found]
