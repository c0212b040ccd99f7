"""Condition pages: the conditions the clinic treats, A to Z.

A condition page does not store its techniques: it reads the
``TechniqueCondition`` rows that technique pages own (see ``pages.py``).
"""

from collections import OrderedDict

from django.db import models
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from home.api import SectionsField
from home.models import BasePage
from home.sections import Section, Sections
from home.visibility import visible
from techniques.api import ClinicalReviewField, TreatingTechniquesField

from .pages import TechniqueCondition, TechniquePage
from .review import ClinicalReviewMixin, ClinicalSectionMixin

# A condition page's sections, in page order: the one list of them
# (``home.sections``).
CONDITION_SECTIONS = Sections(
    Section("symptoms", "Symptoms", "The symptoms patients notice."),
    Section("diagnosis", "How it is diagnosed", "How the condition is diagnosed."),
    Section(
        "treatment_options",
        "Treatment options",
        "The usual treatment options, from first steps to neuromodulation. "
        "The techniques the clinic offers are listed automatically below "
        "this text.",
    ),
)

ConditionSectionFields = CONDITION_SECTIONS.model("ConditionSectionFields", __name__)


def treating_techniques():
    """Live techniques outside private sections, by title, for prefetching
    onto conditions."""
    return visible(TechniquePage.objects.all()).order_by("title")


class ConditionIndexPage(ClinicalSectionMixin, BasePage):
    """Conditions A to Z, each with the techniques that treat it."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short introduction shown above the A to Z list.",
    )

    summary_field_name = "intro"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["techniques.ConditionPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    def listed_conditions(self):
        """Live conditions outside private sections by title, without their
        techniques: for a list of names such as the home page's finder."""
        return visible(ConditionPage.objects.child_of(self)).order_by("title")

    def conditions(self):
        """The conditions by title, each with the techniques that treat it."""
        return self.listed_conditions().prefetch_related(
            Prefetch(
                "technique_links",
                queryset=TechniqueCondition.objects.filter(
                    technique__in=treating_techniques()
                ).select_related("technique"),
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        letters = OrderedDict()
        for condition in self.conditions():
            letters.setdefault(condition.title[:1].upper(), []).append(condition)
        context["letters"] = [
            {"letter": letter, "conditions": items} for letter, items in letters.items()
        ]
        return context


class ConditionPage(ClinicalReviewMixin, ConditionSectionFields, BasePage):
    """A condition the clinic treats, and the techniques that may help.

    Its sections come from ``CONDITION_SECTIONS``. The list of techniques
    is not edited here: it is read from the technique pages, so it always
    matches them.
    """

    summary = models.TextField(
        max_length=400,
        help_text="One or two plain-English sentences about the condition. "
        "Shown in lists and search results.",
    )
    parent_page_types = ["techniques.ConditionIndexPage"]
    subpage_types = []
    # Read with the page when it is served (home.routing).
    serve_select_related = ("reviewed_by",)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        *CONDITION_SECTIONS.panels(),
        *ClinicalReviewMixin.review_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        *CONDITION_SECTIONS.search_fields(),
    ]

    # What the JSON APIs (/api/v2/, /api/v3/) show; see docs/api.md.
    api_fields = [
        APIField("summary"),
        *CONDITION_SECTIONS.api_fields(),
        APIField("sections", serializer=SectionsField()),
        APIField("techniques", serializer=TreatingTechniquesField()),
        APIField("clinical_review", serializer=ClinicalReviewField()),
    ]

    SECTIONS = CONDITION_SECTIONS

    def techniques(self):
        """Live, public techniques that treat this condition, by title."""
        if self.pk is None:
            # A new page in the admin's preview: no technique links to it yet.
            return treating_techniques().none()
        return treating_techniques().filter(condition_links__condition=self)

    def treating_technique_list(self):
        """The techniques, from a prefetch when a listing made one.

        Read once per page object: the page and its JSON-LD both list them.
        """
        if "_treating_technique_list" not in self.__dict__:
            cache = getattr(self, "_prefetched_objects_cache", {})
            if "technique_links" in cache:
                techniques = sorted(
                    (link.technique for link in self.technique_links.all()),
                    key=lambda technique: technique.title,
                )
            else:
                techniques = list(self.techniques())
            self.__dict__["_treating_technique_list"] = techniques
        return self.__dict__["_treating_technique_list"]
