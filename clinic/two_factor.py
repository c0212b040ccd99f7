"""Two-factor sign-in to the admin, with django-otp's time-based codes.

Wagtail 8 has no two-factor sign-in of its own, and wagtail-2fa (1.8) does not
import on Wagtail 8 (it needs ``wagtail.users.widgets``, which is gone). So
this module adds the one piece that is missing on top of django-otp: a login
form (Wagtail's own, through ``WAGTAILADMIN_USER_LOGIN_FORM``) that asks for
the code from an authenticator app whenever the user has one set up.

* A staff member with a confirmed TOTP device must give its current code.
* ``STAFF_TWO_FACTOR_REQUIRED=1`` also refuses anyone without a device, with a
  message saying how to get one (``manage.py two_factor enable USERNAME``).
* django-otp throttles repeated wrong codes on the device itself.
"""

from django import forms
from django.conf import settings
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from wagtail.admin.forms.auth import LoginForm


class TwoFactorLoginForm(LoginForm):
    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        max_length=8,
        help_text="Only if two-factor sign-in is set up for you: the 6-digit "
        "code your app shows now.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        if user_has_device(user, confirmed=True):
            token = (cleaned_data.get("otp_token") or "").replace(" ", "")
            device = match_token(user, token) if token else None
            if device is None:
                raise forms.ValidationError(
                    "Enter the current code from your authenticator app. Codes "
                    "change every 30 seconds.",
                    code="invalid_otp",
                )
            # Marks the session as verified; it survives the login's new key.
            otp_login(self.request, device)
        elif settings.STAFF_TWO_FACTOR_REQUIRED:
            raise forms.ValidationError(
                "Two-factor sign-in is required, and it is not set up for your "
                "account yet. Ask the site administrator to set it up.",
                code="otp_required",
            )
        return cleaned_data
