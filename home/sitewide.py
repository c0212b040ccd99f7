"""What every page shows, read from the database once per content change.

The site, the clinic's details, the main menu, the contact and team pages
and the review interval are the same on every page and change only when
content does. Every change a visitor could see moves the *content
generation* on (``clinic/page_cache.py`` watches the models); the page cache
keys whole pages on it, and ``remember()`` keys these site-wide pieces on it,
so a page Wagtail renders reads them from the cache instead of the database,
and never a value older than the last change. Within one request a value is
also kept on the request.

The pieces are the same for every visitor (``home.visibility``'s rule does
not depend on who asks), so nothing personal is ever stored here.
"""

from django.conf import settings
from django.core.cache import caches
from django.http.request import split_domain_port

GENERATION_KEY = "page-cache:generation"
_MISSING = object()


def content_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    cache = content_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def next_generation():
    """Start a new generation: nothing cached before now is served again."""
    cache = content_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or it was evicted
        cache.set(GENERATION_KEY, 2, timeout=None)


def _request_memo(request):
    return request.__dict__.setdefault("_sitewide", {}) if request else {}


def remember(name, compute, request=None):
    """``compute()``, kept under the current generation (and on ``request``)."""
    memo = _request_memo(request)
    if name in memo:
        return memo[name]
    if settings.SITEWIDE_CACHE_SECONDS <= 0:
        value = compute()
    else:
        generation = memo.get("_generation")
        if generation is None:
            generation = memo["_generation"] = current_generation()
        key = f"sitewide.{generation}.{name}"
        cache = content_cache()
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(key, value, timeout=settings.SITEWIDE_CACHE_SECONDS)
    if request is not None:
        memo[name] = value
    return value


def site_for_request(request):
    """Wagtail's ``Site.find_for_request``, remembered per host and port.

    Wagtail keeps the answer on the request (``_wagtail_site``); setting it
    there first means every later caller (settings, URLs) gets it for free.
    """
    from wagtail.models import Site

    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        # Keyed as Wagtail matches: host name (without any port a client
        # writes into Host) and the server's port.
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"site.{hostname}.{request.get_port()}"
        request._wagtail_site = remember(
            key, lambda: Site._find_for_request(request), request
        )
    return request._wagtail_site


class SitewideSettingMixin:
    """A Wagtail generic setting read through ``remember()``.

    Wagtail reads a setting from the database once per request; this reads it
    once per content change. Its model must be in the page cache's watched
    models, so that saving it starts a new generation.
    """

    @classmethod
    def _get_or_create(cls):
        return remember(f"setting.{cls._meta.label_lower}", super()._get_or_create)
