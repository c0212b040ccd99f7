"""The reason question: staff tick one single-choice question, and each
enquiry keeps its answer in a plain column the inbox filters by."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contact.models import ContactPage
from enquiries.models import Enquiry

from .conftest import VALID


def test_the_visitors_reason_is_stored_plainly(visitor):
    visitor.open()
    assert visitor.send().status_code == 302
    assert Enquiry.objects.get().reason == "Book an appointment"


def test_a_form_without_a_reason_question_stores_none(visitor, contact_page):
    contact_page.form_fields.update(is_reason=False)
    visitor.open()
    assert visitor.send().status_code == 302
    assert Enquiry.objects.get().reason == ""


def test_free_text_is_never_the_reason(visitor, contact_page):
    """Even if a text field were flagged (bypassing the admin's check)."""
    contact_page.form_fields.update(is_reason=False)
    contact_page.form_fields.filter(label="Your message").update(is_reason=True)
    visitor.open()
    assert visitor.send(dict(VALID)).status_code == 302
    assert Enquiry.objects.get().reason == ""


def edit(client, page, fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text("<p>Hello.</p>"),
        "care_message": rich_text("<p>Not for emergencies.</p>"),
        "thank_you_text": rich_text("<p>Thanks.</p>"),
        "asks_about_health": True,
        "health_consent_text": "I agree.",
        "ask_question": True,
        "to_address": "",
        "from_address": "",
        "subject": "",
        "form_fields": inline_formset(fields),
    }
    return client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data))


def test_the_admin_refuses_a_text_question_as_the_reason(
    superuser_client, contact_page
):
    response = edit(
        superuser_client,
        contact_page,
        [
            {
                "label": "Message",
                "field_type": "multiline",
                "required": True,
                "is_reason": True,
            }
        ],
    )
    assert response.status_code == 200
    assert "Only radio buttons or a drop-down can be the reason" in (
        response.content.decode()
    )


def test_the_admin_refuses_two_reasons(superuser_client, contact_page):
    choice = {"field_type": "radio", "required": True, "choices": "A\nB"}
    response = edit(
        superuser_client,
        contact_page,
        [
            {"label": "Why", "is_reason": True, **choice},
            {"label": "Which clinic", "is_reason": True, **choice},
        ],
    )
    assert response.status_code == 200
    assert "Only one question can be the reason" in response.content.decode()


def test_the_admin_accepts_one_dropdown_reason(superuser_client, contact_page):
    response = edit(
        superuser_client,
        contact_page,
        [
            {
                "label": "Why",
                "field_type": "dropdown",
                "required": True,
                "choices": "Question\nAppointment",
                "is_reason": True,
            }
        ],
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContactPage.objects.get(pk=contact_page.pk).get_latest_revision_as_object()
    assert page.reason_field().label == "Why"


def test_the_demo_form_has_its_reason_question(demo_site):
    page = ContactPage.objects.get()
    assert page.reason_field().label == "Reason for contacting us"
