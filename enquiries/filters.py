"""The inbox's filters: reference, form, status, date received, reason and
who has it.

Built on django-filter through Wagtail's ``WagtailFilterSet``, so the inbox
gets Wagtail's filter drawer and active-filter chips. Every filter reads a
plain column: the encrypted answers are never searched.
"""

import django_filters
from django import forms
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Page

from .models import Enquiry, Status
from .references import normalise

UNASSIGNED = "nobody"
ME = "me"


class EnquiryFilterSet(WagtailFilterSet):
    # What a caller quotes ("k7rp 3xqm" finds K7RP-3XQM).
    reference = django_filters.CharFilter(
        label="Reference", method="filter_reference", max_length=20
    )
    form = django_filters.ModelChoiceFilter(
        field_name="page",
        label="Form",
        empty_label="All forms",
        queryset=lambda request: Page.objects.filter(
            pk__in=Enquiry.objects.values("page")
        ).order_by("title"),
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=Status.choices,
        empty_label="Any status",
        widget=forms.RadioSelect,
    )
    submit_time = django_filters.DateFromToRangeFilter(
        label="Received", widget=DateRangePickerWidget
    )
    reason = django_filters.ChoiceFilter(
        label="Reason",
        empty_label="Any reason",
        # Every reason ever stored, so enquiries keep their filter after
        # staff rename or remove a choice.
        choices=lambda: [
            (reason, reason)
            for reason in Enquiry.objects.exclude(reason="")
            .order_by("reason")
            .values_list("reason", flat=True)
            .distinct()
        ],
    )
    assigned = django_filters.ChoiceFilter(
        label="Assigned to",
        empty_label="Anyone or nobody",
        choices=[(ME, "Me"), (UNASSIGNED, "Nobody yet")],
        method="filter_assigned",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Enquiry
        fields = []

    def filter_reference(self, queryset, name, value):
        reference = normalise(value)
        # A reference that cannot be one matches nothing (never the older
        # enquiries, which have none).
        return queryset.filter(reference=reference) if reference else queryset.none()

    def filter_assigned(self, queryset, name, value):
        if value == ME:
            return queryset.filter(assignee=self.request.user)
        if value == UNASSIGNED:
            return queryset.filter(assignee__isnull=True)
        return queryset
