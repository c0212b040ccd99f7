from django.apps import AppConfig


class TechniquesConfig(AppConfig):
    name = "techniques"
    verbose_name = "Techniques and conditions"

    def ready(self):
        from . import signals  # noqa: F401
