"""Wagtail's database search backend, with a bound on what is searched for.

Every search goes through the backend: the site's ``/search/``, both APIs,
and the admin's page, image, document, form and chooser searches. The
backend compiles a query of a few thousand words into nested SQL expressions
deep enough for a ``RecursionError`` (a 500, from a signed-in editor's
search box or an anonymous API call alike), so the bound is placed here,
once, rather than on each view that takes a search box: a query's text is
cut to ``MAX_SEARCH_CHARACTERS``. Nobody types more; the site search and the
APIs bound their input earlier and more visibly (``home.views``,
``clinic.api.middleware``).

The backend class is the one Wagtail's ``wagtail.search.backends.database``
picks for the database in use (SQLite FTS5, PostgreSQL, MySQL or the
fallback), with the bound added on top.
"""

from functools import cache

from modelsearch.query import And, Boost, Not, Or, PlainText, SearchQuery
from wagtail.search.backends import database

MAX_SEARCH_CHARACTERS = 200


def _texts(query):
    """The text of every word or phrase in a search query object, in order
    (iteratively: a parsed query can nest as deep as it has phrases)."""
    stack = [query]
    while stack:
        node = stack.pop()
        if isinstance(node, And | Or):
            stack.extend(reversed(node.subqueries))
        elif isinstance(node, Not | Boost):
            stack.append(node.subquery)
        elif isinstance(getattr(node, "query_string", None), str):
            yield node.query_string


def bounded(query):
    """``query`` as it is, or cut to ``MAX_SEARCH_CHARACTERS`` of text.

    A query object (the admin parses phrases into ``And``/``Phrase``) whose
    words and phrases together run longer becomes plain text of their first
    characters: its structure is what made it deep.
    """
    if isinstance(query, str):
        return query[:MAX_SEARCH_CHARACTERS]
    if not isinstance(query, SearchQuery):
        return query
    text = " ".join(_texts(query))
    if len(text) <= MAX_SEARCH_CHARACTERS:
        return query
    return PlainText(text[:MAX_SEARCH_CHARACTERS])


class BoundedSearchMixin:
    def search(self, query, *args, **kwargs):
        return super().search(bounded(query), *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        return super().autocomplete(bounded(query), *args, **kwargs)


@cache
def _bounded_class(backend_class):
    return type(
        f"Bounded{backend_class.__name__}", (BoundedSearchMixin, backend_class), {}
    )


def SearchBackend(params):  # the name Wagtail imports from a backend module
    """The database backend for the connection in use, with the bound."""
    backend_class = type(database.SearchBackend(params))
    return _bounded_class(backend_class)(params)
