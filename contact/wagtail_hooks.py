"""Admin hooks: who may read and export form submissions, and the dashboard's
new enquiries."""

from wagtail import hooks

from .dashboard import add_enquiries_panel
from .roles import can_read_submissions

hooks.register("construct_homepage_panels", add_enquiries_panel)


@hooks.register("filter_form_submissions_for_user")
def only_enquiry_handlers_read_submissions(user, editable_forms):
    """Wagtail lets anyone who can edit a form page read its submissions (the
    listing, CSV and XLSX export, the Forms menu). Keep that to superusers and
    enquiry handlers: other editors get an empty list and a refusal."""
    if can_read_submissions(user):
        return editable_forms
    return editable_forms.none()
