"""Settings shared by every environment.

Nothing secret lives here: ``production.py`` reads secrets and hosts from the
environment, ``dev.py`` and ``test.py`` set safe local values.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # The project on top (its AppConfig wires the page cache), then the
    # feature apps, then the foundations they share (see README, "Layers").
    "clinic",
    "home",
    "techniques",
    "contact",
    "referrals",
    "enquiries",
    "locations",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Background tasks (form emails, Wagtail's reference index): see
    # "Contact forms" below.
    "django_tasks",
    "django_tasks_db",
    # The JSON APIs (clinic/api/): see "Headless" below. ninja is listed so
    # that /api/v3/docs/ serves Swagger UI from the package's own static
    # files instead of a CDN (no outside requests).
    "rest_framework",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "ninja",
    "corsheaders",
    "wagtail_headless_preview",
]

MIDDLEWARE = [
    # First: every later piece (login lockout, form limits, logs) sees the
    # real client's address behind our proxies (home/client_address.py).
    "home.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "clinic.security.ClinicCSPMiddleware",
    # An ETag on every answer that may be kept, and a 304 for a browser or
    # proxy that already has it (clinic/page_cache.py sets how long).
    "django.middleware.http.ConditionalGetMiddleware",
    # Serves /static/ straight from the app server: no separate web server is
    # needed for the stylesheet, in development or behind a load balancer.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # CORS for the API's front-end origins, before CommonMiddleware as
    # django-cors-headers asks (see "Headless" below).
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in (clinic/two_factor.py): request.user.is_verified()
    # says whether this session gave the code; ours, after the messages it
    # uses, signs out of the admin any session of someone who needs the code
    # and has not given it, whichever page signed them in.
    "django_otp.middleware.OTPMiddleware",
    "clinic.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "clinic.two_factor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # For /api/ only: refuses odd query parameters (null characters, digits
    # other than 0-9, overlong values) and over-large or over-deep bodies
    # before any parser sees them, keeps only the words of search=, and holds
    # the request for the v3 API's nested links (clinic/api/middleware.py).
    "clinic.api.middleware.APIRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "clinic.wsgi.application"

# SQLite in a git-ignored file unless DATABASE_URL names another database,
# e.g. postgres://user:password@host:5432/clinic
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must survive several workers writing at once:
    # WAL lets readers carry on during a write, IMMEDIATE transactions take
    # the write lock up front (no "database is locked" half-way through a
    # transaction), and writers wait up to 20 s for each other.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            # synchronous stays FULL (the default): a committed enquiry
            # survives a power cut.
            "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=20000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where `collectstatic` puts the files whitenoise serves.
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT") or BASE_DIR / "media"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Files sent with enquiries (referral letters): encrypted, with no URL,
    # outside the media folder (enquiries/storage.py; the system check
    # enquiries.E003 refuses a place under MEDIA_ROOT or STATIC_ROOT).
    "enquiry_files": {
        "BACKEND": "enquiries.storage.PrivateFileStorage",
        "OPTIONS": {
            "location": os.environ.get("ENQUIRY_FILES_ROOT")
            or BASE_DIR / "var" / "enquiry-files",
        },
    },
}

# Wagtail
# The same name as Settings → Clinic details gives by default; the admin
# shows that setting (templates/wagtailadmin/), this is for emails and
# authenticator apps.
WAGTAIL_SITE_NAME = "Neuromodulation and Pain Clinic"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend (wagtail.search.backends.database) with
        # a bound on the query's length: thousands of words would otherwise
        # be a RecursionError in any search box, the admin's included.
        "BACKEND": "home.search_backend",
        # On PostgreSQL, match "tremors" to "tremor" whatever the server's
        # default text search configuration; SQLite's index ignores it.
        "SEARCH_CONFIG": "english",
    },
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt"]
# Documents are only ever served by Wagtail's view, which checks a private
# collection's restriction first; on the local disk it sends the file itself
# (the media folder's documents/ is never served directly: docs/deploy.md's
# nginx refuses it). Production on object storage redirects instead.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The shared-password form of private pages and documents, in the site's
# layout rather than Wagtail's bare page.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105
# On object storage, how long the signed link to a document lives
# (clinic/storage.py); it is handed out only after Wagtail's checks.
DOCUMENTS_URL_SECONDS = int(os.environ.get("DOCUMENTS_URL_SECONDS", "300"))
# The admin must not call out to other servers: staff activity on a health
# site is nobody else's business, and the machines may have no internet.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "clinic": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# --- Page cache (clinic/page_cache.py) -------------------------------------
# Anonymous page views come from the cache until content changes. 0 turns it
# off. The cache must be shared by every worker (see production.py).
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/api/v3/forms/", "/documents/")
# The site-wide pieces every page shows (menu, clinic details, the contact and
# team pages: home/sitewide.py), read once per content change rather than once
# per page rendered. 0 reads them from the database every time.
SITEWIDE_CACHE_SECONDS = int(os.environ.get("SITEWIDE_CACHE_SECONDS", "3600"))

# --- A CDN or caching proxy in front (clinic/frontend_cache.py) -------------
# Anonymous pages say "public, max-age=BROWSER_CACHE_SECONDS,
# s-maxage=SHARED_CACHE_SECONDS": browsers ask again after a minute (a 304
# when nothing changed, thanks to the ETag), shared caches keep the page until
# it is purged or the time is up. Not the APIs, search or the sitemap, which
# no purge can name.
BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "60"))
SHARED_CACHE_SECONDS = int(os.environ.get("SHARED_CACHE_SECONDS", "600"))
SHARED_CACHE_EXCLUDED_PREFIXES = ("/api/", "/search/", "/sitemap.xml")
# Where Wagtail sends its PURGE requests when content changes, e.g. Varnish's
# address http://127.0.0.1:6081 (docs/deploy.md). For a commercial CDN
# (Cloudflare, CloudFront...) set WAGTAILFRONTENDCACHE in a settings module
# instead, as Wagtail's frontend cache docs describe. Empty: no purging.
if FRONTEND_CACHE_PURGE_URL := os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip():
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }


# --- Security (clinic/security.py) ------------------------------------------
from csp.constants import NONE, SELF  # noqa: E402

# No inline script and nothing from another origin on public pages: patients'
# visits are nobody else's business. clinic/security.py relaxes this for the
# admin only, and says why.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Django's defaults already send X-Content-Type-Options: nosniff,
# Referrer-Policy: same-origin, Cross-Origin-Opener-Policy: same-origin and
# X-Frame-Options: DENY; they are spelled out so a change is deliberate.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Browser features no page of the site uses are switched off for every page
# and any frame in it (django-permissions-policy): a patient's camera,
# microphone or location can never be asked for, even by injected content.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# How many reverse proxies of ours (nginx, a load balancer) append to
# X-Forwarded-For in front of Django. 0: the client is the direct peer and
# X-Forwarded-For is ignored. One setting for the login lockout, the form
# limits and the logs (home/client_address.py); docs/deploy.md's nginx is 1.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Admin sign-in: lock out after repeated failures (django-axes). Failures
# count per client IP (home/client_address.py); a locked-out person sees a
# page that says when to try again. Unlock with `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_RESET_ON_SUCCESS = True
# Never write the attempted user names' passwords or form data to the log.
AXES_SENSITIVE_PARAMETERS = ["password"]
# Two-factor sign-in (clinic/two_factor.py, on django-otp): staff with an
# authenticator app set up (`manage.py two_factor enable USERNAME`) give its
# code at every sign-in; STAFF_TWO_FACTOR_REQUIRED=1 refuses staff without one.
WAGTAILADMIN_USER_LOGIN_FORM = "clinic.two_factor.TwoFactorLoginForm"
STAFF_TWO_FACTOR_REQUIRED = os.environ.get("STAFF_TWO_FACTOR_REQUIRED", "0") == "1"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

AXES_CLIENT_IP_CALLABLE = "home.client_address.client_ip"


# --- Contact forms (contact/) ------------------------------------------------
# Submissions are stored first; their emails go out through a background task.
# django-tasks-db keeps the queue in the database: run `manage.py db_worker`
# beside the web server (README, "Background worker"). Wagtail's own tasks
# (e.g. the reference index) use the same queue. dev.py and test.py use the
# immediate backend, which runs tasks inside the request and needs no worker.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"
        )
    }
}
# A failed email is tried again after each of these delays (seconds), then
# given up and logged (without the visitor's data): 6 attempts over ~2.5 hours.
CONTACT_EMAIL_RETRY_DELAYS = (60, 300, 900, 1800, 7200)
# The clinic's notification says which form and when, with a link to the
# admin. "1" adds what the visitor wrote: only for mail fit for health data.
CONTACT_NOTIFICATION_INCLUDE_DETAILS = (
    os.environ.get("CONTACT_NOTIFICATION_INCLUDE_DETAILS", "0") == "1"
)
# Stored submissions allowed per client IP per period; 0 turns the limit off.
# Raise it for a load test, e.g. CONTACT_RATE_LIMIT_COUNT=100000. Counted in
# the database (home/throttle.py), which every worker and server shares and
# no cache traffic can evict; the window is exactly the period.
CONTACT_RATE_LIMIT_COUNT = int(os.environ.get("CONTACT_RATE_LIMIT_COUNT", "5"))
CONTACT_RATE_LIMIT_PERIOD = int(os.environ.get("CONTACT_RATE_LIMIT_PERIOD", "600"))
# A form sent sooner than this after it was shown is treated as a robot's.
# Only a load test lowers it (tests/test_submission_load.py), for its own server.
CONTACT_MIN_FILL_SECONDS = int(os.environ.get("CONTACT_MIN_FILL_SECONDS", "3"))
# How long a rendered form (its signed, single-use question) stays valid, in
# seconds. Two hours is ample to write about one's pain at one's own pace (each
# redisplay after a mistake starts another two hours, and an expired form keeps
# what was typed); any longer only gives a robot longer to use a solved one.
CONTACT_FORM_MAX_AGE = 2 * 60 * 60
# `manage.py purge_submissions` deletes submissions older than this.
# What visitors write is encrypted at rest (enquiries/vault.py) with these
# Fernet keys, comma-separated, newest first: the newest encrypts, all decrypt.
# Production refuses to start without one; `make run` keeps a development key
# in var/ (git-ignored).
ENQUIRY_ENCRYPTION_KEYS = [
    key.strip()
    for key in os.environ.get("ENQUIRY_ENCRYPTION_KEYS", "").split(",")
    if key.strip()
]

# Files sent with enquiries (a referral letter): PDF or Word, at most this
# many bytes; larger uploads are refused with a message.
ENQUIRY_FILE_MAX_BYTES = 10 * 1024 * 1024
# Request bodies with uploads stay in memory up to nginx's limit on a body
# (client_max_body_size 20m, docs/deploy.md), so a letter, even one too big
# to take, is never written to the server's disk unencrypted (Django would
# spool any body over 2.5 MB to a temporary file).
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
# A malware scanner for them, as "package.module.function" (enquiries/
# scanning.py, docs/referrals.md); none by default.
ENQUIRY_FILE_SCANNER = os.environ.get("ENQUIRY_FILE_SCANNER", "")

# Error reports of a request carrying a submission show no variable values.
DEFAULT_EXCEPTION_REPORTER_FILTER = "enquiries.error_reports.HealthDataReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "enquiries.error_reports.HealthDataExceptionReporter"

CONTACT_SUBMISSION_RETENTION_DAYS = int(
    os.environ.get("CONTACT_SUBMISSION_RETENTION_DAYS", "365")
)
LOGGING["loggers"]["contact"] = {
    "handlers": ["console"],
    "level": "INFO",
    "propagate": False,
}

# --- Headless: JSON APIs, CORS and front-end preview (clinic/api/) -------------
# Wagtail's two read APIs over the same `api_fields`: v2 (Django REST
# framework) at /api/v2/ and v3 (django-ninja, OpenAPI at
# /api/v3/openapi.json) at /api/v3/, plus the clinic's forms API on v3.
# Anonymous clients can only read live, public pages and send forms; Wagtail's
# v3 write endpoints need a staff member's API token. docs/api.md says how.
# Rich text in both APIs is display HTML, internal links expanded to URLs
# (a client can still ask for ?rich_text_format=db_html or markdown).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
# API v2 (Django REST framework) knows a visitor only by the site's session,
# never by a password in the request: DRF's default also takes HTTP Basic,
# a sign-in that skips two-factor (clinic/two_factor.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
}
# The scheme and host of absolute API URLs (detail_url, and the full_url of
# images and leaflets), e.g. https://cms.clinic.example: where this server
# answers, so by default the admin's address (the same server). Pages'
# html_url still comes from Settings > Sites, as everywhere in Wagtail.
WAGTAILAPI_BASE_URL = (
    os.environ.get("WAGTAILAPI_BASE_URL", "").strip() or WAGTAILADMIN_BASE_URL
)

# Cross-origin requests (CORS) to /api/ from these front-end origins only,
# e.g. API_CORS_ALLOWED_ORIGINS=https://app.clinic.example,http://localhost:3000
# Empty (the default): no cross-origin access. Never with cookies: the APIs
# ignore sessions, so there is nothing for a credentialed request to carry.
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("API_CORS_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_CREDENTIALS = False
# The largest /api/ request body, in bytes (multipart uploads excepted): a
# 413 beyond. A form submission is a few kilobytes, a page a few dozen.
API_MAX_BODY_BYTES = int(os.environ.get("API_MAX_BODY_BYTES", str(1024 * 1024)))

# Preview in the external front end (wagtail-headless-preview): set
# HEADLESS_PREVIEW_URL to the front end's preview route, e.g.
# https://app.clinic.example/preview/. Wagtail's Preview then sends the editor
# there with ?content_type=...&token=..., and the front end reads the draft
# from /api/v2/page_preview/ or /api/v3/preview/. Empty (the default): off,
# and Wagtail previews pages with the site's own templates.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "").strip()
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL} if HEADLESS_PREVIEW_URL else {},
    # Wagtail 7.1+ handles a cross-origin preview panel; no nested iframe.
    "REDIRECT_ON_PREVIEW": True,
    "ENFORCE_TRAILING_SLASH": False,
}
# How long a preview link works, in seconds.
HEADLESS_PREVIEW_MAX_AGE = 60 * 60
