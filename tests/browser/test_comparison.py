"""A reviewer sees exactly what an editor changed, in Chromium.

An editor opens a demo treatment page, adds one sentence to a section and
moves one condition down, and saves a draft (autosave runs meanwhile, as it
does for staff). Comparing the draft with the live version lists exactly
those two changes: nothing else the editor's own save reshaped.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from home.roles import EDITORS, create_staff_groups
from techniques.models import TechniquePage
from tests.browser.staff import PASSWORD, sign_in

NEW_SENTENCE = "Most people go home the next day."


@pytest.fixture
def editor_tab(page, demo_site):
    create_staff_groups()
    user = get_user_model().objects.create_user("eddie", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    sign_in(page, "eddie")
    return page


def test_one_sentence_and_one_move_show_as_exactly_two_changes(editor_tab):
    tab = editor_tab
    technique = TechniquePage.objects.get(slug="spinal-cord-stimulation")
    first_condition = technique.condition_links.first().condition.title
    tab.goto(f"/admin/pages/{technique.pk}/edit/")

    # One sentence at the end of "What it is".
    section = tab.locator("[data-contentpath='what_it_is'] [contenteditable='true']")
    section.click()
    expect(section).to_be_focused()
    tab.keyboard.press("Control+End")
    tab.keyboard.type(f" {NEW_SENTENCE}")
    # The rich-text editor copies its content into the form a moment later.
    stored = tab.locator("input[name='what_it_is']")
    expect(stored).to_have_value(re.compile(re.escape(NEW_SENTENCE)))

    # The first condition moves down one place.
    conditions = tab.locator("#id_condition_links-FORMS > [data-inline-panel-child]")
    first = conditions.first
    expect(first.get_by_role("heading")).to_contain_text(first_condition)
    first.get_by_role("button", name="Move down").click()
    expect(conditions.nth(1).get_by_role("heading")).to_contain_text(first_condition)

    tab.get_by_role("button", name="Save draft").click()
    expect(tab.get_by_text("has been updated", exact=False)).to_be_visible()

    tab.goto(f"/admin/pages/{technique.pk}/revisions/compare/live...latest/")
    rows = tab.locator("table.listing > tbody > tr")
    labels = rows.locator("td.title")
    expect(labels).to_have_text(["What it is:", "Conditions this technique treats:"])
    expect(rows.nth(0).locator("ins, .addition")).to_contain_text(NEW_SENTENCE)
    expect(rows.nth(1)).to_contain_text("Moved down 1 place.")
    expect(rows.nth(1)).to_contain_text("Moved up 1 place.")
