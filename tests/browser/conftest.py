"""Real-browser fixtures: Debian's Chromium driven by Playwright.

The browser is the system one (``apt-get install chromium``); Playwright's own
browser download is never used. A missing browser fails the run with a clear
message rather than skipping the tests.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from home.models import StandardPage
from locations.models import LocationIndexPage, LocationPage
from referrals.models import ReferralPage
from techniques.models import (
    ConditionIndexPage,
    ConditionPage,
    SpecialistIndexPage,
    TechniqueIndexPage,
    TechniquePage,
)

# Playwright runs an event loop in the test thread; the ORM calls that tests
# and fixtures make beside it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"No Chromium at {CHROMIUM}: install it with "
            "'apt-get install chromium' or set CHROMIUM_PATH."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab whose relative URLs go to the live test server."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def demo_urls(demo_site):
    """One address per page type on the demo site."""
    technique = TechniquePage.objects.live().get(slug="deep-brain-stimulation")
    return {
        "home": "/",
        "standard": StandardPage.objects.live().get(slug="about").url,
        "for referring clinicians": StandardPage.objects.live()
        .get(slug="referrals")
        .url,
        "team": SpecialistIndexPage.objects.live().get().url,
        "technique index": TechniqueIndexPage.objects.live().get().url,
        "technique index, filtered": TechniqueIndexPage.objects.live().get().url
        + "?modality=magnetic",
        "technique": technique.url,
        "condition index": ConditionIndexPage.objects.live().get().url,
        "condition": ConditionPage.objects.live().get(slug="essential-tremor").url,
        "contact": "/contact/",
        "refer a patient": ReferralPage.objects.live().get().url,
        "locations": LocationIndexPage.objects.live().get().url,
        "location": LocationPage.objects.live().get(slug="central-london").url,
        "search results": "/search/?q=stimulation",
        "search, no results": "/search/?q=xylophone",
        "not found": "/no-such-page/",
        "sign in (pages for signed-in users)": "/_util/login/?next=/",
    }
