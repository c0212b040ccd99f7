"""The admin side of clinical content: specialists, the review report and actions."""

from datetime import date

from django.urls import path, reverse
from django.utils.dateformat import format as format_date
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from .dashboard import add_staff_panels, works_on_clinical_pages
from .models import ClinicalReviewMixin
from .reviewer_menu import reviewers_action_menu, say_what_the_review_did
from .signoff import REVIEW_LOG_ACTION, can_record_review
from .specialist_admin import SpecialistAdmin
from .views import (
    ClinicalReviewRecordedView,
    ClinicalReviewReportView,
    RecordClinicalReviewView,
)

modeladmin_register(SpecialistAdmin)


@hooks.register("register_admin_urls")
def register_clinical_review_urls():
    return [
        path(
            "reports/clinical-review/",
            ClinicalReviewReportView.as_view(),
            name="clinical_review_report",
        ),
        path(
            "reports/clinical-review/results/",
            ClinicalReviewReportView.as_view(results_only=True),
            name="clinical_review_report_results",
        ),
        path(
            "pages/<int:page_id>/record-clinical-review/",
            RecordClinicalReviewView.as_view(),
            name="record_clinical_review",
        ),
        path(
            "pages/<int:page_id>/clinical-review-recorded/",
            ClinicalReviewRecordedView.as_view(),
            name="clinical_review_recorded",
        ),
    ]


class ClinicalReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return works_on_clinical_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_clinical_review_report_menu_item():
    return ClinicalReviewReportMenuItem(
        "Due for clinical review",
        reverse("clinical_review_report"),
        name="clinical-review",
        icon_name="calendar-check",
        order=50,
    )


hooks.register("construct_homepage_panels", add_staff_panels)
hooks.register("construct_page_action_menu", reviewers_action_menu)
hooks.register("after_edit_page", say_what_the_review_did)


class RecordClinicalReviewButton(PageMenuItem):
    label = "Record clinical review"
    icon_name = "calendar-check"
    url_name = "record_clinical_review"

    def is_shown(self, user):
        specific_class = self.page.specific_class
        return (
            specific_class is not None
            and issubclass(specific_class, ClinicalReviewMixin)
            and can_record_review(user)
        )


@hooks.register("register_page_header_buttons")
def record_review_header_button(page, user, view_name, next_url=None):
    yield RecordClinicalReviewButton(page=page, next_url=next_url, priority=62)


@hooks.register("register_page_listing_more_buttons")
def record_review_listing_button(page, user, next_url=None):
    yield RecordClinicalReviewButton(page=page, next_url=next_url, priority=45)


@hooks.register("register_log_actions")
def register_clinical_review_log_action(actions):
    @actions.register_action(REVIEW_LOG_ACTION)
    class ClinicalReviewRecorded(LogFormatter):
        label = "Record clinical review"

        def format_message(self, log_entry):
            data = log_entry.data
            try:
                day = format_date(date.fromisoformat(data["reviewed_on"]), "j F Y")
                return f"Clinical review recorded: {data['specialist']}, {day}"
            except (KeyError, ValueError):
                return "Clinical review recorded"
