"""The admin screens this project adds or changes pass axe (WCAG 2.2 AA) in
Chromium: the specialists list with its staff-account column, the refusal to
delete a profile something depends on, and a contact page's form fields
headed by their own labels."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from home.roles import CLINICAL_REVIEWERS, EDITORS, create_staff_groups
from techniques.factories import SpecialistFactory
from tests.browser.staff import PASSWORD, sign_in
from tests.browser.test_accessibility import WCAG_AA_TAGS


@pytest.fixture
def editor_tab(page, home_page):
    create_staff_groups()
    users = get_user_model().objects
    editor = users.create_user("eddie", password=PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    reviewer = users.create_user("rita", first_name="Rita", last_name="Patel")
    reviewer.groups.add(Group.objects.get(name=CLINICAL_REVIEWERS))
    SpecialistFactory(name="Dr Rita Patel", user=reviewer)
    sign_in(page, "eddie")
    return page


def assert_no_axe_violations(tab, context="main"):
    results = Axe().run(
        tab,
        context=context,
        options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}},
    )
    assert results.violations_count == 0, results.generate_report()


def test_the_specialists_list_and_a_refused_deletion_pass_axe(editor_tab):
    tab = editor_tab
    tab.goto("/admin/techniques/specialist/")
    expect(tab.get_by_role("columnheader", name="Staff account")).to_be_visible()
    expect(tab.get_by_text("Rita Patel (rita)")).to_be_visible()
    assert_no_axe_violations(tab)

    specialist_id = get_user_model().objects.get(username="rita").specialist_profile.pk
    tab.goto(f"/admin/techniques/specialist/delete/{specialist_id}/")
    expect(
        tab.get_by_role("heading", name="Dr Rita Patel cannot be deleted yet")
    ).to_be_visible()
    expect(tab.get_by_role("button", name=re.compile("delete", re.I))).to_have_count(0)
    assert_no_axe_violations(tab)


def test_form_fields_headed_by_their_labels_pass_axe(page, contact_page, admin_user):
    admin_user.set_password(PASSWORD)
    admin_user.save()
    sign_in(page, admin_user.username)

    page.goto(f"/admin/pages/{contact_page.pk}/edit/")
    fields = page.locator("#id_form_fields-FORMS")
    expect(fields.get_by_role("heading", name="Your message")).to_be_visible()
    expect(
        fields.get_by_role("heading", name=re.compile(r"Form field \d"))
    ).to_have_count(0)
    # A field added now is numbered until it is saved with a label.
    page.get_by_role("button", name="Add Form field").click()
    expect(fields.get_by_role("heading", name="Form field 6")).to_be_visible()
    # The form fields' panel: the rich-text boxes elsewhere on the page are
    # Wagtail's own (Draftail), unlabelled for axe in Wagtail 8.0.
    assert_no_axe_violations(page, context="#id_form_fields-FORMS")
