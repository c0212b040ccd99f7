"""Anonymous page views served from Django's cache, cleared when content changes.

The engine is Django's own cache framework (``CacheMiddleware``) on whatever
cache the settings name: Redis when ``REDIS_URL`` is set, else a file cache
shared by the app server's workers. What this module adds is only the policy
no library provides for Wagtail 8 (``wagtail-cache`` stops at Wagtail 7):

* who is served from the cache: anonymous GET and HEAD requests with no
  session cookie (a session may hold a private page's password or an editor's
  login), outside the admin and the forms API;
* when the cache is emptied: every cached page is stored under a
  *generation* number, and any change a visitor could see (a page published,
  unpublished, moved, deleted, clinically reviewed, made private or public
  again; clinic settings, specialists, images or documents saved) moves to the
  next generation. That
  works across processes and servers without deleting keys one by one; old
  entries simply expire. The key also holds the clinic's date
  (``settings.TIME_ZONE``), so nothing cached yesterday is served today: a
  location page's "open today" and its coming closures change at midnight.

A private page (a view restriction on it or an ancestor) is never stored:
Wagtail marks its answer ``private, no-store`` for a visitor who may see it,
and anyone who has given its password or signed in has a session cookie.

Pages that must stay fresh opt out with ordinary ``Cache-Control`` headers,
which ``CacheMiddleware`` respects: the contact form sends ``no-cache``
because every visit gets a new arithmetic question.

The same rule decides what a CDN or caching proxy in front may keep: pages
the app cache stores go out ``public`` with ``s-maxage`` (and are purged on
change, ``clinic/frontend_cache.py``); everything else goes out ``private``.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.middleware.cache import CacheMiddleware

from home.sitewide import current_generation, next_generation
from locations.hours import local_today, seconds_until_tomorrow


def clear_page_cache():
    """Start a new content generation: no page (nor site-wide piece) cached
    before now is served again."""
    next_generation()


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        and not request.user.is_authenticated
    )


def is_shareable_request(request):
    """A request whose answer a CDN or caching proxy may keep: a page or a
    file the purges know the address of (``clinic/frontend_cache.py``); not
    the APIs, search results or the sitemap, which change with every page
    and have no one address to purge."""
    return not request.path_info.startswith(settings.SHARED_CACHE_EXCLUDED_PREFIXES)


def mark_shareable(response):
    """Headers for a page every anonymous visitor gets alike.

    Shared caches (a CDN, Varnish) keep it ``SHARED_CACHE_SECONDS`` and are
    purged when it changes; browsers keep it only ``BROWSER_CACHE_SECONDS``,
    as nothing can purge a browser, and then ask again with the ETag
    (``ConditionalGetMiddleware``), which costs a 304 when nothing changed.
    Neither keeps it past the clinic's midnight, when a location's "open
    today" changes without anyone publishing (as the app cache's key does).
    """
    del response["Expires"]
    until_tomorrow = seconds_until_tomorrow()
    browser = min(settings.BROWSER_CACHE_SECONDS, until_tomorrow)
    shared = min(settings.SHARED_CACHE_SECONDS, until_tomorrow)
    response["Cache-Control"] = f"public, max-age={browser}, s-maxage={shared}"


def mark_private(response):
    """Anything else leaves no copy in a shared cache: a signed-in editor's
    page, a page after a private page's password, a form with its one-time
    question, a response that sets a cookie. A view's own header (the admin's
    ``no-store``, the contact form's ``no-cache``) is kept as it is."""
    if "Cache-Control" not in response:
        response["Cache-Control"] = "private, no-cache"


class AnonymousPageCacheMiddleware:
    """Django's CacheMiddleware, for anonymous visitors only, keyed by
    generation; and the ``Cache-Control`` shared caches and browsers get.

    Goes after AuthenticationMiddleware, which it asks whether the visitor is
    signed in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def render(self, request):
        """The view's answer; a page holding a form's CSRF token (e.g. a
        private page's password form) is personal: Django's CSRF middleware
        sets its cookie on the way out, after this. Marked private here, it
        is kept neither by this cache nor by any other."""
        response = self.get_response(request)
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            mark_private(response)
        return response

    def __call__(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            mark_private(response)
            return response
        cached_view = CacheMiddleware(
            self.render,
            cache_alias=settings.PAGE_CACHE_ALIAS,
            page_timeout=settings.PAGE_CACHE_SECONDS,
            # The clinic's date too: pages that say "open today" (locations)
            # are never served from the cache after the clinic's midnight.
            key_prefix=f"pages.{current_generation()}.{local_today().isoformat()}",
        )
        response = cached_view(request)
        # CacheMiddleware gives exactly this header to what it stores (and
        # serves): a 200 with no cookie and no Cache-Control of its own.
        if response.get("Cache-Control") == f"max-age={settings.PAGE_CACHE_SECONDS}":
            if is_shareable_request(request):
                mark_shareable(response)
            else:
                # The app's own cache is cleared on every change; a copy
                # anywhere else could be minutes old.
                response["Cache-Control"] = "no-cache"
                del response["Expires"]
        else:
            mark_private(response)
        return response


def visible_models():
    """Models whose changes a visitor could see on a cached page."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        CollectionViewRestriction,
        Page,
        PageLogEntry,
        PageViewRestriction,
        Site,
    )

    from home.models import ClinicSettings
    from techniques.models import ClinicalReviewSettings, Specialist

    return (
        Page,  # any page saved, published, unpublished or deleted
        # Wagtail logs every page action, moves and the clinical review too.
        PageLogEntry,
        # A page made private (or public again) disappears from (or returns
        # to) every list and link on other pages: cached copies that list it
        # must go. Watched directly, since a restriction deleted in bulk
        # writes no log entry. Collections: their images and documents.
        PageViewRestriction,
        CollectionViewRestriction,
        ClinicSettings,
        ClinicalReviewSettings,
        Specialist,
        Site,
        get_image_model(),
        get_document_model(),
    )


def connect_signals():
    """Clear the cache on every change a visitor could see (see module docstring)."""
    watched = visible_models()

    def clear_if_visible(sender, instance, **kwargs):
        if isinstance(instance, watched):
            clear_page_cache()
            # Once more when the change is committed: a page rendered on
            # another server between the change and its commit (from the old
            # rows) must not stay under the new generation.
            transaction.on_commit(clear_page_cache)

    post_save.connect(clear_if_visible, weak=False, dispatch_uid="page_cache_save")
    post_delete.connect(clear_if_visible, weak=False, dispatch_uid="page_cache_delete")
