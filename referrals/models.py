"""The "Refer a patient" page: a form for clinicians, built like the contact
form (``contact.models.EnquiryFormPage``), so staff edit its fields in the
admin and it shares the contact form's spam checks, rate limit, encrypted
storage, inbox, audit trail, retention and forms API.

What it adds: two field types for staff to use, a professional registration
number (GMC, NMC or HCPC, ``contact/registration.py``) and a document upload
for the referral letter (PDF or Word, at most 10 MB, checked by content and
by the malware scanner if one is configured, kept encrypted in private
storage: ``enquiries/uploads.py``, ``enquiries/files.py``); words for a
referrer rather than a patient; and a confirmation email, on by default,
that gives the reference and repeats none of the patient's details.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from contact.location_field import FIELD_TYPE_CHOICE as LOCATION_CHOICE
from contact.models import EnquiryFormField, EnquiryFormPage

REFERRAL_FIELD_CHOICES = [
    *FORM_FIELD_CHOICES,
    LOCATION_CHOICE,
    ("registration", "Registration number (GMC, NMC or HCPC)"),
    ("document", "Letter upload (PDF or Word)"),
]

DEFAULT_REFERRAL_CONSENT_TEXT = (
    "I confirm that the patient has agreed to be referred to the clinic, and "
    "to the clinic using the health information in this referral to assess "
    "them and arrange their care."
)


class ReferralFormField(EnquiryFormField):
    """One field of a referral page's form."""

    page = ParentalKey(
        "ReferralPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(
        verbose_name="field type",
        max_length=16,
        choices=REFERRAL_FIELD_CHOICES,
        help_text="What the referrer gives. 'Registration number' takes a GMC, "
        "NMC or HCPC number and checks its format; 'Letter upload' takes one "
        "PDF or Word file of up to 10 MB, kept encrypted and downloadable "
        "only by enquiry handlers.",
    )
    field_type.required_on_save = True


class ReferralPage(EnquiryFormPage):
    """'Refer a patient': the referral form for GPs and hospital clinicians."""

    # The referrer's consent wording and confirmation differ from a
    # patient's: these replace the contact page's defaults.
    health_consent_text = models.TextField(
        "Consent wording",
        max_length=500,
        default=DEFAULT_REFERRAL_CONSENT_TEXT,
        help_text="The words next to the tick box the referrer must tick: "
        "that the patient agreed to the referral and to the clinic using "
        "their health information.",
    )
    send_confirmation_email = models.BooleanField(
        "Email the referrer a confirmation",
        default=True,
        help_text="Sends the referrer the referral's reference number at the "
        "address in the form's first email field (put the referrer's email "
        "before any other). It never repeats the patient's details.",
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    template = "contact/contact_page.html"
    landing_page_template = "contact/contact_page_landing.html"

    send_button_label = "Send referral"
    sent_heading = "Referral sent"
    sent_text = "We have received your referral."
    confirmation_subject = "We have received your referral"
    confirmation_template = "referrals/emails/referrer_confirmation.txt"
    consent_message = (
        "Tick this box to confirm that the patient has agreed to this referral. "
        "If they have not yet, please ask them before you refer."
    )

    class Meta:
        verbose_name = "referral page"
