"""The demo site's contact form has every protection switched on."""

import pytest
from django.core.management import call_command

from contact.models import ContactPage
from enquiries.models import Enquiry
from tests.contact.conftest import Visitor


@pytest.fixture
def demo_form(db):
    call_command("load_demo_content", stdout=None)
    return ContactPage.objects.get()


def test_the_demo_form_asks_the_sum_and_for_consent(demo_form, client):
    html = client.get(demo_form.url).content.decode()
    assert "What is" in html
    assert "I agree that the clinic may use the health information" in html
    assert "In an emergency call 999" in html
    assert demo_form.to_address


def test_a_visitor_can_request_an_appointment_on_the_demo_site(
    demo_form, client, clock, mailoutbox
):
    visitor = Visitor(client, demo_form, clock)
    visitor.open(reason="appointment")
    response = visitor.send(
        {
            "your_name": "Ada Patient",
            "email_address": "ada@example.com",
            "phone_number": "",
            "reason_for_contacting_us": "Book an appointment",
            "your_message": "Could I have an appointment about my back pain?",
            "health_consent": "on",
        }
    )
    assert response.status_code == 302
    assert Enquiry.objects.get().get_data()["reason_for_contacting_us"] == (
        "Book an appointment"
    )
    [notification] = mailoutbox
    assert "back pain" not in notification.body
