"""Model fields whose values are encrypted in the database (``vault``).

Python code reads and writes plain values; the column holds only Fernet
tokens. A row that no configured key can open reads as an ``Unreadable``
(empty form data) or ``UnreadableText`` (the placeholder ``UNREADABLE_TEXT``),
so the admin shows a placeholder instead of failing. Both remember the token
they came from and write exactly it back: saving an unreadable row never
replaces its ciphertext with the placeholder (``Enquiry.save`` also refuses).

``dumpdata`` writes ciphertext (``encrypted:<token>``, with the newest key),
never plain text; ``loaddata`` opens it with the configured keys and stores
it encrypted again, once. A token no configured key opens is stored back
exactly as it was, to read once its key is configured again. A fixture may
also give plain values (as hand-written fixtures do): they are encrypted on
save like any other.
"""

from django.core.exceptions import FieldError
from django.db import models

from . import vault

UNREADABLE_TEXT = "[This text cannot be decrypted with the configured keys.]"
# Marks a serialized (dumpdata) value as a token rather than plain text.
DUMP_PREFIX = "encrypted:"


class Unreadable(dict):
    """Form data that could not be decrypted: empty, and says so."""

    unreadable = True

    def __init__(self, token=None):
        super().__init__()
        self.token = token


class UnreadableText(str):
    """Text that could not be decrypted: reads as the placeholder."""

    unreadable = True

    def __new__(cls, token=None):
        text = super().__new__(cls, UNREADABLE_TEXT)
        text.token = token
        return text


UNREADABLE = Unreadable()


def is_unreadable(value):
    return getattr(value, "unreadable", False)


class _EncryptedField(models.TextField):
    """What both fields share: the column holds a token, Python a value."""

    unreadable_class = None

    def encrypt(self, value):
        raise NotImplementedError

    def decrypt(self, token):
        raise NotImplementedError

    def _open(self, token):
        try:
            return self.decrypt(token)
        except vault.UnreadableEnquiry:
            return self.unreadable_class(token)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return self._open(value)

    def get_prep_value(self, value):
        if is_unreadable(value):
            # Its own ciphertext, untouched (None if it never had one).
            return value.token
        if value is None or value == "":
            return value
        return self.encrypt(value)

    def value_to_string(self, obj):
        """Serialized (``dumpdata``): ciphertext, never the plain value."""
        value = self.value_from_object(obj)
        token = self.get_prep_value(value)
        return token if not token else DUMP_PREFIX + token

    def get_lookup(self, lookup_name):
        # Each token has its own random IV, so the database can neither
        # compare nor search these columns: a filter such as
        # form_data__icontains would silently match nothing. Say so instead.
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        raise FieldError(
            f"{self.model.__name__}.{self.name} is encrypted: the database cannot "
            f"{lookup_name!r} it. Read the rows and compare in Python (as "
            "enquiries/data_requests.py does)."
        )

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(DUMP_PREFIX):
            return self._open(value.removeprefix(DUMP_PREFIX))
        return value


class EncryptedTextField(_EncryptedField):
    description = "Text encrypted at rest"
    unreadable_class = UnreadableText

    def encrypt(self, value):
        return vault.encrypt_text(str(value))

    def decrypt(self, token):
        return vault.decrypt_text(token)


class EncryptedJSONField(_EncryptedField):
    """A JSON object, encrypted as one token (keys included: field names can
    say what a form is about)."""

    description = "JSON encrypted at rest"
    unreadable_class = Unreadable

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return self._open(value)

    def encrypt(self, value):
        return vault.encrypt_json(value)

    def decrypt(self, token):
        return vault.decrypt_json(token)

    def get_prep_value(self, value):
        if is_unreadable(value):
            return value.token
        if value is None:
            return value
        return self.encrypt(value)
