"""The demo content command builds the clinic's whole site, once."""

import datetime
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from clinic.demo_content.locations import christmas_bank_holidays
from contact.models import ContactPage
from home.models import ClinicSettings, HomePage, StandardPage
from locations.models import (
    HoursException,
    LocationPage,
    LocationTreatment,
    OpeningHours,
)
from techniques.models import ConditionPage, TechniqueCondition, TechniquePage


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=None)
    return HomePage.objects.get()


def links_on(html):
    return set(re.findall(r'href="(/[^"#?]*)"', html))


def test_builds_the_expected_tree(demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo_site
    assert TechniquePage.objects.live().count() == 6
    assert ConditionPage.objects.live().count() == 7
    assert ContactPage.objects.live().count() == 1
    dbs = TechniquePage.objects.get(slug="deep-brain-stimulation")
    assert [c.slug for c in dbs.conditions()] == [
        "parkinsons-disease",
        "essential-tremor",
        "epilepsy",
        "obsessive-compulsive-disorder",
    ]
    tremor = ConditionPage.objects.get(slug="essential-tremor")
    assert {t.slug for t in tremor.techniques()} == {
        "deep-brain-stimulation",
        "focused-ultrasound",
    }
    assert ClinicSettings.load().phone


def test_the_contact_form_has_the_fields_patients_need(demo_site):
    contact = ContactPage.objects.get()
    labels = [field.label for field in contact.get_form_fields()]
    assert labels == [
        "Your name",
        "Email address",
        "Phone number",
        "Reason for contacting us",
        "Preferred location",
        "Your message",
    ]
    phone = contact.form_fields.get(label="Phone number")
    assert not phone.required


def test_running_twice_changes_nothing(demo_site):
    def snapshot():
        return (
            list(Page.objects.values_list("pk", "path", "title", "live")),
            Revision.objects.count(),
            PageLogEntry.objects.count(),
            TechniqueCondition.objects.count(),
            LocationTreatment.objects.count(),
            OpeningHours.objects.count(),
            HoursException.objects.count(),
            Site.objects.count(),
        )

    before = snapshot()
    call_command("load_demo_content", stdout=None)
    assert snapshot() == before


def test_every_page_is_reachable_from_the_navigation(client, demo_site):
    """Follow links from the home page: every live page must be found."""
    seen, queue = set(), ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        queue.extend(
            link
            for link in links_on(response.content.decode())
            if not link.startswith(("/static/", "/admin/", "/documents/"))
        )
    live_urls = {page.url for page in Page.objects.live().filter(depth__gt=1)}
    assert live_urls <= seen


def test_each_page_has_one_h1_a_title_and_a_description(client, demo_site):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        html = client.get(page.url).content.decode()
        assert html.count("<h1") == 1, page.url
        assert re.search(r"<title>[^<]+</title>", html), page.url
        assert re.search(r'<meta name="description" content="[^"]+"', html), page.url
        assert '<html lang="en' in html, page.url


def test_referring_clinicians_have_their_own_section(client, demo_site):
    """A GP finds how to refer from the main menu of any page."""
    page = StandardPage.objects.live().get(slug="referrals")
    assert page.show_in_menus
    home_html = client.get("/").content.decode()
    assert f'href="{page.url}">For referring clinicians</a>' in home_html
    html = client.get(page.url).content.decode()
    for heading in ("Who may be suitable", "How to refer", "What to include"):
        assert f"<h2>{heading}</h2>" in html


def test_two_locations_with_different_hours_one_closed_for_bank_holidays(
    demo_site, client
):
    london, northgate = LocationPage.objects.live().order_by("title")
    assert london.week() != northgate.week()
    closure = london.hours_exceptions.get()
    assert closure.closed and "bank holiday" in closure.reason
    assert closure.start_date.month == 12 and closure.start_date.day == 25
    assert not london.hours_on(closure.start_date).is_open
    assert london.map_image and london.map_alt
    assert {t.slug for t in northgate.treatments()} == {
        "transcranial-magnetic-stimulation",
        "spinal-cord-stimulation",
    }
    html = client.get(london.url).content.decode()
    assert closure.reason in html


@pytest.mark.parametrize(
    "year, holidays",
    [
        (2020, [(12, 25), (12, 28)]),  # Boxing Day on a Saturday
        (2021, [(12, 27), (12, 28)]),  # both at the weekend
        (2022, [(12, 26), (12, 27)]),  # Christmas Day on a Sunday
        (2024, [(12, 25), (12, 26)]),
    ],
)
def test_the_demo_closure_follows_englands_christmas_bank_holidays(year, holidays):
    assert christmas_bank_holidays(year) == [
        datetime.date(year, month, day) for month, day in holidays
    ]
