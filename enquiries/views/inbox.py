"""The inbox: every form's enquiries in one list, newest first, with
filters and CSV/XLSX export of what is filtered.

Wagtail's generic ``IndexView`` does the listing, filters, pagination and
spreadsheet export; this adds the columns staff read, a fixed number of
queries per page whatever the number of enquiries (the list never decrypts:
it shows only plain columns), and exports that read like the enquiry page.
"""

from django.utils import timezone
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView

from ..audit import record_each
from ..display import answers, data, readable, received
from ..fields import UNREADABLE_TEXT
from ..filters import EnquiryFilterSet
from ..models import Enquiry, Status
from ..spreadsheet import neutralise
from ..users import display_name

PER_PAGE = 50
# What the list shows never needs what the visitor wrote.
ENCRYPTED_AND_UNSHOWN = ("form_data", "field_labels", "consent_text")

# Columns every export has, then one per question (labels as visitors saw
# them), then the consent.
EXPORT_HEADINGS = {
    "number": "Enquiry",
    "reference": "Reference",
    "received": "Received",
    "form": "Form",
    "reason": "Reason",
    "status": "Status",
    "assignee": "Assigned to",
}
CONSENT_GIVEN = "Consent given"
CONSENT_WORDING = "Consent wording"


class EnquiryIndexView(IndexView):
    filterset_class = EnquiryFilterSet
    paginate_by = PER_PAGE
    default_ordering = "-submit_time"
    page_title = "Enquiries"
    any_permission_required = ["view"]
    # The columns every export has; ``_prepare_export`` adds the questions.
    list_export = list(EXPORT_HEADINGS)

    def get_base_queryset(self):
        queryset = Enquiry.objects.select_related("page", "assignee")
        if self.is_export:
            return queryset
        return queryset.defer(*ENCRYPTED_AND_UNSHOWN)

    def order_queryset(self, queryset):
        # Enquiries sent in the same second keep one order across pages.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")

    @property
    def columns(self):
        return [
            TitleColumn(
                "number",
                label="Enquiry",
                accessor=str,
                get_url=lambda enquiry: self.get_edit_url(enquiry),
            ),
            Column("reference", label="Reference", accessor="reference"),
            Column(
                "received",
                label="Received",
                accessor=received,
                sort_key="submit_time",
            ),
            Column("form", label="Form", accessor="page.title"),
            Column("reason", label="Reason", accessor="reason", sort_key="reason"),
            StatusTagColumn(
                "status",
                label="Status",
                accessor="get_status_display",
                primary=lambda enquiry: enquiry.status == Status.NEW,
                sort_key="status",
            ),
            Column(
                "assignee",
                label="Assigned to",
                accessor=lambda enquiry: display_name(enquiry.assignee) or "Nobody",
            ),
        ]

    # Export ---------------------------------------------------------------

    def get_filename(self):
        return f"enquiries-{timezone.localdate():%Y-%m-%d}"

    def as_spreadsheet(self, queryset, spreadsheet_format):
        enquiries = list(queryset)
        self._prepare_export(enquiries)
        record_each(
            enquiries,
            "enquiries.export",
            user=self.request.user,
            data={"format": spreadsheet_format, "count": len(enquiries)},
        )
        return super().as_spreadsheet(enquiries, spreadsheet_format)

    def _prepare_export(self, enquiries):
        """Columns for every question any exported enquiry answered, in the
        order first met (forms differ; a form's questions change over time)."""
        questions = {}
        for enquiry in enquiries:
            enquiry.readable_answers = dict(answers(enquiry, skip=("health_consent",)))
            for label in enquiry.readable_answers:
                questions.setdefault(f"answer:{label}", label)
        self.export_headings = {
            **EXPORT_HEADINGS,
            **questions,
            "consent": CONSENT_GIVEN,
            "consent_text": CONSENT_WORDING,
        }
        self.list_export = list(self.export_headings)

    def to_row_dict(self, item):
        consent = data(item).get("health_consent")
        row = {
            "number": item.pk,
            "reference": item.reference or "",
            "received": received(item),
            "form": item.page.title,
            "reason": item.reason,
            "status": item.get_status_display(),
            "assignee": display_name(item.assignee),
            "consent": readable(consent) if item.consent_text else "",
            "consent_text": item.consent_text,
        }
        for field in self.list_export:
            if not item.is_readable:
                # Say so in every answer's cell: an empty cell would read as
                # "not given".
                if field.startswith("answer:") or field == "consent":
                    row[field] = UNREADABLE_TEXT
            elif field.startswith("answer:"):
                label = self.export_headings[field]
                row[field] = item.readable_answers.get(label, "")
        return {field: row.get(field, "") for field in self.list_export}

    def get_heading(self, queryset, field):
        return neutralise(self.export_headings[field])

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        return value
