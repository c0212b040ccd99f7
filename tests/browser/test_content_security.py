"""The strict Content-Security-Policy breaks nothing a visitor or editor uses."""

import pytest


@pytest.fixture
def csp_violations(page):
    """Every 'Refused to ...' message Chromium logs for the policy."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return refused


def test_no_public_page_breaks_the_policy(page, demo_urls, csp_violations):
    for name, url in demo_urls.items():
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        assert csp_violations == [], name


def test_the_page_editor_runs_under_the_admin_policy(
    page, demo_urls, csp_violations, django_user_model
):
    django_user_model.objects.create_superuser("editor", "e@clinic.invalid", "pw")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    from techniques.models import TechniquePage

    technique = TechniquePage.objects.get(slug="deep-brain-stimulation")
    page.goto(f"/admin/pages/{technique.pk}/edit/")
    # The conditions inline panel is built by one of Wagtail's inline scripts.
    page.get_by_role("button", name="Add condition").first.click()
    assert page.locator("[id^='inline_child_condition_links']").count() > 4
    assert csp_violations == []
