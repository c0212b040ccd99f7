"""Clinical sign-off in the real admin, in Chromium.

An editor creates a technique page, links two conditions with the page
chooser (the modal, as an editor would), and submits it for clinical
sign-off; a clinical reviewer opens it from the dashboard and approves it,
recording a review. The page is then live, dated, and listed on both
condition pages.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.dateformat import format as format_date
from playwright.sync_api import expect

from home.roles import CLINICAL_REVIEWERS, EDITORS, create_staff_groups
from techniques.factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    SpecialistFactory,
    TechniqueIndexPageFactory,
)
from techniques.models import TechniquePage, add_months
from techniques.signoff import create_clinical_sign_off_workflow
from tests.browser.staff import PASSWORD, sign_in
from tests.browser.test_accessibility import WCAG_AA_TAGS


def staff_user(username, group):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def clinic(home_page):
    """The sections, two conditions and the two roles, as a fresh install has
    them (the live-server database is emptied between tests, so the data
    migrations' work is redone by the same functions)."""
    create_staff_groups()
    create_clinical_sign_off_workflow()
    techniques = TechniqueIndexPageFactory(parent=home_page)
    conditions = ConditionIndexPageFactory(parent=home_page)
    reviewer = staff_user("rita", CLINICAL_REVIEWERS)
    SpecialistFactory(
        name="Dr Rita Patel", role="Consultant neurologist", user=reviewer
    )
    return {
        "techniques": techniques,
        "pain": ConditionPageFactory(parent=conditions, title="Neuropathic pain"),
        "back": ConditionPageFactory(parent=conditions, title="Failed back surgery"),
        "editor": staff_user("eddie", EDITORS),
        "reviewer": reviewer,
    }


def test_editor_submits_a_technique_and_a_reviewer_signs_it_off(page, clinic):
    # The editor adds a technique under Treatments.
    sign_in(page, "eddie")
    page.goto(f"/admin/pages/{clinic['techniques'].pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.get_by_role("textbox", name="Title*").fill("Dorsal root ganglion stimulation")
    page.get_by_role("textbox", name="Summary*").fill(
        "Stimulation aimed at a single spinal nerve root."
    )
    page.get_by_role("combobox", name="Modality*").select_option(label="Electrical")
    page.get_by_role("combobox", name="Delivery*").select_option(
        label="Implanted device"
    )

    # Two conditions, each picked in the page chooser's modal.
    for condition in ("Neuropathic pain", "Failed back surgery"):
        page.get_by_role("button", name="Add Condition").click()
        page.get_by_role("button", name="Choose a page (Condition page)").last.click()
        chooser = page.get_by_role("dialog")
        chooser.get_by_role("link", name=condition, exact=True).click()
        expect(chooser).to_be_hidden()
        expect(page.get_by_text(condition, exact=True).last).to_be_visible()

    # Editors cannot publish a clinical page: they submit it for sign-off.
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Submit to Clinical sign-off").click()
    expect(page.get_by_text("In moderation", exact=False).first).to_be_visible()

    technique = TechniquePage.objects.get(title="Dorsal root ganglion stimulation")
    assert not technique.live
    assert page.request.get(technique.url).status == 404  # not public yet

    # The reviewer finds it on the dashboard and approves it, recording a review.
    sign_in(page, "rita")
    waiting = page.locator(
        "section", has=page.get_by_role("heading", name="Awaiting your review")
    )
    waiting.get_by_role("link", name="Dorsal root ganglion stimulation").click()
    # Recording the review and approving is the main button; Unpublish and
    # Publish are not offered while the page waits for sign-off.
    footer = page.locator("footer")
    page.get_by_role("button", name="More actions").click()
    expect(footer.get_by_role("button", name="Unpublish")).to_have_count(0)
    expect(footer.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    expect(
        footer.get_by_role("link", name="Preview the submitted version")
    ).to_be_visible()
    menu_check = Axe().run(
        page,
        context="footer",
        options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}},
    )
    assert menu_check.violations_count == 0, menu_check.generate_report()
    footer.get_by_role(
        "button", name="Record clinical review, approve and publish"
    ).click()
    due = format_date(add_months(timezone.localdate(), 12), "j F Y")
    expect(
        page.get_by_text(f"Reviewed and published; next review due {due}")
    ).to_be_visible()

    # Live, dated, and listed on both condition pages.
    technique.refresh_from_db()
    assert technique.live
    public = page.context.new_page()
    public.goto(technique.url)
    expect(public.get_by_role("heading", level=1)).to_have_text(
        "Dorsal root ganglion stimulation"
    )
    today = format_date(timezone.localdate(), "j F Y")
    expect(public.get_by_text("Page last reviewed:")).to_contain_text(
        f"{today}, by Dr Rita Patel"
    )
    for condition in (clinic["pain"], clinic["back"]):
        public.goto(condition.url)
        treatments = public.locator("#treatments")
        expect(
            treatments.get_by_role("link", name="Dorsal root ganglion stimulation")
        ).to_be_visible()
