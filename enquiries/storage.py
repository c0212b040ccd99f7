"""Where files sent with enquiries are kept: a storage with no public URL.

A referral letter is health data. It must never be reachable by address, so
it is not kept on the default storage (``MEDIA_ROOT``, served under
``/media/``, or the public images bucket): ``STORAGES["enquiry_files"]``
names its own place, a folder outside the media folder by default, or a
private bucket in production (docs/referrals.md). The only way out is the
inbox's download view, which checks permission and logs each download
(``enquiries.views.files``). The files are encrypted as well (``vault``), so
a copy of the folder or bucket alone shows nothing.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage

ALIAS = "enquiry_files"
NO_URL = (
    "Files sent with enquiries have no URL; they are served only by the "
    "enquiry inbox's download view."
)


class PrivateFileStorage(FileSystemStorage):
    """The local disk, with no URL: asking for one is a programming error."""

    def url(self, name):
        raise NotImplementedError(NO_URL)


class PrivateBucketStorage(S3Storage):
    """An S3-compatible bucket of its own (not the images bucket), private
    and with no URL, signed or not: the app reads each file and serves it
    itself, after its checks (production.py, ``ENQUIRY_FILES_BUCKET``)."""

    default_acl = None
    querystring_auth = True
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError(NO_URL)


class ConfiguredStorage(LazyObject):
    """``STORAGES["enquiry_files"]``, looked up when first used and again
    after the setting changes. A model field keeps the storage object it was
    given when the models load, so it is given this stand-in rather than the
    storage itself (which would pin the settings of that moment)."""

    def _setup(self):
        self._wrapped = storages[ALIAS]


enquiry_files = ConfiguredStorage()


@receiver(setting_changed, dispatch_uid="enquiry_file_storage_changed")
def forget_storage(setting, **kwargs):
    if setting == "STORAGES":
        enquiry_files._wrapped = empty


def enquiry_file_storage():
    """The storage for files sent with enquiries (the model field's
    ``storage`` callable, named in its migration)."""
    return enquiry_files
