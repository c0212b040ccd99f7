"""The "Enquiry audit" report: who did what with which enquiry, and when."""

import csv
import io
import re

import pytest
from django.utils import timezone

from enquiries.audit import record

REPORT = "/admin/reports/enquiry-audit/"


def listed(response):
    """(what, which) of each row of the report (not the filter's options)."""
    html = response.content.decode()
    body = html.split("<tbody", 1)[1] if "<tbody" in html else ""
    whats = re.findall(
        r"<td[^>]*>\s*((?:Viewed|Changed|Exported|Assigned|Added|Deleted)[^<]*?)\s*</td>",
        body,
    )
    whichs = re.findall(r">\s*(Enquiry \d+)\s*<", body)
    return list(zip(whats, whichs, strict=True))


@pytest.fixture
def trail(handler_client, handler, superuser, enquiry, contact_page):
    from .conftest import make_enquiry

    other = make_enquiry(contact_page)
    handler_client.get(f"/admin/enquiries/{enquiry.pk}/")
    handler_client.post(
        f"/admin/enquiries/{enquiry.pk}/", {"action": "status", "status": "closed"}
    )
    record(other, "enquiries.view", user=superuser)
    return {"enquiry": enquiry, "other": other}


def test_superusers_read_the_trail(superuser_client, trail):
    response = superuser_client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Viewed enquiry" in html
    assert "Changed enquiry status to Closed" in html
    assert "Rita Desk" in html
    assert f'href="/admin/enquiries/{trail["enquiry"].pk}/"' in html
    # Never what an enquiry says.
    assert "back pain" not in html
    assert "ada@example.com" not in html


def test_filter_by_action_user_date_and_enquiry(superuser_client, handler, trail):
    first, other = f"Enquiry {trail['enquiry'].pk}", f"Enquiry {trail['other'].pk}"
    assert len(listed(superuser_client.get(REPORT))) == 3

    by_action = superuser_client.get(REPORT, {"action": "enquiries.status"})
    assert listed(by_action) == [("Changed enquiry status to Closed", first)]

    by_user = superuser_client.get(REPORT, {"user": handler.pk})
    assert {which for _what, which in listed(by_user)} == {first}

    by_enquiry = superuser_client.get(REPORT, {"enquiry": trail["other"].pk})
    assert listed(by_enquiry) == [("Viewed enquiry", other)]

    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    assert listed(superuser_client.get(REPORT, {"timestamp_from": tomorrow})) == []
    today = timezone.localdate().isoformat()
    assert len(listed(superuser_client.get(REPORT, {"timestamp_to": today}))) == 3


def test_a_bad_filter_is_explained_not_a_500(superuser_client, trail):
    response = superuser_client.get(REPORT, {"enquiry": "abc", "action": "nope"})
    assert response.status_code == 200


def test_csv_export(superuser_client, trail):
    response = superuser_client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert f"enquiry-audit-{today}.csv" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode()
    table = list(csv.DictReader(io.StringIO(content)))
    assert set(table[0]) == {"When", "Who", "What", "Enquiry"}
    assert {row["What"] for row in table} >= {"Viewed enquiry"}
    assert len(table) == 3  # the handler's view and change, the superuser's view


@pytest.mark.parametrize("who", ["handler_client", "editor_client"])
def test_only_superusers_see_it(request, trail, who):
    client = request.getfixturevalue(who)
    assert client.get(REPORT).status_code in (302, 403)
    assert client.get(REPORT, {"export": "csv"}).status_code in (302, 403)
    assert REPORT not in client.get("/admin/").content.decode()


def test_the_reports_menu_offers_it_to_superusers(superuser_client):
    assert REPORT in superuser_client.get("/admin/").content.decode()


def test_wagtails_site_history_shows_enquiry_entries_only_to_those_who_handle_them(
    editor_client, handler_client, trail
):
    # Wagtail's own report lists every log entry a user may see: editors,
    # who may not read enquiries, must not learn who looked at which one.
    url = "/admin/reports/site-history/"
    assert "Viewed enquiry" not in editor_client.get(url).content.decode()
    assert "Viewed enquiry" in handler_client.get(url).content.decode()
