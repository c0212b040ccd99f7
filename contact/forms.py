"""The public contact form: staff's fields plus consent, the sum and a honeypot.

Wagtail's ``FormBuilder`` turns the fields staff set up into a Django form;
``ContactFormBuilder`` builds it on ``ContactForm``, which adds the fields the
clinic always needs (health consent, the arithmetic question, the honeypot and
the signed token) and checks them. Staff fields get ``autocomplete`` hints
from their type and name, so browsers can fill in name, email and phone.
"""

import django.forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from enquiries.uploads import MESSAGES as UPLOAD_MESSAGES
from enquiries.uploads import CheckedFile, DocumentUploadField
from enquiries.uploads import scan as scan_upload

from . import spam
from .fields import (
    MULTI_LINE_MAX_LENGTH,
    SINGLE_LINE_MAX_LENGTH,
    MultiLineField,
    TickBoxField,
    capped,
    takes_one_value,
)
from .location_field import location_field
from .registration import RegistrationNumberField
from .spam import Challenge, ChallengeError, ChallengeExpired, min_fill_seconds

TOKEN_FIELD = "cf_token"  # noqa: S105 - a field name, not a secret
ANSWER_FIELD = "cf_answer"
HONEYPOT_FIELD = "cf_website"
CONSENT_FIELD = "health_consent"
# Names staff fields must not take (a field labelled "Health consent" would
# otherwise overwrite the built-in tick box in the stored data).
RESERVED_NAMES = {TOKEN_FIELD, ANSWER_FIELD, HONEYPOT_FIELD, CONSENT_FIELD}
# Questions that take one answer from a fixed list: the only kinds whose
# answer can be an enquiry's reason (a category, never free text).
REASON_FIELD_TYPES = ("radio", "dropdown")

# Autocomplete tokens (WCAG 1.3.5) for fields whose name says whose detail it
# is: only the visitor's own, so "GP's phone number" is not filled with theirs.
NAME_TOKENS = {
    "name": "name",
    "your_name": "name",
    "full_name": "name",
    "your_full_name": "name",
    "first_name": "given-name",
    "given_name": "given-name",
    "forename": "given-name",
    "last_name": "family-name",
    "family_name": "family-name",
    "surname": "family-name",
}
PHONE_NAMES = {
    "phone",
    "phone_number",
    "your_phone",
    "your_phone_number",
    "telephone",
    "telephone_number",
    "mobile",
    "mobile_number",
    "mobile_phone",
    "contact_number",
}

MESSAGES = {
    "wrong_answer": _(
        "That is not the right answer. We have changed the numbers: please "
        "answer the new question."
    ),
    "no_answer": _("Enter the answer to the question, as a number."),
    "not_a_number": _("Enter the answer as a number, for example 10."),
    "new_question": _("Please answer this new question."),
    "expired": _(
        "This form was open for a long time, so for your security we need you to "
        "send it again. Everything you typed is still here."
    ),
    "broken": _(
        "Something went wrong with the form. Please check your answers and send "
        "it again."
    ),
    # A token is single-use (contact/spam.py): the form was sent twice, e.g.
    # by a double click, or someone replays a solved one.
    "spent": _(
        "We have already received this form once. To send another message, "
        "please answer the new question and send it again. Everything you "
        "typed is still here."
    ),
    "too_fast": _(
        "That was quicker than we expected. Please check your answers and send "
        "the form again."
    ),
    "consent": _(
        "Tick this box so that we can use the health information you give us. "
        "If you would rather not, please phone us instead."
    ),
    "one_value": _("Please give just one answer here."),
    "choose_one": _("Please choose one of the answers."),
    "not_a_choice": _(
        "That is not one of the answers we can take. Please choose one of them."
    ),
}

# A drop-down's first, empty option: browsers otherwise show (and send) its
# first real answer, so a patient who skipped it would be recorded as having
# chosen, say, the first clinic. With ``required`` on the <select>, this is
# the placeholder option HTML expects.
PLEASE_CHOOSE = _("Please choose…")


def autocomplete_token(field_type, clean_name, first_email):
    """The ``autocomplete`` value for a staff field, or None."""
    if field_type == "email":
        return "email" if first_email else None
    if field_type != "singleline":
        return None
    if clean_name in NAME_TOKENS:
        return NAME_TOKENS[clean_name]
    if clean_name in PHONE_NAMES:
        return "tel"
    return None


class ContactForm(BaseForm):
    """Staff's fields, then consent, the sum, a honeypot and the signed token.

    Bound forms read the posted token in ``clean()``; after a failed check,
    ``prepare_for_redisplay()`` writes a new token (and a new question if the
    answer was wrong) into the data, keeping everything the visitor typed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff_field_names = [
            name for name in self.fields if name not in RESERVED_NAMES
        ]
        self.tripped_honeypot = False
        self.keep_answer = True
        self.posted_challenge = None
        self.token_problem = None  # or the ChallengeError the token raised
        page = self.page

        if page.asks_about_health:
            # Ticked only by the box's own value: "no" or "0" is not consent.
            self.fields[CONSENT_FIELD] = TickBoxField(
                label=page.health_consent_text,
                required=True,
                error_messages={
                    "required": page.consent_message,
                    "invalid": page.consent_message,
                },
            )
            # The error summary names a field before its message; the full
            # consent wording is too long for that.
            self.fields[CONSENT_FIELD].summary_label = _("Consent")

        if self.is_bound:
            try:
                self.posted_challenge = Challenge.from_token(
                    self.data.get(TOKEN_FIELD), page.pk
                )
            except ChallengeError as problem:
                self.token_problem = problem
            self.next_challenge = self.posted_challenge or Challenge.new(
                page.ask_question
            )
        else:
            self.next_challenge = Challenge.new(page.ask_question)

        if page.ask_question:
            self.fields[ANSWER_FIELD] = django.forms.CharField(
                label=self._question_label(),
                help_text=_("This helps us keep out automated messages."),
                required=True,
                error_messages={"required": MESSAGES["no_answer"]},
                max_length=6,
                widget=django.forms.TextInput(
                    attrs={"inputmode": "numeric", "autocomplete": "off"}
                ),
            )
            self.fields[ANSWER_FIELD].summary_label = _("The sum")
        self.fields[HONEYPOT_FIELD] = django.forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=django.forms.TextInput(
                attrs={"tabindex": "-1", "autocomplete": "off"}
            ),
        )
        self.fields[TOKEN_FIELD] = django.forms.CharField(
            required=False, widget=django.forms.HiddenInput
        )
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = self.next_challenge.to_token(page.pk)

    def _question_label(self):
        challenge = self.next_challenge
        if not challenge.asks_question:
            challenge = self.next_challenge = challenge.with_new_question()
        return challenge.question

    # Which fields the template shows where -------------------------------

    def visitor_fields(self):
        """Bound fields a visitor sees, in order (not the honeypot or token)."""
        return [
            field
            for field in self.visible_fields()
            if field.name not in (HONEYPOT_FIELD, TOKEN_FIELD)
        ]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def submission_data(self):
        """What is stored: staff fields, plus the consent when it was asked.
        A file is stored apart (``checked_files``); its answer says what it
        is ("PDF document, 245 KB")."""
        data = {}
        for name in self.staff_field_names:
            value = self.cleaned_data.get(name)
            data[name] = value.describe() if isinstance(value, CheckedFile) else value
        if CONSENT_FIELD in self.fields:
            data[CONSENT_FIELD] = bool(self.cleaned_data.get(CONSENT_FIELD))
        return data

    def checked_files(self):
        """``(field name, CheckedFile)`` for each file the visitor attached."""
        return [
            (name, value)
            for name, value in self.cleaned_data.items()
            if isinstance(value, CheckedFile)
        ]

    # Checks -------------------------------------------------------------

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_several_values()
        if cleaned_data.get(HONEYPOT_FIELD):
            self.tripped_honeypot = True
            raise ValidationError(MESSAGES["broken"], code="honeypot")

        if isinstance(self.token_problem, ChallengeExpired):
            self._restart(MESSAGES["expired"], code="expired", backdate=True)
            return cleaned_data
        if self.token_problem is not None:
            self._restart(MESSAGES["broken"], code="bad_token")
            return cleaned_data
        challenge = self.posted_challenge
        if spam.is_spent(challenge):
            # Checked again, atomically, when storing (``refuse_spent_token``).
            self.refuse_spent_token()
            return cleaned_data

        if challenge.seconds_since_rendered() < min_fill_seconds():
            self.add_error(None, ValidationError(MESSAGES["too_fast"], code="too_fast"))

        if self.page.ask_question:
            self._check_answer(challenge, cleaned_data.get(ANSWER_FIELD, ""))
        if not self.errors:
            # Last, and only for a form a person filled in correctly: the
            # malware scanner is the one check that costs.
            self._scan_files()
        return cleaned_data

    def _scan_files(self):
        for name, checked in self.checked_files():
            try:
                scan_upload(checked)
            except ValidationError as refused:
                self.add_error(name, refused)

    def _check_answer(self, challenge, answer):
        answer = (answer or "").strip()
        if not challenge.asks_question:
            # Staff switched the question on after this form was rendered.
            self.keep_answer = False
            self._ask_new_question()
        elif ANSWER_FIELD in self.errors or not answer:
            return  # left empty: "required" has said so; same question again
        elif not answer.isdecimal():  # isdigit() lets "²" through to int()
            self.add_error(ANSWER_FIELD, ValidationError(MESSAGES["not_a_number"]))
        elif not challenge.is_answered_by(int(answer)):
            self.keep_answer = False
            self.next_challenge = challenge.with_new_question()
            self.add_error(
                ANSWER_FIELD,
                ValidationError(MESSAGES["wrong_answer"], code="wrong_answer"),
            )

    def _restart(self, message, code, backdate=False):
        """A new token and question; what the visitor typed stays."""
        rendered_at = None
        if backdate:
            # They have clearly spent long enough on the form already.
            rendered_at = int(spam.now()) - min_fill_seconds()
        self.next_challenge = Challenge.new(
            self.page.ask_question, rendered_at=rendered_at
        )
        self.keep_answer = False
        self.add_error(None, ValidationError(message, code=code))
        if self.page.ask_question:
            self._ask_new_question()

    def refuse_spent_token(self):
        """The posted token was used already: a new one (and question), with
        everything the visitor typed kept."""
        self._restart(MESSAGES["spent"], code="spent_token")

    def _ask_new_question(self):
        if ANSWER_FIELD not in self.errors:
            self.add_error(ANSWER_FIELD, MESSAGES["new_question"])

    def _refuse_several_values(self):
        """A single-answer field posted several times is an error, not a pick.

        Django would quietly keep the last value; a visitor's own browser
        never sends two, so say so at the field (or, for the hidden fields,
        for the whole form) rather than store one of them.
        """
        getlist = getattr(self.data, "getlist", None)
        if getlist is None:
            return
        visitor_names = {field.name for field in self.visitor_fields()}
        for name, field in self.fields.items():
            if not takes_one_value(field) or len(getlist(name)) < 2:
                continue
            if name not in visitor_names:
                self.add_error(None, ValidationError(MESSAGES["broken"]))
            elif name not in self.errors:
                error = ValidationError(MESSAGES["one_value"], code="several_values")
                self.add_error(name, error)

    def failed_check(self, code):
        """Whether a form-wide check (e.g. "too_fast") failed, for the log."""
        return any(error.code == code for error in self.non_field_errors().as_data())

    def prepare_for_redisplay(self):
        """Put the next token (and question) into the form shown again.

        A browser cannot put a file back into a form, and a file is kept
        only once the whole form is sent: the visitor is asked, at the
        field, to attach it again."""
        for name, _checked in self.checked_files():
            self.add_error(name, ValidationError(UPLOAD_MESSAGES["attach_again"]))
        data = self.data.copy()
        data[TOKEN_FIELD] = self.next_challenge.to_token(self.page.pk)
        if ANSWER_FIELD in self.fields:
            label = self._question_label()
            self.fields[ANSWER_FIELD].label = label
            self[ANSWER_FIELD].label = label
            if not self.keep_answer:
                data[ANSWER_FIELD] = ""
        data[HONEYPOT_FIELD] = ""
        self.data = data


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder, building on ``ContactForm`` with autocomplete,
    length caps on free text and strict tick boxes."""

    def __init__(self, fields):
        super().__init__(list(fields))

    def create_singleline_field(self, field, options):
        return capped(
            django.forms.CharField, SINGLE_LINE_MAX_LENGTH, show_hint=False, **options
        )

    def create_multiline_field(self, field, options):
        return capped(MultiLineField, MULTI_LINE_MAX_LENGTH, **options)

    def create_checkbox_field(self, field, options):
        # Ticked only by its own value, like the consent box.
        return TickBoxField(**options)

    def create_location_field(self, field, options):
        # The clinic's live locations (contact/location_field.py).
        return location_field(options)

    def create_registration_field(self, field, options):
        # A GMC, NMC or HCPC number (contact/registration.py).
        return RegistrationNumberField(**options)

    def create_document_field(self, field, options):
        # A PDF or Word file, checked and kept encrypted (enquiries/uploads.py).
        return DocumentUploadField(**options)

    # A drop-down or radio group starts with nothing chosen (unless staff set
    # a default answer), and one left unanswered gets a message that says to
    # choose, with everything else the visitor typed kept.

    def choice_options(self, field, options):
        options["error_messages"] = {
            "required": MESSAGES["choose_one"],
            "invalid_choice": MESSAGES["not_a_choice"],
        }
        return options

    def create_dropdown_field(self, field, options):
        field_object = super().create_dropdown_field(
            field, self.choice_options(field, options)
        )
        field_object.choices = [("", PLEASE_CHOOSE), *field_object.choices]
        return field_object

    def create_radio_field(self, field, options):
        return super().create_radio_field(field, self.choice_options(field, options))

    @property
    def formfields(self):
        formfields = super().formfields
        first_email = True
        for field in self.fields:
            name = field.clean_name or field.get_field_clean_name()
            hint = autocomplete_token(field.field_type, name, first_email)
            if field.field_type == "email":
                first_email = False
            widget = formfields[name].widget
            if hint:
                widget.attrs["autocomplete"] = hint
            if hint == "tel":
                widget.input_type = "tel"
        return formfields

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)


class ContactPageAdminForm(WagtailAdminFormPageForm):
    """The admin's page form: refuses staff field labels that would clash
    with the built-in consent box, question or honeypot, and a reason
    question that is not one choice from a list, or more than one of them."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        reason_fields = []
        for form in formset.forms if formset else []:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            if name in RESERVED_NAMES:
                form.add_error(
                    "label",
                    _(
                        "This label is kept for the form's built-in fields. "
                        "Please choose another, e.g. add a word to it."
                    ),
                )
            if form.cleaned_data.get("is_reason"):
                reason_fields.append(form)
        for form in reason_fields:
            if form.cleaned_data.get("field_type") not in REASON_FIELD_TYPES:
                form.add_error(
                    "is_reason",
                    _(
                        "Only radio buttons or a drop-down can be the reason: "
                        "its answer is one of the choices you write."
                    ),
                )
        for form in reason_fields[1:]:
            form.add_error(
                "is_reason",
                _("Only one question can be the reason for the enquiry."),
            )
        return cleaned_data
