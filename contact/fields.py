"""Form fields that take each answer only in the one shape it can have.

Django's checkbox reads any posted value but "false" as ticked, so a consent
sent as "no", "0" or "off" would be stored as a yes. ``TickBoxField`` renders
its box with an explicit value and accepts that value alone; anything else is
an error at the box, never a guess. Free-text fields get a length cap, with a
hint the visitor can see and a message that keeps what they typed.

Both doors use these fields: the HTML form directly, and the forms API, which
turns JSON ``true`` into the box's value (``contact/api.py``).
"""

import django.forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The value a ticked box posts. It is what browsers send for a box without a
# value attribute, so a form page opened before this was rendered explicitly
# still posts a valid answer.
CHECKED_VALUE = "on"

# Free-text caps. A name, phone number or subject fits in 255 characters (and
# Wagtail's form builder already used that for single lines); 5,000 characters
# is about 800 words, room for a full history of someone's pain, while keeping
# a submission small enough to read, email a link to and export.
SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 5000

MESSAGES = {
    "tick_box": _(
        "Something went wrong with this tick box. Please tick it again, or leave "
        "it empty."
    ),
    "too_long": _(
        "This is longer than we can take. Please shorten it to {limit} "
        "characters or fewer: everything you typed is still here."
    ),
    "length_hint": _("Up to {limit} characters"),
}


class UnexpectedValue(tuple):
    """What a box posted when it was not exactly its own value, once."""


def initially_ticked(value):
    """Whether a box starts ticked: a default of True or staff's default
    value, unless that says "false", "off" or "0" (as the API describes it)."""
    if isinstance(value, UnexpectedValue):
        return False
    return bool(value) and str(value).lower() not in ("false", "off", "0")


class Checkbox(django.forms.CheckboxInput):
    """A checkbox that always renders ``value="on"`` and reads only that.

    (Named so that its ``widget_type`` stays "checkbox" for the templates.)
    """

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=initially_ticked)

    def format_value(self, value):
        return CHECKED_VALUE

    def value_from_datadict(self, data, files, name):
        if name not in data:
            return False  # browsers send nothing for an unticked box
        getlist = getattr(data, "getlist", None)
        values = getlist(name) if getlist else [data.get(name)]
        if values == [CHECKED_VALUE]:
            return True
        return UnexpectedValue(values)


class TickBoxField(django.forms.BooleanField):
    """A tick box: ticked only by its own value, unticked when left out."""

    widget = Checkbox
    default_error_messages = {"invalid": MESSAGES["tick_box"]}

    def to_python(self, value):
        if isinstance(value, UnexpectedValue):
            return value  # refused in validate(), with the field's message
        return super().to_python(value)

    def validate(self, value):
        if isinstance(value, UnexpectedValue):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        super().validate(value)


class MultiLineField(django.forms.CharField):
    """Free text over several lines, with line ends counted as browsers do.

    Browsers post a line break as CRLF but count it as one character against
    ``maxlength``; storing it as LF keeps the server's count the browser's.
    """

    widget = django.forms.Textarea

    def to_python(self, value):
        value = super().to_python(value)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value


def capped(field_class, limit, show_hint=True, **options):
    """A text field of ``field_class`` that takes at most ``limit`` characters.

    Django renders the cap as ``maxlength``; ``length_hint`` is the visible
    hint the template ties to the field with ``aria-describedby``. Single
    lines go without it (``show_hint=False``): no name or phone number comes
    near the cap, and every extra line of text on a form is one more thing
    for an anxious patient to read.
    """
    shown = f"{limit:,}"
    error_messages = {"max_length": MESSAGES["too_long"].format(limit=shown)}
    error_messages.update(options.pop("error_messages", {}))
    field = field_class(max_length=limit, error_messages=error_messages, **options)
    if show_hint:
        field.length_hint = MESSAGES["length_hint"].format(limit=shown)
    return field


def takes_one_value(field):
    """Whether a field takes a single value (not a multiple choice)."""
    return not getattr(field.widget, "allow_multiple_selected", False)
