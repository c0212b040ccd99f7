"""The inbox lists every form's enquiries, newest first, with filters and
exports of what is filtered."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from contact.factories import ContactPageFactory
from enquiries.models import Enquiry, Status

from .conftest import make_enquiry

INBOX = "/admin/enquiries/"


def rows(html):
    """Enquiry numbers in the order listed."""
    return [int(n) for n in re.findall(r">\s*Enquiry (\d+)\s*</a>", html)]


@pytest.fixture
def two_forms(contact_page, home_page):
    referrals = ContactPageFactory(
        parent=home_page, slug="referrals", title="Referrals"
    )
    old = make_enquiry(contact_page, days_ago=40, reason="Ask a question")
    middle = make_enquiry(referrals, days_ago=3, reason="Refer a patient")
    new = make_enquiry(contact_page, reason="Book an appointment")
    return {"old": old, "middle": middle, "new": new, "referrals": referrals}


def test_every_forms_enquiries_newest_first(handler_client, two_forms):
    response = handler_client.get(INBOX)
    assert response.status_code == 200
    html = response.content.decode()
    assert rows(html) == [
        two_forms["new"].pk,
        two_forms["middle"].pk,
        two_forms["old"].pk,
    ]
    assert "Referrals" in html and "Contact us" in html
    assert "Refer a patient" in html
    # Nothing the visitor wrote is on the list.
    assert "back pain" not in html
    assert "ada@example.com" not in html
    # The list offers its downloads.
    assert "Download CSV" in html and "Download XLSX" in html
    # Viewing the list is not viewing an enquiry.
    assert not ModelLogEntry.objects.filter(action="enquiries.view").exists()


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"form": "referrals"}, ["middle"]),
        ({"reason": "Ask a question"}, ["old"]),
        ({"status": "answered"}, ["new"]),
        ({"submit_time_from": "{week_ago}"}, ["new", "middle"]),
        ({"submit_time_to": "{week_ago}"}, ["old"]),
        ({"assigned": "me"}, ["middle"]),
        ({"assigned": "nobody"}, ["new", "old"]),
    ],
)
def test_filters(handler_client, handler, two_forms, query, expected):
    Enquiry.objects.filter(pk=two_forms["new"].pk).update(status=Status.ANSWERED)
    Enquiry.objects.filter(pk=two_forms["middle"].pk).update(assignee=handler)
    week_ago = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    values = {
        name: (
            two_forms["referrals"].pk
            if value == "referrals"
            else value.format(week_ago=week_ago)
        )
        for name, value in query.items()
    }
    html = handler_client.get(INBOX, values).content.decode()
    assert rows(html) == [two_forms[name].pk for name in expected]


def test_a_bad_filter_value_is_explained_not_a_500(handler_client, two_forms):
    response = handler_client.get(INBOX, {"status": "nonsense", "form": "x"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_fifty_a_page(handler_client, contact_page):
    Enquiry.objects.bulk_create(
        Enquiry(page=contact_page, form_data={}, reason="") for _ in range(51)
    )
    first = handler_client.get(INBOX).content.decode()
    second = handler_client.get(INBOX, {"p": 2}).content.decode()
    assert len(rows(first)) == 50
    assert len(rows(second)) == 1
    assert not set(rows(first)) & set(rows(second))


def test_the_list_takes_a_fixed_number_of_queries(
    handler_client, contact_page, handler, django_assert_max_num_queries
):
    """Measured with 1,000 enquiries; the same count holds at any number."""
    Enquiry.objects.bulk_create(
        Enquiry(
            page=contact_page,
            form_data={"your_message": "Pain"},
            reason=f"Reason {n % 7}",
            assignee=handler if n % 2 else None,
        )
        for n in range(1000)
    )
    # Warm the caches (content types, permissions, the site-wide pieces kept
    # per content change). Twice: the first visit creates the clinic's
    # settings row, and saving it starts a new content generation, so the
    # settings are read once more. Both counts below are of a running site.
    handler_client.get(INBOX)
    handler_client.get(INBOX)
    with django_assert_max_num_queries(20) as counted:
        response = handler_client.get(INBOX, {"p": 3})
    assert response.status_code == 200
    assert len(rows(response.content.decode())) == 50
    at_1000 = len(counted.captured_queries)

    keep = list(Enquiry.objects.values_list("pk", flat=True)[:10])
    Enquiry.objects.exclude(pk__in=keep).delete()
    with django_assert_max_num_queries(at_1000) as counted:
        handler_client.get(INBOX)
    assert len(counted.captured_queries) == at_1000


def export(client, export_format, **query):
    response = client.get(INBOX, {"export": export_format, **query})
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content)
        if response.streaming
        else b"".join(response)
    )
    return response, content


def test_csv_export_of_the_filtered_list(handler_client, handler, two_forms):
    response, content = export(handler_client, "csv", reason="Book an appointment")
    today = timezone.localdate().isoformat()
    assert f'filename="enquiries-{today}.csv"' in response["Content-Disposition"]
    table = list(csv.DictReader(io.StringIO(content.decode())))
    assert len(table) == 1
    [row] = table
    assert row["Enquiry"] == str(two_forms["new"].pk)
    assert row["Reference"] == two_forms["new"].reference
    assert row["Form"] == "Contact us"
    assert row["Status"] == "New"
    assert row["Your message"] == "I have had back pain\nfor years."
    assert row["Phone number"] == ""
    assert row["Consent given"] == "Yes"
    assert "None" not in row.values() and "True" not in row.values()
    # A readable local time, no microseconds.
    assert row["Received"].count(":") == 1 and "." not in row["Received"]
    # Recorded, once per exported enquiry, without content.
    [entry] = ModelLogEntry.objects.filter(action="enquiries.export")
    assert entry.object_id == str(two_forms["new"].pk)
    assert entry.user == handler
    assert entry.data == {"format": "csv", "count": 1}


def test_xlsx_export(handler_client, two_forms):
    response, content = export(handler_client, "xlsx")
    assert response["Content-Disposition"].startswith("attachment")
    assert ".xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(content)).active
    table = [[cell.value for cell in row] for row in sheet.iter_rows()]
    headings = table[0]
    assert headings[:7] == [
        "Enquiry",
        "Reference",
        "Received",
        "Form",
        "Reason",
        "Status",
        "Assigned to",
    ]
    assert len(table) == 4
    assert "I have had back pain\nfor years." in table[1]
    assert ModelLogEntry.objects.filter(action="enquiries.export").count() == 3


def test_export_cells_never_run_as_formulas(handler_client, contact_page):
    make_enquiry(contact_page, your_message='=HYPERLINK("http://evil.example")')
    _response, content = export(handler_client, "csv")
    [row] = list(csv.DictReader(io.StringIO(content.decode())))
    assert row["Your message"] == '\'=HYPERLINK("http://evil.example")'
    _response, content = export(handler_client, "xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)


@pytest.mark.parametrize("query", [{}, {"export": "csv"}, {"export": "xlsx"}])
@pytest.mark.parametrize("path", ["", "results/"])
def test_editors_cannot_list_or_export(editor_client, two_forms, query, path):
    response = editor_client.get(INBOX + path, query)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/enquiries/" not in response["Location"]
    assert not ModelLogEntry.objects.filter(action="enquiries.export").exists()


def test_the_menu_shows_enquiries_to_handlers_only(
    handler_client, editor_client, superuser_client
):
    home = reverse("wagtailadmin_home")
    assert INBOX in handler_client.get(home).content.decode()
    assert INBOX in superuser_client.get(home).content.decode()
    assert INBOX not in editor_client.get(home).content.decode()


def test_nobody_adds_an_enquiry_by_hand(superuser_client):
    """There is no route to create one; the policy refuses it too."""
    from wagtail.permissions import policy_registry

    assert superuser_client.get(INBOX + "new/").status_code == 404
    policy = policy_registry.get_by_type(Enquiry)
    assert not policy.user_has_permission(User.objects.get(), "add")


def test_administrators_can_grant_the_inbox_rights_in_groups(superuser_client):
    """Settings > Groups offers every right the handlers' group holds."""
    html = superuser_client.get(reverse("wagtailusers_groups:add")).content.decode()
    for codename in ("view_enquiry", "change_enquiry", "add_enquirynote"):
        assert f'value="{_permission_pk(codename)}"' in html, codename


def _permission_pk(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(
        content_type__app_label="enquiries", codename=codename
    ).pk


def test_a_caller_is_found_by_the_reference_they_quote(handler_client, two_forms):
    wanted = two_forms["new"]
    quoted = wanted.reference.lower().replace("-", " ")

    html = handler_client.get(reverse("enquiries:index"), {"reference": quoted})

    listed = html.content.decode()
    assert wanted.reference in listed
    others = Enquiry.objects.exclude(pk=wanted.pk)
    assert others.exists()
    assert not any(other.reference in listed for other in others)
    nothing = handler_client.get(reverse("enquiries:index"), {"reference": "no such"})
    assert not any(
        e.reference in nothing.content.decode() for e in Enquiry.objects.all()
    )
