"""A visitor sends the contact form in a real browser, with and without
JavaScript, and recovers from a wrong sum without retyping anything."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from enquiries.models import Enquiry

QUESTION = re.compile(r"What is (\d) plus (\d)\?")
MESSAGE = "I have had back pain for years and would like an appointment."


@pytest.fixture
def form_page(contact_page, settings, monkeypatch):
    # Playwright types faster than any person; the minimum-time check has its
    # own tests (tests/contact/test_submissions.py).
    settings.CONTACT_MIN_FILL_SECONDS = 0
    # Questions come out as 1+2, 3+4, ...: a "new question" is certain.
    numbers = iter(range(1000))
    monkeypatch.setattr("contact.spam.secrets.randbelow", lambda n: next(numbers) % n)
    return contact_page


def question_on(tab):
    label = tab.locator("label[for=id_cf_answer]").inner_text()
    first, second = QUESTION.search(label).groups()
    return int(first), int(second)


def fill_in(tab):
    tab.get_by_label("Your name").fill("Ada Patient")
    tab.get_by_label("Email address").fill("ada@example.com")
    tab.get_by_label("Book an appointment").check()
    tab.get_by_label("Your message").fill(MESSAGE)
    tab.get_by_label("I agree that the clinic may use").check()


def test_a_wrong_sum_is_explained_and_nothing_typed_is_lost(page, form_page):
    page.goto(form_page.url)
    fill_in(page)
    first, second = question_on(page)
    page.locator("#id_cf_answer").fill(str(first + second + 1))
    page.get_by_role("button", name="Send").click()

    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert Enquiry.objects.count() == 0
    assert page.title().startswith("Error: ")

    # The summary's link takes the visitor to the field, which explains itself.
    summary.get_by_role("link", name=re.compile("not the right answer")).click()
    assert page.evaluate("document.activeElement.id") == "id_cf_answer"
    answer = page.locator("#id_cf_answer")
    described_by = answer.get_attribute("aria-describedby").split()
    assert "id_cf_answer-error" in described_by
    assert "not the right answer" in page.locator("#id_cf_answer-error").inner_text()

    # A new question; everything else as typed.
    assert question_on(page) != (first, second)
    assert answer.input_value() == ""
    assert page.get_by_label("Your name").input_value() == "Ada Patient"
    assert page.get_by_label("Email address").input_value() == "ada@example.com"
    assert page.get_by_label("Your message").input_value() == MESSAGE
    assert page.get_by_label("Book an appointment").is_checked()
    assert page.get_by_label("I agree that the clinic may use").is_checked()

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    first, second = question_on(page)
    answer.fill(str(first + second))
    page.get_by_role("button", name="Send").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Message sent"
    assert "Thank you, we will reply soon." in page.content()
    assert "?sent=" in page.url
    page.reload()  # refreshing the thank-you page sends nothing again
    assert page.get_by_role("heading", level=1).inner_text() == "Message sent"
    assert Enquiry.objects.get().get_data()["your_message"] == MESSAGE


def test_the_form_works_without_javascript(browser, live_server, form_page):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    try:
        tab.goto(form_page.url + "?reason=appointment")
        assert tab.get_by_label("Book an appointment").is_checked()
        # The robot trap is neither shown nor in the accessibility tree.
        assert not tab.locator("#id_cf_website").is_visible()
        assert "Leave this field empty" not in tab.locator("main").aria_snapshot()

        tab.get_by_label("Your name").fill("Ada Patient")
        tab.get_by_label("Email address").fill("ada@example.com")
        tab.get_by_label("Your message").fill(MESSAGE)
        tab.get_by_label("I agree that the clinic may use").check()
        first, second = question_on(tab)
        tab.locator("#id_cf_answer").fill(str(first + second))
        tab.get_by_role("button", name="Send").click()

        assert tab.get_by_role("heading", level=1).inner_text() == "Message sent"
        assert Enquiry.objects.count() == 1
    finally:
        context.close()
