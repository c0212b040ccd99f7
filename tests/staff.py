"""Staff sessions for the test client."""

from django.test import Client


def logged_in(user):
    """A test client signed in as ``user`` (two-factor already given)."""
    staff = Client()
    staff.force_login(user)
    return staff
