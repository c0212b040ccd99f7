from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    """What visitors send through the site's forms, once it has arrived: the
    encrypted store (``vault``), the handlers' inbox and its audit trail."""

    name = "enquiries"
    verbose_name = "Enquiries"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Before any view asks for the policy (hooks load lazily).
        from wagtail.permissions import register_permission_policy

        from . import (
            checks,  # noqa: F401 - registers the system checks
            signals,  # noqa: F401 - deletes files with their rows
        )
        from .models import Enquiry
        from .permissions import EnquiryPermissionPolicy

        register_permission_policy(
            Enquiry, EnquiryPermissionPolicy(Enquiry), exact_class=True
        )
