"""Put a newly created treatments or conditions section under clinical sign-off.

The data migration attaches the workflow to the sections that exist when it
runs; on a new install they are created later (by an editor, or by the demo
content), and this does the same for them.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import ConditionIndexPage, TechniqueIndexPage
from .signoff import attach_clinical_sign_off


@receiver(post_save, sender=TechniqueIndexPage)
@receiver(post_save, sender=ConditionIndexPage)
def put_new_section_under_sign_off(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_clinical_sign_off(instance)
