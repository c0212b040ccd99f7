"""The clinic's sites: a *Locations* section with one page per place patients go.

Each ``LocationPage`` holds what a patient needs to get there and in: the
address, phone and email, directions, parking, step-free access and a map
picture editors upload (no third-party map tiles or scripts). Its opening
hours are structured rows (``OpeningHours``), with dated exceptions
(``HoursException``: bank holidays, closures, special hours) that replace
them on the dates they cover; ``locations.hours`` works out any day's hours
in the clinic's time zone. The treatments offered there are chosen from the
technique pages (``LocationTreatment``), and each technique page reads the
same rows backwards to say where it is offered.
"""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from home.api import HeroImageField, PageLinksField
from home.models import BasePage, ClinicSettings
from home.sitewide import remember
from home.visibility import visible, visible_pages

from .. import hours
from ..admin_forms import LocationPageForm
from ..api import ExceptionsField, OpeningHoursField, PostalAddressField, TimeZoneField
from .rows import LocationTreatment

# The map as the page shows it: whole (never cropped), at two widths.
MAP_RENDITION = "max-960x960"


class LocationIndexPage(BasePage):
    """'Locations': every site of the clinic, with today's hours at each."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short introduction shown above the list of locations, "
        "e.g. which site to choose.",
    )

    summary_field_name = "intro"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    def locations(self):
        """Live, public locations in this section, by title, with their hours
        rows (three queries however many there are)."""
        return list(
            visible(LocationPage.objects.child_of(self))
            .order_by("title")
            .prefetch_related("opening_hours", "hours_exceptions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = hours.local_today()
        context["location_list"] = [
            {"page": location, "today": location.hours_on(today)}
            for location in self.locations()
        ]
        return context


class LocationPage(BasePage):
    """One place patients come to: how to get there, when it is open, what
    is offered there."""

    summary = models.TextField(
        max_length=400,
        help_text="One or two sentences: where this site is and what happens "
        "there. Shown in the list of locations and in search results.",
    )
    street_address = models.TextField(
        help_text="Building and street, one part per line, without the town "
        "or postcode, e.g. 'Outpatients, Level 2' then '1 Example Street'.",
    )
    town = models.CharField(max_length=80, help_text="Town or city, e.g. 'Exeter'.")
    postcode = models.CharField(
        max_length=10, help_text="Postcode, e.g. 'EX1 2MP'. Used by sat navs."
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="This site's telephone number, written as patients should "
        "dial it. Leave empty to show only the clinic's main number.",
    )
    email = models.EmailField(
        blank=True,
        help_text="This site's email address. Shown on the page, and told of "
        "contact-form enquiries that choose this location (the email never "
        "holds what the patient wrote). Leave empty for none.",
    )
    directions = models.TextField(
        blank=True,
        help_text="How to get here by train, bus, car or on foot, and how to "
        "find the reception once inside. Short paragraphs; a blank line "
        "starts a new one.",
    )
    parking = models.TextField(
        blank=True,
        help_text="Where to park, what it costs, and blue-badge spaces. A "
        "blank line starts a new paragraph.",
    )
    step_free_access = models.TextField(
        "Step-free access",
        blank=True,
        help_text="Whether there is step-free access from the street and the "
        "car park to the clinic, lifts, accessible toilets and anything "
        "else a wheelchair user or someone who cannot manage stairs needs "
        "to know.",
    )
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A map picture you upload (e.g. a simple drawn map or a "
        "screenshot you have the right to use). Nothing is loaded from map "
        "services, so visitors are not tracked.",
    )
    map_alt = models.CharField(
        "Map description",
        max_length=250,
        blank=True,
        help_text="Required with a map: say in words what the map shows, e.g. "
        "'The clinic is on Example Street, two minutes' walk south of the "
        "station, with the car park behind it'.",
    )

    base_form_class = LocationPageForm
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading="Address and contact details",
        ),
        InlinePanel(
            "opening_hours",
            label="Opening hours row",
            heading="Opening hours",
            help_text="One row per day or run of days, e.g. Monday to Friday, "
            "8:30 to 17:30. A day with no row shows as closed. For a lunch "
            "break, add two rows for the same days.",
        ),
        InlinePanel(
            "hours_exceptions",
            label="Change to opening hours",
            heading="Bank holidays, closures and special hours",
            help_text="Dates when the usual hours do not apply. They replace "
            "the usual hours on those dates, and show on the page until they "
            "have passed.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("directions"),
                FieldPanel("parking"),
                FieldPanel("step_free_access"),
            ],
            heading="Getting here",
        ),
        MultiFieldPanel(
            [FieldPanel("map_image"), FieldPanel("map_alt")], heading="Map"
        ),
        InlinePanel(
            "treatment_links",
            label="Treatment",
            heading="Treatments offered here",
            help_text="Choose the treatment pages. Each treatment's page says "
            "where it is offered automatically.",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("street_address"),
        index.SearchField("town"),
        index.SearchField("postcode"),
        index.SearchField("directions"),
        index.SearchField("parking"),
        index.SearchField("step_free_access"),
        index.AutocompleteField("town"),
    ]

    # What the JSON APIs (/api/v2/, /api/v3/) show; see docs/api.md.
    api_fields = [
        APIField("summary"),
        APIField("address", serializer=PostalAddressField()),
        APIField("phone"),
        APIField("email"),
        APIField("directions"),
        APIField("parking"),
        APIField("step_free_access"),
        APIField(
            "map",
            serializer=HeroImageField(image_attr="map_picture", alt_attr="map_alt"),
        ),
        APIField("time_zone", serializer=TimeZoneField()),
        APIField("opening_hours", serializer=OpeningHoursField()),
        APIField("hours_exceptions", serializer=ExceptionsField()),
        APIField(
            "treatments",
            serializer=PageLinksField(lambda page: page.treatments()),
        ),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if self.map_image_id and not self.map_alt.strip():
            errors["map_alt"] = "Describe the map for people who cannot see it."
        # Patients choose a location by name on the contact form, and its
        # enquiries are sent to the location of that name: names must differ.
        same_name = LocationPage.objects.filter(title__iexact=self.title.strip())
        if self.pk:
            same_name = same_name.exclude(pk=self.pk)
        if self.title and same_name.exists():
            errors["title"] = (
                "Another location already has this name. Give each location "
                "its own, e.g. add the town: patients choose by name."
            )
        if errors:
            raise ValidationError(errors)

    # What the page, the APIs and the JSON-LD read -------------------------

    @property
    def address_lines(self):
        lines = [line.strip(" ,") for line in self.street_address.splitlines()]
        return [line for line in [*lines, self.town, self.postcode] if line]

    # The site's number as a tel: link, as the clinic's own is made.
    phone_href = ClinicSettings.phone_href

    @cached_property
    def map_picture(self):
        """The map image with its renditions, in two queries however many
        sizes the page, the APIs and the JSON-LD ask of it."""
        if not self.map_image_id:
            return None
        model = type(self).map_image.field.related_model
        return (
            model.objects.prefetch_related("renditions")
            .filter(pk=self.map_image_id)
            .first()
        )

    @cached_property
    def hours_rows(self):
        return list(self.opening_hours.all())

    @cached_property
    def exception_rows(self):
        return list(self.hours_exceptions.all())

    def hours_on(self, date):
        return hours.hours_on(self.hours_rows, self.exception_rows, date)

    def week(self):
        return hours.week_table(self.hours_rows)

    def upcoming_exceptions(self, today=None):
        return hours.current_exceptions(
            self.exception_rows, today or hours.local_today()
        )

    @cached_property
    def treatment_list(self):
        """The live, public treatments offered here, in the editors' order."""
        ids = [link.technique_id for link in self.treatment_links.all()]
        return visible_pages(LocationTreatment.technique.field.related_model, ids)

    def treatments(self):
        return self.treatment_list

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = hours.local_today()
        context["today"] = self.hours_on(today)
        context["week"] = self.week()
        context["exceptions"] = self.upcoming_exceptions(today)
        return context


def live_locations():
    """Every live, public location, by title: what patients may choose."""
    return visible(LocationPage.objects.all()).order_by("title")


def site_locations(root, request=None):
    """The live, public locations under ``root`` (a site's home), by title.

    The same for every visitor: kept once per content change
    (``home.sitewide``), so the footer and the home page's JSON-LD, which both
    list them, share one query, and most renders need none.
    """
    return remember(
        f"site_locations.{root.pk}",
        lambda: list(
            visible(LocationPage.objects.descendant_of(root)).order_by("title")
        ),
        request,
    )


def locations_offering(technique_id):
    """The live, public locations that offer a technique, by title.

    Every technique page asks, so the answer for all techniques is worked out
    at once and kept once per content change (``home.sitewide``): a warm
    render costs no query, and a publish anywhere starts afresh.
    """
    return remember("locations_by_technique", _locations_by_technique).get(
        technique_id, []
    )


def _locations_by_technique():
    by_technique = {}
    locations = visible(LocationPage.objects.all()).order_by("title")
    for location in locations.prefetch_related("treatment_links"):
        for link in location.treatment_links.all():
            by_technique.setdefault(link.technique_id, []).append(location)
    return by_technique
