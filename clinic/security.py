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

Previews are the one place a public page is framed. Wagtail renders every
preview (the editor's panel at each device size, a revision, a workflow
task's preview, the form's landing page) by running a fake request for the
page's public address through the whole middleware stack, marked
``request.is_dummy``; without a rule for it that inner response carried the
public ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``, which the
outer admin response passes on, and the panel stayed blank. A preview keeps
the public policy (no inline script: the checks panel's axe and readability
scripts load from our own origin) but may be framed by the admin's origin.
Real public requests never carry the flag: Wagtail sets it only on the
request object it builds itself.
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


# What a preview changes in the public policy: only who may frame it.
PREVIEW_POLICY_CHANGES = {"frame-ancestors": [SELF]}


def is_admin_request(request):
    return request.path_info.startswith(ADMIN_PATH_PREFIX)


def is_preview_request(request):
    """Whether Wagtail built ``request`` to render a preview for the admin."""
    return getattr(request, "is_dummy", False)


def admin_policy_changes():
    changes = dict(ADMIN_POLICY_CHANGES)
    if preview_url := getattr(settings, "HEADLESS_PREVIEW_URL", ""):
        # Wagtail's preview panel shows the front end's preview page.
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(preview_url))
        changes["frame-src"] = [*changes["frame-src"], origin]
    return changes


class ClinicCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy changes under /admin/
    and the previews' one change.

    It also sets ``X-Frame-Options`` to match, for browsers that read only
    that header: ``SAMEORIGIN`` for the admin and previews. Django's
    ``XFrameOptionsMiddleware`` (listed after this one, so it sees responses
    first) gives everything else ``X_FRAME_OPTIONS`` (DENY); it stays in
    ``MIDDLEWARE`` for ``check --deploy``.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_admin_request(request) or is_preview_request(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if is_admin_request(request):
            parts.replace = {**admin_policy_changes(), **(parts.replace or {})}
        elif is_preview_request(request):
            parts.replace = {**PREVIEW_POLICY_CHANGES, **(parts.replace or {})}
        return parts
