"""Finding the page for a URL in three queries, whatever its depth.

Wagtail walks the tree one level at a time (a query for each child and
another for its specific type) and then reads the page's and its ancestors'
view restrictions (two more): eight queries for a treatment page, before any
rendering. ``serve`` finds the same page from its ``url_path`` instead: one
query for the pages on the way (the page itself and its ancestors below the
site root, each with whether it has a view restriction), one for the page's
own fields, with the related rows its page type names in
``serve_select_related`` / ``serve_prefetch_related``. The answer is handed
to Wagtail's own ``serve`` view through the attribute Wagtail itself caches
routes in, so its hooks (view restrictions, the password form) and the page's
``serve()`` run as always.

Anything this does not recognise goes to Wagtail's own routing unchanged: a
path that is not a chain of pages (e.g. a page type with its own ``route()``),
translated sites, and alias pages (whose restrictions are their source's).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from home.sitewide import site_for_request


def _root_path(request, site):
    """The site root's ``url_path``, from the site root paths Wagtail keeps in
    its cache (and, like Wagtail, on the request)."""
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    for root in request._wagtail_cached_site_root_paths:
        if root.site_id == site.pk:
            return root.root_path
    return None


def _chain(root_path, components):
    """The pages from the tree's root to the page ``components`` name below
    the site root, by depth, each with ``has_restriction``; None unless every
    step is a page."""
    # From the tree's root ("/"), so that a restriction above the site root
    # counts too, as in Wagtail's own check.
    paths = ["/"]
    for component in [*root_path.split("/"), *components]:
        if component:
            paths.append(f"{paths[-1]}{component}/")
    chain = list(
        Page.objects.filter(url_path__in=paths)
        .annotate(
            has_restriction=Exists(
                PageViewRestriction.objects.filter(page=OuterRef("pk"))
            )
        )
        .only("url_path", "live", "alias_of_id", "content_type_id", "depth")
        .order_by("depth")
    )
    if [page.url_path for page in chain] != paths:
        return None
    return chain


def find_route(request, path):
    """Wagtail's ``RouteResult`` for ``path``, None for no page (404), or
    ``...`` where Wagtail's own routing must decide."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return ...
    site = site_for_request(request)
    if site is None:
        return None
    root_path = _root_path(request, site)
    if root_path is None:
        return ...
    chain = _chain(root_path, [part for part in path.split("/") if part])
    if chain is None:
        return ...
    models = [
        ContentType.objects.get_for_id(page.content_type_id).model_class()
        for page in chain
    ]
    if any(model is None or model.route is not Page.route for model in models):
        return ...
    if any(page.alias_of_id for page in chain):
        return ...
    target, model = chain[-1], models[-1]
    if not target.live:
        return None
    page = (
        model.objects.select_related(*getattr(model, "serve_select_related", ()))
        .prefetch_related(*getattr(model, "serve_prefetch_related", ()))
        .get(pk=target.pk)
    )
    # Read by BasePage.get_view_restrictions(): no restriction on the way.
    page._unrestricted_route = not any(p.has_restriction for p in chain)
    return RouteResult(page)


def serve(request, path):
    """Wagtail's page-serving view, with the page found as described above."""
    if not hasattr(request, "_wagtail_route_for_request"):
        route = find_route(request, path)
        if route is not ...:
            request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
