"""Production: every secret and host comes from the environment.

The site refuses to start without ``DJANGO_SECRET_KEY``,
``DJANGO_ALLOWED_HOSTS``, ``WAGTAILADMIN_BASE_URL`` and
``ENQUIRY_ENCRYPTION_KEYS`` rather than run with a guessable key, answer for
any host name, send staff links (notification emails, password resets) that
point at the development address, or store what patients write unencrypted.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from enquiries.keys import key_problems

from .base import *  # noqa: F403


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = required_env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [
    host.strip()
    for host in required_env("DJANGO_ALLOWED_HOSTS").split(",")
    if host.strip()
]


def required_url(name):
    value = required_env(name).rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(
            f"{name} must be the site's public address, e.g. https://clinic.example"
        )
    return value


# Links in the clinic's emails and in password resets start with this: never
# base.py's development default (http://127.0.0.1:8000).
WAGTAILADMIN_BASE_URL = required_url("WAGTAILADMIN_BASE_URL")
WAGTAILAPI_BASE_URL = (
    os.environ.get("WAGTAILAPI_BASE_URL", "").strip() or WAGTAILADMIN_BASE_URL
)
# Fernet keys for what visitors write, newest first (enquiries/vault.py).
ENQUIRY_ENCRYPTION_KEYS = [
    key.strip()
    for key in required_env("ENQUIRY_ENCRYPTION_KEYS").split(",")
    if key.strip()
]
# A wrong key would only show at the first submission: refuse to start now.
if key_problems_found := key_problems(ENQUIRY_ENCRYPTION_KEYS):
    raise ImproperlyConfigured(" ".join(key_problems_found))
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("DJANGO_EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "website@clinic.invalid"
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# The page cache must be shared by every worker: Redis when REDIS_URL is set,
# which several app servers need. (Rate limits count in the database, which
# they all share already: home/throttle.py.)
if REDIS_URL := os.environ.get("REDIS_URL", "").strip():
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # One server: a file cache that all its gunicorn workers share, so the
    # page cache's clearing holds across workers.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get(
                "DJANGO_CACHE_DIR",
                str(BASE_DIR / "var" / "cache"),  # noqa: F405
            ),
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# Uploaded images and documents on S3-compatible object storage when a bucket
# is named; otherwise on the local disk (MEDIA_ROOT).
if AWS_STORAGE_BUCKET_NAME := os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip():
    # Documents always get short-lived signed links (clinic/storage.py).
    STORAGES["default"] = {"BACKEND": "clinic.storage.MediaStorage"}  # noqa: F405
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # Private by default: patient leaflets are public, but nothing uploaded
    # should be listable or world-writable; links are signed.
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = os.environ.get("AWS_QUERYSTRING_AUTH", "1") == "1"
    AWS_S3_FILE_OVERWRITE = False
    # /documents/<id>/<name> checks a private collection's restriction, then
    # redirects to a signed link that expires after DOCUMENTS_URL_SECONDS
    # (base.py): the file never passes through the app server, and a copied
    # link soon stops working.
    WAGTAILDOCS_SERVE_METHOD = "redirect"

# Files sent with enquiries (referral letters): on the server's disk outside
# the media folder (ENQUIRY_FILES_ROOT, base.py), or in a private bucket of
# their own, never the images bucket. docs/referrals.md.
if ENQUIRY_FILES_BUCKET := os.environ.get("ENQUIRY_FILES_BUCKET", "").strip():
    STORAGES["enquiry_files"] = {  # noqa: F405
        "BACKEND": "enquiries.storage.PrivateBucketStorage",
        "OPTIONS": {
            "bucket_name": ENQUIRY_FILES_BUCKET,
            # Its own, so that the letters' bucket works with media on disk.
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        },
    }
