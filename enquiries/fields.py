"""Model fields whose values are encrypted in the database (``vault``).

Python code reads and writes plain values; the column holds only Fernet
tokens. A row that no configured key can open reads as ``UNREADABLE`` (for
JSON) or ``UNREADABLE_TEXT``, so the admin shows a placeholder instead of
failing; such a row is never written back over (see ``Enquiry.save``).
"""

from django.db import models

from . import vault

UNREADABLE_TEXT = "[This text cannot be decrypted with the configured keys.]"


class Unreadable(dict):
    """Form data that could not be decrypted: empty, and says so."""

    unreadable = True


UNREADABLE = Unreadable()


class EncryptedTextField(models.TextField):
    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        try:
            return vault.decrypt_text(value)
        except vault.UnreadableEnquiry:
            return UNREADABLE_TEXT

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return vault.encrypt_text(value)


class EncryptedJSONField(models.TextField):
    """A JSON object, encrypted as one token (keys included: field names can
    say what a form is about)."""

    description = "JSON encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        try:
            return vault.decrypt_json(value)
        except vault.UnreadableEnquiry:
            return Unreadable()

    def to_python(self, value):
        return value

    def get_prep_value(self, value):
        if value is None:
            return value
        return vault.encrypt_json(value)

    def value_to_string(self, obj):
        return self.value_from_object(obj)
