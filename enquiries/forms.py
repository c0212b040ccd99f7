"""The small forms on an enquiry's page: its status, who has it, a note."""

from django import forms

from .models import Status
from .users import display_name

NOTE_MAX_LENGTH = 5000


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Status.choices)


class AssigneeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class AssignForm(forms.Form):
    assignee = AssigneeChoiceField(
        label="Assigned to",
        queryset=None,
        required=False,
        empty_label="Nobody",
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users


class NoteForm(forms.Form):
    text = forms.CharField(
        label="New note",
        max_length=NOTE_MAX_LENGTH,
        help_text="Only staff who handle enquiries see notes. A note cannot be "
        "changed or removed once added.",
        error_messages={"required": "Write the note first."},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
