"""Which clinical pages are due for review: for the report and the dashboard.

Worked out in Python rather than SQL: the due date needs calendar-month
arithmetic with a per-page interval, which SQLite and PostgreSQL spell
differently, and a clinic has tens of clinical pages, not thousands.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import ClinicalReviewSettings, ConditionPage, TechniquePage

OVERDUE = "overdue"
DUE_SOON = "due_soon"
NEVER_REVIEWED = "never_reviewed"
STATUS_LABELS = {
    NEVER_REVIEWED: "Never reviewed",
    OVERDUE: "Overdue",
    DUE_SOON: "Due soon",
}


@dataclass(frozen=True)
class DueReview:
    """One live clinical page whose review is overdue or due soon."""

    page: object
    status: str
    next_review_due: datetime.date | None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def due_reviews(today=None):
    """Live clinical pages due for review, the most urgent first.

    Never reviewed pages count as overdue (and come first); a page is due soon
    when its next review falls within the settings' ``due_soon_days``.
    """
    today = today or timezone.localdate()
    settings = ClinicalReviewSettings.load()
    horizon = today + datetime.timedelta(days=settings.due_soon_days)
    due = []
    for model in (TechniquePage, ConditionPage):
        for page in model.objects.live().select_related("reviewed_by"):
            next_due = page.next_review_due_with(settings.review_interval_months)
            if next_due is None:
                due.append(DueReview(page, NEVER_REVIEWED, None))
            elif next_due <= today:
                due.append(DueReview(page, OVERDUE, next_due))
            elif next_due <= horizon:
                due.append(DueReview(page, DUE_SOON, next_due))
    due.sort(
        key=lambda item: (item.next_review_due or datetime.date.min, item.page.title)
    )
    return due


def due_counts(today=None):
    """{"overdue": n, "due_soon": n}; never reviewed pages count as overdue."""
    counts = {OVERDUE: 0, DUE_SOON: 0}
    for item in due_reviews(today):
        counts[DUE_SOON if item.status == DUE_SOON else OVERDUE] += 1
    return counts
