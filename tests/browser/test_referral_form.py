"""A GP refers a patient in a real browser: attaches the letter, gets a
reference; a wrong file is explained at the field, the rest is kept, and the
page with its errors passes axe."""

import re

import pytest

from enquiries.models import Enquiry
from tests.referrals.conftest import FILES, LETTER_PDF, make_referral_page

from .test_accessibility import axe_violations

QUESTION = re.compile(r"What is (\d) plus (\d)\?")


@pytest.fixture
def referral_form(home_page, settings):
    # Playwright types faster than any person (tests/contact has the check).
    settings.CONTACT_MIN_FILL_SECONDS = 0
    return make_referral_page(home_page)


def answer_the_sum(tab):
    label = tab.locator("label[for=id_cf_answer]").inner_text()
    first, second = QUESTION.search(label).groups()
    tab.locator("#id_cf_answer").fill(str(int(first) + int(second)))


def fill_in(tab, letter):
    tab.get_by_label("Your name").fill("Dr Grace Practitioner")
    tab.get_by_label("Your role").select_option("GP")
    tab.get_by_label("Organisation").fill("Riverside Surgery")
    tab.get_by_label("Registration number").fill("1234567")
    tab.get_by_label("Your email address").fill("grace@riverside.nhs.example")
    tab.get_by_label("Patient name").fill("Testy McTestface")
    tab.get_by_label("Patient date of birth").fill("1961-04-12")
    tab.get_by_label("Routine").check()
    tab.get_by_label("Reason for referral").fill("Neuropathic pain for years.")
    tab.get_by_label("Referral letter").set_input_files(letter)
    tab.get_by_label("I confirm that the patient has agreed").check()
    answer_the_sum(tab)


def test_a_wrong_file_is_explained_then_the_referral_goes(
    page, referral_form, tmp_path
):
    renamed = tmp_path / "letter.pdf"
    renamed.write_bytes(b"<!DOCTYPE html><html><body>Not a letter</body></html>")
    page.goto(referral_form.url)
    fill_in(page, renamed)
    page.get_by_label("Registration number").fill("GMC 12345")
    page.get_by_role("button", name="Send referral").click()

    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert "This file is not a PDF or Word document" in summary.inner_text()
    assert "Enter a GMC number (7 digits" in summary.inner_text()
    assert Enquiry.objects.count() == 0
    assert page.get_by_label("Organisation").input_value() == "Riverside Surgery"
    letter = page.get_by_label("Referral letter")
    assert "id_referral_letter-error" in letter.get_attribute("aria-describedby")
    violations, report = axe_violations(page)
    assert not violations, report

    page.get_by_label("Registration number").fill("GMC 1234567")
    letter.set_input_files(FILES / "letter.pdf")
    answer_the_sum(page)
    page.get_by_role("button", name="Send referral").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Referral sent"
    referral = Enquiry.objects.get()
    assert referral.reference in page.locator(".reference").inner_text()
    assert referral.files.get().size == len(LETTER_PDF)
    violations, report = axe_violations(page)
    assert not violations, report
