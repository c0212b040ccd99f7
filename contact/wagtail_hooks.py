"""Admin hooks: Wagtail's Forms section gives way to the enquiry inbox, and
the dashboard shows new enquiries."""

from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks

from enquiries.links import inbox_url

from .dashboard import add_enquiries_panel

hooks.register("construct_homepage_panels", add_enquiries_panel)


@hooks.register("filter_form_submissions_for_user")
def read_enquiries_in_the_inbox_only(user, editable_forms):
    """Nobody reads submissions through Wagtail's Forms section, superusers
    included: the Enquiries area is the one place, because only it records
    every view, export and deletion in the audit trail and shows values as
    a person would write them. With no forms listed, Wagtail hides the Forms
    menu and refuses its listing, exports and deletion for everyone."""
    return editable_forms.none()


def _to_inbox(request, page_id=None):
    return redirect(inbox_url(form=page_id))


@hooks.register("register_admin_urls")
def forms_section_leads_to_the_inbox():
    """Old links and bookmarks to Wagtail's Forms section (such as those in
    notification emails sent before the inbox) open the inbox instead. These
    come before Wagtail's own ``forms/`` URLs (contact's hooks load first)."""
    return [
        path("forms/", _to_inbox),
        path("forms/submissions/<int:page_id>/", _to_inbox),
    ]
