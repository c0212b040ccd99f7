"""Technique pages: the treatments the clinic offers, and what links them to conditions.

One relation joins the two: ``TechniqueCondition`` rows belong to a technique
page (editors choose and order the conditions there), and a condition page
reads the same rows backwards. Nothing is stored twice, so the two sides can
never disagree.
"""

from collections import OrderedDict
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.api import (
    ChoiceField,
    ChoicesListField,
    HeroImageField,
    PageLinksField,
    SectionsField,
)
from home.models import BasePage
from home.panels import InlinePanel
from home.sections import QuestionsSection, Section, Sections
from home.visibility import visible, visible_pages
from locations.models import locations_offering
from techniques.api import (
    ClinicalReviewField,
    ConditionsTreatedField,
    LeafletsField,
    SpecialistsField,
)

from .review import ClinicalReviewMixin, ClinicalSectionMixin

# A technique page's sections, in the order patients ask the questions. The
# one list of them: the fields, panels, search, APIs, page and JSON-LD all
# read it (``home.sections``).
TECHNIQUE_SECTIONS = Sections(
    Section("what_it_is", "What it is", "What the treatment is, in plain English."),
    Section(
        "how_it_works",
        "How it works",
        "How it acts on the nerves or nervous system.",
    ),
    Section(
        "who_it_may_help",
        "Is this right for me?",
        "Who may benefit and who may not. Avoid promising results.",
    ),
    Section(
        "benefits",
        "Benefits",
        "The benefits patients may expect; no cure or guarantee claims.",
    ),
    Section("risks", "Risks and side effects", "Common and serious ones."),
    Section(
        "alternatives",
        "Alternatives",
        "Other treatments a patient could discuss with their specialist.",
    ),
    Section(
        "procedure",
        "What happens: the procedure",
        "Assessment, trial, the procedure itself.",
        group="What happens",
    ),
    Section(
        "recovery",
        "What happens: recovery",
        "Recovery and follow-up after treatment.",
        group="What happens",
    ),
    QuestionsSection(
        "faqs",
        "Frequently asked questions",
        "Questions patients often ask, with answers.",
    ),
)

TechniqueSectionFields = TECHNIQUE_SECTIONS.model("TechniqueSectionFields", __name__)


class Modality(models.TextChoices):
    """The four families of neuromodulation, by what acts on the nerves."""

    ELECTRICAL = "electrical", "Electrical"
    MAGNETIC = "magnetic", "Magnetic"
    ULTRASOUND = "ultrasound", "Ultrasound"
    CHEMICAL = "chemical", "Chemical"


class Delivery(models.TextChoices):
    """How the treatment reaches the body."""

    NON_INVASIVE = "non_invasive", "Non-invasive"
    MINIMALLY_INVASIVE = "minimally_invasive", "Minimally invasive"
    IMPLANTED = "implanted", "Implanted device"


class TechniqueIndexPage(ClinicalSectionMixin, BasePage):
    """All techniques, grouped by family; ``?modality=`` narrows the list."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short introduction shown above the list of techniques.",
    )

    summary_field_name = "intro"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["techniques.TechniquePage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("modalities", serializer=ChoicesListField(Modality)),
    ]

    def techniques(self):
        """Live techniques outside private sections, by title."""
        return visible(TechniquePage.objects.child_of(self)).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        techniques = self.techniques()
        selected = request.GET.get("modality", "")
        if selected in Modality.values:
            techniques = techniques.filter(modality=selected)
        else:
            selected = ""
        groups = OrderedDict((value, []) for value in Modality.values)
        for technique in techniques:
            groups[technique.modality].append(technique)
        context["modality_groups"] = [
            {"value": value, "label": Modality(value).label, "techniques": items}
            for value, items in groups.items()
            if items
        ]
        context["modalities"] = Modality.choices
        context["selected_modality"] = selected
        return context


class TechniquePage(ClinicalReviewMixin, TechniqueSectionFields, BasePage):
    """One treatment the clinic offers, explained for patients.

    Its sections (fields, panels, search, APIs, page, JSON-LD) come from
    ``TECHNIQUE_SECTIONS``; every section is optional so a half-written page
    can be saved as a draft.
    """

    summary = models.TextField(
        max_length=400,
        help_text="One or two plain-English sentences: what this treatment is "
        "and who it is for. Shown in lists and search results.",
    )
    modality = models.CharField(
        max_length=20,
        choices=Modality.choices,
        help_text="The family the technique belongs to: what acts on the nerves.",
    )
    delivery = models.CharField(
        max_length=20,
        choices=Delivery.choices,
        help_text="How the treatment reaches the body.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture shown at the top of the page.",
    )
    image_alt = models.CharField(
        "image description",
        max_length=250,
        blank=True,
        help_text="Required with an image: describe what it shows for people "
        "who cannot see it.",
    )
    parent_page_types = ["techniques.TechniqueIndexPage"]
    subpage_types = []
    # Read with the page when it is served (home.routing): the picture with
    # its renditions (the page's and the link preview's), the reviewer.
    serve_select_related = ("image", "reviewed_by")
    serve_prefetch_related = ("image__renditions",)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("modality"), FieldPanel("delivery")]),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading="Image"
        ),
        *TECHNIQUE_SECTIONS.panels(),
        InlinePanel(
            "condition_links",
            label="Condition",
            heading="Conditions this technique treats",
            item_heading="condition",
            help_text="Choose and order the conditions. Each condition's page "
            "lists this technique automatically.",
        ),
        InlinePanel(
            "leaflets",
            label="Leaflet",
            heading="Patient leaflets",
            item_heading="display_title",
            help_text="Documents patients can download, such as printable "
            "information sheets, listed with their file type and size.",
        ),
        *ClinicalReviewMixin.review_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        *TECHNIQUE_SECTIONS.search_fields(),
        index.FilterField("modality"),
        index.FilterField("delivery"),
    ]

    # What the JSON APIs (/api/v2/, /api/v3/) show; see docs/api.md.
    api_fields = [
        APIField("summary"),
        APIField("modality", serializer=ChoiceField(Modality)),
        APIField("delivery", serializer=ChoiceField(Delivery)),
        APIField("image", serializer=HeroImageField()),
        *TECHNIQUE_SECTIONS.api_fields(),
        APIField("sections", serializer=SectionsField()),
        APIField("conditions", serializer=ConditionsTreatedField()),
        APIField("leaflets", serializer=LeafletsField()),
        APIField("specialists", serializer=SpecialistsField()),
        APIField("locations", serializer=PageLinksField(lambda page: page.locations)),
        APIField("clinical_review", serializer=ClinicalReviewField()),
    ]

    SECTIONS = TECHNIQUE_SECTIONS

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": "Describe the image for people who cannot see it."}
            )

    # Cached: the page template and its includes both ask for these.
    @cached_property
    def leaflet_list(self):
        """The leaflets with their documents, in the editors' order."""
        return list(self.leaflets.select_related("document"))

    @cached_property
    def specialist_list(self):
        """The specialists who perform this technique, by name."""
        if self.pk is None:
            return []  # an unsaved page in the admin's preview has none yet
        return list(
            self.specialists.select_related("photo").prefetch_related(
                "photo__renditions"
            )
        )

    @cached_property
    def locations(self):
        """The live, public locations that offer this technique, by title:
        the locations' own ``LocationTreatment`` rows, read backwards."""
        if self.pk is None:
            return []  # an unsaved page in the admin's preview has none yet
        return locations_offering(self.pk)

    def conditions(self):
        """The conditions this technique treats, in the editors' order: only
        live ones outside private sections (``home.visibility``).

        Read from the page's own ``condition_links``, so a preview shows the
        draft's choice; the page and both APIs list the same conditions.
        """
        ids = [link.condition_id for link in self.condition_links.all()]
        return visible_pages(TechniqueCondition.condition.field.related_model, ids)


class TechniqueCondition(Orderable):
    """'This technique treats this condition': the one relation both pages read."""

    technique = ParentalKey(TechniquePage, related_name="condition_links")
    condition = models.ForeignKey(
        "techniques.ConditionPage",
        on_delete=models.CASCADE,
        related_name="technique_links",
        help_text="A condition this technique treats.",
    )

    panels = [PageChooserPanel("condition", "techniques.ConditionPage")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["technique", "condition"],
                name="unique_technique_condition",
            )
        ]
