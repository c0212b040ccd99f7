"""Helpers for rendering form fields accessibly."""

from django import template

register = template.Library()


@register.filter
def described_by(field):
    """The ids of the help text, length hint and error message of a bound field.

    Templates give those elements the ids ``<auto_id>-help``,
    ``<auto_id>-limit`` (a field's ``length_hint``, e.g. "Up to 5,000
    characters") and ``<auto_id>-error``; this returns them space-separated
    (or "").
    """
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-help")
    if getattr(field.field, "length_hint", None):
        ids.append(f"{field.auto_id}-limit")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def with_described_by(field):
    """Render a bound field's widget pointing at its help text and error.

    Adds ``aria-describedby`` (help and/or error ids) and, when the field has
    errors, ``aria-invalid="true"``. Radio and checkbox groups are wrapped in a
    ``<fieldset>`` that carries ``aria-describedby`` itself, so their options
    do not each repeat the help text.
    """
    attrs = {}
    if not field.use_fieldset and (ids := described_by(field)):
        attrs["aria-describedby"] = ids
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
