"""The Content-Security-Policy, strict for the public site, relaxed for the admin.

Public pages, the API and everything else get a policy with no inline script
and nothing from other origins (``CONTENT_SECURITY_POLICY`` in settings).

Wagtail's admin cannot run under that policy: in Wagtail 8 its InlinePanel
and date/time widgets still render inline ``<script>`` elements whose content
changes with each form (``wagtailadmin/panels/inline_panel.html``,
``wagtailadmin/widgets/date_input.html``), so neither hashes nor nonces can
cover them. The admin keeps every other restriction and only adds
``'unsafe-inline'`` for scripts and styles, and may frame itself for the
preview panel (and the external front end's origin, when previews go there).
"""

from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PATH_PREFIX = "/admin/"

ADMIN_POLICY_CHANGES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}


def admin_policy_changes():
    changes = dict(ADMIN_POLICY_CHANGES)
    if preview_url := getattr(settings, "HEADLESS_PREVIEW_URL", ""):
        # Wagtail's preview panel shows the front end's preview page.
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(preview_url))
        changes["frame-src"] = [*changes["frame-src"], origin]
    return changes


class ClinicCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy changes under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PATH_PREFIX):
            parts.replace = {**admin_policy_changes(), **(parts.replace or {})}
        return parts
