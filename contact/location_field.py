"""The "Location" field type: a drop-down of the clinic's live locations.

Staff add it in the form builder like any other field (type *Location*); its
choices are read from the live, public location pages each time the form is
built, so there is no list to keep in step by hand, and a location that is
unpublished or made private disappears from the form and is refused if a
stale page or an API client still sends it. The stored answer is the
location's name (what staff read in the submissions and exports); location
names are unique (``LocationPage.clean``), so the name finds the location
whose email is told of the enquiry (``chosen_locations``).
"""

import django.forms
from django.utils.translation import gettext_lazy as _

from locations.models import live_locations

FIELD_TYPE = "location"
FIELD_TYPE_CHOICE = (FIELD_TYPE, _("Location (chosen from the location pages)"))

MESSAGES = {
    "invalid_choice": _(
        "Please choose one of our locations from the list: it may have "
        "changed since this page was opened."
    ),
    "required": _("Please choose a location."),
    "choose": _("Please choose…"),
    "no_preference": _("No preference"),
}


def location_field(options):
    """The Django form field for a *Location* field, its choices read now."""
    names = list(live_locations().values_list("title", flat=True))
    empty = MESSAGES["choose"] if options.get("required") else MESSAGES["no_preference"]
    return django.forms.ChoiceField(
        choices=[("", empty), *((name, name) for name in names)],
        error_messages={
            "invalid_choice": MESSAGES["invalid_choice"],
            "required": MESSAGES["required"],
        },
        **options,
    )


def chosen_locations(page, submission):
    """The live locations a submission chose in the page's *Location*
    fields, by title."""
    data = submission.get_data()
    names = {
        data.get(field.clean_name or field.get_field_clean_name())
        for field in page.get_form_fields()
        if field.field_type == FIELD_TYPE
    } - {None, ""}
    if not names:
        return []
    return list(live_locations().filter(title__in=names))
