"""Wagtail's API v3 (django-ninja) at /api/v3/, with the clinic's routers.

Wagtail's ``api`` object already has its pages, images, sites, snippets,
redirects and locales routers (the last four need a staff API token). Here
the clinic adds, before the URLs are read (ninja refuses routers after):

* ``/forms/``: read and send contact forms (``contact/api.py``);
* ``/techniques/`` and ``/conditions/``: typed listings with the filters a
  front end needs (``clinic/api/listings.py``);
* ``/preview/``: the draft an editor is previewing, when previews are on.

So one OpenAPI document, ``/api/v3/openapi.json``, describes all of it.

Bad query parameters are 400. Wagtail's v3 answers any validation error with
422 (problem+json); on a GET nothing but the query can be wrong, so the same
body is sent as a 400 Bad Request, which is what the clinic's API promises
for bad parameters in both versions. Write requests keep Wagtail's 422.
"""

import json

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Router
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.api.v3.urls import api

from clinic.api.listings import router as listings_router
from clinic.api.preview import BadPreviewRequest, preview_page
from contact.api import router as forms_router

preview_router = Router(tags=["preview"])


@preview_router.get(
    "/",
    response=PageDetailSchema,
    url_name="preview_page",
    summary="Preview a draft",
    operation_id="preview_detail",
    description="The unsaved page an editor is previewing, from the "
    "`content_type` and `token` that Wagtail's Preview sends to the front end. "
    "404 unless HEADLESS_PREVIEW_URL is set, or when the token is wrong or "
    "more than an hour old.",
)
def preview(request: HttpRequest, content_type: str, token: str):
    try:
        return preview_page(content_type, token)
    except BadPreviewRequest as error:
        return problem_response(status=400, detail=str(error))


api.add_router("/forms/", forms_router)
api.add_router("/", listings_router)
api.add_router("/preview/", preview_router)


def _bad_query_is_400(original):
    def handler(request, exc):
        response = original(request, exc)
        if request.method in ("GET", "HEAD") and response.status_code == 422:
            return problem_response(
                status=400,
                detail="A query parameter is not valid: see errors.",
                errors=json.loads(response.content).get("errors"),
            )
        return response

    return handler


# ninja keeps one handler per exception class: wrap each that Wagtail set
# (ninja has no public getter for them, hence the private dict).
for exception_class in (
    NinjaValidationError,
    PydanticValidationError,
    DjangoValidationError,
):
    api.add_exception_handler(
        exception_class, _bad_query_is_400(api._exception_handlers[exception_class])
    )
