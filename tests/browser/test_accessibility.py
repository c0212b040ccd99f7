"""Every page type, in real Chromium, against WCAG 2.2 AA and the clinic's
own promises: no outside requests, reflow on a phone, visible focus, targets
big enough to tap, and a page that prints.

Each test builds the demo site (the same command `make run` uses), so the
pages are checked with realistic content rather than one-line fixtures.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import PageViewRestriction

from home.models import StandardPage

AXE = Axe()
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


def open_page(page, url):
    response = page.goto(url)
    assert response is not None, url
    expected = 404 if url == "/no-such-page/" else 200
    assert response.status == expected, url


def submit_empty_form(page, url="/contact/"):
    """Send a form with nothing filled in: it comes back with errors."""
    open_page(page, url)
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main [role=alert], main .error-summary").count(), (
        "the form should come back with an error summary"
    )


def axe_violations(page):
    results = AXE.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_AA_TAGS},
            "resultTypes": ["violations"],
        },
    )
    return results.response["violations"], results.generate_report()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_wcag_violations_on_any_page_type(page, demo_urls, viewport):
    page.set_viewport_size(viewport)
    reports = {}
    for name, url in demo_urls.items():
        open_page(page, url)
        if name == "technique":
            # The page checked carries every optional part a technique has.
            for part in ("#specialists", "#leaflets", ".review-dates", ".qa"):
                assert page.locator(part).count(), part
        violations, report = axe_violations(page)
        if violations:
            reports[name] = report

    for name in ("contact", "refer a patient"):
        submit_empty_form(page, demo_urls[name])
        violations, report = axe_violations(page)
        if violations:
            reports[f"{name}, after a failed submit"] = report

    assert not reports, "\n\n".join(f"== {k}\n{v}" for k, v in reports.items())


def test_a_private_pages_password_form_and_its_lock_pass_axe(page, demo_site, settings):
    """The shared-password form of a private page, after a wrong password, and
    the page a visitor meets after too many (home/private_passwords.py)."""
    settings.AXES_FAILURE_LIMIT = 1  # one wrong password, then the lock
    about = StandardPage.objects.live().get(slug="about")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    reports = {}
    for state in ("form", "after a wrong password", "locked"):
        if state == "form":
            open_page(page, about.url)
        else:
            page.get_by_label("Password").fill("wrong")
            page.locator("main form [type=submit]").click()
            page.wait_for_load_state()
        violations, report = axe_violations(page)
        if violations:
            reports[state] = report
    assert page.get_by_role("heading", name="Too many wrong passwords").count()
    assert not reports, "\n\n".join(f"== {k}\n{v}" for k, v in reports.items())


def test_pages_reflow_at_320_css_pixels(page, demo_urls):
    """WCAG 1.4.10: nothing needs scrolling sideways on a narrow phone."""
    page.set_viewport_size(PHONE)
    too_wide = {}
    for name, url in [*demo_urls.items(), ("contact, after a failed submit", None)]:
        if url is None:
            submit_empty_form(page)
        else:
            open_page(page, url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
    assert not too_wide


def test_pages_make_no_requests_to_other_sites(page, demo_urls, live_server):
    """Fonts, scripts, images and analytics all come from the site itself."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for url in demo_urls.values():
        open_page(page, url)
        page.wait_for_load_state("networkidle")
    submit_empty_form(page)

    assert requested
    elsewhere = [
        url
        for url in requested
        if not url.startswith(f"{live_server.url}/") and not url.startswith("data:")
    ]
    assert elsewhere == []


CONTROLS = (
    "button, input:not([type=hidden]), select, textarea, summary, "
    ".button, nav a, .finder a, .pagination a"
)
# The tappable area of each visible control: a radio button or checkbox
# counts together with its label, which selects it too.
SMALL_CONTROLS = """(selector) => {
    const small = [];
    for (const el of document.querySelectorAll(selector)) {
        if (!el.checkVisibility()) continue;
        const withLabel = ['radio', 'checkbox'].includes(el.type);
        const rects = (withLabel ? [el, ...el.labels] : [el])
            .map(part => part.getBoundingClientRect());
        const span = (start, end) =>
            Math.max(...rects.map(r => r[end])) - Math.min(...rects.map(r => r[start]));
        const width = span('left', 'right'), height = span('top', 'bottom');
        if (width < 44 || height < 44) {
            small.push(`${el.outerHTML.slice(0, 80)}: ${width}x${height}`);
        }
    }
    return small;
}"""


def test_controls_are_at_least_44_pixels_on_a_phone(page, demo_urls):
    """Buttons, fields and menu links are easy to tap (WCAG 2.5.8 asks for
    24px; 44px is the size people with tremor can hit reliably)."""
    page.set_viewport_size({"width": 375, "height": 700})
    small = {}
    for name, url in [*demo_urls.items(), ("contact, after a failed submit", None)]:
        if url is None:
            submit_empty_form(page)
        else:
            open_page(page, url)
        if found := page.evaluate(SMALL_CONTROLS, CONTROLS):
            small[name] = found
    assert not small


FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName,
        html: el.outerHTML.slice(0, 80),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
}"""


def test_every_control_shows_where_keyboard_focus_is(page, demo_urls):
    """Tab through each page: every stop has a visible outline (WCAG 2.4.7)."""
    missing = {}
    for name, url in demo_urls.items():
        open_page(page, url)
        seen = 0
        for _ in range(60):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUS_STYLE)
            if focused["tag"] == "BODY":
                break
            seen += 1
            if not focused["outline"]:
                missing.setdefault(name, []).append(focused)
        assert seen, f"nothing on {name} takes keyboard focus"
    assert not missing


def test_a_keyboard_user_can_search_and_read_a_treatment(page, demo_urls):
    open_page(page, "/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the clinic's name
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("tremor")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=tremor")
    assert page.get_by_role("heading", level=1).inner_text() == "Search results"

    first_result = page.locator(".search-result a").first
    first_result.focus()
    title = first_result.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title


def test_a_visitor_can_find_treatments_for_their_condition_from_home(page, demo_urls):
    open_page(page, "/")
    finder = page.get_by_role("region", name="Find a treatment for your condition")
    finder.get_by_role("link", name="Essential tremor").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Essential tremor"
    treatments = page.get_by_role("region", name="Treatments that may help")
    assert treatments.get_by_role("link", name="Deep brain stimulation (DBS)").count()


def test_technique_page_prints_its_content_without_the_site_chrome(page, demo_urls):
    open_page(page, demo_urls["technique"])
    page.emulate_media(media="print")
    assert page.get_by_role("heading", level=1).is_visible()
    assert not page.locator(".site-search").is_visible()
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not page.locator(".cta").is_visible()
    # Answers to the FAQs are printed even though they are folded on screen.
    answer = page.locator(".qa__answer").first
    assert answer.is_visible()
    # The printout says where it came from and how to reach the clinic.
    assert page.get_by_text("Printed from").is_visible()
    assert page.locator(".site-footer address").is_visible()


def test_condition_page_prints_with_its_treatments(page, demo_urls):
    open_page(page, demo_urls["condition"])
    page.emulate_media(media="print")
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_role("heading", name="Treatments that may help").is_visible()
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not page.locator(".site-search").is_visible()
    assert page.get_by_text("Printed from").is_visible()
