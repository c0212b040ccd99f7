"""Admin panels for contact pages."""

from wagtail.contrib.forms.panels import FormSubmissionsPanel

from enquiries.links import inbox_url
from enquiries.roles import can_handle_enquiries


class ContactSubmissionsPanel(FormSubmissionsPanel):
    """How many enquiries the form has had, the latest, and a link to them in
    the enquiry inbox; shown only to those who may read enquiries (editors
    see the form without any trace of them)."""

    def on_model_bound(self):
        if not self.heading:
            self.heading = "Enquiries"

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        template_name = "contact/admin/enquiries_panel.html"

        def is_shown(self):
            user = getattr(self.request, "user", None)
            return (
                user is not None and can_handle_enquiries(user) and super().is_shown()
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["inbox_url"] = inbox_url(form=self.instance.pk)
            return context
