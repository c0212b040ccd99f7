"""schema.org JSON-LD for every public page, built from the page's data.

``json_ld(page, request)`` returns the ``<script type="application/ld+json">``
element for a page (or "" when the page has no address yet, e.g. a preview of
a page never saved). Templates use it through ``{% structured_data %}``.
"""

import json
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import to_locale

from home.models import ClinicSettings

from .locations import location_page
from .pages import BUILDERS as PAGE_BUILDERS
from .pages import general_page, share_rendition

__all__ = ["json_ld", "graph", "share_rendition"]

BUILDERS = {**PAGE_BUILDERS, "locations.locationpage": location_page}

# Django's json_script filter escapes exactly right for a <script> element but
# always writes type="application/json"; these are the same escapes, so the
# JSON cannot close the element or open a comment whatever editors type.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class Context:
    """What every builder needs besides the page."""

    url: str
    root_url: str
    clinic: ClinicSettings
    # Lets page URLs come from the request's cached site paths (no lookup
    # per linked page).
    request: object = None
    # "en-gb" → "en-GB", the form schema.org's examples use.
    language: str = field(
        default_factory=lambda: to_locale(settings.LANGUAGE_CODE).replace("_", "-")
    )

    def absolute(self, url):
        return urljoin(f"{self.root_url}/", url)


def graph(page, request):
    """The JSON-LD document for ``page`` as a dict, or None."""
    # From the site root paths Wagtail already holds: no Site query.
    url_parts = page.get_url_parts(request)
    url = page.get_full_url(request) if url_parts else None
    if not url:
        return None
    _, root_url, _ = url_parts
    context = Context(
        url=url,
        root_url=root_url,
        clinic=ClinicSettings.load(request_or_site=request),
        request=request,
    )
    build = BUILDERS.get(page.specific_class._meta.label_lower, general_page)
    return {"@context": "https://schema.org", "@graph": build(page, context)}


def to_script(data):
    """``data`` as a safe ``<script type="application/ld+json">`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


def json_ld(page, request=None):
    data = graph(page, request)
    return to_script(data) if data else ""
