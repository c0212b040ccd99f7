"""Test factories for referral pages (used by the test suite only)."""

import factory
import wagtail_factories

from .models import ReferralFormField, ReferralPage


class ReferralPageFactory(wagtail_factories.PageFactory):
    title = "Refer a patient"
    slug = "refer"
    intro = "<p>For GPs and hospital clinicians.</p>"
    thank_you_text = "<p>Thank you for your referral.</p>"
    to_address = "referrals@clinic.invalid"
    from_address = "website@clinic.invalid"
    subject = "New referral"

    class Meta:
        model = ReferralPage


class ReferralFormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = ReferralFormField
