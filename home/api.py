"""Serializer fields for the pages' ``api_fields``, shared by both Wagtail APIs.

A model declares its ``api_fields`` once. Wagtail's API v2 (Django REST
framework) calls these DRF fields with a serializer context; its API v3
(django-ninja) calls the same fields through its v2 compatibility shim and
reads the return annotation of ``to_representation`` to type the OpenAPI
document, so every field here returns a ``TypedDict`` (or a list of them).

The shim binds the fields without a context, so ``api_request`` falls back to
the request that ``home.headless`` keeps for the duration of an API call:
the nested links then carry absolute URLs for the host, and the API version,
that the client is using.

Nothing here reads a draft: every related page is filtered to live pages
outside private sections (``home.visibility``, the rule every list and link on
the site follows), and documents to collections without a view restriction,
whatever the relation itself holds.
"""

from django.urls import NoReverseMatch, reverse
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.api.utils import get_full_url
from wagtail.models import Collection, CollectionViewRestriction

from home.headless import current_request
from home.visibility import visible_pages

# The renditions a front end gets for each image: the sizes the HTML site uses.
HERO_RENDITIONS = {"small": "fill-480x270", "large": "fill-960x540"}
PORTRAIT_RENDITIONS = {"square": "fill-160x160"}


class ChoiceDict(TypedDict):
    value: str
    label: str


class PageLinkDict(TypedDict):
    id: int
    title: str
    slug: str
    type: str
    url: str | None
    html_url: str | None
    detail_url: str | None


class RenditionDict(TypedDict):
    url: str
    full_url: str
    width: int
    height: int


class ImageDict(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: dict[str, RenditionDict]


def api_request(field):
    """The request being answered: DRF's context in API v2, else the one
    ``home.headless`` holds (API v3); None outside an API call."""
    request = field.context.get("request") if field.context else None
    request = getattr(request, "_request", request)  # DRF wraps Django's
    return request or current_request()


def api_detail_url(request, page_id):
    """The page's address in the API answering ``request`` (v2 or v3)."""
    namespaces = getattr(getattr(request, "resolver_match", None), "namespaces", [])
    try:
        if "wagtailapi_v2" in namespaces:
            path = reverse("wagtailapi_v2:pages:detail", args=[page_id])
        else:
            path = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page_id})
    except NoReverseMatch:
        return None
    return get_full_url(request, path)


def page_link(page, request) -> PageLinkDict:
    """A related page as a front end needs it to link and to fetch it."""
    return PageLinkDict(
        id=page.pk,
        title=page.title,
        slug=page.slug,
        type=page.specific_class._meta.label,
        url=page.get_url(request),
        html_url=page.get_full_url(request),
        detail_url=api_detail_url(request, page.pk),
    )


def restricted_collection_ids():
    """Collections (and their children) with a view restriction."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    )
    ids = set()
    for collection in restricted:
        ids.update(
            Collection.objects.descendant_of(collection, inclusive=True).values_list(
                "pk", flat=True
            )
        )
    return ids


def image_dict(image, alt, renditions) -> ImageDict | None:
    """An image with the renditions the site uses and the editor's alt text."""
    if image is None:
        return None
    if image.collection_id in restricted_collection_ids():
        return None
    from wagtail.images.models import SourceImageIOError

    request = current_request()
    sizes = {}
    for name, spec in renditions.items():
        try:
            rendition = image.get_rendition(spec)
        except SourceImageIOError:
            continue  # the file is missing: leave this size out, not the page
        sizes[name] = RenditionDict(
            url=rendition.url,
            full_url=get_full_url(request, rendition.url),
            width=rendition.width,
            height=rendition.height,
        )
    return ImageDict(
        id=image.pk,
        title=image.title,
        alt=alt,
        width=image.width,
        height=image.height,
        renditions=sizes,
    )


class ReadOnlyField(Field):
    """A computed, read-only API field."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class ChoiceField(ReadOnlyField):
    """A choice as its stable machine value and its label, e.g.
    ``{"value": "electrical", "label": "Electrical"}``."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices.choices)
        super().__init__(**kwargs)

    def to_representation(self, value) -> ChoiceDict:
        return ChoiceDict(value=value, label=str(self.labels.get(value, value)))


class ChoicesListField(ReadOnlyField):
    """Every value of a set of choices with its label, in order: what a front
    end needs to build a filter without hard-coding the values."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[ChoiceDict]:
        return [
            ChoiceDict(value=value, label=str(label))
            for value, label in self.choices.choices
        ]


class PageLinksField(ReadOnlyField):
    """Related pages as links, from ``related(page)`` -> a list of pages."""

    def __init__(self, related, **kwargs):
        self.related = related
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[PageLinkDict]:
        request = api_request(self)
        return [page_link(linked, request) for linked in self.related(page)]


class PageLinkField(ReadOnlyField):
    """One related page (a foreign key) as a link, or null if it is not live
    and public. The foreign key names the page type, so ``linked`` is already
    of it."""

    def to_representation(self, linked) -> PageLinkDict | None:
        pages = visible_pages(type(linked), [linked.pk])
        return page_link(pages[0], api_request(self)) if pages else None


class SectionDict(TypedDict):
    id: str
    field: str
    heading: str
    html: str


class SectionsField(ReadOnlyField):
    """The page's filled-in sections in page order, each with the heading the
    site shows and its display HTML (internal links expanded; questions and
    answers as the page shows them), as ``BasePage.sections()`` gives them to
    the templates."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[SectionDict]:
        return [
            SectionDict(
                id=section.id,
                field=section.field,
                heading=section.heading,
                html=section.html(),
            )
            for section in page.sections()
        ]


class HeroImageField(ReadOnlyField):
    """A page's image with its alt text field and the site's renditions."""

    def __init__(self, image_attr="image", alt_attr="image_alt", **kwargs):
        self.image_attr = image_attr
        self.alt_attr = alt_attr
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> ImageDict | None:
        return image_dict(
            getattr(page, self.image_attr),
            getattr(page, self.alt_attr),
            HERO_RENDITIONS,
        )


def featured(relation_name, target_attr):
    """``related`` for a home page's featured techniques or conditions.

    The page type comes from the link model's foreign key (declared there by
    a string reference), so ``home`` imports none of the apps above it."""

    def related(page):
        links = getattr(page, relation_name)
        model = links.model._meta.get_field(target_attr).related_model
        ids = [getattr(link, f"{target_attr}_id") for link in links.all()]
        return visible_pages(model, ids)

    return related
