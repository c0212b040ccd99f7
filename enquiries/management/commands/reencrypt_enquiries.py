"""Rewrite every encrypted value (enquiries, notes and files sent with
enquiries) with the newest key.

After a new key is put first in ENQUIRY_ENCRYPTION_KEYS (the old ones after
it), run this; once it reports nothing left on an old key and nothing
unreadable, the old keys can be removed. See docs/deploy.md, "Rotating the
key".

Safe to interrupt and to run again: rows are done in batches, each in its own
transaction, and every row is readable before and after (old token or new);
a row already on the newest key is skipped. A row no configured key opens is
left exactly as it is and counted. A row changed by someone else while the
batch ran (its token no longer the one read) is skipped: whoever saved it
wrote it with the newest key.
"""

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import TextField, Value
from django.db.models.functions import Cast

from enquiries import files, vault
from enquiries.bulk_log import record_many
from enquiries.models import Enquiry, EnquiryFile, EnquiryNote

# (model, encrypted field, what the output calls them)
ENCRYPTED = [(Enquiry, "form_data", "enquiries"), (EnquiryNote, "text", "notes")]


class Counts(dict):
    def add(self, what):
        self[what] = self.get(what, 0) + 1


class Command(BaseCommand):
    help = (
        "Re-encrypt every enquiry and note with the newest key in "
        "ENQUIRY_ENCRYPTION_KEYS; rows no key opens are left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=200,
            help="Rows per transaction (default 200).",
        )

    def handle(self, *args, batch_size=200, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        vault.check_keys()
        newest = Fernet(settings.ENQUIRY_ENCRYPTION_KEYS[0])
        summary = {}
        for model, field, name in ENCRYPTED:
            counts = self.reencrypt(model, field, newest, batch_size)
            summary[name] = counts
            self.stdout.write(
                f"{name.capitalize()}: {counts.get('reencrypted', 0)} re-encrypted, "
                f"{counts.get('current', 0)} already on the newest key, "
                f"{counts.get('unreadable', 0)} could not be read (left untouched), "
                f"{counts.get('changed', 0)} changed meanwhile (skipped)."
            )
        counts = Counts()
        for stored in EnquiryFile.objects.order_by("pk").iterator():
            counts.add(files.reencrypt(stored, newest))
        summary["files"] = counts
        self.stdout.write(
            f"Files: {counts.get('reencrypted', 0)} re-encrypted, "
            f"{counts.get('current', 0)} already on the newest key, "
            f"{counts.get('unreadable', 0)} could not be read (left untouched), "
            f"{counts.get('missing', 0)} missing from the storage."
        )
        record_many("enquiries.reencrypt", data=summary)
        if any(counts.get("unreadable") for counts in summary.values()):
            self.stderr.write(
                "Some rows could not be read with any configured key: keep the "
                "key that wrote them (or accept they are lost) before removing "
                "old keys."
            )

    def reencrypt(self, model, field, newest, batch_size):
        counts = Counts()
        # The raw tokens, as text: the field itself would decrypt them.
        tokens = model.objects.order_by("pk").annotate(
            token=Cast(field, output_field=TextField())
        )
        last_pk = 0
        while True:
            batch = list(
                tokens.filter(pk__gt=last_pk).values_list("pk", "token")[:batch_size]
            )
            if not batch:
                return counts
            with transaction.atomic():
                for pk, token in batch:
                    counts.add(self.reencrypt_row(model, field, pk, token, newest))
            last_pk = batch[-1][0]

    def reencrypt_row(self, model, field, pk, token, newest):
        if not token:
            return "current"
        try:
            newest.decrypt(token.encode("ascii"))
            return "current"
        except InvalidToken:
            pass
        try:
            rotated = vault.rotate(token)
        except vault.UnreadableEnquiry:
            return "unreadable"
        # Written as a plain value (the field would encrypt it again), and
        # only if the row still holds the token that was read (compared as
        # text: the encrypted field itself takes no lookups).
        updated = (
            model.objects.annotate(token=Cast(field, output_field=TextField()))
            .filter(pk=pk, token=token)
            .update(**{field: Value(rotated, output_field=TextField())})
        )
        return "reencrypted" if updated else "changed"
