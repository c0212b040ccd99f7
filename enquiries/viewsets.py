"""The Enquiries area of the admin, as one Wagtail ``ModelViewSet``.

Only the views the inbox needs are routed: the list (with its filters and
exports), one enquiry (read and handle) and deleting one. Wagtail's create,
edit, copy, history and usage views are not: enquiries come only from
visitors, and are changed only through the handling forms, which record
every change in the audit trail.
"""

from django.urls import path
from wagtail.admin.viewsets.model import ModelViewSet

from .links import NAMESPACE
from .models import Enquiry
from .views.delete import EnquiryDeleteView
from .views.detail import EnquiryDetailView
from .views.files import EnquiryFileDownloadView
from .views.inbox import PER_PAGE, EnquiryIndexView


class EnquiryViewSet(ModelViewSet):
    model = Enquiry
    name = NAMESPACE
    icon = "mail"
    menu_label = "Enquiries"
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = EnquiryIndexView
    delete_view_class = EnquiryDeleteView
    list_per_page = PER_PAGE
    copy_view_enabled = False
    inspect_view_enabled = True  # registers the "view" permission in Groups
    add_to_reference_index = False  # nothing links to an enquiry
    exclude_form_fields = []  # never used: no create or edit form is routed

    @property
    def detail_view(self):
        return EnquiryDetailView.as_view(**self.get_common_view_kwargs())

    def get_common_view_kwargs(self, **kwargs):
        # Only what every routed view accepts.
        return {"model": self.model, **kwargs}

    def get_index_view_kwargs(self, **kwargs):
        return {
            **super().get_index_view_kwargs(**kwargs),
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "edit_url_name": self.get_url_name("edit"),
            "delete_url_name": self.get_url_name("delete"),
            "header_icon": self.icon,
        }

    def get_delete_view_kwargs(self, **kwargs):
        return {
            **super().get_delete_view_kwargs(**kwargs),
            "index_url_name": self.get_url_name("index"),
            "delete_url_name": self.get_url_name("delete"),
            "header_icon": self.icon,
        }

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            # "edit" is the name Wagtail's links (audit log, admin URL finder)
            # look for: here it is the enquiry's own page.
            path("<int:pk>/", self.detail_view, name="edit"),
            path("<int:pk>/delete/", self.delete_view, name="delete"),
            path(
                "<int:pk>/files/<int:file_pk>/",
                EnquiryFileDownloadView.as_view(),
                name="file",
            ),
        ]
