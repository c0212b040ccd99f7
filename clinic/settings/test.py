"""Test settings: fast, isolated, nothing leaves the process."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# A fixed key, for tests only (a real one comes from the environment).
ENQUIRY_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWVucXVpcnkta2V5LTMyLWJ5dGVzISE="]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A database file, as in production, rather than shared-cache memory: with
    # several connections at once (tests/concurrency.py) SQLite then waits
    # and takes turns as base.py configures it, instead of failing with
    # "table is locked". One file per test process (pytest-django adds the
    # xdist worker's name); Django deletes it after the run.
    test_database = f"clinic-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), test_database)
    }

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Test clients sign in with client.login(), which passes no request, and
# django-axes needs one; tests/test_security.py turns axes on to test it.
AXES_ENABLED = False
