"""What search engines and link previews read: canonical URL, Open Graph
tags and schema.org JSON-LD, all from the page being shown."""

from django import template
from django.conf import settings
from django.utils.translation import to_locale
from wagtail.models import Page

from clinic.structured_data import json_ld, share_rendition
from home.models import ClinicSettings
from home.sitewide import site_for_request

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical link and Open Graph tags for the current page.

    Pages outside the page tree (search results, errors) get none: they are
    not meant to be shared or indexed.
    """
    page, request = _page(context), context.get("request")
    url = page.get_full_url(request) if page else None
    if not url:
        return {}
    site_name = ClinicSettings.load(request_or_site=request).clinic_name
    # The request's site is already known: no query to ask whether this page
    # is its root (``Page.is_site_root()`` asks the database).
    site = site_for_request(request)
    is_home = site.root_page_id == page.pk if site else page.is_site_root()
    meta = {
        "canonical": url,
        "title": page.seo_title or (site_name if is_home else page.title),
        "description": page.meta_description,
        "type": "website" if is_home else "article",
        "locale": to_locale(settings.LANGUAGE_CODE),
        "site_name": site_name,
    }
    image = getattr(page, "image", None)
    if rendition := share_rendition(image):
        meta["image"] = {
            "url": request.build_absolute_uri(rendition.url)
            if request
            else rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, "image_alt", "") or image.default_alt_text,
        }
    return meta


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD ``<script>``, or nothing."""
    page = _page(context)
    return json_ld(page, context.get("request")) if page else ""
