"""Make sure someone can log in to the admin, without a fixed public password.

If no superuser exists, one is created with a random password that is
printed once (or the password in ``DJANGO_SUPERUSER_PASSWORD`` when set).
If one exists, nothing changes and the command says how to reset it.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an admin login if none exists, and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@clinic.invalid")
        parser.add_argument(
            "--admin-url",
            default="http://127.0.0.1:8000/admin/",
            help="Where the admin is served, for the message.",
        )

    def handle(self, *args, username, email, admin_url, **options):
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            self.stdout.write(
                f"Admin login: {admin_url} as '{existing.get_username()}'. "
                "Forgotten the password? Run: "
                f".venv/bin/python manage.py changepassword {existing.get_username()}"
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(
            12
        )
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created an admin login. Go to {admin_url} and sign in as "
                f"'{username}' with the password: {password}\n"
                "It is shown only this once; change it after signing in."
            )
        )
