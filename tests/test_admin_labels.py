"""Labels staff read in the admin are ones a person would write.

No field is labelled from its code name ("Is sample", "Faqs", "Image alt");
form fields are headed by their own label, not "Form field 6"; an empty
review date says so instead of "None"; the admin names the clinic as
Settings → Clinic details does; and a long page title can have a short
title for the site's menus.
"""

import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.panels import FieldPanel, get_edit_handler
from wagtail.models import Page

from contact.factories import ContactPageFactory
from home.models import BasePage, ClinicSettings
from techniques.factories import (
    SpecialistFactory,
    TechniqueIndexPageFactory,
    TechniquePageFactory,
)
from techniques.models import Specialist

pytestmark = pytest.mark.django_db

# What a label made from a field's code name looks like.
CODE_NAME_LABEL = re.compile(r"^(Is|Has) \w+$|(?i:\b(faqs|alt|cta|url path)\b)| id$")


def field_panels(panel):
    if isinstance(panel, FieldPanel):
        yield panel
    for child in getattr(panel, "children", []):
        yield from field_panels(child)


def edited_models():
    """Every model of ours that staff edit with panels."""
    for app_label in ("home", "techniques", "contact"):
        for model in apps.get_app_config(app_label).get_models():
            if issubclass(model, Page) or hasattr(model, "panels"):
                yield model


def test_no_field_is_labelled_with_its_code_name():
    assert Specialist in set(edited_models())
    labels = {}
    for model in edited_models():
        for panel in field_panels(get_edit_handler(model)):
            field = model._meta.get_field(panel.field_name)
            label = str(getattr(field, "verbose_name", panel.field_name))
            labels[f"{model.__name__}.{panel.field_name}"] = (
                label[:1].upper() + label[1:]
            )
    bad = {
        name: label for name, label in labels.items() if CODE_NAME_LABEL.search(label)
    }
    assert bad == {}
    assert labels["Specialist.is_sample"] == "Sample profile"
    assert labels["TechniquePage.faqs"] == "Frequently asked questions"


def test_form_fields_are_headed_by_their_own_label(admin_client, contact_page):
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[contact_page.pk])
    ).content.decode()
    forms = html[html.index('id="id_form_fields-FORMS"') :]
    forms = forms[: forms.index('id="id_form_fields-EMPTY_FORM_TEMPLATE"')]
    headings = [
        " ".join(re.sub(r"<[^>]+>", " ", heading).split())
        for heading in re.findall(r"data-panel-heading-text>(.*?)</span>", forms, re.S)
    ]
    assert headings == [
        "Your name",
        "Email address",
        "Phone number",
        "Reason",
        "Your message",
    ]


@pytest.fixture
def technique(home_page):
    return TechniquePageFactory(parent=TechniqueIndexPageFactory(parent=home_page))


def review_panel_text(admin_client, url):
    html = admin_client.get(url).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return text[text.index("Last reviewed") :][:400]


def test_an_unreviewed_page_says_so(admin_client, technique):
    panel = review_panel_text(
        admin_client, reverse("wagtailadmin_pages:edit", args=[technique.pk])
    )
    assert "Not reviewed yet" in panel
    assert "No one yet" in panel
    assert "None" not in panel


def test_a_reviewed_page_shows_the_date_as_staff_write_it(admin_client, technique):
    technique.last_reviewed = timezone.localdate()
    technique.reviewed_by = SpecialistFactory(name="Dr Rita Patel")
    technique.save()
    panel = review_panel_text(
        admin_client, reverse("wagtailadmin_pages:edit", args=[technique.pk])
    )
    assert format_date(technique.last_reviewed, "j F Y") in panel
    assert "Dr Rita Patel" in panel


@pytest.mark.parametrize("url", ["/admin/", "/admin/login/"])
def test_the_admin_names_the_clinic_as_its_details_do(client, admin_user, url):
    details = ClinicSettings.load()
    details.clinic_name = "Riverside Pain Clinic"
    details.save()
    if url == "/admin/":
        client.force_login(admin_user)
    html = client.get(url).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert title.strip().endswith("- Riverside Pain Clinic")
    assert "Riverside Pain Clinic" in heading
    assert "Wagtail" not in title + heading
    assert "Neuromodulation Clinic" not in html


def main_menu(client):
    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return [" ".join(label.split()) for label in re.findall(r"<a [^>]*>(.*?)</a>", nav)]


def test_the_menu_uses_the_short_title_when_a_page_has_one(client, home_page):
    TechniqueIndexPageFactory(parent=home_page, show_in_menus=True)
    contact = ContactPageFactory(
        parent=home_page,
        title="Ask a question or book an appointment",
        show_in_menus=True,
    )
    assert main_menu(client) == ["Treatments", "Ask a question or book an appointment"]

    contact.menu_title = "Contact us"
    contact.save_revision().publish()

    assert main_menu(client) == ["Treatments", "Contact us"]
    assert issubclass(type(contact), BasePage)
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert ">Contact us</a>" in footer


def test_the_thank_you_page_is_titled_for_what_happened(client, contact_page, rf):
    url = contact_page.thank_you_url(rf.get("/"), "K7RP-3XQM")
    html = client.get(url).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith(f"Message sent | {contact_page.title} | ")
    assert "<h1>Message sent</h1>" in html
