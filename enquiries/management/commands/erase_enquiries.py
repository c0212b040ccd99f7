"""Delete every enquiry (and its notes) that holds one email address, after
confirmation (``--yes`` skips it). Prints and logs the counts, never the
address."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from enquiries import data_requests

from .export_enquiries import email_argument, valid_email


class Command(BaseCommand):
    help = (
        "Erase every enquiry that holds --email, with its notes, after asking "
        "(--yes: do not ask). Logged with counts only."
    )

    def add_arguments(self, parser):
        email_argument(parser)
        parser.add_argument(
            "--yes", action="store_true", help="Erase without asking first."
        )

    def handle(self, *args, email, yes=False, **options):
        findings = data_requests.Findings(valid_email(email))
        if findings.unreadable:
            self.stderr.write(
                f"{findings.unreadable} enquiries could not be decrypted with the "
                "configured keys and were not searched."
            )
        if not findings.enquiries:
            self.stdout.write("No enquiry holds this address: nothing erased.")
            return
        self.stdout.write(
            f"Found {len(findings.enquiries)} enquiries and {findings.note_count} "
            "notes:"
        )
        for enquiry in findings.enquiries:
            self.stdout.write(
                f"  Enquiry {enquiry.pk}: {enquiry.page.title}, sent "
                f"{timezone.localtime(enquiry.submit_time):%Y-%m-%d %H:%M}"
            )
        if not yes:
            answer = input("Erase them for good? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing was erased.")
        counts = data_requests.erase(findings)
        self.stdout.write(data_requests.erased_message(counts))
