"""Two-factor sign-in for staff, with django-otp's time-based codes.

Wagtail 8 has no two-factor sign-in of its own, and wagtail-2fa (1.8) does not
import on Wagtail 8 (it needs ``wagtail.users.widgets``, which is gone). So
this module adds what is missing on top of django-otp:

* ``TwoFactorLoginForm`` (the admin's, through ``WAGTAILADMIN_USER_LOGIN_FORM``)
  and ``SignInView`` (Wagtail's front-end ``/_util/login/``, for pages
  restricted to signed-in users) ask for the code from an authenticator app
  whenever the person needs two-factor sign-in (``needs_two_factor``).
* ``TwoFactorMiddleware`` makes the code count whichever view created the
  session: a session that has not given it is signed out by the admin, is
  refused API writes and counts as signed out everywhere else. A login page
  someone adds later, or a session made another way, cannot skip the code.

Who needs it: a user with a confirmed TOTP device; and, with
``STAFF_TWO_FACTOR_REQUIRED=1``, everyone who may use the admin (they are
refused until ``manage.py two_factor enable USERNAME`` has been run).
django-otp throttles repeated wrong codes on the device itself.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse
from django_otp import match_token, user_has_device
from wagtail.admin.forms.auth import LoginForm

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
WRONG_CODE = (
    "Enter the current code from your authenticator app. Codes change every 30 seconds."
)
NOT_SET_UP = (
    "Two-factor sign-in is required, and it is not set up for your account "
    "yet. Ask the site administrator to set it up."
)
SIGNED_OUT = (
    "For your security, please sign in again with your password and the code "
    "from your authenticator app."
)
API_REFUSED = (
    "This session has not completed two-factor sign-in. Sign in at the admin "
    "with your code first."
)


def needs_two_factor(user):
    """Whether this signed-in user must give a code (remembered per request)."""
    if not hasattr(user, "_needs_two_factor"):
        user._needs_two_factor = user_has_device(user, confirmed=True) or (
            settings.STAFF_TWO_FACTOR_REQUIRED
            and user.has_perm("wagtailadmin.access_admin")
        )
    return user._needs_two_factor


class TwoFactorFormMixin:
    """Adds the code field to a Django authentication form and checks it."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["otp_token"] = forms.CharField(
            label="Code from your authenticator app",
            required=False,
            max_length=8,
            help_text="Only if two-factor sign-in is set up for you: the "
            "6-digit code your app shows now.",
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
            ),
        )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None or not needs_two_factor(user):
            return cleaned_data
        if not user_has_device(user, confirmed=True):
            raise forms.ValidationError(NOT_SET_UP, code="otp_required")
        token = (cleaned_data.get("otp_token") or "").replace(" ", "")
        device = match_token(user, token) if token else None
        if device is None:
            raise forms.ValidationError(WRONG_CODE, code="invalid_otp")
        # django-otp's user_logged_in receiver stores it in the session once
        # login() has cycled the session key, so the new session is verified.
        user.otp_device = device
        return cleaned_data


class TwoFactorLoginForm(TwoFactorFormMixin, LoginForm):
    """The admin's sign-in form (``WAGTAILADMIN_USER_LOGIN_FORM``)."""


class FrontendTwoFactorLoginForm(TwoFactorFormMixin, AuthenticationForm):
    """The front-end sign-in form, for pages restricted to signed-in users."""


class SignInView(auth_views.LoginView):
    """``/_util/login/`` as Wagtail routes it (Django's LoginView, back to
    ``next``), with the code field and the site's own page around it."""

    form_class = FrontendTwoFactorLoginForm
    template_name = "sign_in.html"


def _anonymous():
    # Shaped like the users OTPMiddleware hands out, for code that asks.
    user = AnonymousUser()
    user.otp_device = None
    user.is_verified = lambda: False
    return user


class TwoFactorMiddleware:
    """Holds a session to the code, whatever view created it.

    Goes after django-otp's OTPMiddleware (which gives ``request.user`` its
    ``is_verified()``) and MessageMiddleware (for the message it leaves). A
    signed-in user who needs two-factor sign-in and has not given the code:

    * in the admin: is signed out, and sent to the admin's sign-in page (with
      ``next``) with a message; its sign-in, sign-out and password-reset pages
      are then shown as to anyone signed out;
    * on a write to the APIs (any method but GET, HEAD, OPTIONS or TRACE
      under ``/api/``): 403, as ``application/problem+json``;
    * anywhere else (private pages, private documents, API reads): counts as
      signed out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # No session cookie, no session: skip the session and device lookups
        # (and keep anonymous pages free of ``Vary: Cookie``).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if (
            not user.is_authenticated
            or user.is_verified()
            or not needs_two_factor(user)
        ):
            return self.get_response(request)

        # request.path, like reverse(), includes any prefix the site is under.
        path = request.path
        if path.startswith(reverse("wagtailadmin_home")):
            logout(request)
            request.user = _anonymous()
            if not path.startswith(self.admin_open_paths()):
                messages.warning(request, SIGNED_OUT)
                return redirect_to_login(
                    request.get_full_path(), reverse("wagtailadmin_login")
                )
        elif (
            request.path_info.startswith("/api/") and request.method not in SAFE_METHODS
        ):
            return JsonResponse(
                {
                    "type": "about:blank",
                    "title": "Forbidden",
                    "status": 403,
                    "detail": API_REFUSED,
                },
                status=403,
                content_type="application/problem+json",
            )
        else:
            request.user = _anonymous()
        return self.get_response(request)

    @staticmethod
    def admin_open_paths():
        """The admin pages someone signed out may use."""
        return (
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_password_reset"),
        )
