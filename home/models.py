"""The home page, general content pages and the clinic's site-wide details."""

from django.db import models
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from home.headless import HeadlessPreviewWhenConfigured

from .api import PageLinkField, PageLinksField, featured
from .blocks import BodyStreamBlock
from .panels import InlinePanel
from .revisions import OneRevisionPerChangeMixin
from .sections import Sections
from .sitewide import SitewideSettingMixin
from .throttle import ThrottleCounter  # noqa: F401 - registers the model
from .visibility import visible, visible_pages

# The home page's featured pages: the same lists on the page and in the APIs.
featured_techniques = featured("featured_techniques", "technique")
featured_conditions = featured("featured_conditions", "condition")


class BasePage(OneRevisionPerChangeMixin, HeadlessPreviewWhenConfigured, Page):
    """Behaviour every public page of the site shares.

    ``OneRevisionPerChangeMixin`` keeps "Compare with previous version"
    meaningful after autosave (``home.revisions``).

    ``meta_description`` gives templates one place to ask for the text search
    engines show: the editor's own description from the Promote tab, or else
    the page's summary.
    """

    menu_title = models.CharField(
        "short title for menus",
        max_length=40,
        blank=True,
        help_text="Optional: a shorter title for the site's menus, e.g. "
        "'Contact us' for 'Ask a question or book an appointment'. Leave empty "
        "to use the page title.",
    )

    summary_field_name = "summary"
    # The page type's fixed sections, in page order (``home.sections``).
    SECTIONS = Sections()

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel(
            [FieldPanel("show_in_menus"), FieldPanel("menu_title")],
            heading="For site menus",
        ),
    ]

    class Meta:
        abstract = True

    @property
    def title_in_menus(self):
        """What the site's menus call this page."""
        return self.menu_title or self.title

    def get_view_restrictions(self):
        """Wagtail's view restrictions on this page and its ancestors, without
        asking the database again when ``home.routing`` found none on the way
        to it."""
        if getattr(self, "_unrestricted_route", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def sections(self):
        """The sections an editor has filled in, in page order: the page's
        contents list and body, the APIs' ``sections`` and the JSON-LD."""
        return self.SECTIONS.filled(self)

    @property
    def meta_description(self):
        if self.search_description:
            return self.search_description
        # Rich-text summaries (e.g. a form's intro) become plain text.
        return strip_tags(getattr(self, self.summary_field_name, "") or "").strip()


class HomePage(BasePage):
    """The front door: what neuromodulation is, and where to go next.

    One per site. Editors choose which techniques and conditions are featured
    and where the calls to action lead.
    """

    hero_heading = models.CharField(
        max_length=120,
        help_text="The main heading visitors see first, e.g. "
        "'Specialist care for chronic pain and movement disorders'.",
    )
    hero_intro = models.TextField(
        max_length=400,
        help_text="One or two plain-English sentences under the heading. Also "
        "used as the page's description in search results.",
    )
    overview_heading = models.CharField(
        max_length=120,
        default="What is neuromodulation?",
        help_text="Heading of the overview section.",
    )
    overview = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="Explain neuromodulation in plain English for a first-time visitor.",
    )
    contact_page = models.ForeignKey(
        "contact.ContactPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the 'Ask a question' and 'Book an appointment' buttons lead.",
    )
    question_cta_label = models.CharField(
        "'Ask a question' button text",
        max_length=60,
        default="Ask a question",
        help_text="Words on the button for visitors with a question.",
    )
    appointment_cta_label = models.CharField(
        "'Book an appointment' button text",
        max_length=60,
        default="Book an appointment",
        help_text="Words on the button for visitors who want an appointment.",
    )

    summary_field_name = "hero_intro"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "techniques.TechniqueIndexPage",
        "techniques.ConditionIndexPage",
        "contact.ContactPage",
        "referrals.ReferralPage",
        "home.StandardPage",
        "techniques.SpecialistIndexPage",
        "locations.LocationIndexPage",
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro")],
            heading="Hero",
        ),
        MultiFieldPanel(
            [FieldPanel("overview_heading"), FieldPanel("overview")],
            heading="Overview",
        ),
        InlinePanel(
            "featured_techniques",
            label="Featured technique",
            heading="Featured techniques",
            item_heading="technique",
        ),
        InlinePanel(
            "featured_conditions",
            label="Featured condition",
            heading="Featured conditions",
            item_heading="condition",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("contact_page", "contact.ContactPage"),
                FieldPanel("question_cta_label"),
                FieldPanel("appointment_cta_label"),
            ],
            heading="Calls to action",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
        index.SearchField("overview"),
    ]

    # What the JSON APIs (/api/v2/, /api/v3/) show; see docs/api.md.
    api_fields = [
        APIField("hero_heading"),
        APIField("hero_intro"),
        APIField("overview_heading"),
        APIField("overview"),
        APIField("featured_techniques", serializer=PageLinksField(featured_techniques)),
        APIField("featured_conditions", serializer=PageLinksField(featured_conditions)),
        APIField("contact_page", serializer=PageLinkField()),
        APIField("question_cta_label"),
        APIField("appointment_cta_label"),
    ]

    def get_context(self, request, *args, **kwargs):
        """The featured pages and the contact page, each only when it is live
        and outside private sections (``home.visibility``), as the APIs give
        them."""
        context = super().get_context(request, *args, **kwargs)
        context["featured_techniques"] = featured_techniques(self)
        context["featured_conditions"] = featured_conditions(self)
        context["call_to_action_page"] = self.visible_contact_page()
        return context

    def visible_contact_page(self):
        """The page the calls to action lead to, or None if it is not live or
        is private."""
        if self.contact_page_id is None:
            return None
        model = type(self).contact_page.field.related_model
        pages = visible_pages(model, [self.contact_page_id])
        return pages[0] if pages else None


class FeaturedTechnique(Orderable):
    """A technique the home page shows, in the order editors choose."""

    page = ParentalKey(HomePage, related_name="featured_techniques")
    technique = models.ForeignKey(
        "techniques.TechniquePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A technique to feature on the home page.",
    )

    panels = [PageChooserPanel("technique", "techniques.TechniquePage")]


class FeaturedCondition(Orderable):
    """A condition the home page shows, in the order editors choose."""

    page = ParentalKey(HomePage, related_name="featured_conditions")
    condition = models.ForeignKey(
        "techniques.ConditionPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A condition to feature on the home page.",
    )

    panels = [PageChooserPanel("condition", "techniques.ConditionPage")]


class StandardPage(BasePage):
    """A general page such as 'About the clinic' or 'For referring clinicians'."""

    summary = models.TextField(
        max_length=400,
        help_text="One or two sentences shown under the title and in search results.",
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="The page's content: headings, paragraphs, images, notes.",
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    # A referral page may sit under "For referring clinicians".
    subpage_types = ["home.StandardPage", "referrals.ReferralPage"]

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("summary"), APIField("body")]

    def section_pages(self):
        """Its live sub-pages that editors show in menus (such as "Refer a
        patient" under "For referring clinicians"), listed after the body."""
        return visible(self.get_children().in_menu()).specific()


@register_setting(icon="site")
class ClinicSettings(SitewideSettingMixin, BaseGenericSetting):
    """The clinic's contact details, shown in the same place on every page.

    Templates read these as ``settings.home.ClinicSettings``; no clinic detail
    is written into a template.
    """

    clinic_name = models.CharField(
        max_length=120,
        default="Neuromodulation and Pain Clinic",
        help_text="The clinic's name as patients know it.",
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="Main telephone number, written as patients should dial it.",
    )
    email = models.EmailField(
        blank=True, help_text="Public email address for general enquiries."
    )
    address = models.TextField(
        blank=True, help_text="Postal address, one part per line."
    )
    opening_hours = models.TextField(
        blank=True,
        help_text="When the clinic answers the phone, one line per day or range, "
        "e.g. 'Monday to Friday: 8:30 to 17:30'.",
    )
    emergency_message = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text="Shown on every page: what to do in an emergency, e.g. "
        "'In an emergency call 999'.",
    )

    panels = [
        FieldPanel("clinic_name"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("address")],
            heading="Contact details",
        ),
        FieldPanel("opening_hours"),
        FieldPanel("emergency_message"),
    ]

    class Meta:
        verbose_name = "Clinic details"

    def __str__(self):
        return self.clinic_name

    @property
    def phone_href(self):
        """The phone number as a ``tel:`` link target (digits and + only)."""
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")
