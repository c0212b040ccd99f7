"""Clinical review: who checked a clinical page, when, and when it is next due.

The rule patients rely on is "editing a page does not move the dates;
recording a review does". Three things make it hold:

* The dates are not part of the page's edit form: ``review_panels`` shows
  them read-only, so an editor's form post cannot set them.
* A page's revisions do not carry them either: ``with_content_json`` keeps the
  values stored on the page row whenever Wagtail rebuilds a page from a
  revision (publishing, reverting, scheduled publishing, workflow approval).
  Without this, publishing an old draft would quietly restore old dates.
* The only writer is ``record_clinical_review`` (``techniques.models.workflow``,
  offered to views as ``techniques.signoff.record_clinical_review``), called
  when a clinical reviewer chooses "Record clinical review" (in the sign-off
  workflow or from the page's menu). It updates the row directly and logs the
  review in the page's history.

Publishing a clinical page is itself a clinical sign-off:
``ClinicalSectionMixin`` takes the publish right away from anyone without the
sign-off permission, so editors' changes wait for a reviewer's approval.
"""

import calendar
import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import PagePermissionTester

from home.panels import ReadOnlyPanel
from home.sitewide import SitewideSettingMixin

SIGN_OFF_PERMISSION = "techniques.sign_off_clinical_content"
DEFAULT_REVIEW_INTERVAL_MONTHS = 12
REVIEW_FIELDS = ("last_reviewed", "reviewed_by")


def add_months(day, months):
    """``day`` moved on by whole calendar months, kept inside the target month.

    31 January plus one month is 28 (or 29) February. Five lines of the
    standard library, rather than a dependency for one calculation.
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@register_setting(icon="calendar-check")
class ClinicalReviewSettings(SitewideSettingMixin, BaseGenericSetting):
    """How often clinical pages must be reviewed, for the whole site."""

    review_interval_months = models.PositiveSmallIntegerField(
        "review interval (months)",
        default=DEFAULT_REVIEW_INTERVAL_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="How many months after a clinical review a technique or "
        "condition page is due for its next review. A page may set a shorter "
        "interval, never a longer one.",
    )
    due_soon_days = models.PositiveSmallIntegerField(
        "due soon (days ahead)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text="How many days ahead the 'due for clinical review' report "
        "and the dashboard count a review as due soon.",
    )

    panels = [FieldPanel("review_interval_months"), FieldPanel("due_soon_days")]

    class Meta:
        verbose_name = "Clinical review"
        permissions = [
            (
                "sign_off_clinical_content",
                "Can sign off clinical pages (approve, publish, record reviews)",
            )
        ]

    def __str__(self):
        return f"Review every {self.review_interval_months} months"


class ClinicalPagePermissionTester(PagePermissionTester):
    """Page permissions in the clinical sections.

    Group page permissions are inherited down the tree, so an editor who may
    publish the home page could otherwise publish a treatment page too. Here
    the publish right (and what depends on it: unpublish, move, reorder,
    schedule) needs the clinical sign-off permission as well. Deleting needs
    the right to add pages.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if (
            user.is_active
            and not user.is_superuser
            and not user.has_perm(SIGN_OFF_PERMISSION)
        ):
            self.permissions.discard("publish")

    def can_delete(self, ignore_bulk=False):
        # Deleting stays with those who create pages (editors): a reviewer
        # withdraws a page by unpublishing it.
        if not self.user.is_superuser and "add" not in self.permissions:
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)


class ClinicalSectionMixin:
    """For every page in the techniques and conditions sections."""

    def permissions_for_user(self, user):
        return ClinicalPagePermissionTester(user, self)


class ClinicalReviewMixin(ClinicalSectionMixin, models.Model):
    """Review dates and reviewer for a clinical page (see the module docstring)."""

    last_reviewed = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The date a clinical reviewer last checked this page. Set "
        "only by recording a clinical review.",
    )
    reviewed_by = models.ForeignKey(
        "techniques.Specialist",
        null=True,
        blank=True,
        editable=False,
        # A page must not quietly lose who checked it: the profile cannot be
        # deleted while a page names it (techniques/specialist_admin.py says
        # what to do instead).
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The specialist who last reviewed this page. Set only by "
        "recording a clinical review.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review interval (months)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Optional: review this page more often than the clinic's "
        "usual interval (Settings → Clinical review), e.g. 6 for a treatment "
        "whose evidence changes quickly. Leave empty for the usual interval.",
    )

    # A copy of a page has not been reviewed.
    exclude_fields_in_copy = list(REVIEW_FIELDS)

    review_panels = [
        MultiFieldPanel(
            [
                ReadOnlyPanel("last_reviewed", empty_text="Not reviewed yet"),
                ReadOnlyPanel("reviewed_by", empty_text="No one yet"),
                FieldPanel("review_interval_months"),
            ],
            heading="Clinical review",
            help_text="The review date changes only when a clinical reviewer "
            "records a review, not when the page is edited or published.",
        )
    ]

    class Meta:
        abstract = True

    def with_content_json(self, content):
        """Rebuild from a revision, keeping the review recorded on the page row."""
        page = super().with_content_json(content)
        page.last_reviewed = self.last_reviewed
        page.reviewed_by_id = self.reviewed_by_id
        return page

    def clean(self):
        super().clean()
        default = ClinicalReviewSettings.load().review_interval_months
        if self.review_interval_months and self.review_interval_months > default:
            raise ValidationError(
                {
                    "review_interval_months": "A page may only shorten the "
                    f"clinic's review interval of {default} months. Enter "
                    f"{default} or fewer, or leave it empty."
                }
            )

    def review_interval(self, default=None):
        """Months between reviews: the page's own, if shorter than the default."""
        if default is None:
            default = ClinicalReviewSettings.load().review_interval_months
        return min(filter(None, [self.review_interval_months, default]))

    def next_review_due_with(self, default_interval):
        if not self.last_reviewed:
            return None
        return add_months(self.last_reviewed, self.review_interval(default_interval))

    @cached_property
    def next_review_due(self):
        """The date the next clinical review is due, or None if never reviewed."""
        return self.next_review_due_with(None)
