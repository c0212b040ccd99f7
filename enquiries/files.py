"""Files sent with enquiries (a referral letter): what kinds are taken, and
how they are kept.

The kind is read from the file's first bytes (its "magic number") with
``filetype``, the pure-Python detector Wagtail itself uses for images, never
from its name or the type the browser claims: a web page renamed
``letter.pdf`` is still a web page and is refused. Only PDF and Word
documents are taken.

A file is encrypted with the enquiry keys (``vault``) and stored under a
random name on the private storage (``storage``); its original name is not
kept (it often holds the patient's name). Staff download it as
``<field name>-<reference>.<ext>``, e.g. ``referral-letter-K7RP-3XQM.pdf``.
"""

import contextvars
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

import filetype
from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.files.base import ContentFile
from filetype.types.archive import Pdf
from filetype.types.document import Doc, Docx

from . import vault

FOLDER = "enquiry-files"


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str
    label: str


PDF = FileKind("application/pdf", "pdf", "PDF document")
WORD = FileKind("application/msword", "doc", "Word document")
WORD_OPEN_XML = FileKind(Docx.MIME, "docx", "Word document")
KINDS = {kind.content_type: kind for kind in (PDF, WORD, WORD_OPEN_XML)}
UNKNOWN_KIND = FileKind("application/octet-stream", "bin", "File")
# The matchers for those kinds only: nothing else can be guessed.
MATCHERS = [Pdf(), Doc(), Docx()]
# What a browser's file picker offers (the server still reads the content).
ACCEPT = ",".join([".pdf", ".doc", ".docx", *KINDS])


def max_bytes():
    return settings.ENQUIRY_FILE_MAX_BYTES


def detect(data):
    """The ``FileKind`` of ``data`` by its content, or None if it is not one
    of the kinds taken."""
    match = filetype.match(data, matchers=MATCHERS)
    return KINDS.get(match.mime) if match else None


def readable_size(size):
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def describe(kind, size):
    """What the stored answer says about a file ("PDF document, 245 KB")."""
    return f"{kind.label}, {readable_size(size)}"


# The files ``store`` wrote inside the current ``kept_only_if_stored`` block.
_written = contextvars.ContextVar("enquiry_files_written", default=None)


@contextmanager
def kept_only_if_stored():
    """Around the transaction that stores an enquiry: if it fails, the files
    written for it are deleted too (a rolled-back row leaves its file behind
    otherwise, where no retention or erasure would ever find it)."""
    written = []
    reset = _written.set(written)
    try:
        yield
    except BaseException:
        for stored_file in written:
            stored_file.file.storage.delete(stored_file.file.name)
        raise
    finally:
        _written.reset(reset)


def store(enquiry, field_name, data, kind):
    """Encrypt ``data`` and keep it with ``enquiry``; the ``EnquiryFile``."""
    from .models import EnquiryFile

    stored = EnquiryFile(
        enquiry=enquiry,
        field_name=field_name,
        content_type=kind.content_type,
        size=len(data),
    )
    stored.file.save(
        f"{FOLDER}/{uuid.uuid4().hex}", ContentFile(vault.encrypt_bytes(data))
    )
    written = _written.get()
    if written is not None:
        written.append(stored)
    return stored


def read(stored_file):
    """The file's bytes, decrypted (``vault.UnreadableEnquiry`` if no key
    opens it)."""
    with stored_file.file.open("rb") as handle:
        return vault.decrypt_bytes(handle.read())


def reencrypt(stored_file, newest):
    """Move one stored file to the ``newest`` Fernet key; what happened
    ("current", "reencrypted", "unreadable", "missing" or "changed").

    Written to a new file first, the row pointed at it, then the old file
    deleted: an interrupted run leaves a readable file either way.
    """
    from .models import EnquiryFile

    storage = stored_file.file.storage
    old_name = stored_file.file.name
    try:
        with storage.open(old_name, "rb") as handle:
            token = handle.read()
    except FileNotFoundError:
        return "missing"
    try:
        newest.decrypt(token)
        return "current"
    except InvalidToken:
        pass
    try:
        rotated = vault.rotate_bytes(token)
    except vault.UnreadableEnquiry:
        return "unreadable"
    new_name = storage.save(f"{FOLDER}/{uuid.uuid4().hex}", ContentFile(rotated))
    updated = EnquiryFile.objects.filter(pk=stored_file.pk, file=old_name).update(
        file=new_name
    )
    storage.delete(old_name if updated else new_name)
    return "reencrypted" if updated else "changed"


def download_name(stored_file):
    kind = KINDS.get(stored_file.content_type)
    extension = kind.extension if kind else "bin"
    reference = stored_file.enquiry.reference or f"enquiry-{stored_file.enquiry_id}"
    return f"{stored_file.field_name.replace('_', '-')}-{reference}.{extension}"
