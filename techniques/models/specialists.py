"""The clinic's specialists: who performs each treatment, and the team page.

Specialists are plain Django models managed in the admin with
wagtail-modeladmin (``techniques/wagtail_hooks.py``), not pages: a profile
appears on several pages (the team page, each technique it performs) and is
edited in one place.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from home.visibility import visible
from techniques.api import SpecialtyGroupsField

from .pages import TechniquePage


class Specialty(models.TextChoices):
    """Clinical specialties found in a neuromodulation and pain team."""

    NEUROSURGERY = "neurosurgery", "Neurosurgery"
    NEUROLOGY = "neurology", "Neurology"
    PAIN_MEDICINE = "pain_medicine", "Pain medicine"
    PSYCHIATRY = "psychiatry", "Psychiatry"
    REHABILITATION = "rehabilitation", "Physical medicine and rehabilitation"
    ANAESTHESIA = "anaesthesia", "Anaesthesia"
    NEUROPHYSIOLOGY = "neurophysiology", "Clinical neurophysiology"
    NEUROPSYCHOLOGY = "neuropsychology", "Neuropsychology"
    SPECIALIST_NURSING = "specialist_nursing", "Specialist nursing"
    PHYSIOTHERAPY = "physiotherapy", "Physiotherapy"


class Specialist(index.Indexed, models.Model):
    """A member of the clinical team, as patients see them."""

    name = models.CharField(
        max_length=120,
        help_text="Full name with title, as patients would address them, "
        "e.g. 'Dr Amina Okafor'.",
    )
    role = models.CharField(
        max_length=120,
        help_text="Job title, e.g. 'Consultant neurosurgeon'.",
    )
    credentials = models.CharField(
        max_length=160,
        blank=True,
        help_text="Optional: qualifications and registrations, e.g. "
        "'MB BS, FRCS (SN)'.",
    )
    specialty = models.CharField(
        max_length=30,
        choices=Specialty.choices,
        help_text="The specialty patients would recognise.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional portrait, shown on the team page and treatment pages.",
    )
    photo_alt = models.CharField(
        "photo description",
        max_length=250,
        blank=True,
        help_text="Required with a photo: describe it for people who cannot "
        "see it, e.g. 'Dr Okafor smiling in the clinic'.",
    )
    biography = models.TextField(
        max_length=1000,
        blank=True,
        help_text="A short biography in plain English: experience, interests, "
        "what patients can expect. Up to 1,000 characters.",
    )
    techniques = models.ManyToManyField(
        "techniques.TechniquePage",
        verbose_name="treatments they perform",
        blank=True,
        related_name="specialists",
        help_text="The treatments this specialist performs or takes part in. "
        "They are listed under 'Who performs this treatment' on each.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="user account",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="specialist_profile",
        help_text="Optional: the admin account of this specialist. A clinical "
        "reviewer's account must be linked so that the reviews they record "
        "name them.",
    )
    is_sample = models.BooleanField(
        "sample profile",
        default=False,
        help_text="A made-up profile for demonstration. Shown on the site "
        "marked 'Sample profile'; replace or delete before going live.",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("credentials")]),
        FieldPanel("specialty"),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"
        ),
        FieldPanel("biography"),
        FieldPanel("techniques", widget=forms.CheckboxSelectMultiple),
        # Only people who manage user accounts may link one: the link decides
        # whose name a reviewer's sign-off carries.
        FieldPanel("user", permission="auth.change_user"),
        FieldPanel("is_sample"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.SearchField("biography"),
        index.AutocompleteField("name"),
        index.FilterField("specialty"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Describe the photo for people who cannot see it."}
            )

    @property
    def anchor(self):
        """The id of this profile on the team page, for links to it."""
        return f"specialist-{self.pk}"

    @property
    def role_line(self):
        """Role and credentials on one line, as shown under the name."""
        return ", ".join(filter(None, [self.role, self.credentials]))


class SpecialistIndexPage(BasePage):
    """The team page: every specialist, grouped by specialty.

    A page (rather than a block on a general page) so it has its own address
    that technique pages can link to, and so there is exactly one of it.
    """

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="A short introduction shown above the team.",
    )

    summary_field_name = "intro"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("specialty_groups", serializer=SpecialtyGroupsField()),
    ]

    def specialty_groups(self):
        """[{"label", "specialists"}] in the order of ``Specialty``."""
        specialists = Specialist.objects.select_related("photo").prefetch_related(
            "photo__renditions",
            models.Prefetch(
                "techniques",
                queryset=visible(TechniquePage.objects.all()).order_by("title"),
            ),
        )
        groups = {value: [] for value in Specialty.values}
        for specialist in specialists:
            groups[specialist.specialty].append(specialist)
        return [
            {"label": Specialty(value).label, "specialists": people}
            for value, people in groups.items()
            if people
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["specialty_groups"] = self.specialty_groups()
        return context
