"""The enquiry audit trail: Wagtail log entries saying who did what and when
with an enquiry, never what it says.

Every view, export, status change, assignment, note and deletion is logged
through ``record``; the "Enquiry audit" report lists them. Entries keep the
enquiry's number (its ``__str__``) as their label and no content.
"""

from wagtail.log_actions import log

ACTIONS = {
    "enquiries.view": ("Viewed enquiry", "Viewed"),
    "enquiries.export": ("Exported enquiries", "Exported"),
    "enquiries.status": ("Changed enquiry status", "Status changed"),
    "enquiries.assign": ("Assigned enquiry", "Assigned"),
    "enquiries.note": ("Added a note to an enquiry", "Note added"),
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
