"""Site search: one results page over every live, public page of the site.

Wagtail's own search (the database backend in settings) does the matching, so
the same code runs on SQLite (FTS5) and PostgreSQL (full-text search).
"""

import difflib
import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from home.visibility import visible

RESULTS_PER_PAGE = 10
# Longer queries are cut: nobody types more, and it bounds the work per request.
MAX_QUERY_LENGTH = 100
# A clinic's site has dozens of pages; more matches than this are not read.
MAX_RESULTS = 200
WORD = re.compile(r"[^\W_][\w']*")


def search_terms(query):
    """The words of ``query``, without the punctuation that search backends
    read as syntax. A stray quote or bracket would otherwise be an SQL error
    on SQLite's full-text index; patients never mean it as an operator."""
    return " ".join(WORD.findall(query))


def title_matches_first(pages, query):
    """``pages`` with those whose title holds a word of the query first.

    The SQLite backend ranks a page's title no higher than its body, so
    "tremor" would list the long home page above "Essential tremor". Sorting
    is stable: otherwise the backend's ranking stands.
    """
    words = {word.lower() for word in WORD.findall(query)}
    return sorted(
        pages, key=lambda page: not words & set(WORD.findall(page.title.lower()))
    )


def spelling_suggestion(query, pages):
    """``query`` with each word the site's page titles do not use replaced by
    the closest one they do ("tremors" → "tremor"), or "" if nothing changes.

    The SQLite backend does not stem words, and patients do not always spell
    conditions as clinicians do; difflib from the standard library is enough
    for a vocabulary of a few hundred title words.
    """
    vocabulary = {
        word
        for title in pages.values_list("title", flat=True)
        for word in WORD.findall(title.lower())
    }
    suggestion = []
    for word in WORD.findall(query.lower()):
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
        suggestion.append(word if word in vocabulary or not close else close[0])
    suggested = " ".join(suggestion)
    return suggested if suggested != query.lower() else ""


def search(request):
    """``/search/?q=...&page=N``: ranked results with their summaries."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    context = {"query": query, "results": None, "page_range": [], "suggestion": ""}
    if query and site:
        # Results and "Did you mean" words come only from pages anyone may open.
        pages = visible(Page.objects.in_site(site))
        terms = search_terms(query)
        matches = (
            title_matches_first(pages.specific().search(terms)[:MAX_RESULTS], terms)
            if terms
            else []
        )
        paginator = Paginator(matches, RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
        context["results"] = results
        context["page_range"] = paginator.get_elided_page_range(
            results.number, on_each_side=1, on_ends=1
        )
        if terms and not matches:
            context["suggestion"] = spelling_suggestion(terms, pages)
    return TemplateResponse(request, "home/search_results.html", context)
