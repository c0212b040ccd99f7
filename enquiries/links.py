"""Addresses of the enquiry inbox, for links from the dashboard, the editor
and the notification email."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

# The viewset's name: its URLs are "enquiries:index", "enquiries:edit"...
NAMESPACE = "enquiries"


def inbox_url(**filters):
    """The inbox, filtered by e.g. ``form=<page id>`` or ``status="new"``."""
    url = reverse(f"{NAMESPACE}:index")
    query = {name: value for name, value in filters.items() if value is not None}
    return f"{url}?{urlencode(query)}" if query else url


def enquiry_url(enquiry_or_pk):
    pk = getattr(enquiry_or_pk, "pk", enquiry_or_pk)
    return reverse(f"{NAMESPACE}:edit", args=[pk])


def absolute(url):
    """``url`` on the admin's public address (for emails)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
