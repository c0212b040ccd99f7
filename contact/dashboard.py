"""The admin dashboard panel of new enquiries, for those who may read them."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from enquiries.models import Enquiry

from .roles import can_read_submissions

NEW_ENQUIRY_DAYS = 7


class NewEnquiriesPanel(Component):
    """How many form submissions came in over the last week."""

    name = "new_enquiries"
    template_name = "contact/admin/new_enquiries_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        since = timezone.now() - datetime.timedelta(days=NEW_ENQUIRY_DAYS)
        return {
            "count": Enquiry.objects.filter(submit_time__gte=since).count(),
            "days": NEW_ENQUIRY_DAYS,
            "forms_url": reverse("wagtailforms:index"),
        }


def add_enquiries_panel(request, panels):
    """``construct_homepage_panels`` hook: new enquiries, for enquiry handlers."""
    if can_read_submissions(request.user):
        panels.append(NewEnquiriesPanel())
