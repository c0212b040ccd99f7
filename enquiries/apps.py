from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    """What visitors send through the site's forms, once it has arrived: the
    encrypted store (``vault``), the handlers' inbox and its audit trail."""

    name = "enquiries"
    verbose_name = "Enquiries"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
