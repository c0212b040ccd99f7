"""What every response promises a browser, and how admin sign-in resists guessing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parent.parent


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (
            part.split() for part in policy.split(";") if part.strip()
        )
    }


def test_public_pages_allow_no_inline_script_and_no_other_origin(client, home_page):
    response = client.get("/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/no-such-page/", "/robots.txt", "/search/"])
def test_every_response_carries_the_security_headers(client, home_page, path):
    response = client.get(path)
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/search/", "/admin/login/", "/api/v2/pages/"])
def test_no_page_may_use_the_camera_microphone_location_or_payments(
    client, home_page, path
):
    policy = {
        feature: allowlist
        for feature, _, allowlist in (
            part.strip().partition("=")
            for part in client.get(path)["Permissions-Policy"].split(",")
        )
    }
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy[feature] == "()", feature


def test_the_admin_keeps_its_policy_but_may_run_wagtails_inline_scripts(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]  # the preview panel


def test_the_admin_may_frame_the_front_ends_preview_when_it_has_one(
    admin_client, settings
):
    assert directives(admin_client.get("/admin/"))["frame-src"] == ["'self'"]
    settings.HEADLESS_PREVIEW_URL = "https://app.clinic.example/preview/"
    policy = directives(admin_client.get("/admin/"))
    assert policy["frame-src"] == ["'self'", "https://app.clinic.example"]


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "e@clinic.invalid", "right-pw-123")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failed_sign_ins_lock_the_admin_login(editor):
    browser = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        failed = browser.post(
            "/admin/login/", {"username": "editor", "password": "wrong"}
        )
    assert failed.status_code == 429
    assert "Sign-in locked" in failed.content.decode()

    # Even the right password is refused until the lock expires.
    locked = browser.post(
        "/admin/login/", {"username": "editor", "password": "right-pw-123"}
    )
    assert locked.status_code == 429
    assert browser.get("/admin/").status_code == 302  # still signed out

    # Someone else, elsewhere, can still sign in.
    other = Client(REMOTE_ADDR="198.51.100.7")
    signed_in = other.post(
        "/admin/login/", {"username": "editor", "password": "right-pw-123"}
    )
    assert signed_in.status_code == 302
    assert other.get("/admin/").status_code == 200


@override_settings(AXES_ENABLED=True)
def test_a_successful_sign_in_after_a_typo_is_not_held_against_anyone(editor):
    browser = Client(REMOTE_ADDR="203.0.113.10")
    browser.post("/admin/login/", {"username": "editor", "password": "typo"})
    response = browser.post(
        "/admin/login/", {"username": "editor", "password": "right-pw-123"}
    )
    assert response.status_code == 302


def test_production_settings_pass_djangos_deploy_checks():
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x7Q" * 20,
        DJANGO_ALLOWED_HOSTS="clinic.example",
        WAGTAILADMIN_BASE_URL="https://clinic.example",
        ENQUIRY_ENCRYPTION_KEYS="dGVzdC1vbmx5LWVucXVpcnkta2V5LTMyLWJ5dGVzISE=",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_password_reset_link_points_at_the_configured_address(
    client, editor, settings, mailoutbox
):
    settings.WAGTAILADMIN_BASE_URL = "https://clinic.example"
    client.post("/admin/password_reset/", {"email": "e@clinic.invalid"})
    (email,) = mailoutbox
    assert "https://clinic.example/admin/password_reset/confirm/" in email.body
    assert "testserver" not in email.body
