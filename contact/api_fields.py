"""Serializer fields for ``ContactPage.api_fields`` (Wagtail's read APIs).

The page's read API shows what the page says; the form itself (its fields,
question and token) is described and sent through the forms API
(``contact/api.py``), which these fields point to.
"""

from django.urls import NoReverseMatch, reverse
from typing_extensions import TypedDict
from wagtail.api.utils import get_full_url

from home.api import ReadOnlyField, api_request


class CareMessageField(ReadOnlyField):
    """The care message the page shows: its own, else the clinic's emergency
    message, else the default (``ContactPage.care_message_html``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> str:
        from wagtail.rich_text import expand_db_html

        from home.models import ClinicSettings

        return expand_db_html(page.care_message_html(ClinicSettings.load()))


class FormLinksDict(TypedDict):
    description_url: str | None
    submissions_url: str | None


class FormLinksField(ReadOnlyField):
    """Where a front end reads the form and sends it (the forms API)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> FormLinksDict:
        request = api_request(self)
        urls = {}
        for key, name in [
            ("description_url", "wagtailapi_v3:form_description"),
            ("submissions_url", "wagtailapi_v3:form_submissions"),
        ]:
            try:
                urls[key] = get_full_url(request, reverse(name, args=[page.pk]))
            except NoReverseMatch:
                urls[key] = None
        return FormLinksDict(**urls)
