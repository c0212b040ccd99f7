"""Admin views for clinical review: the report of pages due, and recording a review."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.views.generic import TemplateView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .dashboard import works_on_clinical_pages
from .models import ClinicalReviewMixin
from .reviewer_menu import review_outcome_message
from .schedule import DUE_SOON, OVERDUE, due_reviews
from .signoff import (
    ReviewNotAllowed,
    can_record_review,
    record_clinical_review,
    specialist_for,
)


def _matches(status, wanted):
    if not wanted:
        return True
    return (status == DUE_SOON) == (wanted == DUE_SOON)


class ClinicalReviewFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        empty_label="Overdue and due soon",
        choices=[
            (OVERDUE, "Overdue or never reviewed"),
            (DUE_SOON, "Due soon"),
        ],
        method="filter_status",
    )

    class Meta:
        model = Page
        fields = []

    def filter_status(self, queryset, name, value):
        pks = [item.page.pk for item in due_reviews() if _matches(item.status, value)]
        return queryset.filter(pk__in=pks)


class ClinicalReviewReportView(PageReportView):
    """Live technique and condition pages whose clinical review is due."""

    page_title = "Due for clinical review"
    header_icon = "calendar-check"
    results_template_name = "techniques/admin/review_report_results.html"
    filterset_class = ClinicalReviewFilterSet
    index_url_name = "clinical_review_report"
    index_results_url_name = "clinical_review_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "review_status",
        "last_reviewed",
        "reviewed_by_name",
        "next_review_due",
    ]
    export_headings = {
        "title": "Title",
        "review_status": "Status",
        "last_reviewed": "Last reviewed",
        "reviewed_by_name": "Reviewed by",
        "next_review_due": "Next review due",
    }

    def dispatch(self, request, *args, **kwargs):
        if not works_on_clinical_pages(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.due = {item.page.pk: item for item in due_reviews()}
        order = Case(
            *[When(pk=pk, then=Value(i)) for i, pk in enumerate(self.due)],
            output_field=IntegerField(),
        )
        self.queryset = (
            Page.objects.filter(pk__in=list(self.due))
            .select_related("content_type")
            .annotate(review_order=order)
            .order_by("review_order")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            item = self.due[page.pk]
            page.review = item
            page.review_status = item.status_label
            page.last_reviewed = item.page.last_reviewed
            page.reviewed_by_name = str(item.page.reviewed_by or "")
            page.next_review_due = item.next_review_due
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["can_record_review"] = can_record_review(self.request.user)
        return context


class RecordClinicalReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then record, that the signed-in reviewer has reviewed a page.

    For a review that changes nothing on the page (a periodic check): no new
    revision, no workflow. A review that comes with changes is recorded in the
    sign-off workflow's approval instead.
    """

    template_name = "techniques/admin/record_review.html"
    header_icon = "calendar-check"
    page_title = "Record clinical review"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, id=page_id).specific
        if not isinstance(self.page, ClinicalReviewMixin):
            raise PermissionDenied
        if not can_record_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "clinical_review_report"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            specialist=specialist_for(self.request.user),
            next_url=self.next_url(),
        )
        return context

    def post(self, request, page_id):
        try:
            record_clinical_review(self.page, request.user)
        except ReviewNotAllowed as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                f"Clinical review of '{self.page.title}' recorded for today. "
                f"Next review due {format_date(self.page.next_review_due, 'j F Y')}.",
            )
        return redirect(self.next_url())


class ClinicalReviewRecordedView(View):
    """Where "Record clinical review, approve and publish" leads from the
    dashboard's "Awaiting your review" (Wagtail's workflow action view has no
    message of its own): says what happened, then shows the dashboard.

    ``ClinicalSignOffTask.on_action`` sends the reviewer here; the message is
    only given when the page really was reviewed today and is live.
    """

    def get(self, request, page_id):
        page = get_object_or_404(Page, id=page_id).specific
        if (
            isinstance(page, ClinicalReviewMixin)
            and page.live
            and page.last_reviewed == timezone.localdate()
        ):
            messages.success(request, review_outcome_message(page))
        return redirect(
            get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
        )
