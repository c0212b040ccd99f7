"""A keyboard user can get past the header and around the site."""

from techniques.factories import TechniquePageFactory


def test_skip_link_is_first_and_moves_focus_to_the_content(page, home_page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip().lower().startswith("skip to")
    assert skip.is_visible()  # shown when focused, for sighted keyboard users

    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_main_navigation_leads_to_the_treatments(page, technique_index):
    technique_index.show_in_menus = True
    technique_index.save()
    TechniquePageFactory(parent=technique_index, title="Deep brain stimulation")

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Treatments"
    ).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Treatments"
    assert page.get_by_role("link", name="Deep brain stimulation").is_visible()
