from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide settings"

    def ready(self):
        from clinic.page_cache import connect_signals
        from home.rich_text import guard_markdown_output

        connect_signals()
        guard_markdown_output()
