"""Purging a CDN or caching proxy in front of the site when content changes.

Anonymous pages tell shared caches they may keep them (``s-maxage``, see
``clinic/page_cache.py``); Wagtail's ``wagtail.contrib.frontend_cache`` then
sends a purge for each address that shows something that changed, so nobody
waits out the time limit. Wagtail itself only purges a page when it is
published or unpublished. This module adds, for every change a visitor could
see, the other pages that show it:

* a page published, unpublished, moved (old and new address), deleted or
  clinically reviewed: the page, its ancestors (the section lists it, the
  home page lists every treatment and condition), the pages that link to or
  feature it (Wagtail's reference index), and for a treatment the conditions
  it treats (and back), whose pages list each other; a link added or removed
  between a treatment and a condition purges both;
* a page of the main menu or the footer (a section, the contact page), a view
  restriction, the clinic's details, the review interval or a site: every
  page, since each shows them;
* a specialist: the pages of their treatments, the team page and the pages
  they reviewed;
* an image or a document: the pages that use it (reference index), and the
  pages of a specialist whose photo it is.

Nothing is computed unless a frontend cache is configured
(``FRONTEND_CACHE_PURGE_URL``, see ``clinic/settings/base.py``). The purge
requests go out when the database transaction has committed, through
Wagtail's purge task (the background queue in production).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageLogEntry,
    PageViewRestriction,
    ReferenceIndex,
    Site,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from home.models import ClinicSettings
from techniques.models import (
    ClinicalReviewSettings,
    ConditionPage,
    Specialist,
    SpecialistIndexPage,
    TechniqueCondition,
    TechniquePage,
)
from techniques.models.workflow import REVIEW_LOG_ACTION

# Changes every page shows (the header, the menu, the footer, who may see
# what): every page is purged.
SITE_WIDE_MODELS = (
    ClinicSettings,
    ClinicalReviewSettings,
    Site,
    PageViewRestriction,
    CollectionViewRestriction,
)


def purging():
    return bool(get_backends())


def every_page():
    return list(Page.objects.live().filter(depth__gt=1))


def is_site_wide(page):
    """A page that every page names: a section of the main menu (the site
    root's children) or the contact page in the footer."""
    from contact.models import ContactPage

    return page.depth <= 3 or isinstance(page.specific_deferred, ContactPage)


def _referencing(objects):
    """Pages and specialists whose fields, blocks or rich text name
    ``objects`` (Wagtail's reference index)."""
    rows = set()
    for obj in objects:
        rows.update(
            ReferenceIndex.get_references_to(obj).values_list(
                "base_content_type__app_label",
                "base_content_type__model",
                "object_id",
            )
        )
    page_ids = {
        pk for app, model, pk in rows if (app, model) == ("wagtailcore", "page")
    }
    specialist_ids = {
        pk for app, model, pk in rows if (app, model) == ("techniques", "specialist")
    }
    return (
        list(Page.objects.filter(pk__in=page_ids)),
        list(Specialist.objects.filter(pk__in=specialist_ids)),
    )


def pages_showing_specialists(specialists):
    ids = [specialist.pk for specialist in specialists]
    if not ids:
        return []
    return [
        *TechniquePage.objects.filter(specialists__in=ids),
        *TechniquePage.objects.filter(reviewed_by__in=ids),
        *ConditionPage.objects.filter(reviewed_by__in=ids),
        *SpecialistIndexPage.objects.all(),
    ]


def pages_showing_page(page):
    """``page`` and the pages that show it (see the module docstring)."""
    if is_site_wide(page):
        return every_page()
    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    linking, specialists = _referencing([page])
    pages += linking + pages_showing_specialists(specialists)
    links = TechniqueCondition.objects.filter(
        Q(technique_id=page.pk) | Q(condition_id=page.pk)
    )
    related_ids = {
        pk for pair in links.values_list("technique_id", "condition_id") for pk in pair
    }
    pages += Page.objects.filter(pk__in=related_ids)
    if TechniquePage.objects.filter(pk=page.pk, specialists__isnull=False).exists():
        pages += SpecialistIndexPage.objects.all()
    return pages


def purge_on_commit(pages=(), urls=()):
    """Purge the addresses of ``pages`` (and ``urls``) once committed."""
    batch = PurgeBatch()
    # Addresses are read now: a deleted or moved page's are gone after.
    batch.add_pages(pages)
    batch.add_urls(urls)
    if batch.urls:
        transaction.on_commit(batch.purge)


# Signal receivers -------------------------------------------------------------


def page_changed(sender, instance, **kwargs):
    if purging():
        purge_on_commit(pages_showing_page(instance))


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and purging():
        purge_on_commit(pages_showing_page(instance))


def page_moving(sender, instance, **kwargs):
    """Before a move: the old address of the page and what it was under."""
    if purging():
        moved = [instance, *instance.get_descendants().live()]
        purge_on_commit([*moved, *pages_showing_page(instance)])


def page_moved(sender, instance, **kwargs):
    if purging():
        purge_on_commit(pages_showing_page(instance))


def page_reviewed(sender, instance, created=False, **kwargs):
    if created and instance.action == REVIEW_LOG_ACTION and purging():
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            purge_on_commit(pages_showing_page(page))


def link_changed(sender, instance, **kwargs):
    if purging():
        pages = Page.objects.live().filter(
            pk__in=[instance.technique_id, instance.condition_id]
        )
        purge_on_commit(pages)


def site_wide_changed(sender, instance, **kwargs):
    if isinstance(instance, SITE_WIDE_MODELS) and purging():
        purge_on_commit(every_page())


def specialist_changed(sender, instance, **kwargs):
    if purging():
        purge_on_commit(pages_showing_specialists([instance]))


def media_changed(sender, instance, **kwargs):
    if purging():
        pages, specialists = _referencing([instance])
        purge_on_commit([*pages, *pages_showing_specialists(specialists)])


def connect_signals():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    def connect(signal, receiver, sender=None):
        signal.connect(
            receiver,
            sender=sender,
            weak=False,
            dispatch_uid=f"frontend_cache.{receiver.__name__}.{signal!r}.{sender}",
        )

    connect(page_published, page_changed)
    connect(page_unpublished, page_changed)
    connect(pre_page_move, page_moving)
    connect(post_page_move, page_moved)
    connect(pre_delete, page_deleted)
    connect(post_save, page_reviewed, PageLogEntry)
    for signal in (post_save, post_delete):
        connect(signal, link_changed, TechniqueCondition)
        connect(signal, site_wide_changed)
        connect(signal, specialist_changed, Specialist)
        connect(signal, media_changed, get_image_model())
        connect(signal, media_changed, get_document_model())
