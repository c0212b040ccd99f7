"""The contact form's "Location" field: its choices are the live, public
location pages; an enquiry that chooses one is notified to its email."""

import re

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset

from contact.factories import ContactFormFieldFactory
from contact.models import ContactFormField
from enquiries.models import Enquiry
from locations.factories import LocationIndexPageFactory, LocationPageFactory
from tests.api.conftest import VALID as API_VALID
from tests.api.conftest import APIVisitor

from .conftest import VALID
from .test_admin import add_contact_page
from .test_emails import assert_no_visitor_data


@pytest.fixture
def sites(home_page):
    index = LocationIndexPageFactory(parent=home_page)
    return {
        name: LocationPageFactory(parent=index, title=f"{name} clinic", email=email)
        for name, email in [
            ("Exeter", "exeter@clinic.invalid"),
            ("Truro", ""),
            ("Plymouth", "plymouth@clinic.invalid"),
        ]
    }


@pytest.fixture
def location_field(contact_page, sites):
    return ContactFormFieldFactory(
        page=contact_page,
        label="Preferred location",
        field_type="location",
        required=False,
        help_text="Where you would rather be seen.",
    )


def options(html):
    start = html.index('name="preferred_location"')
    select = html[start : html.index("</select>", start)]
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def test_the_choices_are_the_live_public_locations(visitor, location_field, sites):
    sites["Plymouth"].unpublish()
    PageViewRestriction.objects.create(
        page=sites["Truro"], restriction_type=PageViewRestriction.LOGIN
    )
    visitor.open()
    assert options(visitor.html) == [
        ("", "No preference"),
        ("Exeter clinic", "Exeter clinic"),
    ]


def test_a_required_location_asks_the_visitor_to_choose(visitor, location_field, sites):
    location_field.required = True
    location_field.save()
    visitor.open()
    assert options(visitor.html)[0] == ("", "Please choose…")
    visitor.send({**VALID})
    assert "Please choose a location." in visitor.html
    assert Enquiry.objects.count() == 0


def test_the_chosen_location_is_stored_by_name(visitor, location_field, sites):
    visitor.open()
    assert (
        visitor.send({**VALID, "preferred_location": "Truro clinic"}).status_code == 302
    )
    assert Enquiry.objects.get().get_data()["preferred_location"] == ("Truro clinic")


def test_a_location_unpublished_after_the_form_was_opened_is_refused(
    visitor, location_field, sites
):
    visitor.open()
    sites["Exeter"].unpublish()
    visitor.send({**VALID, "preferred_location": "Exeter clinic"})
    assert "Please choose one of our locations from the list" in visitor.html
    assert "I have had back pain for years." in visitor.html  # nothing lost
    assert Enquiry.objects.count() == 0


def test_the_forms_api_describes_and_checks_the_location(
    client, contact_page, location_field, sites, clock
):
    sites["Plymouth"].unpublish()
    api = APIVisitor(client, contact_page, clock)
    description = api.open()
    field = next(f for f in description["fields"] if f["name"] == "preferred_location")
    assert field["type"] == "location"
    assert field["required"] is False
    assert field["help_text"] == "Where you would rather be seen."
    assert field["choices"] == [
        {"value": "Exeter clinic", "label": "Exeter clinic"},
        {"value": "Truro clinic", "label": "Truro clinic"},
    ]

    refused = api.send({**API_VALID, "preferred_location": "Plymouth clinic"})
    assert refused.status_code == 400
    assert "preferred_location" in refused.json()["errors"]
    assert (
        api.send({**API_VALID, "preferred_location": "Exeter clinic"}).status_code
        == 201
    )


def test_an_enquiry_for_a_location_is_notified_to_its_email_without_details(
    visitor, location_field, sites, mailoutbox, settings
):
    settings.CONTACT_NOTIFICATION_INCLUDE_DETAILS = True  # even then
    visitor.open()
    visitor.send({**VALID, "preferred_location": "Exeter clinic"})

    to_location = [m for m in mail.outbox if m.to == ["exeter@clinic.invalid"]]
    assert len(to_location) == 1
    message = to_location[0]
    assert "Exeter clinic" in message.body
    enquiry = Enquiry.objects.get()
    assert f"Enquiry number: {enquiry.pk}" in message.body
    # The link opens this enquiry in the inbox.
    assert f"/admin/enquiries/{enquiry.pk}/" in message.body
    assert_no_visitor_data(message.subject + message.body)
    assert "Plymouth" not in message.body
    # The clinic's own notification still goes to the page's address.
    assert any(m.to == ["enquiries@clinic.invalid"] for m in mail.outbox)


@pytest.mark.parametrize("choice", ["Truro clinic", ""])
def test_no_location_email_without_an_address_or_a_choice(
    visitor, location_field, sites, mailoutbox, choice
):
    visitor.open()
    visitor.send({**VALID, "preferred_location": choice})
    assert [m.to for m in mail.outbox] == [["enquiries@clinic.invalid"]]


def test_a_location_that_shares_the_clinics_address_gets_one_email(
    visitor, contact_page, location_field, sites, mailoutbox
):
    contact_page.to_address = "Exeter@clinic.invalid"
    contact_page.save()
    visitor.open()
    visitor.send({**VALID, "preferred_location": "Exeter clinic"})
    assert len(mail.outbox) == 1


def test_staff_add_a_location_field_in_the_form_builder(superuser_client, home_page):
    field_types = dict(ContactFormField._meta.get_field("field_type").choices)
    assert field_types["location"] == "Location (chosen from the location pages)"
    response = add_contact_page(
        superuser_client,
        home_page,
        form_fields=inline_formset(
            [{"label": "Which clinic?", "field_type": "location", "required": False}]
        ),
    )
    assert response.status_code == 302
    field = ContactFormField.objects.get(page__slug="referrals")
    assert (field.clean_name, field.field_type) == ("which_clinic", "location")
