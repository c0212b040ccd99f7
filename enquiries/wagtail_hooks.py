"""The admin side of enquiries: the Enquiries area, the audit actions and
the "Enquiry audit" report."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import data_requests
from .audit import register_actions
from .views.audit import EnquiryAuditReportView
from .viewsets import EnquiryViewSet

hooks.register("register_log_actions", register_actions)
hooks.register("register_admin_urls", data_requests.admin_urls)
hooks.register("register_settings_menu_item", data_requests.settings_menu_item)


@hooks.register("register_admin_viewset")
def register_enquiry_inbox():
    return EnquiryViewSet()


@hooks.register("register_permissions")
def note_permissions():
    """Shown in Settings > Groups, so a group can be allowed notes."""
    return Permission.objects.filter(
        content_type__app_label="enquiries",
        codename__in=["view_enquirynote", "add_enquirynote"],
    )


@hooks.register("register_admin_urls")
def register_enquiry_audit_urls():
    return [
        path(
            "reports/enquiry-audit/",
            EnquiryAuditReportView.as_view(),
            name="enquiry_audit_report",
        ),
        path(
            "reports/enquiry-audit/results/",
            EnquiryAuditReportView.as_view(results_only=True),
            name="enquiry_audit_report_results",
        ),
    ]


class SuperusersOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_enquiry_audit_menu_item():
    return SuperusersOnlyMenuItem(
        "Enquiry audit",
        reverse("enquiry_audit_report"),
        name="enquiry-audit",
        icon_name="history",
        order=60,
    )
