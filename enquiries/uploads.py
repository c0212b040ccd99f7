"""The form field for a file sent with an enquiry (a referral letter).

It takes a PDF or Word document of at most ``ENQUIRY_FILE_MAX_BYTES``, told
apart by its content (``files.detect``); the form then has it passed by the
malware scanner where one is configured (``scan``, ``scanning``), once
everything else in the form is right. Each refusal says what to do next.
Its cleaned value is a ``CheckedFile``: the bytes, their kind and size, ready
to be encrypted and stored with the enquiry (``files.store``).
"""

from dataclasses import dataclass

import django.forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import files, scanning

MESSAGES = {
    "required": _("Please attach the letter, as a PDF or Word document."),
    "empty": _("This file is empty. Please attach the letter again."),
    "too_big": _(
        "This file is {size}, larger than we can take ({limit} at most). "
        "Please attach a smaller copy, for example saved as a PDF."
    ),
    "wrong_kind": _(
        "This file is not a PDF or Word document. Please attach the letter as "
        "a PDF, or as a Word file (.doc or .docx)."
    ),
    "infected": _(
        "Our virus check found a problem with this file, so we cannot accept "
        "it. Please check the file, or send the letter another way."
    ),
    "no_verdict": _(
        "We could not check this file for viruses just now. Please try again "
        "in a few minutes, or send the letter another way."
    ),
    "attach_again": _(
        "Please attach the letter again: for the patient's privacy we keep no "
        "file until the whole form is sent."
    ),
}


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    kind: files.FileKind

    @property
    def size(self):
        return len(self.data)

    def describe(self):
        return files.describe(self.kind, self.size)


class DocumentUploadField(django.forms.FileField):
    """A PDF or Word document, checked by content, size and scanner."""

    widget = django.forms.FileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"] = {
            "required": MESSAGES["required"],
            "empty": MESSAGES["empty"],
            **kwargs["error_messages"],
        }
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = files.ACCEPT
        limit = files.readable_size(files.max_bytes())
        # Shown under the field, as the text fields' length caps are.
        self.length_hint = f"A PDF or Word document, up to {limit}"

    def clean(self, data, initial=None):
        # Never a stored "initial" value (a default staff typed, say): only
        # a file sent now is a letter.
        upload = super().clean(data, None)
        if not upload:
            return None
        limit = files.max_bytes()
        if upload.size > limit:
            raise ValidationError(
                MESSAGES["too_big"].format(
                    size=files.readable_size(upload.size),
                    limit=files.readable_size(limit),
                ),
                code="too_big",
            )
        data = upload.read()
        kind = files.detect(data)
        if kind is None:
            raise ValidationError(MESSAGES["wrong_kind"], code="wrong_kind")
        # Scanned later (``scan``), once the rest of the form has passed:
        # a robot's post, or one with mistakes, costs the scanner nothing.
        return CheckedFile(data=data, kind=kind)


def scan(checked):
    """Raise the field's ``ValidationError`` unless the scanner (if any)
    says the file is clean."""
    try:
        scanning.scan(checked.data)
    except scanning.FileInfected:
        raise ValidationError(MESSAGES["infected"], code="infected") from None
    except scanning.ScannerUnavailable:
        raise ValidationError(MESSAGES["no_verdict"], code="no_verdict") from None
