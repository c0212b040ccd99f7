"""Local development: debug on, a throwaway secret, mail printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Background tasks (form emails) run inside the request: `make run` needs no
# worker process. Production queues them in the database (base.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Serve the stylesheet from the app folders without running collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Template and code changes show at once; the page cache is for production.
PAGE_CACHE_SECONDS = 0

# The development key for encrypting enquiries (`make run` creates it; never
# use it anywhere else).
DEV_ENQUIRY_KEY_FILE = BASE_DIR / "var" / "enquiry-encryption.key"  # noqa: F405
if not ENQUIRY_ENCRYPTION_KEYS and DEV_ENQUIRY_KEY_FILE.exists():  # noqa: F405
    ENQUIRY_ENCRYPTION_KEYS = [DEV_ENQUIRY_KEY_FILE.read_text().strip()]
