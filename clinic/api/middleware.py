"""What every ``/api/`` request goes through before Wagtail's API views.

* A query parameter holding a null character is a 400: databases refuse the
  character (PostgreSQL raises an error for it in any string), so it would
  otherwise surface as a 500 wherever a parameter reaches a query.
* ``offset`` and ``limit`` beyond any real list (2**31 - 1) are a 400: the
  databases cannot take an offset past 64 bits, and Wagtail passes it on.
* ``search=`` keeps only its words (``home.views.search_terms``, as the
  site's own search does): Wagtail's database search backend turns a stray
  double quote into an SQL error on SQLite's full-text index.
* The request is remembered for the length of the call
  (``clinic.api.context``), for the serializer fields of ``api_fields``.
"""

from django.http import JsonResponse

from home.views import search_terms

from .context import answering

NULL_MESSAGE = "Query parameters must not contain null characters."
# The largest page id (an int4 on PostgreSQL), offset or limit worth reading.
MAX_ID = 2**31 - 1
BOUNDED = ("offset", "limit")


def bad_request(request, message):
    """A 400 in the shape of the API the request was for."""
    if request.path.startswith("/api/v2/"):
        return JsonResponse({"message": message}, status=400)
    return JsonResponse(
        {
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": message,
        },
        status=400,
        content_type="application/problem+json",
    )


class APIRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return bad_request(request, NULL_MESSAGE)
        for name in BOUNDED:
            value = request.GET.get(name, "")
            if value.isdigit() and int(value) > MAX_ID:
                return bad_request(request, f"{name} must be at most {MAX_ID}.")
        if "search" in request.GET:
            query = request.GET.copy()
            query.setlist(
                "search", [search_terms(text) for text in query.getlist("search")]
            )
            request.GET = query
        with answering(request):
            return self.get_response(request)
