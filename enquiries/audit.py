"""The enquiry audit trail: Wagtail log entries saying who did what and when
with an enquiry, never what it says.

Every view, export, status change, assignment, note and deletion is logged
through ``record``; the "Enquiry audit" report lists them. Entries keep the
enquiry's number (its ``__str__``) as their label and no content.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

ACTIONS = {
    "enquiries.view": ("Viewed enquiry", "Viewed"),
    "enquiries.export": ("Exported enquiries", "Exported"),
    "enquiries.status": ("Changed enquiry status", "Status changed"),
    "enquiries.assign": ("Assigned enquiry", "Assigned"),
    "enquiries.note": ("Added a note to an enquiry", "Note added"),
    "enquiries.download": ("Downloaded a file sent with an enquiry", "Downloaded"),
    "enquiries.delete": ("Deleted enquiry", "Deleted"),
    "enquiries.erase": ("Erased a person's enquiries", "Erased"),
    "enquiries.subject_export": (
        "Exported a person's enquiries (subject access)",
        "Subject access export",
    ),
    "enquiries.reencrypt": ("Re-encrypted enquiries", "Re-encrypted"),
}


def register_actions(actions):
    """For Wagtail's ``register_log_actions`` hook."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def record(instance, action, user=None, data=None):
    """Log ``action`` on ``instance`` (an Enquiry, or any model for actions on
    many). ``data`` may hold counts and ids, never what a visitor wrote."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown enquiry audit action: {action}")
    return log(instance=instance, action=action, user=user, data=data or {})


def record_each(enquiries, action, user=None, data=None):
    """Log ``action`` once per enquiry in one query (an export of hundreds),
    sharing one ``uuid`` so the entries read as one act. Per enquiry, so the
    report answers "who has seen enquiry N?" for exports too."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown enquiry audit action: {action}")
    enquiries = list(enquiries)
    if not enquiries:
        return []
    content_type = ContentType.objects.get_for_model(type(enquiries[0]))
    shared = {
        "content_type": content_type,
        "action": action,
        "user": user if user is not None and user.is_authenticated else None,
        "data": data or {},
        "timestamp": timezone.now(),
        "uuid": uuid.uuid4(),
    }
    return ModelLogEntry.objects.bulk_create(
        ModelLogEntry(object_id=str(item.pk), label=str(item), **shared)
        for item in enquiries
    )
