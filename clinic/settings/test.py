"""Test settings: fast, isolated, nothing leaves the process."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Test clients sign in with client.login(), which passes no request, and
# django-axes needs one; tests/test_security.py turns axes on to test it.
AXES_ENABLED = False
