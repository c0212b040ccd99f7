"""Wrong passwords for private pages and documents, limited like staff sign-in.

Wagtail lets editors protect a page (Privacy: "a shared password") or a
collection of documents with one password, checked by its own views
``wagtail.views.authenticate_with_password`` and
``wagtail.documents.views.serve.authenticate_with_password``. Neither counts
failures, so a robot could try thousands of guesses an hour. ``throttled``
wraps both (``clinic/urls.py`` routes their URLs here first): at most
``AXES_FAILURE_LIMIT`` wrong passwords per client address (``client_ip``, as
the admin's lockout counts) in ``AXES_COOLOFF_HOURS``, counted in
``home.throttle`` from the first wrong one. After that every attempt, right
or wrong, gets a 429 page with ``Retry-After`` until the window ends.

The attempt is counted *before* Wagtail checks the password, so many guesses
sent at once cannot all slip under the limit; a right password gives its
count back (it was no guess). Django-axes itself only watches
``authenticate()``, which these views do not call.
"""

import functools
import math

from django.conf import settings
from django.template.response import TemplateResponse
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

from .client_address import client_ip
from .throttle import Throttle

LOCKED_TEMPLATE = "private_password_locked.html"


def password_throttle():
    return Throttle(
        "private-password",
        limit=settings.AXES_FAILURE_LIMIT,
        period=round(settings.AXES_COOLOFF_TIME * 3600),
    )


def locked_response(request, retry_after):
    response = TemplateResponse(
        request,
        LOCKED_TEMPLATE,
        {"retry_after_minutes": max(1, math.ceil(retry_after / 60))},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def throttled(view):
    """``view`` checks a shared password; count the wrong ones per client."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        limit = password_throttle()
        client = client_ip(request)
        if request.method != "POST":
            if limit.is_blocked(client):
                return locked_response(request, limit.retry_after(client))
            return view(request, *args, **kwargs)
        attempt = limit.hit(client)
        if not attempt.allowed:
            return locked_response(request, attempt.retry_after)
        response = view(request, *args, **kwargs)
        if response.status_code == 302:  # Wagtail's views redirect on success
            limit.release(client)
        return response

    return wrapper


page_password = throttled(page_views.authenticate_with_password)
document_password = throttled(document_views.authenticate_with_password)
