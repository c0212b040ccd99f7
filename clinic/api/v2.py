"""Wagtail's API v2 (Django REST framework) at /api/v2/.

Wagtail's own endpoints (``pages``, ``images``, ``documents``, with
``pages/find/?html_path=``) plus the filters a front end needs on the clinical
pages, and the draft preview endpoint when previews are on:

* ``pages/?type=techniques.TechniquePage&modality=electrical``: a filter
  value is checked before it reaches the database; a choice field's must be
  one of its values, and the 400 names them.
* ``pages/?type=techniques.TechniquePage&condition=<id>``: techniques that
  treat a condition; ``pages/?type=techniques.ConditionPage&technique=<id>``:
  conditions a technique treats. Both read the one ``TechniqueCondition``
  relation and need that ``type``.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import Http404
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from clinic.api.middleware import MAX_ID
from home.headless import BadPreviewRequest, PreviewNotFound, preview_page
from home.visibility import visible
from techniques.models import ConditionPage, TechniqueCondition, TechniquePage

# The namespace names the API in URLs ("wagtailapi_v2:pages:detail").
api_router = WagtailAPIRouter("wagtailapi_v2")


def positive_id(request, name):
    value = request.GET[name]
    if not value.isdigit() or not 1 <= int(value) <= MAX_ID:
        raise BadRequestError(f"{name} must be a page id (a positive whole number).")
    return int(value)


class QueryValuesFilter(BaseFilterBackend):
    """Checks the values that Wagtail's own filters would pass on unchecked
    (a 500 further down), and answers a 400 that says what is wrong.

    A filter on a field with choices must name one of its values: otherwise
    Wagtail answers an empty list, hiding a typo such as ``modality=electric``.
    """

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'.")
        for name in view.get_available_fields(queryset.model, db_fields_only=True):
            if name in request.GET:
                self.check_value(queryset.model, name, request.GET[name])
        return queryset

    @staticmethod
    def check_value(model, name, value):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return
        if not getattr(field, "concrete", False) or field.many_to_many:
            return
        if field.choices:
            allowed = [str(choice) for choice, _label in field.choices]
            if value not in allowed:
                raise BadRequestError(f"{name} must be one of: {', '.join(allowed)}.")
        try:
            field.to_python(value)
        except ValidationError as error:
            raise BadRequestError(
                f"field filter error. {value!r} is not a valid value for {name} "
                f"({' '.join(error.messages)})"
            ) from error


class RelationFilter(BaseFilterBackend):
    """``condition=<id>`` on techniques, ``technique=<id>`` on conditions."""

    # parameter: (page type it filters, the other side, link field, own field)
    FILTERS = {
        "condition": (TechniquePage, ConditionPage, "condition_id", "technique_id"),
        "technique": (ConditionPage, TechniquePage, "technique_id", "condition_id"),
    }

    def filter_queryset(self, request, queryset, view):
        for name, (model, other, link, own) in self.FILTERS.items():
            if name not in request.GET:
                continue
            if queryset.model is not model:
                raise BadRequestError(
                    f"{name} filters {model._meta.verbose_name_plural}: add "
                    f"type={model._meta.label}."
                )
            other_id = positive_id(request, name)
            # A draft or private page counts as one that does not exist.
            if not visible(other.objects.filter(pk=other_id)).exists():
                raise BadRequestError(
                    f"No live {other._meta.verbose_name} has id {other_id}."
                )
            # By primary key, which a search can still filter on.
            linked = TechniqueCondition.objects.filter(**{link: other_id})
            queryset = queryset.filter(pk__in=linked.values(own))
        return queryset


class ClinicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        QueryValuesFilter,
        RelationFilter,
        *PagesAPIViewSet.filter_backends,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        RelationFilter.FILTERS
    )

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a page id (a positive whole number).")
        return super().find_object(queryset, request)


class ClinicImagesAPIViewSet(ImagesAPIViewSet):
    filter_backends = [QueryValuesFilter, *ImagesAPIViewSet.filter_backends]

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be an image id (a positive whole number).")
        return super().find_object(queryset, request)


class ClinicDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = [QueryValuesFilter, *DocumentsAPIViewSet.filter_backends]

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a document id (a positive whole number).")
        return super().find_object(queryset, request)


class PagePreviewAPIViewSet(ClinicPagesAPIViewSet):
    """``page_preview/?content_type=...&token=...``: the draft an editor is
    previewing (see ``home/headless.py``); 404 when previews are off."""

    known_query_parameters = ClinicPagesAPIViewSet.known_query_parameters.union(
        ["content_type", "token"]
    )

    def listing_view(self, request):
        self.action = "detail_view"  # serialise every field, as a detail does
        return Response(self.get_serializer(self.get_object()).data)

    def detail_view(self, request, pk):
        return self.listing_view(request)

    def get_object(self):
        try:
            return preview_page(
                self.request.GET.get("content_type"), self.request.GET.get("token")
            )
        except BadPreviewRequest as error:
            raise BadRequestError(str(error)) from error
        except PreviewNotFound as error:
            raise Http404(str(error)) from error


# "pages" first: nested links ask the router for the endpoint of a page.
api_router.register_endpoint("pages", ClinicPagesAPIViewSet)
api_router.register_endpoint("images", ClinicImagesAPIViewSet)
api_router.register_endpoint("documents", ClinicDocumentsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
