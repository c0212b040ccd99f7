"""Rich text in the exact shape the page editor saves it.

The demo material is written as plain HTML (``<p>...</p>``), but Wagtail's
rich text editor stores each paragraph with a ``data-block-key`` and its own
spelling of the markup. Stored as written, the first untouched save of a
demo page "changed" every rich-text field, and the reviewer's comparison
with the live version listed them all. ``as_the_editor_saves`` passes every
rich-text field, and every rich-text block inside a StreamField, through
the editor's own widget (HTML -> editor -> HTML), so an untouched save
stores exactly what is already there.
"""

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField


def through_editor(widget, html):
    """``html`` as the rich-text ``widget`` would post it back unchanged."""
    posted = {"value": widget.format_value(html or "")}
    return widget.value_from_datadict(posted, {}, "value")


def _raw_block(block, raw):
    """A block's stored (JSON) value, with its rich text in the editor's shape."""
    if raw is None:
        return raw
    if isinstance(block, blocks.RichTextBlock):
        return through_editor(block.field.widget, raw)
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                **item,
                "value": _raw_block(block.child_blocks[item["type"]], item["value"]),
            }
            for item in raw
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": _raw_block(block.child_block, item["value"])}
            if isinstance(item, dict) and "value" in item
            else _raw_block(block.child_block, item)
            for item in raw
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: _raw_block(child, raw.get(name))
            for name, child in block.child_blocks.items()
        }
    return raw


def as_the_editor_saves(instance):
    """Put ``instance``'s rich text in the editor's shape, in place; returns it."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(field, RichTextField) and value:
            widget = field.formfield().widget
            setattr(instance, field.attname, through_editor(widget, value))
        elif isinstance(field, StreamField) and value:
            block = field.stream_block
            raw = block.get_prep_value(value)
            setattr(instance, field.attname, _raw_block(block, raw))
    return instance
