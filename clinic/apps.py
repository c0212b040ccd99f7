from django.apps import AppConfig


class ClinicConfig(AppConfig):
    """The project on top of the apps: settings, URLs, the APIs, the page
    cache, site-wide navigation and JSON-LD, and the demo content."""

    name = "clinic"
    verbose_name = "Clinic site"

    def ready(self):
        from clinic import frontend_cache, page_cache

        page_cache.connect_signals()
        frontend_cache.connect_signals()
