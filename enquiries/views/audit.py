"""The "Enquiry audit" report (Reports menu): who did what with which
enquiry, and when; never what an enquiry says.

Superusers only: the trail watches the people who handle enquiries, so they
do not read (or learn their colleagues' habits from) it; the clinic's data
protection lead, a superuser, does. Built on Wagtail's ``ReportView``: its
filters, pagination and CSV/XLSX export.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry

from ..audit import ACTIONS
from ..display import DATETIME_FORMAT
from ..links import NAMESPACE
from ..models import Enquiry, Status
from ..spreadsheet import neutralise

ACTION_PREFIX = "enquiries."


def enquiry_log_entries():
    return ModelLogEntry.objects.filter(action__startswith=ACTION_PREFIX)


class EnquiryAuditFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label="Action",
        empty_label="Any action",
        choices=[(action, label) for action, (label, _message) in ACTIONS.items()],
    )
    user = django_filters.ModelChoiceFilter(
        label="Who",
        empty_label="Anyone",
        queryset=lambda request: (
            get_user_model()
            .objects.filter(
                pk__in=enquiry_log_entries().order_by().values("user_id").distinct()
            )
            .order_by(get_user_model().USERNAME_FIELD)
        ),
    )
    timestamp = django_filters.DateFromToRangeFilter(
        label="Date", widget=DateRangePickerWidget
    )
    enquiry = django_filters.NumberFilter(
        label="Enquiry number", method="filter_enquiry", min_value=1
    )

    class Meta:
        model = ModelLogEntry
        fields = []

    def filter_enquiry(self, queryset, name, value):
        return queryset.filter(
            content_type__app_label="enquiries",
            content_type__model="enquiry",
            object_id=str(int(value)),
        )


def when(entry):
    return format_date(timezone.localtime(entry.timestamp), DATETIME_FORMAT)


def what(entry):
    label = ACTIONS.get(entry.action, (entry.action, ""))[0]
    data = entry.data or {}
    if entry.action == "enquiries.export" and data.get("count"):
        return f"{label} ({data.get('format', '').upper()}, {data['count']} in all)"
    if entry.action == "enquiries.status" and data.get("to"):
        return f"{label} to {_status_label(data['to'])}"
    return label


def _status_label(value):
    try:
        return Status(value).label
    except ValueError:
        return value


def which(entry):
    """ "Enquiry 17", or what the entry is about if not one enquiry."""
    return entry.label


class EnquiryAuditReportView(ReportView):
    page_title = "Enquiry audit"
    header_icon = "history"
    filterset_class = EnquiryAuditFilterSet
    index_url_name = "enquiry_audit_report"
    index_results_url_name = "enquiry_audit_report_results"
    default_ordering = None
    verbose_name = "entry"
    verbose_name_plural = "entries"
    list_export = ["when", "who", "what", "which"]
    export_headings = {
        "when": "When",
        "who": "Who",
        "what": "What",
        "which": "Enquiry",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            enquiry_log_entries()
            .select_related("user", "content_type")
            .order_by("-timestamp", "-pk")
        )

    def get_filename(self):
        return f"enquiry-audit-{timezone.localdate():%Y-%m-%d}"

    @property
    def columns(self):
        return [
            Column("when", label="When", accessor=when),
            Column("who", label="Who", accessor="user_display_name"),
            Column("what", label="What", accessor=what),
            TitleColumn("which", label="Enquiry", accessor=which, get_url=self.link),
        ]

    def link(self, entry):
        is_enquiry = (
            entry.content_type_id and entry.content_type.model_class() is Enquiry
        )
        if is_enquiry and entry.object_id in self.existing:
            return reverse(f"{NAMESPACE}:edit", args=[entry.object_id])
        return None

    def decorate_paginated_queryset(self, object_list):
        entries = list(object_list)
        if self.is_export:
            return entries  # no links in a spreadsheet
        ids = [entry.object_id for entry in entries if entry.object_id.isdigit()]
        # One query for the page: which enquiries still exist to link to.
        self.existing = {
            str(pk)
            for pk in Enquiry.objects.filter(pk__in=ids).values_list("pk", flat=True)
        }
        return entries

    def to_row_dict(self, item):
        return {
            "when": when(item),
            "who": item.user_display_name,
            "what": what(item),
            "which": which(item),
        }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value
