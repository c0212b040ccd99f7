"""What every ``/api/`` request goes through before Wagtail's API views.

This is the one place every route of both APIs passes (Wagtail's own v2 and
v3 endpoints included), so the checks that keep odd input from reaching a
database or a parser as a 500 live here, once:

* Query parameters: a null character is a 400 (databases refuse it in any
  string); a name longer than ``MAX_PARAMETER_NAME_LENGTH`` or a value longer
  than ``MAX_PARAMETER_LENGTH`` is a 400; ``search`` is at most
  ``MAX_SEARCH_LENGTH`` characters (the typed listings' own bound).
* Digits other than 0 to 9: ``"²"``, ``"١٢"`` or ``"𝟙"`` pass Python's
  ``str.isdigit()``, which Wagtail and Django use before ``int()``; ``int()``
  then fails (a 500) or reads them as a number nobody typed. A numeric
  parameter (``NUMERIC_PARAMETERS``) or a value made of digits holding any
  such character is a 400 that says to use the digits 0 to 9.
* ``site=host:port`` (Wagtail's site filter) needs a port of digits 0 to 9
  after the colon: Wagtail passes whatever follows it to the database as the
  site's port, and ``site=clinic.example:`` was a 500.
* A whole number beyond ``MAX_ID`` (2**31 - 1: the largest page id, offset or
  limit worth reading) is a 400: SQLite cannot bind an integer past 64 bits
  and PostgreSQL's int4 ids stop at ``MAX_ID``.
* ``search=`` keeps only its words (``home.views.search_terms``, as the
  site's own search does): Wagtail's database search backend turns a stray
  double quote into an SQL error on SQLite's full-text index.
* A request body (the forms API, Wagtail's v3 write endpoints) is checked
  before anything parses it: more than ``API_MAX_BODY_BYTES`` bytes is a 413
  (told by Content-Length, so the body is not even read), JSON nested deeper
  than ``MAX_JSON_DEPTH`` is a 400 (Python's ``json`` recurses, and a deep
  enough body is a ``RecursionError``). Multipart uploads (images, documents)
  keep Django's and Wagtail's own upload limits.
* The request is remembered for the length of the call
  (``home.headless``), for the serializer fields of ``api_fields``.
* An address no route matches answers a JSON 404, not the site's HTML page.
"""

import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from wagtail.api.v3.errors import problem_response

from home.headless import answering
from home.views import search_terms

# The largest page id (an int4 on PostgreSQL), offset or limit worth reading.
MAX_ID = 2**31 - 1
MAX_PARAMETER_NAME_LENGTH = 100
# Room for a long html_path or fields list; nothing real comes near it.
MAX_PARAMETER_LENGTH = 1000
MAX_SEARCH_LENGTH = 200
# Far deeper than any form submission (2) or page body (a dozen); shallow
# enough for any parser.
MAX_JSON_DEPTH = 32
# Free text: any character may be meant, so only the length is checked.
FREE_TEXT_PARAMETERS = frozenset({"search", "html_path"})
# Parameters Wagtail or the clinic read as whole numbers.
NUMERIC_PARAMETERS = frozenset(
    {
        "limit",
        "offset",
        "id",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "condition",
        "technique",
        "page",
        "p",
        "width",
        "height",
        "collection",
    }
)
ASCII_DIGITS = frozenset("0123456789")
WHOLE_NUMBER = re.compile(r"\s*[-+]?[0-9]+\s*")
# A JSON string, so brackets inside one are not counted (possessive: linear).
JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))

NULL_MESSAGE = "Query parameters must not contain null characters."
DIGITS_MESSAGE = "{name}: use the digits 0 to 9."
SITE_MESSAGE = "site: a host name, or a host name, a colon and a port (0 to 9 only)."


def site_port_problem(value):
    """Whether ``site=`` has a colon without a port that is a number after
    it (Wagtail reads everything after the first colon as the port)."""
    if ":" not in value:
        return False
    port = value.split(":", 1)[1]
    return not port or not set(port) <= ASCII_DIGITS or int(port) > MAX_ID


def bad_request(request, message, status=400):
    """An error in the shape of the API the request was for."""
    if request.path.startswith("/api/v2/"):
        return JsonResponse({"message": message}, status=status)
    return problem_response(status=status, detail=message)


def has_foreign_digits(value):
    """Whether ``value`` holds a digit (for Python) that is not 0 to 9."""
    return any(char.isdigit() and char not in ASCII_DIGITS for char in value)


def looks_numeric(value):
    """A value with digits and no letters, which a numeric filter could take."""
    return any(char.isdigit() for char in value) and not any(
        char.isalpha() for char in value
    )


def query_problem(query):
    """What is wrong with the query parameters, or None."""
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return NULL_MESSAGE
        if len(name) > MAX_PARAMETER_NAME_LENGTH:
            return (
                f"Query parameter names are at most {MAX_PARAMETER_NAME_LENGTH} "
                "characters."
            )
        longest = MAX_SEARCH_LENGTH if name == "search" else MAX_PARAMETER_LENGTH
        for value in values:
            if len(value) > longest:
                return f"{name} must be at most {longest} characters long."
            if name in FREE_TEXT_PARAMETERS:
                continue
            if has_foreign_digits(value) and (
                name in NUMERIC_PARAMETERS or looks_numeric(value)
            ):
                return DIGITS_MESSAGE.format(name=name)
            if WHOLE_NUMBER.fullmatch(value) and abs(int(value)) > MAX_ID:
                return f"{name} must be at most {MAX_ID}."
            if name == "site" and site_port_problem(value):
                return SITE_MESSAGE
    return None


def json_depth_exceeds(body, limit=MAX_JSON_DEPTH):
    """Whether JSON ``body`` nests arrays and objects deeper than ``limit``.

    Counted over the bytes, without recursion and without parsing: strings
    are dropped first, then only brackets remain. Not a validator: a body
    that is not JSON is left for the parser to refuse.
    """
    brackets = JSON_STRING.sub(b"", body).translate(None, NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        if depth > limit:
            return True
    return False


def body_problem(request):
    """A response refusing the request's body, or None. Runs before any
    view reads the body, so neither size nor depth reaches a parser."""
    if request.content_type == "multipart/form-data":
        return None
    limit = settings.API_MAX_BODY_BYTES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    too_large = f"The request body must be at most {limit} bytes."
    if length > limit:
        return bad_request(request, too_large, status=413)
    if not length:
        return None
    try:
        body = request.body
    except RequestDataTooBig:
        # DATA_UPLOAD_MAX_MEMORY_SIZE is lower still: the view reading the
        # body meets the same error and answers in its own shape (the forms
        # API's 413); nothing was parsed.
        return None
    if json_depth_exceeds(body):
        return bad_request(
            request,
            f"The JSON body is nested too deeply: at most {MAX_JSON_DEPTH} "
            "levels of arrays and objects.",
        )
    return None


class APIRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        problem = query_problem(request.GET)
        if problem:
            return bad_request(request, problem)
        refused = body_problem(request)
        if refused:
            return refused
        if "search" in request.GET:
            query = request.GET.copy()
            query.setlist(
                "search", [search_terms(text) for text in query.getlist("search")]
            )
            request.GET = query
        with answering(request):
            response = self.get_response(request)
        if response.status_code == 404 and response.get("Content-Type", "").startswith(
            "text/html"
        ):
            # No route matched (the site's HTML 404 page): an API client
            # gets JSON in its API's shape, as for every other error.
            return bad_request(request, "There is nothing at this address.", status=404)
        return response
