"""What the page models and API fields need from the headless (JSON API) side.

Two things live here, below the apps, so that the page models and the fields
of their ``api_fields`` can use them without importing ``clinic.api`` (which
mounts the APIs on top of every app):

* **The request an API call is answering**, for code that is not handed it.
  Wagtail's API v3 serialises the DRF fields of ``api_fields`` through a
  compatibility shim that gives them no context (see
  ``wagtail/api/v3/schemas/generators/read.py``, ``_custom_serializer_schema``),
  so a nested link could not know the host or the API version the client uses.
  ``clinic.api.middleware.APIRequestMiddleware`` keeps the current request of
  an ``/api/`` call here (a context variable: safe across threads and async
  tasks).
* **Previewing a draft in the external front end** (wagtail-headless-preview).
  ``wagtail-headless-preview`` 0.9 declares Wagtail 7 in its classifiers but
  only requires ``Wagtail>=7.0``; the tests in ``tests/api/test_preview.py``
  run it on this project's Wagtail 8 (preview from the editor, then the draft
  read back through both APIs). The feature is off unless
  ``HEADLESS_PREVIEW_URL`` is set: pages then preview with the site's own
  templates as before, and the preview endpoints answer 404.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.http import Http404
from wagtail_headless_preview.models import HeadlessPreviewMixin

_request = ContextVar("clinic_api_request", default=None)


def current_request():
    """The request of the API call in progress, or None."""
    return _request.get()


@contextmanager
def answering(request):
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def headless_preview_enabled():
    return bool(getattr(settings, "HEADLESS_PREVIEW_URL", ""))


class HeadlessPreviewWhenConfigured(HeadlessPreviewMixin):
    """Wagtail's Preview sends editors to the front end, when one is configured."""

    def serve_preview(self, request, mode_name):
        if headless_preview_enabled():
            return super().serve_preview(request, mode_name)
        # Skip the package's override: the page's own preview (templates).
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)


class PreviewNotFound(Http404):
    pass


class BadPreviewRequest(ValueError):
    pass


def preview_page(content_type, token):
    """The unsaved page an editor is previewing, from the link's parameters.

    Raises ``PreviewNotFound`` when previews are off or the token is wrong,
    expired (``HEADLESS_PREVIEW_MAX_AGE``) or used up, and
    ``BadPreviewRequest`` for a malformed ``content_type``.
    """
    if not headless_preview_enabled():
        raise PreviewNotFound("Previews in the front end are not enabled.")
    app_label, _, model_name = (content_type or "").partition(".")
    if not app_label or not model_name:
        raise BadPreviewRequest("content_type must look like 'app_label.modelname'.")
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise BadPreviewRequest(f"Unknown content_type {content_type!r}.") from error
    if not issubclass(model, HeadlessPreviewMixin):
        raise BadPreviewRequest(f"{content_type!r} is not a previewable page type.")
    try:
        model.get_preview_signer().unsign(
            token or "", max_age=settings.HEADLESS_PREVIEW_MAX_AGE
        )
    except signing.BadSignature as error:
        raise PreviewNotFound("This preview link is wrong or has expired.") from error
    page = model.get_page_from_preview_token(token)
    if page is None:
        raise PreviewNotFound("This preview is no longer available.")
    return page
