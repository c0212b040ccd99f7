"""What the forms API says about a form: the schemas of its answers, and the
description of a contact page's form, built from the form class the HTML page
renders (so the two cannot differ).
"""

import django.forms
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from ninja import Field, Schema
from wagtail.api.utils import get_full_url
from wagtail.rich_text import expand_db_html

from enquiries import files
from home.models import ClinicSettings

from .forms import ANSWER_FIELD, CONSENT_FIELD, HONEYPOT_FIELD, TOKEN_FIELD
from .spam import form_max_age, min_fill_seconds


class Choice(Schema):
    value: str
    label: str


class FormField(Schema):
    name: str
    label: str
    type: str = Field(
        description="The field type staff chose: singleline, multiline, email, "
        "number, url, checkbox, checkboxes, dropdown, multiselect, radio, date, "
        "datetime, hidden, location (a drop-down whose `choices` are the "
        "clinic's live locations; send one choice's `value`), registration (a "
        "GMC, NMC or HCPC number) or document (a PDF or Word file of at most "
        "`max_bytes`: send the form as multipart/form-data)."
    )
    required: bool
    choices: list[Choice] = []
    help_text: str = ""
    default: str | bool | list[str] | None = None
    autocomplete: str | None = None
    input_mode: str | None = None
    max_length: int | None = None
    accept: str | None = Field(
        None, description="For a document: the file types taken (as HTML's accept)."
    )
    max_bytes: int | None = Field(
        None, description="For a document: the largest file taken, in bytes."
    )


class Consent(Schema):
    name: str
    text: str


class Question(Schema):
    name: str
    text: str


class Token(Schema):
    name: str
    value: str


class Honeypot(Schema):
    name: str
    label: str


class FormDescription(Schema):
    id: int
    title: str
    html_url: str | None
    submissions_url: str
    intro: str
    care_message: str
    thank_you_text: str
    fields: list[FormField]
    consent: Consent | None
    question: Question | None
    token: Token
    honeypot: Honeypot
    min_fill_seconds: int
    token_max_age: int


class SubmissionCreated(Schema):
    id: int
    reference: str = Field(
        description="The enquiry's reference, for the sender to quote."
    )
    thank_you_text: str


class FormErrors(Schema):
    errors: dict[str, list[str]]
    question: Question | None = None
    token: Token | None = None


class RateLimited(Schema):
    errors: dict[str, list[str]]
    retry_after: int


def _widget_attr(field, name):
    return field.widget.attrs.get(name) or None


def _default(field, initial):
    value = initial if initial is not None else field.initial
    if isinstance(field, django.forms.BooleanField):
        return bool(value) and str(value).lower() not in ("false", "off", "0")
    if value in (None, "", []):
        return None
    if isinstance(value, bool | str):
        return value
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)


def describe_field(name, field, field_type, initial=None):
    choices = [
        Choice(value=str(value), label=str(label))
        for value, label in getattr(field, "choices", [])
        if value != ""
    ]
    return FormField(
        name=name,
        label=str(field.label or ""),
        type=field_type,
        required=field.required,
        choices=choices,
        help_text=str(field.help_text or ""),
        default=_default(field, initial),
        autocomplete=_widget_attr(field, "autocomplete"),
        input_mode=_widget_attr(field, "inputmode"),
        max_length=getattr(field, "max_length", None),
        accept=_widget_attr(field, "accept"),
        max_bytes=files.max_bytes() if field_type == "document" else None,
    )


def question_of(form):
    if ANSWER_FIELD not in form.fields:
        return None
    return Question(name=ANSWER_FIELD, text=str(form.fields[ANSWER_FIELD].label))


def submissions_url(request, page):
    path = reverse("wagtailapi_v3:form_submissions", args=[page.pk])
    return get_full_url(request, path)


def describe_form(request, page):
    """The form as the HTML page renders it, from the same form class."""
    form = page.get_form(page=page, user=AnonymousUser())
    staff_fields = {
        field.clean_name or field.get_field_clean_name(): field
        for field in page.get_form_fields()
    }
    fields = []
    for name in form.staff_field_names:
        definition = staff_fields[name]
        described = describe_field(
            name, form.fields[name], definition.field_type, form.initial.get(name)
        )
        # The form escapes help text for HTML; a front end gets it as typed.
        described.help_text = definition.help_text
        fields.append(described)
    consent = None
    if CONSENT_FIELD in form.fields:
        consent_field = form.fields[CONSENT_FIELD]
        fields.append(describe_field(CONSENT_FIELD, consent_field, "checkbox"))
        consent = Consent(name=CONSENT_FIELD, text=page.health_consent_text)
    question = question_of(form)
    if question is not None:
        fields.append(
            describe_field(ANSWER_FIELD, form.fields[ANSWER_FIELD], "singleline")
        )
    clinic = ClinicSettings.load(request_or_site=request)
    return FormDescription(
        id=page.pk,
        title=page.title,
        html_url=page.get_full_url(request),
        submissions_url=submissions_url(request, page),
        intro=expand_db_html(page.intro),
        care_message=expand_db_html(page.care_message_html(clinic)),
        thank_you_text=expand_db_html(page.thank_you_text),
        fields=fields,
        consent=consent,
        question=question,
        token=Token(name=TOKEN_FIELD, value=form.initial[TOKEN_FIELD]),
        honeypot=Honeypot(
            name=HONEYPOT_FIELD, label=str(form.fields[HONEYPOT_FIELD].label)
        ),
        min_fill_seconds=min_fill_seconds(),
        token_max_age=form_max_age(),
    )
