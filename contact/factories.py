"""Test factories for contact pages (used by the test suite only)."""

import factory
import wagtail_factories

from .models import ContactFormField, ContactPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Contact us"
    slug = "contact"
    intro = "<p>Ask us anything.</p>"
    thank_you_text = "<p>Thank you, we will reply soon.</p>"
    to_address = "enquiries@clinic.invalid"
    from_address = "website@clinic.invalid"
    subject = "New enquiry"

    class Meta:
        model = ContactPage


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = ContactFormField
