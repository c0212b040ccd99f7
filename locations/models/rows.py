"""The rows a location page holds: its usual week, the dated changes to it,
and the treatments offered there (inline panels on the page's editor)."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from .. import hours


class OpeningHours(Orderable):
    """A row of the usual week: these days, open from this time to that."""

    page = ParentalKey("locations.LocationPage", related_name="opening_hours")
    first_day = models.PositiveSmallIntegerField(
        choices=hours.Weekday.CHOICES,
        help_text="The first day this row covers, e.g. Monday.",
    )
    last_day = models.PositiveSmallIntegerField(
        choices=hours.Weekday.CHOICES,
        null=True,
        blank=True,
        help_text="The last day it covers, e.g. Friday. Leave empty for one day only.",
    )
    opens = models.TimeField(
        null=True, blank=True, help_text="Opening time, e.g. 08:30."
    )
    closes = models.TimeField(
        null=True, blank=True, help_text="Closing time, e.g. 17:30."
    )
    closed = models.BooleanField(
        default=False,
        help_text="Tick for days the site is closed all day (leave the times "
        "empty). Days with no row are shown as closed too.",
    )

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("closed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours row"
        verbose_name_plural = "opening hours"

    @property
    def days(self):
        last = self.first_day if self.last_day is None else self.last_day
        return list(range(self.first_day, last + 1))

    def covers(self, weekday):
        return weekday in self.days

    def clean(self):
        super().clean()
        errors = check_times(self.closed, self.opens, self.closes)
        days_given = self.last_day is not None and self.first_day is not None
        if days_given and self.last_day < self.first_day:
            errors["last_day"] = (
                "Choose a day after the first day, in week order (Monday "
                "to Sunday). For Saturday to Monday, add two rows."
            )
        if errors:
            raise ValidationError(errors)


class HoursException(models.Model):
    """Dates when the usual hours do not apply: closed, or special hours."""

    page = ParentalKey("locations.LocationPage", related_name="hours_exceptions")
    start_date = models.DateField(
        "Date", help_text="The date, or the first date of a longer closure."
    )
    end_date = models.DateField(
        "Until",
        null=True,
        blank=True,
        help_text="The last date, for a change lasting several days (e.g. "
        "Christmas to New Year). Leave empty for one day.",
    )
    reason = models.CharField(
        max_length=80,
        help_text="Shown to patients, e.g. 'Bank holiday' or 'Staff training'.",
    )
    closed = models.BooleanField(
        default=True,
        help_text="Closed all day. Untick and give times for special hours.",
    )
    opens = models.TimeField(
        null=True, blank=True, help_text="Opening time on these dates, if open."
    )
    closes = models.TimeField(
        null=True, blank=True, help_text="Closing time on these dates, if open."
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("reason"),
        FieldPanel("closed"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = "change to opening hours"
        verbose_name_plural = "changes to opening hours"

    def __str__(self):
        return f"{self.reason} ({self.start_date} to {self.last_date})"

    @property
    def last_date(self):
        return self.end_date or self.start_date

    def covers(self, date):
        return self.start_date <= date <= self.last_date

    def clean(self):
        super().clean()
        errors = check_times(self.closed, self.opens, self.closes)
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "Choose a date on or after the first date."
        if errors:
            raise ValidationError(errors)


def check_times(closed, opens, closes):
    """Field errors for one row's times: none when closed, both and in order
    when open (sessions do not run past midnight)."""
    errors = {}
    if closed:
        for name, value in (("opens", opens), ("closes", closes)):
            if value:
                errors[name] = "Leave the times empty when closed all day."
        return errors
    if not opens:
        errors["opens"] = "Give the opening time, or tick 'closed'."
    if not closes:
        errors["closes"] = "Give the closing time, or tick 'closed'."
    if opens and closes and closes <= opens:
        errors["closes"] = "Give a closing time after the opening time."
    return errors


class LocationTreatment(Orderable):
    """'This treatment is offered here': the one relation both pages read."""

    location = ParentalKey("locations.LocationPage", related_name="treatment_links")
    technique = models.ForeignKey(
        "techniques.TechniquePage",
        on_delete=models.CASCADE,
        related_name="location_links",
        help_text="A treatment offered at this location.",
    )

    panels = [PageChooserPanel("technique", "techniques.TechniquePage")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["location", "technique"], name="unique_location_technique"
            )
        ]
