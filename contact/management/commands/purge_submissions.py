"""Delete form submissions older than the retention period.

Health data is kept no longer than needed: run this daily (README,
"Deleting old submissions"). The default period is
``CONTACT_SUBMISSION_RETENTION_DAYS`` (365 days, about 12 months).

It also removes the rate limits' ended counters (``home/throttle.py``): each
new count sweeps some away, this takes the rest.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from enquiries.bulk_log import record_many
from enquiries.models import Enquiry, EnquiryFile, EnquiryNote
from home.throttle import delete_ended_windows


class Command(BaseCommand):
    help = (
        "Delete form submissions older than CONTACT_SUBMISSION_RETENTION_DAYS "
        "(default 365 days) and say how many were removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep submissions from the last DAYS days "
            "(default: CONTACT_SUBMISSION_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is None:
            days = settings.CONTACT_SUBMISSION_RETENTION_DAYS
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        old = Enquiry.objects.filter(submit_time__lt=cutoff)
        when = timezone.localtime(cutoff).strftime("%Y-%m-%d %H:%M")
        period = f"from before {when} (older than {days} days)"
        if dry_run:
            notes = EnquiryNote.objects.filter(enquiry__in=old).count()
            self.stdout.write(
                f"Would delete {old.count()} form submission(s) and {notes} "
                f"note(s) {period}. Nothing was deleted."
            )
            return
        # By submit time alone, which is not encrypted: rows no key can open
        # go too. Notes and files go with their enquiry (a cascade), counted
        # apart.
        _, deleted = old.delete()
        counts = {
            "enquiries": deleted.get(Enquiry._meta.label, 0),
            "notes": deleted.get(EnquiryNote._meta.label, 0),
            "files": deleted.get(EnquiryFile._meta.label, 0),
        }
        # Stored files (referral letters) go with their rows (enquiries.signals).
        self.stdout.write(
            f"Deleted {counts['enquiries']} form submission(s), "
            f"{counts['notes']} note(s) and {counts['files']} file(s) {period}."
        )
        if counts["enquiries"]:
            record_many("enquiries.delete", data={**counts, "older_than_days": days})
        ended = delete_ended_windows()
        self.stdout.write(f"Deleted {ended} ended rate-limit counter(s).")
