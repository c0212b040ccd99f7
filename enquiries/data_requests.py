"""Data-subject rights: everything held about an email address, as JSON, and
its erasure.

Used by ``manage.py export_enquiries`` / ``erase_enquiries`` and by the
superusers' "Personal data requests" admin view (Settings menu). Each request
leaves an audit entry with counts and a keyed hash of the address, never the
address: the clinic can show that a given person's request was carried out
(recompute ``subject_hash`` for the address they give) without the log
becoming a list of patients.

Finding a person's enquiries: the address is encrypted with the rest of the
form, so every enquiry is decrypted and its answers compared. At a clinic's
volume (a few thousand rows, kept 12 months) that takes well under a second
or two, and it keeps no searchable copy of anyone's address in the database,
which a blind index column would (a second secret to manage and rotate, for
no need at this size).
"""

import datetime
import json

from django import forms
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import salted_hmac
from django.views.generic import FormView
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .bulk_log import record_many
from .models import Enquiry, EnquiryFile, EnquiryNote

HASH_SALT = "enquiries.data_requests.subject"
BATCH = 200


def normalise(address):
    return address.strip().casefold()


def subject_hash(address):
    """A keyed hash (HMAC-SHA256 with SECRET_KEY) of the address: the same for
    the same person, useless to anyone without the secret key."""
    return salted_hmac(HASH_SALT, normalise(address), algorithm="sha256").hexdigest()


class Findings:
    """The enquiries holding an address, and how many rows could not be read
    (and so could not be searched)."""

    def __init__(self, address):
        self.address = address
        self.enquiries = []
        self.unreadable = 0
        wanted = normalise(address)
        rows = Enquiry.objects.select_related("page").prefetch_related("notes")
        for enquiry in rows.order_by("submit_time", "pk").iterator(chunk_size=BATCH):
            if not enquiry.is_readable:
                self.unreadable += 1
            elif _holds(enquiry.form_data, wanted):
                self.enquiries.append(enquiry)

    @property
    def note_count(self):
        return sum(len(enquiry.notes.all()) for enquiry in self.enquiries)

    def counts(self):
        return {
            "enquiries": len(self.enquiries),
            "notes": self.note_count,
            "unreadable_not_searched": self.unreadable,
        }


def _holds(form_data, wanted):
    """Whether any answer is exactly the address (whole answers only: an
    address mentioned inside someone else's message is not theirs to get)."""
    for value in form_data.values():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and normalise(v) == wanted for v in values):
            return True
    return False


def _local(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds")


def _answers(enquiry):
    # The labels the visitor saw; today's form names any field they lack
    # (such as the consent box).
    data_fields = getattr(enquiry.page.specific, "get_data_fields", list)
    labels = {**dict(data_fields()), **(enquiry.field_labels or {})}
    return [
        {"field": name, "label": labels.get(name, name), "value": value}
        for name, value in enquiry.form_data.items()
    ]


def export_document(findings):
    """Everything held about the address, ready for ``json.dumps``."""
    return {
        "email": findings.address,
        "exported_at": _local(timezone.now()),
        "enquiries": [
            {
                "enquiry": enquiry.pk,
                "form": enquiry.page.title,
                "sent_at": _local(enquiry.submit_time),
                "status": enquiry.get_status_display(),
                "consent_wording": enquiry.consent_text or None,
                "answers": _answers(enquiry),
                "notes": [
                    {"written_at": _local(note.created_at), "text": note.text}
                    for note in enquiry.notes.all()
                ],
            }
            for enquiry in findings.enquiries
        ],
        "enquiries_that_could_not_be_read": findings.unreadable,
    }


def export(address, user=None):
    """The export document, logged as a subject access export."""
    findings = Findings(address)
    record_many(
        "enquiries.subject_export",
        user,
        {**findings.counts(), "subject_hash": subject_hash(address)},
    )
    return export_document(findings)


def erase(findings, user=None):
    """Delete the enquiries found (their notes with them); log and return the
    counts."""
    with transaction.atomic():
        _, deleted = Enquiry.objects.filter(
            pk__in=[enquiry.pk for enquiry in findings.enquiries]
        ).delete()
        counts = {
            "enquiries": deleted.get(Enquiry._meta.label, 0),
            "notes": deleted.get(EnquiryNote._meta.label, 0),
            "files": deleted.get(EnquiryFile._meta.label, 0),
            "unreadable_not_searched": findings.unreadable,
        }
        record_many(
            "enquiries.erase",
            user,
            {**counts, "subject_hash": subject_hash(findings.address)},
        )
    return counts


def json_text(document):
    return json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


# The admin view (superusers only) -------------------------------------------


class DataRequestForm(forms.Form):
    email = forms.EmailField(
        label="The person's email address",
        help_text="As they gave it in the form. Letter case and spaces around "
        "it do not matter.",
    )


class DataRequestsView(WagtailAdminTemplateMixin, FormView):
    """Find what is held about an address; download it or erase it."""

    template_name = "enquiries/data_requests/index.html"
    form_class = DataRequestForm
    page_title = "Personal data requests"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            # A plain 403 with the reason (Wagtail would turn PermissionDenied
            # into a redirect to the dashboard, which hides what happened).
            return TemplateResponse(
                request,
                self.template_name,
                {**self.get_context_data(), "forbidden": True},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        address = form.cleaned_data["email"]
        action = self.request.POST.get("action")
        if action == "erase-confirmed":
            return self.erase(address)
        if action == "erase":
            return self.render_to_response(
                self.get_context_data(
                    form=form, findings=Findings(address), confirm=True
                )
            )
        return self.download(address)

    def download(self, address):
        document = export(address, self.request.user)
        if not document["enquiries"]:
            messages.info(self.request, nothing_found_message(document))
            return redirect("enquiries_data_requests")
        response = HttpResponse(
            json_text(document), content_type="application/json; charset=utf-8"
        )
        today = datetime.date.today().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="personal-data-request-{today}.json"'
        )
        add_never_cache_headers(response)
        return response

    def erase(self, address):
        counts = erase(Findings(address), self.request.user)
        messages.success(self.request, erased_message(counts))
        return redirect("enquiries_data_requests")


def nothing_found_message(document):
    message = "No enquiry holds this address."
    if unreadable := document["enquiries_that_could_not_be_read"]:
        message += f" {unreadable} could not be decrypted and were not searched."
    return message


def erased_message(counts):
    message = (
        f"Erased {counts['enquiries']} enquir"
        f"{'y' if counts['enquiries'] == 1 else 'ies'}, {counts['notes']} "
        f"note{'' if counts['notes'] == 1 else 's'} and {counts.get('files', 0)} "
        f"file{'' if counts.get('files', 0) == 1 else 's'}."
    )
    if counts["unreadable_not_searched"]:
        message += (
            f" {counts['unreadable_not_searched']} enquiries could not be "
            "decrypted and were not searched."
        )
    return message


def admin_urls():
    return [
        path(
            "personal-data-requests/",
            DataRequestsView.as_view(),
            name="enquiries_data_requests",
        )
    ]


def settings_menu_item():
    return AdminOnlyMenuItem(
        "Personal data requests",
        reverse_lazy("enquiries_data_requests"),
        icon_name="user",
        order=900,
    )
