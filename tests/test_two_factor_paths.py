"""Two-factor sign-in holds on every way in, not only on the admin's login page.

The crawl below finds every page of the project that offers a sign-in form
(a password input with a username field), from every URL pattern, so a login
page added later (by us or by a Wagtail upgrade) is tested without anyone
remembering to list it here.
"""

import base64
import re
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import LoginView, PasswordResetConfirmView
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from clinic.two_factor import API_REFUSED, SIGNED_OUT, TwoFactorFormMixin
from home.factories import StandardPageFactory

PASSWORD = "a-long-staff-password"  # noqa: S105
PRIVATE_TEXT = "Only for signed-in staff"


# --- finding every page that takes a password ---------------------------------


def all_patterns(resolver=None, prefix=()):
    """Every URL pattern of the project, with the patterns it sits under."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from all_patterns(entry, (*prefix, entry.pattern))
        else:
            yield (*prefix, entry.pattern), entry


def literal(pattern):
    """The path a pattern matches when it takes no arguments, else None."""
    if isinstance(pattern, RoutePattern):
        return None if pattern.converters else str(pattern)
    if isinstance(pattern, RegexPattern) and not pattern.regex.groups:
        text = re.sub(r"\\(.)", r"\1", pattern.regex.pattern.strip("^$"))
        return None if re.search(r"[()\[\]*+?|{}]", text) else text
    return None


def paths_without_arguments():
    for patterns, _entry in all_patterns():
        parts = [literal(pattern) for pattern in patterns]
        if None not in parts:
            yield "/" + "".join(parts)


class SignInForms(HTMLParser):
    """The forms of a page that take a user name and a password."""

    def __init__(self):
        super().__init__()
        self.found, self.form, self.fields = [], None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form, self.fields = attrs, {}
        elif tag == "input" and self.form is not None and attrs.get("name"):
            self.fields[attrs["name"]] = attrs

    def handle_endtag(self, tag):
        if tag != "form" or self.form is None:
            return
        types = {field.get("type", "text") for field in self.fields.values()}
        if "password" in types and "username" in self.fields:
            hidden = {
                name: field.get("value", "")
                for name, field in self.fields.items()
                if field.get("type") == "hidden"
            }
            self.found.append((self.form.get("action") or "", hidden))
        self.form = None


def sign_in_forms(extra_paths):
    """(page, action, hidden fields) of every sign-in form reachable by a GET
    of a URL pattern without arguments (or of ``extra_paths``), following
    redirects (such as the admin's to its login page)."""
    browser = Client()
    queue = [*paths_without_arguments(), *extra_paths]
    seen, found = set(), {}
    while queue:
        url = queue.pop()
        if urlsplit(url).path in seen:
            continue
        seen.add(urlsplit(url).path)
        response = browser.get(url)
        if response.status_code in (301, 302, 303, 307, 308):
            target = urljoin(url, response["Location"])
            if not urlsplit(target).netloc:
                queue.append(target)
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = SignInForms()
        parser.feed(response.content.decode(errors="replace"))
        for action, hidden in parser.found:
            target = urlsplit(urljoin(url, action)).path
            found[target] = (url, hidden)
    return found


# --- people and pages ------------------------------------------------------------


@pytest.fixture
def nurse(django_user_model):
    """A superuser with an authenticator app set up."""
    user = django_user_model.objects.create_superuser(
        "nurse", "nurse@clinic.invalid", PASSWORD
    )
    call_command("two_factor", "enable", "nurse", stdout=StringIO())
    return user


@pytest.fixture
def editor(django_user_model):
    """A superuser without an authenticator app."""
    return django_user_model.objects.create_superuser(
        "editor", "editor@clinic.invalid", PASSWORD
    )


@pytest.fixture
def private_page(home_page):
    page = StandardPageFactory(parent=home_page, title=PRIVATE_TEXT, slug="staff")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


@pytest.fixture
def password_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Shared", slug="shared")
    PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="shared-pw"
    )
    return page


def current_code(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=6):06d}"


def reaches_the_admin(browser):
    return browser.get("/admin/pages/").status_code == 200


def writes_to_the_api(browser):
    response = browser.post(
        "/api/v3/pages/",
        {"type": "home.StandardPage", "parent": 1, "title": "Planted"},
        content_type="application/json",
    )
    return response.status_code < 400


def sees_the_private_page(browser, page):
    response = browser.get(page.url)
    return response.status_code == 200 and PRIVATE_TEXT in response.content.decode()


@pytest.fixture
def every_sign_in_form(private_page, password_page, editor):
    uid = urlsafe_base64_encode(force_bytes(editor.pk))
    token = default_token_generator.make_token(editor)
    forms = sign_in_forms(
        [
            private_page.url,  # to the front-end sign-in, with ?next=
            password_page.url,  # the shared-password form (no user name)
            f"/admin/password_reset/confirm/{uid}/{token}/",
        ]
    )
    # The crawl found the two we know of; any other it finds is tested too.
    assert {"/admin/login/", "/_util/login/"} <= set(forms), forms
    return forms


# --- every sign-in form ------------------------------------------------------------


def test_no_sign_in_page_lets_staff_with_an_app_in_with_only_a_password(
    every_sign_in_form, nurse, private_page
):
    for action, (page, hidden) in every_sign_in_form.items():
        browser = Client()
        browser.post(action, {**hidden, "username": "nurse", "password": PASSWORD})
        assert not reaches_the_admin(browser), f"{action} (on {page})"
        assert not writes_to_the_api(browser), f"{action} (on {page})"
        assert not sees_the_private_page(browser, private_page), action


def test_when_required_no_sign_in_page_lets_staff_without_an_app_in(
    every_sign_in_form, editor, settings
):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    for action, (page, hidden) in every_sign_in_form.items():
        browser = Client()
        browser.post(action, {**hidden, "username": "editor", "password": PASSWORD})
        assert not reaches_the_admin(browser), f"{action} (on {page})"
        assert not writes_to_the_api(browser), f"{action} (on {page})"


def test_every_sign_in_page_works_with_the_code(every_sign_in_form, nurse):
    for action, (_page, hidden) in every_sign_in_form.items():
        TOTPDevice.objects.filter(user=nurse).update(last_t=-1)  # a fresh code
        browser = Client()
        response = browser.post(
            action,
            {
                **hidden,
                "username": "nurse",
                "password": PASSWORD,
                "otp_token": current_code(nurse),
            },
        )
        assert response.status_code == 302, action
        assert reaches_the_admin(browser), action


def test_the_front_end_sign_in_asks_for_the_code_and_says_why(nurse, private_page):
    browser = Client()
    form = browser.get(f"/_util/login/?next={private_page.url}").content.decode()
    assert 'autocomplete="one-time-code"' in form
    refused = browser.post(
        "/_util/login/",
        {"username": "nurse", "password": PASSWORD, "next": private_page.url},
    )
    assert refused.status_code == 200
    assert "Enter the current code from your authenticator app" in (
        refused.content.decode()
    )

    signed_in = browser.post(
        "/_util/login/",
        {
            "username": "nurse",
            "password": PASSWORD,
            "otp_token": current_code(nurse),
            "next": private_page.url,
        },
    )
    assert signed_in["Location"] == private_page.url
    assert sees_the_private_page(browser, private_page)


def test_people_without_two_factor_still_sign_in_with_a_password(
    every_sign_in_form, editor, private_page, django_user_model, settings
):
    for action, (_page, hidden) in every_sign_in_form.items():
        browser = Client()
        browser.post(action, {**hidden, "username": "editor", "password": PASSWORD})
        assert reaches_the_admin(browser), action
        assert sees_the_private_page(browser, private_page), action

    # With two-factor required of staff, a member who cannot use the admin
    # still opens the pages for signed-in people with a password.
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    django_user_model.objects.create_user("member", password=PASSWORD)
    browser = Client()
    browser.post("/_util/login/", {"username": "member", "password": PASSWORD})
    assert sees_the_private_page(browser, private_page)


# --- sessions made any other way ------------------------------------------------------


def test_a_session_without_the_code_is_signed_out_of_the_admin(nurse):
    browser = Client()
    browser.force_login(nurse)  # as any view calling login() would
    refused = browser.get("/admin/pages/?q=pain")
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/login/?next=/admin/pages/%3Fq%3Dpain"
    assert "_auth_user_id" not in browser.session  # signed out, not only turned away
    assert SIGNED_OUT in browser.get(refused["Location"]).content.decode()

    browser.post(
        "/admin/login/",
        {"username": "nurse", "password": PASSWORD, "otp_token": current_code(nurse)},
    )
    assert reaches_the_admin(browser)


def test_a_session_without_the_code_cannot_write_to_the_api(nurse, home_page):
    browser = Client()
    browser.force_login(nurse)
    response = browser.post(
        "/api/v3/pages/", {"title": "Planted"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == API_REFUSED
    # Reading is no different from anyone's.
    assert browser.get("/api/v3/pages/").status_code == 200


def test_a_session_without_the_code_counts_as_signed_out_on_the_site(
    nurse, private_page
):
    browser = Client()
    browser.force_login(nurse)
    response = browser.get(private_page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")


def test_when_required_a_session_of_staff_without_an_app_is_refused(editor, settings):
    browser = Client()
    browser.force_login(editor)
    assert reaches_the_admin(browser)
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    assert not reaches_the_admin(browser)


def test_turning_two_factor_on_ends_an_open_password_only_session(editor):
    browser = Client()
    browser.force_login(editor)
    assert reaches_the_admin(browser)
    call_command("two_factor", "enable", "editor", stdout=StringIO())
    assert not reaches_the_admin(browser)


def test_sessions_of_people_without_two_factor_are_unaffected(editor, home_page):
    browser = Client()
    browser.force_login(editor)
    assert reaches_the_admin(browser)
    assert browser.get("/admin/").status_code == 200


# --- other ways to hand over a password -----------------------------------------------


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    private = root.add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Rota", file="documents/rota.pdf", collection=private
    )


def test_the_api_takes_no_password_in_the_request(editor, private_document):
    """HTTP Basic (Django REST framework's default) would be a sign-in with
    a password only; the v2 API must treat it as any anonymous request."""
    credentials = base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
    response = Client().get(
        "/api/v2/documents/", HTTP_AUTHORIZATION=f"Basic {credentials}"
    )
    assert response.status_code == 200
    assert private_document.pk not in [item["id"] for item in response.json()["items"]]


def test_every_login_view_asks_for_the_code_and_no_reset_signs_in():
    """Read from the URL configuration: each reachable Django login view uses
    the two-factor form, and no password-reset page signs the user in (it
    would be a way in with an emailed link and no code)."""
    login_views = 0
    for patterns, entry in all_patterns():
        view_class = getattr(entry.callback, "view_class", None)
        if view_class is None:
            continue
        if issubclass(view_class, PasswordResetConfirmView):
            options = getattr(entry.callback, "view_initkwargs", {})
            assert not options.get("post_reset_login", view_class.post_reset_login)
        if issubclass(view_class, LoginView):
            parts = [literal(pattern) for pattern in patterns]
            if None in parts:
                continue
            path = "/" + "".join(parts)
            if resolve(path).func is not entry.callback:
                continue  # shadowed by an earlier pattern for the same path
            view = view_class(**entry.callback.view_initkwargs)
            assert issubclass(view.get_form_class(), TwoFactorFormMixin), path
            login_views += 1
    assert login_views >= 2


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_wrong_passwords_at_the_front_end_sign_in_lock_sign_in_too(editor):
    browser = Client(REMOTE_ADDR="203.0.113.21")
    for _ in range(3):
        failed = browser.post(
            "/_util/login/", {"username": "editor", "password": "wrong"}
        )
    assert failed.status_code == 429
    assert "Sign-in locked" in failed.content.decode()
    # The lock covers the admin's sign-in too.
    locked = browser.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert locked.status_code == 429
    assert not reaches_the_admin(browser)


def test_anonymous_api_writes_are_left_to_wagtail(home_page):
    """The guard is about sessions: an anonymous write is Wagtail's to answer."""
    response = Client().post(
        "/api/v3/pages/", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 401
