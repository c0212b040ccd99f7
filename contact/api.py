"""The forms API: read a form page's form (contact or referral) and send it.

Mounted on Wagtail's API v3 (``clinic/api/v3.py``), so the one OpenAPI
document at ``/api/v3/openapi.json`` describes pages and forms together:

* ``GET /api/v3/forms/<page_id>/``: everything a front end needs to render
  the form: its fields in order, the consent wording, the care message, and
  a fresh sum with the signed token to send back.
* ``POST /api/v3/forms/<page_id>/submissions/``: a JSON object of field
  names and values, as the HTML form would post them. 201 with the stored
  submission's id; 400 with ``{"errors": {field: [messages]}}`` (plus the
  next question and token to use); 415 unless the body is declared as
  ``application/json`` or, for a form with a file (the referral letter),
  ``multipart/form-data``, sent as the HTML form sends it; 429 over the
  rate limit. Each value must have its
  field's shape: ``true``/``false`` for a tick box, a list of texts for a
  multiple choice, one text or number otherwise (``form_data_from_json``).

Both go through the code the HTML form uses: the same form class builds the
description and checks a submission, and ``contact.submissions.submit``
applies the spam checks and rate limit, stores it and queues its emails.

No CSRF token: the endpoints read no cookie or session, so a forged
cross-site request can do nothing a direct request could not, and the spam
checks (the signed single-use token, the sum, the rate limit) apply in full
whichever way a body comes. A JSON body also needs a CORS preflight from
another site's page; a multipart one does not, so a browser's multipart post
from another site (``Sec-Fetch-Site: cross-site``, an origin not allowed) is
refused (``is_cross_site``). See docs/api.md.
"""

import json
from decimal import Decimal

import django.forms
from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils.cache import add_never_cache_headers
from ninja import Router, Status
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from home.models import ClinicSettings

from .fields import CHECKED_VALUE, takes_one_value
from .form_description import (
    FormDescription,
    FormErrors,
    RateLimited,
    SubmissionCreated,
    Token,
    describe_form,
    question_of,
)
from .forms import TOKEN_FIELD
from .models import enquiry_form_page_models
from .submissions import Outcome, rate_limit_message, submit

router = Router(tags=["forms"])

# Page ids are int4 on PostgreSQL; a larger number is no page (not a 500).
MAX_PAGE_ID = 2**31 - 1
FORM_WIDE = "__all__"  # the key of errors about the whole form, as in Django
MULTIPART = "multipart/form-data"
UNSUPPORTED_BODY = (
    "Send the form as a JSON object, with the header Content-Type: "
    "application/json, or, to attach a file, as multipart/form-data."
)
TOO_LARGE = "The submission is too large."
CROSS_SITE = (
    "This form can only be sent from the clinic's own site, or from a front "
    "end the clinic allows (API_CORS_ALLOWED_ORIGINS)."
)
BAD_MULTIPART = (
    "The multipart/form-data body cannot be read, or has more parts than a "
    "form has fields."
)


def form_page_or_404(request, page_id):
    """The live form page (contact or referral), if anonymous visitors may
    see it on this site.

    Drafts and pages in private (restricted) sections are not found.
    """
    if not 1 <= page_id <= MAX_PAGE_ID:
        raise Http404("There is no live form with this id.")
    try:
        pages = get_public_pages_queryset(request, Page).public()
    except ValueError as error:  # ?site= matched several sites
        raise Http404(str(error)) from error
    page = pages.type(*enquiry_form_page_models()).filter(pk=page_id).first()
    if page is None:
        raise Http404("There is no live form with this id.")
    return page.specific


class BadBody(ValueError):
    """The request body cannot be read as a submission."""


def _no_constant(name):
    # Python's json module accepts NaN and Infinity; JSON does not.
    raise ValueError(f"{name} is not JSON")


# What a JSON client is told when a value has the wrong shape for its field.
WRONG_SHAPE = {
    "tick_box": "Send true to tick this box, or false to leave it unticked.",
    "several": 'Send a list of texts, for example ["Morning"].',
    "one": "Send one value, not a list.",
    "text": "Send text or a number.",
    "file": "Send the form as multipart/form-data to attach a file here.",
}


class WrongShape(ValueError):
    """A JSON value its field cannot take; the message says what it takes."""


def _posted_values(field, value):
    """The values an HTML form would post for ``field``, from a JSON value.

    Nothing is guessed: a tick box takes JSON ``true`` (its own value) or
    ``false`` (left out), a multiple choice a list of texts, any other field
    one text or number. Numbers are taken for one-value fields because their
    text is exact (``7`` is ``"7"``, ``2.50`` stays ``"2.50"``) and the sum's
    answer and number fields are naturally numbers; ``true``/``false`` are
    not text, so a text field refuses them.
    """
    if isinstance(field, django.forms.FileField):
        raise WrongShape(WRONG_SHAPE["file"])
    if isinstance(field, django.forms.BooleanField):
        if value is True:
            return [CHECKED_VALUE]
        if value is False:
            return []
        raise WrongShape(WRONG_SHAPE["tick_box"])
    if not takes_one_value(field):
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value
        raise WrongShape(WRONG_SHAPE["several"])
    if isinstance(value, list):
        raise WrongShape(WRONG_SHAPE["one"])
    if isinstance(value, str):
        return [value]
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return [str(value)]
    raise WrongShape(WRONG_SHAPE["text"])


def form_data_from_json(body, fields):
    """A ``QueryDict`` like the HTML form's POST, from a JSON object.

    ``fields`` are the form's fields by name: each value is converted for its
    field's type (see ``_posted_values``), and a value of the wrong shape is a
    field error, never a guess. ``null`` leaves the field out. Names no field
    has are ignored, as in the HTML form. Raises ``BadBody`` with a message
    for the visitor.
    """
    try:
        payload = json.loads(body, parse_float=Decimal, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise BadBody(
            "The request body is not valid JSON. Send a JSON object of field "
            "names and values, with the header Content-Type: application/json."
        ) from error
    if not isinstance(payload, dict):
        raise BadBody(
            "The request body must be a JSON object of field names and values."
        )
    data = QueryDict(mutable=True)
    field_errors = {}
    for name, value in payload.items():
        if value is None or name not in fields:
            continue
        try:
            values = _posted_values(fields[name], value)
        except WrongShape as error:
            field_errors[name] = [str(error)]
        else:
            if values:
                data.setlist(name, values)
    return data, field_errors


def is_json_request(request):
    """Whether the body is declared as JSON (``application/json``, with at
    most a UTF-8 charset). Browsers send other sites' forms as text/plain,
    urlencoded or multipart without asking first; only these types need a
    CORS preflight, which no other origin passes."""
    if request.content_type != "application/json":
        return False
    charset = request.content_params.get("charset", "utf-8")
    return charset.lower() in ("utf-8", "utf8")


def form_errors(form):
    """``{field name: [messages]}``, form-wide ones under ``__all__``."""
    return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


@router.get(
    "/{page_id}/",
    response={200: FormDescription, 404: ProblemDetail},
    url_name="form_description",
    summary="Describe a form",
    operation_id="forms_describe",
    description="The form of a live contact page, ready to render: its fields "
    "in order, the consent wording, the care message, a fresh sum (`question`) "
    "and the signed `token` to send back with the answers. Each call gives a "
    "new question and token; send the form no sooner than `min_fill_seconds` "
    "and no later than `token_max_age` seconds after reading it.",
)
def describe(request: HttpRequest, page_id: int, response: HttpResponse):
    page = form_page_or_404(request, page_id)
    add_never_cache_headers(response)
    return describe_form(request, page)


def _json_submission(request, page):
    """``(data, no files)`` from a JSON body, or the error ``Status``."""
    try:
        body = request.body
    except RequestDataTooBig:
        return Status(413, FormErrors(errors={FORM_WIDE: [TOO_LARGE]}))
    fields = page.get_form(page=page, user=request.user).fields
    try:
        data, field_errors = form_data_from_json(body, fields)
    except BadBody as error:
        return Status(400, FormErrors(errors={FORM_WIDE: [str(error)]}))
    if field_errors:
        return Status(400, FormErrors(errors=field_errors))
    return data, None


def is_cross_site(request):
    """A browser sending another site's page's form (``Sec-Fetch-Site``),
    from an origin not allowed to use the API. A JSON body from there needs a
    CORS preflight, which it would fail; a multipart one does not, and would
    let a site post through its visitors' addresses, past the rate limit.
    Clients other than browsers send no such header."""
    if request.headers.get("Sec-Fetch-Site") != "cross-site":
        return False
    return request.headers.get("Origin") not in settings.CORS_ALLOWED_ORIGINS


def _multipart_submission(request):
    """``(data, files)`` from a multipart body, as the HTML form posts it (a
    ticked box as ``on``), or the error ``Status``."""
    try:
        return request.POST, request.FILES
    except RequestDataTooBig:
        return Status(413, FormErrors(errors={FORM_WIDE: [TOO_LARGE]}))
    except (MultiPartParserError, TooManyFieldsSent, TooManyFilesSent):
        return Status(400, FormErrors(errors={FORM_WIDE: [BAD_MULTIPART]}))


@router.post(
    "/{page_id}/submissions/",
    response={
        201: SubmissionCreated,
        400: FormErrors,
        403: FormErrors,
        404: ProblemDetail,
        413: FormErrors,
        415: FormErrors,
        429: RateLimited,
    },
    url_name="form_submissions",
    summary="Send a form",
    operation_id="forms_submit",
    description="Send a JSON object of field names and values, including the "
    "`token` from the form's description and the answer to its `question`; "
    "leave the honeypot field out. Checkboxes take `true`/`false`, "
    "multiple choices a list. A form with a `document` field (the referral "
    "letter) is sent as `multipart/form-data` instead, exactly as its HTML "
    "form posts it: one part per value (a ticked box as `on`) and the file "
    "as a file part, a PDF or Word document of at most 10 MB. "
    "201: stored (`id`, and the `reference` to give the sender); 400: "
    "`errors` by field name (`__all__` for the whole form) with the next "
    "`question` and `token` to use; 403: a multipart body sent by a browser "
    "from another site's page (not an allowed front end); 413: the body is "
    "too large; 429: too many "
    "submissions from this address for now.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "additionalProperties": {
                            "anyOf": [
                                {"type": "string"},
                                {"type": "number"},
                                {"type": "boolean"},
                                {
                                    "type": "array",
                                    "items": {
                                        "anyOf": [
                                            {"type": "string"},
                                            {"type": "number"},
                                        ]
                                    },
                                },
                                {"type": "null"},
                            ]
                        },
                        "example": {
                            "your_name": "Ada Patient",
                            "email_address": "ada@example.com",
                            "reason_for_contacting_us": "Ask a question",
                            "preferred_location": "Central London clinic",
                            "your_message": "Can stimulation help my back pain?",
                            "health_consent": True,
                            "cf_answer": "7",
                            "cf_token": "<token.value from the description>",
                        },
                    }
                },
                MULTIPART: {
                    "schema": {
                        "type": "object",
                        "additionalProperties": {
                            "anyOf": [
                                {"type": "string"},
                                {"type": "string", "format": "binary"},
                            ]
                        },
                        "example": {
                            "your_name": "Dr Alex Referrer",
                            "your_role": "GP",
                            "organisation": "Riverside Surgery",
                            "registration_number": "1234567",
                            "your_email_address": "alex@riverside.example",
                            "your_phone_number": "020 7946 0123",
                            "patients_full_name": "Sam Patient",
                            "patients_date_of_birth": "1961-04-12",
                            "patients_phone_number": "020 7946 0456",
                            "urgency": "Routine",
                            "reason_for_referral": "Neuropathic pain for 3 years.",
                            "referral_letter": "<the letter, as a file part>",
                            "health_consent": "on",
                            "cf_answer": "7",
                            "cf_token": "<token.value from the description>",
                        },
                    },
                    "encoding": {
                        "referral_letter": {
                            "contentType": "application/pdf, application/msword, "
                            "application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document"
                        }
                    },
                },
            },
        },
        # The field names above are the demo forms' (load_demo_content):
        # the contact form's (JSON) and the referral form's (multipart);
        # tests/api/test_openapi_document.py holds them to it.
        "responses": {
            429: {
                "headers": {
                    "Retry-After": {
                        "description": "Seconds until this address may send "
                        "the form again.",
                        "schema": {"type": "integer", "minimum": 1},
                    }
                }
            }
        },
    },
)
def send(request: HttpRequest, page_id: int, response: HttpResponse):
    # Error reports must never show what a patient wrote (as in submit()).
    request.sensitive_post_parameters = "__ALL__"
    page = form_page_or_404(request, page_id)
    add_never_cache_headers(response)
    if is_json_request(request):
        posted = _json_submission(request, page)
    elif request.content_type == MULTIPART:
        if is_cross_site(request):
            return Status(403, FormErrors(errors={FORM_WIDE: [CROSS_SITE]}))
        posted = _multipart_submission(request)
    else:
        response["Accept-Post"] = f"application/json, {MULTIPART}"
        return Status(415, FormErrors(errors={FORM_WIDE: [UNSUPPORTED_BODY]}))
    if isinstance(posted, Status):
        return posted
    data, files = posted
    result = submit(page, request, data, files)
    if result.outcome is Outcome.STORED:
        return Status(
            201,
            SubmissionCreated(
                id=result.submission.pk,
                reference=result.submission.reference,
                thank_you_text=expand_db_html(page.thank_you_text),
            ),
        )
    if result.outcome is Outcome.RATE_LIMITED:
        clinic = ClinicSettings.load(request_or_site=request)
        response["Retry-After"] = str(result.retry_after)
        message = rate_limit_message(clinic, result.retry_after_minutes)
        limited = RateLimited(
            errors={FORM_WIDE: [message]}, retry_after=result.retry_after
        )
        return Status(429, limited)
    # Invalid, or a robot's (the honeypot was filled in): nothing is stored.
    # The HTML form shows a robot its thank-you page; a JSON client that sends
    # the honeypot gets the form's own "something went wrong" instead.
    form = result.form
    form.prepare_for_redisplay()
    return Status(
        400,
        FormErrors(
            errors=form_errors(form),
            question=question_of(form),
            token=Token(name=TOKEN_FIELD, value=form.data[TOKEN_FIELD]),
        ),
    )
