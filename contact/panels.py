"""Admin panels for contact pages."""

from wagtail.contrib.forms.panels import FormSubmissionsPanel

from .roles import can_read_submissions


class ContactSubmissionsPanel(FormSubmissionsPanel):
    """Wagtail's "N submissions, latest at ..." panel with its link to the
    submissions, shown only to those who may read them (enquiry handlers and
    superusers); other editors see the form without any trace of them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            user = getattr(self.request, "user", None)
            return (
                user is not None and can_read_submissions(user) and super().is_shown()
            )
