"""Turn two-factor sign-in on or off for one staff member.

``enable`` creates a time-based (TOTP) device and prints the key to add to an
authenticator app (or the otpauth:// link a QR code generator turns into a
code to scan); from then on the admin login asks for the app's code.
"""

import base64

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Enable or disable two-factor sign-in for a user."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["enable", "disable", "status"])
        parser.add_argument("username")

    def handle(self, *args, action, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user called '{username}'.") from error

        devices = TOTPDevice.objects.filter(user=user)
        if action == "status":
            state = "on" if devices.filter(confirmed=True).exists() else "off"
            self.stdout.write(f"Two-factor sign-in for '{username}' is {state}.")
        elif action == "disable":
            count, _ = devices.delete()
            self.stdout.write(f"Two-factor sign-in turned off for '{username}'.")
        else:
            devices.delete()
            device = TOTPDevice.objects.create(
                user=user, name="Authenticator app", confirmed=True
            )
            key = base64.b32encode(device.bin_key).decode()
            self.stdout.write(
                f"Two-factor sign-in is on for '{username}'.\n"
                f"Add this key to their authenticator app: {key}\n"
                f"or make a QR code of: {device.config_url}\n"
                "Give it to them in person; it is shown only now."
            )
