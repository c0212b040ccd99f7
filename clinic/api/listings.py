"""Typed listings of techniques and conditions on API v3, with their filters.

Wagtail's own ``/api/v3/pages/?type=techniques.TechniquePage&modality=...``
filters by any field in ``api_fields`` but silently ignores a value it does
not know, and cannot follow the technique-condition relation. These two
endpoints take the filters a front end needs as typed query parameters, so
the OpenAPI document lists the allowed values and a wrong one is a 400:

* ``/api/v3/techniques/?modality=&delivery=&condition=<id>&search=``
* ``/api/v3/conditions/?technique=<id>&search=``

Items are short summaries; each links to its full page in the pages API.
"""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import PositiveInt
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.errors import as_validation_error
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.search.backends import get_search_backend

from clinic.api.middleware import MAX_ID
from home.api import ChoiceDict, PageLinkDict, page_link
from home.visibility import visible as visible_to_everyone
from techniques.models import (
    ConditionPage,
    Delivery,
    Modality,
    TechniqueCondition,
    TechniquePage,
)

router = Router(tags=["clinical pages"])

SearchText = Field(
    None,
    min_length=1,
    max_length=200,
    description="Words to look for in the titles and text (full-text search).",
)


class TechniqueFilters(Schema):
    modality: Modality | None = Field(None, description="The technique's family.")
    delivery: Delivery | None = Field(None, description="How it reaches the body.")
    condition: PositiveInt | None = Field(
        None,
        le=MAX_ID,
        description="Only techniques that treat this condition (its page id).",
    )
    search: str | None = SearchText


class ConditionFilters(Schema):
    technique: PositiveInt | None = Field(
        None,
        le=MAX_ID,
        description="Only conditions this technique treats (its page id).",
    )
    search: str | None = SearchText


def choice(choices, value) -> ChoiceDict:
    labels = dict(choices.choices)
    return ChoiceDict(value=value, label=str(labels.get(value, value)))


class ConditionSummary(Schema):
    id: int
    title: str
    summary: str
    link: PageLinkDict

    @staticmethod
    def resolve_link(page, context) -> PageLinkDict:
        return page_link(page, context["request"])


class TechniqueSummary(ConditionSummary):
    modality: ChoiceDict
    delivery: ChoiceDict

    @staticmethod
    def resolve_modality(page) -> ChoiceDict:
        return choice(Modality, page.modality)

    @staticmethod
    def resolve_delivery(page) -> ChoiceDict:
        return choice(Delivery, page.delivery)


def visible(model, request=None):
    """Live pages outside private sections (``home.visibility``), scoped to
    the request's site when there is a request, as the pages API does."""
    if request is None:
        return visible_to_everyone(model.objects.all())
    return visible_to_everyone(get_public_pages_queryset(request, model))


def require_visible(model, page_id, loc):
    """400 unless ``page_id`` is a live, public page of ``model``: a draft or
    private page is treated exactly like one that does not exist."""
    if not visible(model).filter(pk=page_id).exists():
        error = LookupError(f"No live {model._meta.verbose_name} has id {page_id}.")
        raise as_validation_error(error, str(error), loc=(loc,))


def reject_unknown(request, filters):
    """A parameter these listings do not take is a 400, so a typo such as
    ``?modalty=`` is reported rather than answered with every item."""
    allowed = set(type(filters).model_fields) | {"limit", "offset"}
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        error = LookupError(
            f"Unknown query parameter: {', '.join(unknown)}. "
            f"Use: {', '.join(sorted(allowed))}."
        )
        raise as_validation_error(error, str(error), loc=(unknown[0],))


def searched(queryset, text):
    if not text:
        return queryset
    return get_search_backend().search(text, queryset)


@router.get(
    "/techniques/",
    response=list[TechniqueSummary],
    url_name="list_techniques",
    summary="List techniques",
    operation_id="techniques_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_techniques(
    request: HttpRequest,
    filters: TechniqueFilters = Query(...),  # noqa: B008 - ninja's idiom
    **kwargs,
):
    reject_unknown(request, filters)
    queryset = visible(TechniquePage, request).order_by("title")
    if filters.modality:
        queryset = queryset.filter(modality=filters.modality)
    if filters.delivery:
        queryset = queryset.filter(delivery=filters.delivery)
    if filters.condition:
        require_visible(ConditionPage, filters.condition, "condition")
        queryset = queryset.filter(
            pk__in=TechniqueCondition.objects.filter(
                condition_id=filters.condition
            ).values("technique_id")
        )
    return searched(queryset, filters.search)


@router.get(
    "/conditions/",
    response=list[ConditionSummary],
    url_name="list_conditions",
    summary="List conditions",
    operation_id="conditions_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_conditions(
    request: HttpRequest,
    filters: ConditionFilters = Query(...),  # noqa: B008 - ninja's idiom
    **kwargs,
):
    reject_unknown(request, filters)
    queryset = visible(ConditionPage, request).order_by("title")
    if filters.technique:
        require_visible(TechniquePage, filters.technique, "technique")
        queryset = queryset.filter(
            pk__in=TechniqueCondition.objects.filter(
                technique_id=filters.technique
            ).values("condition_id")
        )
    return searched(queryset, filters.search)
