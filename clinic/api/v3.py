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

The OpenAPI document (``document_everything``) is Wagtail's and ninja's,
completed so that a client, a validator and a fuzzer can trust it: every
status an operation can answer (``clinic.api.middleware`` adds 400 and 413
to any of them) with its ``application/problem+json`` body, the bounds the
API enforces (``limit`` up to ``WAGTAILAPI_LIMIT_MAX``, ids up to
``MAX_ID``, text lengths), and a valid security scheme for anonymous reads.
"""

import json
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Router
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.api.v3.urls import api

from clinic.api.listings import router as listings_router
from clinic.api.middleware import (
    MAX_ID,
    MAX_PARAMETER_LENGTH,
    MAX_SEARCH_LENGTH,
)
from contact.api import router as forms_router
from home.headless import BadPreviewRequest, preview_page

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


PROBLEM_JSON = "application/problem+json"
PROBLEM_SCHEMA = {"$ref": "#/components/schemas/ProblemDetail"}
ERRORS = {
    400: "A query parameter, path parameter or body is not valid (`detail` "
    "says which); digits must be 0 to 9.",
    401: "This operation needs an API token (`Authorization: Bearer ...`).",
    403: "The API token's user may not do this.",
    404: "Nothing with this id or address (or no such locale or site) is "
    "visible to the caller.",
    413: "The request body is larger than the API takes.",
    422: "The request body (or a path parameter of a write request) does not "
    "match its schema: see `errors`.",
}


def _document_error(responses, status):
    """Documents ``status`` as a problem+json body, beside any other body the
    operation already documents for it (the forms API's own ``FormErrors``)."""
    # ninja keys responses by int, Wagtail's openapi_extra by str.
    key = next((key for key in responses if str(key) == str(status)), status)
    response = responses.setdefault(key, {"description": ERRORS[status]})
    content = response.setdefault("content", {})
    # ninja documents every body as application/json; problems are not.
    if content.get("application/json", {}).get("schema") == PROBLEM_SCHEMA:
        del content["application/json"]
    content.setdefault(PROBLEM_JSON, {"schema": PROBLEM_SCHEMA})


def _bound_parameter(parameter):
    """The bounds ``clinic.api.middleware`` and the paginator enforce."""
    schema = parameter.setdefault("schema", {})
    types = {schema.get("type")} | {
        branch.get("type") for branch in schema.get("anyOf", [])
    }
    if parameter["name"] == "limit":
        schema["maximum"] = settings.WAGTAILAPI_LIMIT_MAX
    elif "integer" in types:
        schema["maximum"] = MAX_ID
    if "string" in types:
        schema["maxLength"] = (
            MAX_SEARCH_LENGTH if parameter["name"] == "search" else MAX_PARAMETER_LENGTH
        )


def _is_public(operation):
    security = operation.get("security")
    return security is None or {} in security


def _cannot_be_called(operations):
    """Whether a path parameter can take no value: Wagtail documents its
    snippets endpoints with ``type`` fixed to "" when, as here, no snippet
    model is registered, so no client could ever call them."""
    return any(
        parameter["in"] == "path"
        and (
            parameter["schema"].get("const") == ""
            or parameter["schema"].get("enum") == []
        )
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
    )


def _may_be_unknown(path, parameters):
    """Whether the operation answers 404 for an id, address, locale or site
    it does not know (Wagtail's listings do for ``locale``)."""
    names = {parameter["name"] for parameter in parameters}
    return (
        any(parameter["in"] == "path" for parameter in parameters)
        or bool(names & {"locale", "site", "translation_of"})
        or path.endswith("/find/")
        or "/preview/" in path
    )


def document_everything(schema):
    """Completes the OpenAPI document in place (see the module docstring)."""
    schemes = schema.get("components", {}).get("securitySchemes", {})
    # Wagtail declares anonymous access as an "http" scheme without a
    # "scheme", which is not valid OpenAPI; an empty requirement is how
    # OpenAPI says that a token is optional.
    schemes.pop("AllowAnonymous", None)
    schema["paths"] = {
        path: operations
        for path, operations in schema["paths"].items()
        if not _cannot_be_called(operations)
    }
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if "security" in operation:
                operation["security"] = [
                    {} if "AllowAnonymous" in requirement else requirement
                    for requirement in operation["security"]
                ]
            parameters = operation.get("parameters", [])
            for parameter in parameters:
                _bound_parameter(parameter)
            responses = operation.setdefault("responses", {})
            statuses = [400]
            if not _is_public(operation):
                statuses += [401, 403]
            if _may_be_unknown(path, parameters):
                statuses.append(404)
            if method != "get":
                statuses.append(422)
            if "requestBody" in operation:
                statuses.append(413)
            for status in statuses:
                _document_error(responses, status)
    return schema


def _completed(get_openapi_schema):
    @wraps(get_openapi_schema)
    def wrapper(*args, **kwargs):
        return document_everything(get_openapi_schema(*args, **kwargs))

    return wrapper


api.get_openapi_schema = _completed(api.get_openapi_schema)
