"""The admin dashboard panel of what needs a clinician (``contact.dashboard``
adds the new enquiries)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import ConditionIndexPage, ConditionPage, TechniqueIndexPage, TechniquePage
from .schedule import DUE_SOON, OVERDUE, due_counts

CLINICAL_PAGE_TYPES = (
    TechniqueIndexPage,
    TechniquePage,
    ConditionIndexPage,
    ConditionPage,
)


def works_on_clinical_pages(user):
    """Editors and clinical reviewers: anyone who may add, edit or publish a
    page in the clinical sections. (Enquiry handlers may edit the contact
    page only, and are not shown clinical review.)"""
    policy = policy_registry.get_by_type(Page)
    return (
        policy.instances_user_has_any_permission_for(user, {"add", "change", "publish"})
        .type(*CLINICAL_PAGE_TYPES)
        .exists()
    )


class ClinicalReviewPanel(Component):
    """Counts of clinical pages overdue and due soon, linking to the report."""

    name = "clinical_review"
    template_name = "techniques/admin/clinical_review_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        counts = due_counts()
        report = reverse("clinical_review_report")
        return {
            "overdue": counts[OVERDUE],
            "due_soon": counts[DUE_SOON],
            "overdue_url": f"{report}?status={OVERDUE}",
            "due_soon_url": f"{report}?status={DUE_SOON}",
        }


def add_staff_panels(request, panels):
    """``construct_homepage_panels`` hook: the clinical review panel for the
    staff it concerns."""
    if works_on_clinical_pages(request.user):
        panels.append(ClinicalReviewPanel())
