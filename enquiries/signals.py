"""A file sent with an enquiry goes when its row goes: deleting an enquiry
by hand, by retention (``purge_submissions``) or by erasure
(``erase_enquiries``) also deletes the stored file, once the deletion is
committed (a rolled-back deletion keeps it)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import EnquiryFile


@receiver(post_delete, sender=EnquiryFile, dispatch_uid="enquiry_file_deleted")
def delete_stored_file(sender, instance, **kwargs):
    name = instance.file.name
    storage = instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
