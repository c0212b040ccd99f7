"""The admin dashboard panel of new enquiries, for those who may read them."""

from wagtail.admin.ui.components import Component

from enquiries.links import inbox_url
from enquiries.models import Enquiry, Status
from enquiries.roles import can_handle_enquiries


class NewEnquiriesPanel(Component):
    """How many enquiries are waiting (status New), linking to them, and the
    newest few, each linking straight to the enquiry."""

    name = "new_enquiries"
    template_name = "contact/admin/new_enquiries_panel.html"
    order = 140
    newest_shown = 5

    def get_context_data(self, parent_context):
        waiting = Enquiry.objects.filter(status=Status.NEW)
        return {
            "count": waiting.count(),
            "newest": list(
                waiting.select_related("page").only(
                    "pk", "submit_time", "reason", "page__title"
                )[: self.newest_shown]
            ),
            "inbox_url": inbox_url(status=Status.NEW),
        }


def add_enquiries_panel(request, panels):
    """``construct_homepage_panels`` hook: new enquiries, for enquiry handlers."""
    if can_handle_enquiries(request.user):
        panels.append(NewEnquiriesPanel())
