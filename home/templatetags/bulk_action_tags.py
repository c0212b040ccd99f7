"""Bulk actions offered only to those who may carry them out.

Wagtail's listings offer every registered bulk action to everyone (Publish,
Delete, Move... under each page listing) and refuse only afterwards, on the
confirmation screen ("You don't have permission to..."): a dead end for an
editor in the clinical sections, where publishing needs a clinical
reviewer. ``templates/wagtailadmin/bulk_actions/footer.html`` calls
``permitted_bulk_action_choices`` instead of Wagtail's ``bulk_action_choices``:
the same buttons, less those the signed-in user may not perform on any item
of the listing (each action's own ``check_perm``, as its confirmation screen
asks it). Any listing with bulk actions uses the footer: pages, images,
documents, users, snippets.
"""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets import ButtonWithDropdown
from wagtail.models import Page

register = template.Library()


def _as_checked(obj):
    # A page's own permission rules (e.g. the clinical sections') belong to
    # its specific class; listings may hold plain ``Page`` objects.
    return obj.specific_deferred if isinstance(obj, Page) else obj


def permitted_action_urls(request, app_label, model_name, objects):
    """The bulk action URLs the user may use on at least one of ``objects``."""
    objects = [_as_checked(obj) for obj in objects or []]
    permitted = set()
    for action_class in bulk_action_registry.get_bulk_actions_for_model(
        app_label, model_name
    ):
        model = action_class.models[0]
        for candidate in action_class.models:
            if candidate._meta.model_name == model_name:
                model = candidate
        action = action_class(request, model)
        if any(action.check_perm(obj) for obj in objects):
            permitted.add(
                reverse(
                    "wagtail_bulk_action",
                    args=[app_label, model_name, action_class.action_type],
                )
            )
    return permitted


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name, objects):
    permitted = permitted_action_urls(
        context["request"], app_label, model_name, objects
    )
    buttons = []
    for button in bulk_action_choices(context, app_label, model_name)["buttons"]:
        if isinstance(button, ButtonWithDropdown):
            button.dropdown_buttons = [
                item for item in button.dropdown_buttons if item.url in permitted
            ]
            if button.dropdown_buttons:
                buttons.append(button)
        elif button.url in permitted:
            buttons.append(button)
    return {"buttons": buttons}
