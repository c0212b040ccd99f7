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
``visible()`` puts the test inside the page query itself (a subquery), so a
page costs the same number of queries however many lists it shows. It is
written as ``pk NOT IN (...)`` rather than a bare ``NOT EXISTS`` because
Wagtail's search backends accept a queryset filtered that way, so search uses
the same rule. It works the same on SQLite and PostgreSQL.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def restricted():
    """True for a page in a restricted section: a restricted page's tree path
    is the start of its own (Wagtail's paths nest: a child's path begins with
    its parent's)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def visible(queryset):
    """``queryset`` narrowed to live pages outside restricted sections."""
    restricted_ids = Page.objects.filter(restricted()).values("pk")
    return queryset.live().exclude(pk__in=restricted_ids)


def visible_pages(model, ids):
    """The visible pages of ``model`` among ``ids``, in the order of ``ids``
    (an editor's order), in one query."""
    ids = list(ids)
    if not ids:
        return []
    found = visible(model.objects.filter(pk__in=ids)).in_bulk()
    return [found[pk] for pk in ids if pk in found]
