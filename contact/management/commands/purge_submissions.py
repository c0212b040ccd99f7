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

from enquiries.models import Enquiry
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
        if dry_run:
            count = old.count()
            self.stdout.write(
                f"Would delete {count} form submission(s) from before {when} "
                f"(older than {days} days). Nothing was deleted."
            )
            return
        count, _ = old.delete()
        self.stdout.write(
            f"Deleted {count} form submission(s) from before {when} "
            f"(older than {days} days)."
        )
        ended = delete_ended_windows()
        self.stdout.write(f"Deleted {ended} ended rate-limit counter(s).")
