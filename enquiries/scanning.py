"""The hook for a malware scanner, where the clinic has one.

``ENQUIRY_FILE_SCANNER`` names a function (``"package.module.function"``)
that takes a file's bytes before anything is stored. It returns normally if
the file is clean, raises ``FileInfected`` if it is not, and any other
exception if it cannot tell (scanner down, timeout). A file is accepted
only when the scanner says it is clean: an infected file is refused with a
message, and so is any file while the scanner is unreachable (fail closed;
the referrer is told to try again later or send the letter another way).

No scanner is configured by default. docs/referrals.md shows a ClamAV
(clamd) scanner as an example; tests use a fake.
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class FileInfected(Exception):
    """The scanner found malware in the file."""


class ScannerUnavailable(Exception):
    """A scanner is configured but could not give a verdict."""


def configured_scanner():
    path = getattr(settings, "ENQUIRY_FILE_SCANNER", "") or ""
    return import_string(path) if path else None


def scan(data):
    """Raise ``FileInfected`` or ``ScannerUnavailable`` unless the configured
    scanner (if any) says ``data`` is clean."""
    scanner = configured_scanner()
    if scanner is None:
        return
    try:
        scanner(data)
    except FileInfected:
        logger.warning("The malware scanner refused an uploaded file.")
        raise
    except Exception as error:  # noqa: BLE001 - any failure means no verdict
        # The error's class only: its text could quote the file.
        logger.error("The malware scanner gave no verdict (%s).", type(error).__name__)
        raise ScannerUnavailable from None
