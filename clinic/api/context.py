"""The request an API call is answering, for code that is not handed it.

Wagtail's API v3 serialises the DRF fields of ``api_fields`` through a
compatibility shim that gives them no context (see
``wagtail/api/v3/schemas/generators/read.py``, ``_custom_serializer_schema``),
so a nested link could not know the host or the API version the client uses.
``clinic.api.middleware.APIRequestMiddleware`` keeps the current request of an
``/api/`` call here (a context variable: safe across threads and async tasks).
"""

from contextlib import contextmanager
from contextvars import ContextVar

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
