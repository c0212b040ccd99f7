"""Wagtail's own per-form submissions export, made safe in case it is ever
reached again.

Staff read and export enquiries in the Enquiries area (enquiries/views/);
Wagtail's Forms section lists no form to anyone (``wagtail_hooks.py``). Its
listing view is still each form page's ``get_submissions_list_view_class``,
so it keeps the same formula neutralising (``enquiries.spreadsheet``) and a
file name a person would recognise, rather than ``spreadsheet-export.csv``.
"""

from django.utils import timezone
from wagtail.contrib.forms.views import SubmissionsListView

from enquiries.spreadsheet import neutralise


class SafeSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions listing, exporting no cell as a formula."""

    def get_filename(self):
        return f"{self.form_page.slug}-{timezone.localdate():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        return value

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))
