"""Where files sent with enquiries are kept: a storage with no public URL.

A referral letter is health data. It must never be reachable by address, so
it is not kept on the default storage (``MEDIA_ROOT``, served under
``/media/``, or the public images bucket): ``STORAGES["enquiry_files"]``
names its own place, a folder outside the media folder by default, or a
private bucket in production (docs/deploy.md). The only way out is the
inbox's download view, which checks permission and logs each download
(``enquiries.views.files``). The files are encrypted as well (``vault``), so
a copy of the folder or bucket alone shows nothing.
"""

from django.core.files.storage import FileSystemStorage, storages
from storages.backends.s3 import S3Storage

ALIAS = "enquiry_files"


class PrivateFileStorage(FileSystemStorage):
    """The local disk, with no URL: asking for one is a programming error."""

    def url(self, name):
        raise NotImplementedError(
            "Files sent with enquiries have no URL; they are served only by "
            "the enquiry inbox's download view."
        )


class PrivateBucketStorage(S3Storage):
    """An S3-compatible bucket of its own (not the images bucket), private
    and with no URL, signed or not: the app reads each file and serves it
    itself, after its checks (production.py, ``ENQUIRY_FILES_BUCKET``)."""

    default_acl = None
    querystring_auth = True
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError(
            "Files sent with enquiries have no URL; they are served only by "
            "the enquiry inbox's download view."
        )


def enquiry_file_storage():
    """The storage for files sent with enquiries (a callable, so that the
    model field reads the setting when used, not when imported)."""
    return storages[ALIAS]
