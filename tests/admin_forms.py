"""What the admin's edit form posts for a page an editor opened and changed
nothing in (or only what a test says), built from the real edit form.

Each field's value goes through its own widget, as the form renders it (rich
text becomes the editor's Draftail JSON, a StreamField its numbered blocks,
an inline panel its formset), so posting it back is the server-side round
trip of "open the page and press Save" without a browser. Wagtail's
``wagtail.test.utils.form_data`` helpers build such data by hand, field by
field; here it is read from the form, so a test covers every page type and
every field without naming them.
"""

from wagtail import blocks
from wagtail.blocks.base import BlockField


def edit_form(page, user):
    """The admin edit form of ``page``, as ``user`` would open it."""
    page = page.get_latest_revision_as_object()
    edit_handler = page.get_edit_handler()
    form_class = edit_handler.get_form_class()
    return form_class(instance=page, for_user=user, parent_page=page.get_parent())


def untouched_form_data(page, user, **changes):
    """The POST data of ``page``'s edit form as opened, updated with ``changes``."""
    data = form_data(edit_form(page, user))
    data.update(changes)
    return data


def form_data(form):
    data = {}
    for bound_field in form:
        add_field(data, bound_field)
    for formset in getattr(form, "formsets", {}).values():
        data.update(formset_data(formset))
    return data


def formset_data(formset):
    data = {}
    for bound_field in formset.management_form:
        data[bound_field.html_name] = bound_field.value()
    for child_form in formset.forms:
        data.update(form_data(child_form))
    return data


def add_field(data, bound_field):
    field, name, value = bound_field.field, bound_field.html_name, bound_field.value()
    if isinstance(field, BlockField):
        data.update(block_data(field.block, value, name))
        return
    widget = field.widget
    if getattr(widget, "input_type", None) == "checkbox" and not getattr(
        widget, "allow_multiple_selected", False
    ):
        if widget.check_test(value):
            data[name] = "on"
        return
    formatted = widget.format_value(value)
    if formatted is None:
        formatted = ""
    if getattr(widget, "allow_multiple_selected", False):
        data[name] = [str(item) for item in formatted]
    else:
        data[name] = formatted


def block_data(block, value, prefix):
    """A block's value as the admin's StreamField widget posts it."""
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": len(value)}
        for index, child in enumerate(value):
            child_prefix = f"{prefix}-{index}"
            data.update(
                {
                    f"{child_prefix}-type": child.block_type,
                    f"{child_prefix}-deleted": "",
                    f"{child_prefix}-order": index,
                    f"{child_prefix}-id": child.id or "",
                }
            )
            data.update(block_data(child.block, child.value, f"{child_prefix}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        data = {f"{prefix}-count": len(value)}
        for index, child in enumerate(value.bound_blocks):
            child_prefix = f"{prefix}-{index}"
            data.update(
                {
                    f"{child_prefix}-deleted": "",
                    f"{child_prefix}-order": index,
                    f"{child_prefix}-id": child.id or "",
                }
            )
            data.update(
                block_data(block.child_block, child.value, f"{child_prefix}-value")
            )
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data.update(block_data(child_block, value.get(name), f"{prefix}-{name}"))
        return data
    widget = block.field.widget
    formatted = widget.format_value(block.value_for_form(value))
    return {prefix: "" if formatted is None else formatted}
