"""Uploads on S3-compatible object storage, with documents kept private.

Images and documents share one bucket (Wagtail stores both on the default
storage, under ``original_images/``, ``images/`` and ``documents/``). Images
are public and may be linked for as long as ``AWS_QUERYSTRING_AUTH`` and
``AWS_S3_CUSTOM_DOMAIN`` allow. A document may be in a private collection:
Wagtail's ``/documents/<id>/<name>`` view checks the restriction and then
redirects (``WAGTAILDOCS_SERVE_METHOD = "redirect"``) to this storage's URL,
so that URL must be signed and short-lived whatever the image settings say.
A custom domain (a CDN) cannot sign, so documents always use the bucket's
own endpoint.

django-storages has no per-folder setting for this; one small override is
simpler than a custom document model with its own storage (a migration and
a swapped model for every app that links documents).
"""

from django.conf import settings
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

DOCUMENTS_FOLDER = "documents/"


class MediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        if not clean_name(name).startswith(DOCUMENTS_FOLDER):
            return super().url(name, parameters, expire, http_method)
        params = dict(parameters or {})
        params["Bucket"] = self.bucket.name
        params["Key"] = self._normalize_name(clean_name(name))
        # Signed with the storage's credentials, never the unsigned client.
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=settings.DOCUMENTS_URL_SECONDS,
            HttpMethod=http_method,
        )
