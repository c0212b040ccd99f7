"""Audit entries for actions on many enquiries at once (re-encryption,
erasure, subject access exports): logged against the Enquiry model itself
(its content type), since the rows may be gone or be thousands. ``data``
holds counts, never content or an address."""

from django.contrib.contenttypes.models import ContentType

from . import audit


def record_many(action, user=None, data=None):
    from .models import Enquiry

    return audit.record(ContentType.objects.get_for_model(Enquiry), action, user, data)
