"""The location page's editor form: checks that need several rows at once.

Each row checks itself (``OpeningHours.clean``, ``HoursException.clean``);
only the form sees every row together, so it refuses a week or a set of
dates that would say two things about the same day.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from .hours import Weekday


def _kept(formset):
    """The valid rows an editor is keeping, as (form, data) pairs."""
    return [
        (form, form.cleaned_data)
        for form in formset.forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def _days(data):
    first = data.get("first_day")
    last = data.get("last_day")
    if first is None:
        return set()
    return set(range(first, (first if last is None else last) + 1))


class LocationPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self._check_week()
        self._check_exceptions()
        return cleaned_data

    def _check_week(self):
        formset = self.formsets.get("opening_hours")
        if not formset:
            return
        seen = []  # (days, data) of the rows above
        for form, data in _kept(formset):
            for days, other in seen:
                shared = sorted(_days(data) & days)
                if shared and self._rows_clash(data, other):
                    form.add_error(
                        "first_day",
                        f"{Weekday.NAMES[shared[0]]} is already covered by a row "
                        "above with hours that clash. Give each day one set of "
                        "hours, or two sessions that do not overlap.",
                    )
                    break
            seen.append((_days(data), data))

    @staticmethod
    def _rows_clash(data, other):
        if data.get("closed") or other.get("closed"):
            return True  # closed all day and open that day cannot both hold
        return data["opens"] < other["closes"] and other["opens"] < data["closes"]

    def _check_exceptions(self):
        formset = self.formsets.get("hours_exceptions")
        if not formset:
            return
        seen = []
        for form, data in _kept(formset):
            first = data["start_date"]
            last = data.get("end_date") or first
            for other_first, other_last, other in seen:
                if first <= other_last and other_first <= last:
                    form.add_error(
                        "start_date",
                        f"These dates overlap '{other['reason']}' "
                        f"({_dates(other_first, other_last)}). Give each date "
                        "one change only.",
                    )
                    break
            seen.append((first, last, data))


def _dates(first, last):
    text = f"{first:%-d %B %Y}"
    return text if first == last else f"{text} to {last:%-d %B %Y}"
