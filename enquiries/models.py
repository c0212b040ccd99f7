"""An enquiry: one form submission, encrypted, with its handling.

Every form page on the site stores its submissions as ``Enquiry`` (its
``get_submission_class``), so Wagtail's form builder, the forms API and the
enquiry inbox all read the same rows. What the visitor wrote (``form_data``)
and staff notes about it are encrypted at rest (``vault``); the wording the
visitor agreed to and the labels they saw are kept with each row, as they were
at that moment, so later edits to the form never change what was consented to.
"""

from django.conf import settings
from django.db import models
from wagtail.contrib.forms.models import AbstractFormSubmission

from .fields import (
    UNREADABLE_TEXT,
    EncryptedJSONField,
    EncryptedTextField,
    is_unreadable,
)
from .references import new_reference
from .storage import enquiry_file_storage


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


class Enquiry(AbstractFormSubmission):
    form_data = EncryptedJSONField(
        help_text="What the visitor sent, by field name (encrypted at rest)."
    )
    field_labels = models.JSONField(
        default=dict,
        blank=True,
        help_text="Each field's label as the visitor saw it, by field name.",
    )
    consent_text = models.TextField(
        blank=True,
        help_text="The exact consent wording the visitor agreed to (empty if "
        "the form asked for none).",
    )
    # Plain, so the inbox can filter by it: the choice the visitor picked in
    # the form's reason question (a category staff wrote, such as "Book an
    # appointment"; never free text). Empty if the form has no such question.
    reason = models.CharField(
        max_length=255,
        blank=True,
        db_index=True,
        help_text="What the enquiry is about: the visitor's answer to the "
        "form's reason question.",
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_enquiries",
        help_text="Who is answering this enquiry.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Given to the visitor (thank-you page, confirmation email) to quote when
    # they call; random, so it reveals nothing (``references``). Enquiries
    # stored before references existed have none.
    reference = models.CharField(
        max_length=9, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = "enquiry"
        verbose_name_plural = "enquiries"
        ordering = ["-submit_time", "-pk"]
        indexes = [models.Index(fields=["page", "submit_time"])]

    def __str__(self):
        # Used as the label of audit log entries: never what was written.
        return f"Enquiry {self.pk}"

    @property
    def is_readable(self):
        return not is_unreadable(self.form_data)

    def get_data(self):
        """What Wagtail's listing, export and the emails show: for a row no
        key can open, the placeholder in every field the form had (the labels
        are kept unencrypted), never an empty row or an error."""
        if self.is_readable:
            return super().get_data()
        return {
            **dict.fromkeys(self.field_labels or {}, UNREADABLE_TEXT),
            "submit_time": self.submit_time,
        }

    def save(self, *args, update_fields=None, **kwargs):
        if self._state.adding and not self.reference:
            self.reference = new_reference()
        # An enquiry that could not be decrypted is never written back over
        # its ciphertext: only its handling fields may change.
        if not self.is_readable and (
            update_fields is None or "form_data" in update_fields
        ):
            raise ValueError(
                "This enquiry cannot be decrypted; save only its handling "
                "fields (update_fields)."
            )
        super().save(*args, update_fields=update_fields, **kwargs)


class EnquiryNote(models.Model):
    """An internal note by staff on an enquiry (encrypted: notes about a
    patient are health data too)."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note {self.pk} on enquiry {self.enquiry_id}"


class EnquiryFile(models.Model):
    """A file sent with an enquiry (a referral letter), encrypted, on the
    private storage (``enquiries.files``). Deleted with its enquiry, and its
    stored file with it (``signals``)."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="files")
    field_name = models.CharField(max_length=255)
    # max_length: the random stored name (never the visitor's file name).
    file = models.FileField(storage=enquiry_file_storage, max_length=100)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(help_text="Bytes, before encryption.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"File {self.pk} of enquiry {self.enquiry_id}"
