"""Signing staff in through the real admin sign-in form, for browser tests."""

import re

from playwright.sync_api import expect

PASSWORD = "a-long-test-password"  # noqa: S105


def sign_in(page, username):
    """Sign ``username`` (whose password is ``PASSWORD``) in, afresh."""
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
