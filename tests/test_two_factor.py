"""Two-factor sign-in to the admin, as a staff member meets it."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-staff-password"  # noqa: S105


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(
        "nurse", "nurse@clinic.invalid", PASSWORD
    )


def sign_in(code=""):
    browser = Client()
    response = browser.post(
        "/admin/login/",
        {"username": "nurse", "password": PASSWORD, "otp_token": code},
    )
    return browser, response


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=6):06d}"


def test_without_two_factor_a_password_is_enough(staff):
    browser, response = sign_in()
    assert response.status_code == 302
    assert browser.get("/admin/").status_code == 200


def test_the_login_page_offers_the_code_field(db):
    html = Client().get("/admin/login/").content.decode()
    assert 'autocomplete="one-time-code"' in html
    assert "Code from your authenticator app" in html


def test_once_enabled_the_app_code_is_needed(staff):
    out = StringIO()
    call_command("two_factor", "enable", "nurse", stdout=out)
    assert re.search(r"key to their authenticator app: [A-Z2-7]{16,}", out.getvalue())
    device = TOTPDevice.objects.get(user=staff)

    browser, refused = sign_in()
    assert refused.status_code == 200
    assert "Enter the current code from your authenticator app" in (
        refused.content.decode()
    )
    assert browser.get("/admin/").status_code == 302  # not signed in

    wrong_code = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    browser, _ = sign_in(wrong_code)
    assert browser.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above slowed it down
    device.throttling_failure_timestamp = None
    device.save()
    browser, accepted = sign_in(current_code(device))
    assert accepted.status_code == 302
    assert browser.get("/admin/").status_code == 200


def test_when_required_staff_without_an_app_are_told_what_to_do(staff, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    browser, response = sign_in()
    assert "Two-factor sign-in is required" in response.content.decode()
    assert browser.get("/admin/").status_code == 302


def test_disabling_returns_to_password_only(staff):
    call_command("two_factor", "enable", "nurse", stdout=StringIO())
    call_command("two_factor", "disable", "nurse", stdout=StringIO())
    browser, response = sign_in()
    assert response.status_code == 302


def test_a_code_is_not_accepted_twice(staff):
    call_command("two_factor", "enable", "nurse", stdout=StringIO())
    device = TOTPDevice.objects.get(user=staff)
    code = current_code(device)
    first, _ = sign_in(code)
    assert first.get("/admin/").status_code == 200
    second, _ = sign_in(code)
    assert second.get("/admin/").status_code == 302  # a replayed code fails
