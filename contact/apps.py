from django.apps import AppConfig
from django.db.models.signals import post_save


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = "Contact forms"

    def ready(self):
        from .models import ContactPage

        post_save.connect(
            _contact_page_saved, sender=ContactPage, dispatch_uid="contact_handlers"
        )


def _contact_page_saved(sender, instance, created, raw=False, **kwargs):
    """A new contact page's submissions are readable by enquiry handlers."""
    if created and not raw:
        from .roles import grant_handlers_access

        grant_handlers_access(instance)
