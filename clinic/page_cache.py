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
"""

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.middleware.cache import CacheMiddleware

from locations.hours import local_today

GENERATION_KEY = "page-cache:generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def clear_page_cache():
    """Start a new generation: no page cached before now is served again."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or it was evicted
        cache.set(GENERATION_KEY, 2, timeout=None)


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        and not request.user.is_authenticated
    )


class AnonymousPageCacheMiddleware:
    """Django's CacheMiddleware, for anonymous visitors only, keyed by generation.

    Goes after AuthenticationMiddleware, which it asks whether the visitor is
    signed in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        cached_view = CacheMiddleware(
            self.get_response,
            cache_alias=settings.PAGE_CACHE_ALIAS,
            page_timeout=settings.PAGE_CACHE_SECONDS,
            # The clinic's date too: pages that say "open today" (locations)
            # are never served from the cache after the clinic's midnight.
            key_prefix=f"pages.{current_generation()}.{local_today().isoformat()}",
        )
        response = cached_view(request)
        if response.get("Cache-Control") == f"max-age={settings.PAGE_CACHE_SECONDS}":
            # CacheMiddleware also tells browsers to keep the page that long;
            # they must ask again instead, or a visitor could see a page for
            # minutes after it changed. Answering from this cache is cheap.
            response["Cache-Control"] = "no-cache"
            del response["Expires"]
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

    post_save.connect(clear_if_visible, weak=False, dispatch_uid="page_cache_save")
    post_delete.connect(clear_if_visible, weak=False, dispatch_uid="page_cache_delete")
