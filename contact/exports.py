"""The submissions listing and its CSV and XLSX export, safe to open.

Anyone can send the contact form, and enquiry handlers open the export in a
spreadsheet program, which runs a cell beginning with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) as a formula: a visitor could
plant one in the file that holds other patients' messages. As OWASP's "CSV
Injection" page recommends, such a cell is written with a single quote in
front: the spreadsheet shows it as text and the words stay readable.

XLSX cells are typed: Wagtail writes every text value as a string cell, never
a formula, so its values need no quote. Headings are staff's field labels;
they get the quote in both formats, so one rule covers them.

Every form page type uses this view (``get_submissions_list_view_class``);
``tests/contact/test_export_injection.py`` checks each one does.
"""

from wagtail.contrib.forms.views import SubmissionsListView

# What makes a spreadsheet read a cell as a formula (OWASP, CSV Injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` with a leading ``'`` if a spreadsheet would run it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions listing, exporting no cell as a formula."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        return value

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))
