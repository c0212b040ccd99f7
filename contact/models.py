"""Contact and appointment forms, built on Wagtail's form builder.

Staff add, remove, relabel and reorder the fields in the admin; every
submission is stored as a Wagtail ``FormSubmission`` and listed in the
admin's Forms section (CSV and XLSX export), for enquiry handlers only.

A POST goes through ``submissions.submit``, shared with the forms API:
checks (``forms.ContactForm``: consent, the sum, honeypot, minimum time) ->
rate limit per client IP (``spam.SubmissionRateLimit``) -> stored -> emails
queued as background tasks (``tasks``); then a redirect to the thank-you view
(Post/Redirect/Get), so refreshing never sends twice.
"""

import json

from django.apps import apps
from django.core import signing
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from enquiries import vault
from enquiries.files import store as store_file
from enquiries.models import Enquiry
from enquiries.references import new_reference
from home.models import BasePage, ClinicSettings
from home.panels import InlinePanel

from .api_fields import CareMessageField, FormLinksField
from .forms import (
    CONSENT_FIELD,
    REASON_FIELD_TYPES,
    ContactFormBuilder,
    ContactPageAdminForm,
)
from .forms import MESSAGES as FORM_MESSAGES
from .location_field import FIELD_TYPE_CHOICE
from .panels import ContactSubmissionsPanel
from .submissions import Outcome, submit
from .tasks import queue_submission_emails

DEFAULT_CONSENT_TEXT = (
    "I agree that the clinic may use the health information I give in this "
    "form to reply to me and, if I ask for one, to arrange an appointment."
)
DEFAULT_CARE_MESSAGE = (
    "<p>This form is not for emergencies or urgent medical advice. "
    "<b>In an emergency, call your local emergency number.</b></p>"
)
# What a visitor who leaves the consent box unticked is told.
CONSENT_MESSAGE = FORM_MESSAGES["consent"]
SENT_SALT = "contact.sent"
SENT_MAX_AGE = 24 * 60 * 60


class EnquiryFormField(AbstractFormField):
    """One field of a form page's form, as staff set it up."""

    # Wagtail's types plus "Location", whose choices are the live location
    # pages (contact/location_field.py).
    field_type = models.CharField(
        verbose_name="field type",
        max_length=16,
        choices=[*FORM_FIELD_CHOICES, FIELD_TYPE_CHOICE],
        help_text="What the visitor gives. 'Location' offers the live location "
        "pages as a drop-down, and tells the chosen location's email of the "
        "enquiry.",
    )
    field_type.required_on_save = True
    is_reason = models.BooleanField(
        "Reason for the enquiry",
        default=False,
        help_text="Tick on the one radio-button or drop-down question that "
        "says what the enquiry is about (such as 'Book an appointment'). The "
        "enquiry inbox sorts and filters by its answer, which is stored "
        "unencrypted: never use it for a condition or symptom.",
    )

    panels = [*AbstractFormField.panels, FieldPanel("is_reason")]

    class Meta(AbstractFormField.Meta):
        abstract = True


class ContactFormField(EnquiryFormField):
    """One field of a contact page's form."""

    page = ParentalKey(
        "ContactPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class EnquiryFormPage(BasePage, AbstractEmailForm):
    """What every form page visitors send enquiries through shares: the
    fields staff build, the consent, the spam checks, encrypted storage, the
    emails and the thank-you page with the enquiry's reference.

    ``ContactPage`` and ``referrals.ReferralPage`` are its two kinds; each
    has its own form fields (a ``ParentalKey`` named ``form_fields``).
    """

    # Words the visitor sees, per kind of form page.
    send_button_label = "Send"
    sent_heading = "Message sent"
    sent_text = "We have received your message."
    confirmation_subject = "We have received your message"
    confirmation_template = "contact/emails/visitor_confirmation.txt"
    consent_message = CONSENT_MESSAGE

    class Meta:
        abstract = True

    intro = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="Shown above the form: what the form is for and how soon the "
        "clinic replies.",
    )
    care_message = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        default=DEFAULT_CARE_MESSAGE,
        help_text="Shown with the form: that it is not for emergencies and what "
        "to do in one. Leave empty to show the emergency message from "
        "Settings > Clinic details instead.",
    )
    thank_you_text = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="Shown after a visitor sends the form: what happens next.",
    )
    asks_about_health = models.BooleanField(
        "Ask for consent to use health information",
        default=True,
        help_text="Adds a separate tick box that visitors must tick to send the "
        "form. Keep this on for any form where people may describe symptoms, "
        "conditions or treatment.",
    )
    health_consent_text = models.TextField(
        "Consent wording",
        max_length=500,
        default=DEFAULT_CONSENT_TEXT,
        help_text="The words next to the consent tick box: what the clinic will "
        "do with the health information the visitor gives.",
    )
    ask_question = models.BooleanField(
        "Ask a simple sum",
        default=True,
        help_text="Asks visitors a small sum, such as 'What is 7 plus 1?', with "
        "numbers that change each time, to keep out automated spam.",
    )
    send_confirmation_email = models.BooleanField(
        "Email the visitor a confirmation",
        default=False,
        help_text="Sends a short 'we have your message' email to the address in "
        "the form's first email field. It never repeats what they wrote.",
    )

    summary_field_name = "intro"
    subpage_types = []
    form_builder = ContactFormBuilder
    base_form_class = ContactPageAdminForm

    content_panels = [
        *Page.content_panels,
        ContactSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("care_message"),
        InlinePanel(
            "form_fields",
            label="Form field",
            heading="Form fields",
            item_heading="label",
        ),
        MultiFieldPanel(
            [FieldPanel("asks_about_health"), FieldPanel("health_consent_text")],
            heading="Health information",
        ),
        MultiFieldPanel([FieldPanel("ask_question")], heading="Spam protection"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(
                            "from_address",
                            help_text="Address emails are sent from; empty for "
                            "the site's default.",
                        ),
                        FieldPanel(
                            "to_address",
                            help_text="Who is told of a new submission (the "
                            "email has a link to it, not what was written); "
                            "separate several addresses with commas.",
                        ),
                    ]
                ),
                FieldPanel("subject", help_text="Subject of the notification."),
                FieldPanel("send_confirmation_email"),
            ],
            heading="Emails",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    # What the JSON APIs show; never the form's addresses or its submissions.
    # The form itself is read and sent through the forms API (contact/api.py).
    api_fields = [
        APIField("intro"),
        APIField("care_message", serializer=CareMessageField()),
        APIField("thank_you_text"),
        APIField("form", serializer=FormLinksField()),
    ]

    # What the form asks and stores ------------------------------------------

    def get_data_fields(self):
        """Columns of the submissions listing and export."""
        data_fields = super().get_data_fields()
        if self.asks_about_health:
            data_fields.append((CONSENT_FIELD, "Consent to use health information"))
        return data_fields

    def get_submissions_list_view_class(self):
        """The listing and export, writing no cell a spreadsheet would run.

        Imported here, as Wagtail does, because the admin views need the app
        registry ready."""
        from .exports import SafeSubmissionsListView

        return SafeSubmissionsListView

    def visitor_email_field_name(self):
        """The first email field's name: where the visitor's address is."""
        for field in self.get_form_fields():
            if field.field_type == "email":
                return field.clean_name or field.get_field_clean_name()
        return None

    def visitor_email(self, submission):
        if not submission.is_readable:
            # No key opens it: there is no address to write to.
            return ""
        name = self.visitor_email_field_name()
        return (submission.get_data().get(name) or "").strip() if name else ""

    def care_message_html(self, clinic=None):
        """The care message to show: the page's own, else the clinic's
        emergency message, else the default."""
        if self.care_message:
            return self.care_message
        if clinic is not None and clinic.emergency_message:
            return clinic.emergency_message
        return DEFAULT_CARE_MESSAGE

    def initial_from_query(self, request):
        """Preselect a choice from ``?reason=``, e.g. ``?reason=appointment``
        from the home page's "Book an appointment" button: the first radio or
        drop-down choice containing that word. Anything else is ignored."""
        reason = request.GET.get("reason", "")[:30].strip().lower()
        if not reason.isalpha():
            return {}
        builder = self.form_builder([])
        for field in self.get_form_fields():
            if field.field_type not in ("radio", "dropdown"):
                continue
            for value, _label in builder.get_formatted_field_choices(field):
                if reason in value.lower():
                    return {field.clean_name: value}
        return {}

    def reason_field(self):
        """The question whose answer is an enquiry's reason: the field staff
        ticked as the reason, if it takes one choice; else None."""
        for field in self.get_form_fields():
            if field.is_reason and field.field_type in REASON_FIELD_TYPES:
                return field
        return None

    def reason_of(self, form):
        """The visitor's answer to the reason question, as stored in the
        inbox's plain column ("" when there is none)."""
        field = self.reason_field()
        if field is None:
            return ""
        name = field.clean_name or field.get_field_clean_name()
        value = form.cleaned_data.get(name)
        return value.strip()[:255] if isinstance(value, str) else ""

    def get_submission_class(self):
        """Encrypted at rest, with the labels and consent wording as shown."""
        return Enquiry

    def process_form_submission(self, form):
        """Store the submission first, then queue its emails (never send here)."""
        submission = self.get_submission_class().objects.create(
            form_data=form.submission_data(),
            page=self,
            field_labels={
                (field.clean_name or field.get_field_clean_name()): field.label
                for field in self.get_form_fields()
            },
            consent_text=self.health_consent_text if self.asks_about_health else "",
            reason=self.reason_of(form),
        )
        for name, checked in form.checked_files():
            store_file(submission, name, checked.data, checked.kind)
        queue_submission_emails(self, submission)
        return submission

    # Serving -----------------------------------------------------------------

    def thank_you_url(self, request, reference):
        """The thank-you page, saying the enquiry's reference. The marker is
        encrypted (``vault``), not only signed: nobody can make the page show
        another reference, and access logs, browser history and analytics,
        which keep the URL, cannot read it."""
        marker = vault.encrypt_text(json.dumps({"p": self.pk, "r": reference}))
        return f"{self.get_url(request)}?sent={marker}"

    def sent_reference(self, request):
        """The reference of the enquiry just sent, from the thank-you URL;
        None if this is not a genuine thank-you request for this page."""
        marker = request.GET.get("sent")
        if not marker:
            return None
        try:
            sent = json.loads(vault.decrypt_text(marker, ttl=SENT_MAX_AGE))
        except (vault.UnreadableEnquiry, ValueError):
            return self._thank_you_before_references(marker)
        if not isinstance(sent, dict) or sent.get("p") != self.pk:
            return None
        return str(sent.get("r") or "")

    def _thank_you_before_references(self, marker):
        """A thank-you link made before references (a signed page id), for a
        day after the upgrade: the page, without a reference. Remove once no
        such link can still be valid."""
        try:
            page_pk = signing.loads(marker, salt=SENT_SALT, max_age=SENT_MAX_AGE)
        except signing.BadSignature:
            return None
        return "" if page_pk == self.pk else None

    def render_landing_page(
        self, request, form_submission=None, *args, reference=None, **kwargs
    ):
        """The thank-you page; ``reference`` as ``serve`` read it from the
        URL (none in the editor's preview)."""
        response = super().render_landing_page(
            request, form_submission, *args, **kwargs
        )
        response.context_data["reference"] = reference
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        clinic = ClinicSettings.load(request_or_site=request)
        context["clinic"] = clinic
        context["care_message"] = self.care_message_html(clinic)
        return context

    def render_form(self, request, form, status=200, **extra):
        context = self.get_context(request)
        context["form"] = form
        context.update(extra)
        return TemplateResponse(
            request, self.get_template(request), context, status=status
        )

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_post(request)
        reference = self.sent_reference(request)
        if reference is not None:
            response = self.render_landing_page(request, reference=reference)
            add_never_cache_headers(response)
            return response
        form = self.get_form(
            page=self, user=request.user, initial=self.initial_from_query(request)
        )
        response = self.render_form(request, form)
        # Each visit gets its own arithmetic question and CSRF token: never
        # keep the form in a page cache or the browser's.
        add_never_cache_headers(response)
        return response

    def serve_post(self, request):
        # The checks, the rate limit and storing are shared with the forms API.
        result = submit(self, request, request.POST, request.FILES)
        if result.outcome in (Outcome.STORED, Outcome.ROBOT):
            # A robot's post looks like success, so it learns nothing: it
            # gets a reference too, of an enquiry that was never stored.
            reference = (
                result.submission.reference if result.submission else new_reference()
            )
            response = redirect(self.thank_you_url(request, reference))
        else:
            result.form.prepare_for_redisplay()
            extra = {}
            if result.outcome is Outcome.RATE_LIMITED:
                extra = {
                    "status": 429,
                    "rate_limited": True,
                    "rate_limit_minutes": result.retry_after_minutes,
                }
            response = self.render_form(request, result.form, **extra)
            if result.outcome is Outcome.RATE_LIMITED:
                response["Retry-After"] = str(result.retry_after)
        add_never_cache_headers(response)
        return response


class ContactPage(EnquiryFormPage):
    """'Ask a question or book an appointment': a form staff edit in the admin."""

    parent_page_types = ["home.HomePage"]


def enquiry_form_page_models():
    """Every kind of page visitors send enquiries through (contact and
    referral pages), for the forms API."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, EnquiryFormPage) and not model._meta.abstract
    ]
