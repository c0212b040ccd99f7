"""Test factories for techniques and conditions (used by the test suite only)."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from home.pdf import pdf_bytes

from .models import (
    ConditionIndexPage,
    ConditionPage,
    Modality,
    Specialist,
    SpecialistIndexPage,
    Specialty,
    TechniqueCondition,
    TechniqueIndexPage,
    TechniquePage,
)


class TechniqueIndexPageFactory(wagtail_factories.PageFactory):
    title = "Treatments"
    slug = "treatments"
    intro = "The treatments we offer."

    class Meta:
        model = TechniqueIndexPage


class ConditionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Conditions"
    slug = "conditions"
    intro = "The conditions we treat."

    class Meta:
        model = ConditionIndexPage


class TechniquePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Technique {n}")
    summary = factory.LazyAttribute(lambda page: f"What {page.title} is.")
    modality = Modality.ELECTRICAL
    delivery = "implanted"
    what_it_is = factory.LazyAttribute(lambda page: f"<p>{page.title} explained.</p>")

    class Meta:
        model = TechniquePage


class ConditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = factory.LazyAttribute(lambda page: f"About {page.title}.")
    symptoms = "<p>What people notice.</p>"

    class Meta:
        model = ConditionPage


def link(technique, *conditions):
    """Record that ``technique`` treats ``conditions``, in that order, and publish."""
    technique.condition_links = [
        TechniqueCondition(condition=condition, sort_order=order)
        for order, condition in enumerate(conditions)
    ]
    technique.save_revision().publish()
    return technique


class SpecialistIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our team"
    slug = "our-team"
    intro = "The people who will look after you."

    class Meta:
        model = SpecialistIndexPage


class SpecialistFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dr Specialist {n}")
    role = "Consultant neurologist"
    credentials = "MB ChB, FRCP"
    specialty = Specialty.NEUROLOGY
    biography = "Sees patients with movement disorders."

    class Meta:
        model = Specialist
        skip_postgeneration_save = True

    @factory.post_generation
    def techniques(self, create, extracted, **kwargs):
        if create and extracted:
            self.techniques.set(extracted)


def make_pdf(title="Patient leaflet"):
    """A tiny, valid one-page PDF saved as a Wagtail document."""
    data = pdf_bytes(title)
    document = Document(title=title, file_size=len(data))
    document.file.save("leaflet.pdf", ContentFile(data), save=False)
    document.save()
    return document
