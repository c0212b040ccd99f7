"""Serializer fields for the clinical pages' ``api_fields`` (both APIs).

See ``home/api.py`` for how one DRF field serves Wagtail's API v2 and v3.
Both directions of the technique-condition relation read the same
``TechniqueCondition`` rows that the pages themselves show, filtered to live
pages outside private sections.
"""

import datetime

from django.apps import apps
from typing_extensions import TypedDict

from home.api import (
    PORTRAIT_RENDITIONS,
    ChoiceDict,
    ImageDict,
    PageLinkDict,
    PageLinksField,
    ReadOnlyField,
    api_request,
    image_dict,
    page_link,
    restricted_collection_ids,
    visible_pages,
)
from home.visibility import visible


def _model(name):
    return apps.get_model("techniques", name)


def conditions_treated(technique):
    """The live, public conditions a technique treats, in the editors' order:
    exactly those its page lists (``TechniquePage.conditions``)."""
    return technique.conditions()


def treating_techniques(condition):
    """The live, public techniques that treat a condition, by title."""
    return list(condition.techniques())


class ConditionsTreatedField(PageLinksField):
    def __init__(self, **kwargs):
        super().__init__(conditions_treated, **kwargs)


class TreatingTechniquesField(PageLinksField):
    def __init__(self, **kwargs):
        super().__init__(treating_techniques, **kwargs)


class LeafletDict(TypedDict):
    title: str
    document_id: int
    url: str
    file_type: str
    file_size: int | None


class LeafletsField(ReadOnlyField):
    """The technique's patient leaflets, in the editors' order, leaving out
    documents in private collections."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[LeafletDict]:
        from wagtail.api.utils import get_full_url

        request = api_request(self)
        restricted = restricted_collection_ids()
        leaflets = []
        for leaflet in page.leaflets.all():
            document = leaflet.document
            if document.collection_id in restricted:
                continue
            leaflets.append(
                LeafletDict(
                    title=leaflet.display_title,
                    document_id=document.pk,
                    url=get_full_url(request, document.url),
                    file_type=leaflet.file_type,
                    file_size=document.file_size,
                )
            )
        return leaflets


class SpecialistDict(TypedDict):
    id: int
    name: str
    role: str
    credentials: str
    specialty: ChoiceDict
    biography: str
    photo: ImageDict | None
    is_sample: bool
    profile_url: str | None
    techniques: list[PageLinkDict]


def specialist_dict(specialist, request, team_page) -> SpecialistDict:
    """A specialist as the team page shows them."""
    profile_url = None
    if team_page is not None:
        profile_url = f"{team_page.get_full_url(request)}#{specialist.anchor}"
    techniques = visible_pages(
        _model("TechniquePage"),
        [technique.pk for technique in specialist.techniques.all()],
    )
    return SpecialistDict(
        id=specialist.pk,
        name=specialist.name,
        role=specialist.role,
        credentials=specialist.credentials,
        specialty=ChoiceDict(
            value=specialist.specialty, label=specialist.get_specialty_display()
        ),
        biography=specialist.biography,
        photo=image_dict(specialist.photo, specialist.photo_alt, PORTRAIT_RENDITIONS),
        is_sample=specialist.is_sample,
        profile_url=profile_url,
        techniques=sorted(
            (page_link(technique, request) for technique in techniques),
            key=lambda link: link["title"],
        ),
    )


def live_team_page():
    return visible(_model("SpecialistIndexPage").objects.all()).first()


class SpecialistsField(ReadOnlyField):
    """The specialists who perform a technique, by name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[SpecialistDict]:
        request = api_request(self)
        team = live_team_page()
        return [
            specialist_dict(specialist, request, team)
            for specialist in page.specialists.all().order_by("name")
        ]


class SpecialtyGroupDict(TypedDict):
    specialty: str
    specialists: list[SpecialistDict]


class SpecialtyGroupsField(ReadOnlyField):
    """The team page's specialists, grouped by specialty as the page shows them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[SpecialtyGroupDict]:
        request = api_request(self)
        return [
            SpecialtyGroupDict(
                specialty=group["label"],
                specialists=[
                    specialist_dict(specialist, request, page)
                    for specialist in group["specialists"]
                ],
            )
            for group in page.specialty_groups()
        ]


class ReviewerDict(TypedDict):
    name: str
    role: str
    is_sample: bool


class ClinicalReviewDict(TypedDict):
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    reviewed_by: ReviewerDict | None


class ClinicalReviewField(ReadOnlyField):
    """'Page last reviewed' and 'Next review due', as the page shows them
    (all null until a clinical reviewer records a review)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> ClinicalReviewDict:
        reviewer = page.reviewed_by if page.last_reviewed else None
        return ClinicalReviewDict(
            last_reviewed=page.last_reviewed,
            next_review_due=page.next_review_due if page.last_reviewed else None,
            reviewed_by=ReviewerDict(
                name=reviewer.name, role=reviewer.role, is_sample=reviewer.is_sample
            )
            if reviewer
            else None,
        )
