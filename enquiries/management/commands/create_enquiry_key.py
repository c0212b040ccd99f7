"""Print a new key for ENQUIRY_ENCRYPTION_KEYS, or keep one in a file.

Production: put the printed key first in ENQUIRY_ENCRYPTION_KEYS (keep the
old ones after it until ``reencrypt_enquiries`` has run). Development:
``make run`` calls ``--file var/enquiry-encryption.key``, which the dev
settings read; an existing file is never replaced (that would make every
stored enquiry unreadable).
"""

from pathlib import Path

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    # It makes the key the system checks ask for: they must not stop it.
    requires_system_checks = []
    help = "Print a new enquiry encryption key, or write one to --file if missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            help="Write the key to this file (readable by its owner only) "
            "unless it exists.",
        )

    def handle(self, *args, file=None, **options):
        key = Fernet.generate_key().decode("ascii")
        if file is None:
            self.stdout.write(key)
            return
        if file.exists():
            self.stdout.write(f"Keeping the enquiry encryption key in {file}.")
            return
        file.parent.mkdir(parents=True, exist_ok=True)
        file.touch(mode=0o600)
        file.write_text(key + "\n")
        self.stdout.write(f"Wrote a development enquiry encryption key to {file}.")
