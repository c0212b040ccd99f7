"""The enquiry inbox in the real admin, in Chromium: an enquiry handler finds
a new enquiry from the dashboard, reads it and handles it with the keyboard
alone; a superuser reads the audit trail. axe finds no WCAG 2.2 AA problem
on the list, the enquiry or the report."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from enquiries.models import Enquiry, EnquiryNote, Status
from enquiries.roles import create_enquiry_handlers_group
from tests.browser.staff import PASSWORD, sign_in

AXE = Axe()
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture
def inbox(contact_page):
    """A handler, a superuser and two enquiries, as a fresh install has them
    (the live-server database is emptied between tests, so the group is
    made again by the migration's own function)."""
    User = get_user_model()
    handler = User.objects.create_user(
        "reception", password=PASSWORD, first_name="Rita", last_name="Desk"
    )
    handler.groups.add(create_enquiry_handlers_group())
    User.objects.create_superuser("manager", password=PASSWORD)
    labels = {
        "your_name": "Your name",
        "email_address": "Email address",
        "reason": "Reason",
        "your_message": "Your message",
    }
    older = Enquiry.objects.create(
        page=contact_page,
        form_data={"your_name": "Ben", "reason": "Ask a question"},
        field_labels=labels,
        reason="Ask a question",
    )
    newest = Enquiry.objects.create(
        page=contact_page,
        form_data={
            "your_name": "Ada Patient",
            "email_address": "ada@example.com",
            "reason": "Book an appointment",
            "your_message": "I have had back pain for years.",
            "health_consent": True,
        },
        field_labels=labels,
        consent_text=contact_page.health_consent_text,
        reason="Book an appointment",
    )
    return {"handler": handler, "older": older, "newest": newest}


SETTLED = """Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.target && a.effect.target.closest('.messages'))
    .map(a => a.finished))"""


def assert_axe_clean(page):
    # Wagtail's messages fade in: measure colours once they have settled
    # (only theirs: the Help badge pulses for 25 seconds).
    page.evaluate(SETTLED)
    results = AXE.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_AA_TAGS},
            "resultTypes": ["violations"],
        },
    )
    assert results.response["violations"] == [], results.generate_report()


def tab_to(page, locator, limit=80):
    """Press Tab until ``locator`` has the keyboard focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_a_handler_reads_and_handles_an_enquiry_by_keyboard(page, inbox):
    newest = inbox["newest"]
    sign_in(page, "reception")
    page.get_by_role("link", name=re.compile("new enquiries waiting")).click()
    expect(page).to_have_url(re.compile(r"/admin/enquiries/\?status=new"))
    expect(page.get_by_role("link", name=f"Enquiry {newest.pk}")).to_be_visible()
    assert_axe_clean(page)

    page.goto("/admin/enquiries/")
    rows = page.locator("main tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Book an appointment")
    assert_axe_clean(page)

    link = page.get_by_role("link", name=f"Enquiry {newest.pk}")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="What the visitor wrote")).to_be_visible()
    expect(page.locator("main")).to_contain_text("I have had back pain for years.")
    expect(page.locator("main")).to_contain_text(newest.consent_text)
    assert_axe_clean(page)

    # Status, by keyboard: choose "In progress" and press the button.
    status = page.get_by_role("combobox", name=re.compile("^Status"))
    tab_to(page, status)
    status.select_option(label="In progress")
    tab_to(page, page.get_by_role("button", name="Change status"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Status changed to In progress.")).to_be_visible()

    tab_to(page, page.get_by_role("button", name="Assign to me"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Assigned to Rita Desk.")).to_be_visible()

    # An empty note is explained, not lost or stored.
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_text("Write the note first.")).to_be_visible()
    assert_axe_clean(page)
    tab_to(page, page.get_by_role("textbox", name=re.compile("^New note")))
    page.keyboard.type("Phoned back; appointment offered for Tuesday.")
    tab_to(page, page.get_by_role("button", name="Add note"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Note added.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Rita Desk, ")
    assert_axe_clean(page)

    newest.refresh_from_db()
    assert newest.status == Status.IN_PROGRESS
    assert newest.assignee == inbox["handler"]
    assert EnquiryNote.objects.get().text.startswith("Phoned back")


def test_a_superuser_reads_the_audit_trail(page, inbox):
    sign_in(page, "reception")
    page.goto(f"/admin/enquiries/{inbox['newest'].pk}/")
    sign_in(page, "manager")
    page.goto("/admin/reports/enquiry-audit/")
    expect(page.get_by_role("heading", name="Enquiry audit")).to_be_visible()
    row = page.locator("main tbody tr").first
    expect(row).to_contain_text("Viewed enquiry")
    expect(row).to_contain_text("Rita Desk")
    assert_axe_clean(page)
