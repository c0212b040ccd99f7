"""Admin panels every page type uses in place of Wagtail's own.

``InlinePanel`` is Wagtail's, with two things a reviewer and an editor need:

* **The comparison shows a new order.** Wagtail's ``ChildRelationComparison``
  says it reports reordering, but its ``has_changed`` only looks at added,
  deleted or edited items, so moving a page's conditions or leaflets around
  left "compare with live" empty (Wagtail 8.0). ``OrderedChildRelationComparison``
  also counts a moved item, which the comparison screen then shows as
  "Moved up 1 place".
* **Each item is headed by what it is.** Wagtail heads every item with the
  panel's label and a number ("Form field 6"); with ``item_heading`` naming
  a field of the item, a saved item is headed by that field instead ("Your
  message", "Essential tremor"). New, unsaved items keep the numbered label.
  The heading is read by ``templates/wagtailadmin/panels/inline_panel_child.html``.

``ReadOnlyPanel`` shows a value editors cannot change as a person would write
it: a date as "30 November 2027", and an empty value as the panel's
``empty_text`` ("Not reviewed yet") instead of Wagtail's "None".
"""

import datetime
import functools

from django.utils.dateformat import format as format_date
from wagtail.admin import compare
from wagtail.admin.panels import FieldPanel
from wagtail.admin.panels import InlinePanel as WagtailInlinePanel

# How staff screens write a date.
DATE_FORMAT = "j F Y"


class ReadOnlyPanel(FieldPanel):
    def __init__(self, field_name, *args, empty_text="—", **kwargs):
        kwargs["read_only"] = True
        self.empty_text = empty_text
        super().__init__(field_name, *args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "empty_text": self.empty_text}

    def format_value_for_display(self, value):
        if value is None or value == "":
            return self.empty_text
        if isinstance(value, datetime.date):
            return format_date(value, DATE_FORMAT)
        return super().format_value_for_display(value)


class PlacedChildObjectComparison(compare.ChildObjectComparison):
    """An item of a child relation, and how many places it moved.

    Wagtail counts a move as the difference of the two ``sort_order`` values,
    which is only a number of places while both versions number their items
    0, 1, 2...: a page whose items were numbered otherwise (by code, or after
    a deletion) showed "Moved up 9 places". Places are counted in the lists.
    """

    def __init__(self, model, field_comparisons, obj_a, obj_b, places_moved=0):
        super().__init__(model, field_comparisons, obj_a, obj_b)
        self.places_moved = places_moved

    def get_position_change(self):
        return self.places_moved


class OrderedChildRelationComparison(compare.ChildRelationComparison):
    """A child relation that has changed when its items moved, too."""

    def get_child_comparisons(self):
        # Wagtail's order (the newer version's, then deletions), with moves
        # counted in places among the items both versions have.
        objs_a, objs_b = list(self.val_a.all()), list(self.val_b.all())
        forwards, backwards, added, deleted = self.get_mapping(objs_a, objs_b)
        kept_a = [index for index in range(len(objs_a)) if index not in deleted]
        kept_b = [index for index in range(len(objs_b)) if index not in added]
        place_in_a = {index: place for place, index in enumerate(kept_a)}
        place_in_b = {index: place for place, index in enumerate(kept_b)}
        model, fields = self.field.related_model, self.field_comparisons
        comparisons = []
        for b_index, obj_b in enumerate(objs_b):
            if b_index in added:
                comparisons.append(
                    PlacedChildObjectComparison(model, fields, None, obj_b)
                )
                continue
            a_index = backwards[b_index]
            moved = place_in_b[b_index] - place_in_a[a_index]
            comparisons.append(
                PlacedChildObjectComparison(
                    model, fields, objs_a[a_index], obj_b, moved
                )
            )
        comparisons.extend(
            PlacedChildObjectComparison(model, fields, objs_a[index], None)
            for index in deleted
        )
        return comparisons

    def has_changed(self):
        return any(
            child.is_addition()
            or child.is_deletion()
            or child.get_position_change()
            or child.has_changed()
            for child in self.get_child_comparisons()
        )


class InlinePanel(WagtailInlinePanel):
    def __init__(self, *args, item_heading=None, **kwargs):
        self.item_heading = item_heading
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "item_heading": self.item_heading}

    class BoundPanel(WagtailInlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            for child in getattr(self, "children", []):
                child.item_heading = self.heading_for(child.instance)

        def heading_for(self, item):
            """A saved item's own name for its heading, or "" for the default."""
            name = self.panel.item_heading
            if not name or item is None or item.pk is None:
                return ""
            value = getattr(item, name, "")
            return str(value).strip() if value else ""

        def get_comparison(self):
            return [
                functools.partial(
                    OrderedChildRelationComparison,
                    *comparison.args,
                    **comparison.keywords,
                )
                for comparison in super().get_comparison()
            ]
