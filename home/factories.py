"""Test factories for the home app (used by the test suite only)."""

import factory
import wagtail_factories

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Specialist care for chronic pain"
    hero_intro = "Treatments that act directly on the nerves."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"General page {n}")
    summary = "A general page about the clinic."

    class Meta:
        model = StandardPage
