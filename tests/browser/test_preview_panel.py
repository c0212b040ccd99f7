"""The editor's preview and checks panels show the page, in Chromium.

The preview panel frames the page being edited; Wagtail's checks panel runs
axe and the readability metrics inside that frame. Both were blank while the
preview carried the public pages' "never frame me" headers
(``clinic/security.py``). Public pages must still refuse every frame.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail_factories import ImageFactory

from home.roles import EDITORS, create_staff_groups
from techniques.factories import TechniqueIndexPageFactory, TechniquePageFactory
from tests.browser.staff import PASSWORD, sign_in


@pytest.fixture
def technique(home_page):
    index = TechniqueIndexPageFactory(parent=home_page)
    technique = TechniquePageFactory(
        parent=index,
        title="Spinal cord stimulation",
        what_it_is="<p>A small implanted device sends mild electrical pulses to "
        "the spinal cord, to change how pain signals reach the brain.</p>",
    )
    technique.save_revision().publish()
    return technique


@pytest.fixture
def editor_tab(page, home_page):
    """A tab signed in as a member of the Editors group (re-created: the
    live-server tests empty every table, migrated groups too)."""
    create_staff_groups()
    user = get_user_model().objects.create_user("eddie", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    sign_in(page, "eddie")
    return page


def open_editor(tab, technique):
    tab.goto(f"/admin/pages/{technique.pk}/edit/")
    return tab


def test_the_preview_panel_shows_the_page_at_every_device_size(editor_tab, technique):
    """The panel shows the page at each device size, while the public page
    itself still refuses to be framed, even by the admin's own origin."""
    tab = open_editor(editor_tab, technique)
    tab.get_by_role("button", name="Toggle preview").click()
    preview = tab.frame_locator("iframe#w-preview-iframe")
    heading = preview.get_by_role("heading", level=1)
    expect(heading).to_have_text(technique.title)

    sizes = tab.locator("[data-w-preview-target='size']")
    for index in range(sizes.count()):
        size = sizes.nth(index)
        size.check(force=True)  # a visually hidden radio inside its icon label
        expect(heading).to_have_text(technique.title)

    blocked = []
    tab.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "frame-ancestors" in message.text else None
        ),
    )
    tab.evaluate(
        """url => {
            const frame = document.createElement('iframe');
            frame.id = 'public-frame';
            frame.src = url;
            document.body.append(frame);
        }""",
        technique.url,
    )
    public = tab.frame_locator("#public-frame")
    tab.wait_for_timeout(1000)
    expect(public.get_by_role("heading", level=1)).to_have_count(0)
    assert blocked, "Chromium should report the blocked frame"


def test_the_checks_panel_measures_and_checks_the_page(editor_tab, technique):
    # A draft with a picture whose alt text is a file name: one issue to find.
    draft = technique.get_latest_revision_as_object()
    draft.image = ImageFactory(title="SCS photo")
    draft.image_alt = "scs_photo.jpg"
    draft.save_revision()
    tab = open_editor(editor_tab, technique)
    tab.get_by_role("button", name="Toggle checks").click()
    checks = tab.locator("[data-side-panel='checks']")

    # Words are counted inside the framed preview: a blank frame counts none.
    words = checks.locator("[data-content-word-count]")
    expect(words).to_have_text(re.compile(r"^\s*[1-9]\d*\s*$"))
    expect(checks.locator("[data-content-readability-score]")).not_to_have_text("-")
    # axe ran inside the frame and found the draft's file-name alt text.
    expect(checks.locator("[data-content-checker-count]")).to_have_text("1")
    expect(
        checks.get_by_text("Image alt text has inappropriate pattern")
    ).to_be_visible()
