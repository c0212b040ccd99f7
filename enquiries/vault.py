"""Encryption at rest for what visitors write.

A database dump or backup alone must show no patient text, so submissions are
encrypted before they reach the database with ``cryptography``'s Fernet
(AES-128-CBC with an HMAC; authenticated, so a tampered row fails to decrypt
rather than reading wrongly). Keys come from ``ENQUIRY_ENCRYPTION_KEYS``,
newest first: the newest encrypts, all of them decrypt, so a key can be
rotated without downtime (``manage.py reencrypt_enquiries``).
"""

import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder


class UnreadableEnquiry(Exception):
    """The stored text cannot be decrypted with any configured key."""


def _fernet():
    keys = getattr(settings, "ENQUIRY_ENCRYPTION_KEYS", None) or []
    if not keys:
        raise ImproperlyConfigured(
            "Set ENQUIRY_ENCRYPTION_KEYS: enquiries are never stored unencrypted."
        )
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "ENQUIRY_ENCRYPTION_KEYS must be Fernet keys (32 url-safe base64 "
            "bytes), newest first. Create one with: manage.py "
            "create_enquiry_key"
        ) from error


def check_keys():
    """Raise ImproperlyConfigured unless the configured keys are usable."""
    _fernet()


def encrypt_text(text):
    return _fernet().encrypt(text.encode()).decode("ascii")


def decrypt_text(token, ttl=None):
    """The text; ``ttl``: refuse a token older than that many seconds."""
    try:
        return _fernet().decrypt(token.encode("ascii"), ttl=ttl).decode()
    except (InvalidToken, UnicodeError) as error:
        raise UnreadableEnquiry from error


def encrypt_bytes(data):
    """A file's bytes as a Fernet token (bytes too: uploads are stored as
    files, never in a text column)."""
    return _fernet().encrypt(data)


def decrypt_bytes(token):
    try:
        return _fernet().decrypt(token)
    except InvalidToken as error:
        raise UnreadableEnquiry from error


def rotate_bytes(token):
    """A file's token, encrypted again with the newest key."""
    try:
        return _fernet().rotate(token)
    except InvalidToken as error:
        raise UnreadableEnquiry from error


def encrypt_json(value):
    return encrypt_text(json.dumps(value, cls=DjangoJSONEncoder))


def decrypt_json(token):
    return json.loads(decrypt_text(token))


def rotate(token):
    """The same plaintext, encrypted with the newest key."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as error:
        raise UnreadableEnquiry from error
