"""Deleting an enquiry: superusers only (``permissions.py``), after a
confirmation page, recorded in the audit trail before the row goes."""

from django.db import transaction
from wagtail.admin.views.generic import DeleteView

from ..audit import record
from ..models import Enquiry


class EnquiryDeleteView(DeleteView):
    model = Enquiry
    page_title = "Delete enquiry"
    success_message = "%(object)s deleted."

    @property
    def confirmation_message(self):
        return (
            f"Delete {self.object} for good? What the visitor wrote, its notes "
            "and its status are removed and cannot be brought back. The audit "
            "trail keeps only that it was deleted, by whom and when."
        )

    def delete_action(self):
        with transaction.atomic():
            record(self.object, "enquiries.delete", user=self.request.user)
            self.object.delete()
