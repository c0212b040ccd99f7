"""The report of pages due for clinical review, and the dashboard's counts."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from enquiries.models import Enquiry
from enquiries.roles import ENQUIRY_HANDLERS, create_enquiry_handlers_group
from techniques.factories import (
    ConditionPageFactory,
    SpecialistFactory,
    TechniquePageFactory,
)

from .conftest import make_user

TODAY = timezone.localdate()


def reviewed_days_ago(page, days, interval=None):
    type(page).objects.filter(pk=page.pk).update(
        last_reviewed=TODAY - datetime.timedelta(days=days),
        reviewed_by=SpecialistFactory(),
        review_interval_months=interval,
    )
    return page


@pytest.fixture
def schedule(clinical_sections):
    """One page in each state; the report must list exactly the due ones."""
    techniques, conditions = clinical_sections
    pages = {
        "overdue": TechniquePageFactory(parent=techniques, title="Overdue technique"),
        "never": ConditionPageFactory(parent=conditions, title="Never reviewed cond"),
        "soon": ConditionPageFactory(parent=conditions, title="Due soon condition"),
        "short": TechniquePageFactory(parent=techniques, title="Short interval tech"),
        "current": TechniquePageFactory(parent=techniques, title="Current technique"),
        "later": ConditionPageFactory(parent=conditions, title="Due in 40 days"),
        "draft": TechniquePageFactory(parent=techniques, title="Draft technique"),
    }
    reviewed_days_ago(pages["overdue"], 400)
    reviewed_days_ago(pages["soon"], 345)  # due in about 20 days
    reviewed_days_ago(pages["short"], 100, interval=3)  # 3 months: overdue
    reviewed_days_ago(pages["current"], 10)
    reviewed_days_ago(pages["later"], 325)  # due in about 40 days
    pages["draft"].unpublish()  # drafts are not public: not in the report
    return pages


def report_titles(client, query=""):
    html = client.get(reverse("clinical_review_report") + query).content.decode()
    return re.findall(r'<td class="title">\s*<a href="[^"]+">([^<]+)</a>', html)


def test_the_report_lists_exactly_the_pages_due(client, editor, schedule):
    client.force_login(editor)
    assert report_titles(client) == [
        # Never reviewed first, then by due date.
        "Never reviewed cond",
        "Overdue technique",
        "Short interval tech",
        "Due soon condition",
    ]


def test_the_report_filters_overdue_and_due_soon(client, editor, schedule):
    client.force_login(editor)
    assert report_titles(client, "?status=overdue") == [
        "Never reviewed cond",
        "Overdue technique",
        "Short interval tech",
    ]
    assert report_titles(client, "?status=due_soon") == ["Due soon condition"]


def test_the_report_shows_status_and_dates(client, reviewer, schedule):
    client.force_login(reviewer)
    html = client.get(reverse("clinical_review_report")).content.decode()
    assert "Never reviewed" in html
    assert "Overdue" in html
    assert "Due soon" in html
    # Reviewers get a button to record a review from the report.
    assert reverse("record_clinical_review", args=[schedule["overdue"].pk]) in html


def test_the_report_exports_csv(client, editor, schedule):
    client.force_login(editor)
    response = client.get(reverse("clinical_review_report") + "?export=csv")
    csv = b"".join(response.streaming_content).decode()
    assert csv.splitlines()[0].startswith("Title,Status,Last reviewed")
    assert "Overdue technique,Overdue" in csv
    assert "Current technique" not in csv


def test_the_dashboard_counts_pages_due(client, editor, schedule):
    html = dashboard(client, editor)
    assert re.search(r"<strong>3</strong> pages are overdue for clinical review", html)
    assert re.search(r"<strong>1</strong> page is due for review soon", html)


@pytest.fixture
def enquiry_handler(staff_roles, contact_page):
    """A member of "Enquiry handlers", the group the contact app defines."""
    create_enquiry_handlers_group()
    return make_user("harriet", ENQUIRY_HANDLERS)


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_people_without_page_rights_see_no_review_panel(client, enquiry_handler):
    html = dashboard(client, enquiry_handler)
    assert "overdue for clinical review" not in html
    assert client.get(reverse("clinical_review_report")).status_code != 200


@pytest.fixture
def submissions(contact_page):
    now = timezone.now()
    for days_ago in (0, 2, 6, 8, 30):
        submission = Enquiry.objects.create(
            page=contact_page, form_data={"your_message": "Help"}
        )
        Enquiry.objects.filter(pk=submission.pk).update(
            submit_time=now - datetime.timedelta(days=days_ago)
        )


def test_enquiry_handlers_see_the_new_enquiries_waiting(
    client, enquiry_handler, submissions
):
    Enquiry.objects.filter(pk=Enquiry.objects.order_by("pk")[0].pk).update(
        status="answered"
    )
    html = dashboard(client, enquiry_handler)
    assert re.search(r"<strong>4</strong> new enquiries waiting for a reply", html)
    assert "/admin/enquiries/?status=new" in html
    # The newest link straight to themselves.
    newest = Enquiry.objects.filter(status="new").order_by("-submit_time")[0]
    assert f'href="/admin/enquiries/{newest.pk}/"' in html


def test_editors_do_not_see_the_enquiries_panel(client, editor, submissions):
    html = dashboard(client, editor)
    assert "new enquiries" not in html
    assert "/admin/enquiries/" not in html
