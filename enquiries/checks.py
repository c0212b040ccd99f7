"""System checks: the vault has usable keys, every form page type stores
its submissions encrypted, and files sent with enquiries are kept where no
URL reaches them.

Wagtail's form builder stores submissions in its own ``FormSubmission`` table,
in plain JSON, unless a page type says otherwise (``get_submission_class``).
A form page type added later that forgets to would put patient text in the
database unencrypted, so ``manage.py check`` (run by ``migrate``,
``runserver`` and CI) refuses it.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import checks

from .keys import key_problems


@checks.register(checks.Tags.security)
def check_encryption_keys(app_configs=None, **kwargs):
    """An error for a wrong key anywhere, and for no key outside development
    (production settings refuse to start without one already). In
    development with no key yet, a warning: ``make run`` creates one, and
    ``make check`` on a fresh checkout has none."""
    keys = getattr(settings, "ENQUIRY_ENCRYPTION_KEYS", None) or []
    level = checks.Warning if not keys and settings.DEBUG else checks.Error
    return [
        level(
            problem,
            hint="See docs/deploy.md, 'Enquiry encryption keys'.",
            id="enquiries.E001" if level is checks.Error else "enquiries.W001",
        )
        for problem in key_problems(keys)
    ]


def form_page_models():
    from wagtail.contrib.forms.models import FormMixin

    return [
        model
        for model in apps.get_models()
        if issubclass(model, FormMixin) and not model._meta.abstract
    ]


def unencrypted_form_pages(models):
    """Form page types whose submissions would not be an ``Enquiry``."""
    from .models import Enquiry

    return [
        model for model in models if not issubclass(_submission_class(model), Enquiry)
    ]


def _submission_class(model):
    # A blank instance without __init__: creating a page reads the database
    # (its content type), which checks must not need. Wagtail's and our
    # get_submission_class return a class without reading the instance.
    try:
        return model.__new__(model).get_submission_class()
    except Exception:  # noqa: BLE001 - unknown: treat as unencrypted
        return object


@checks.register(checks.Tags.models)
def check_form_pages_encrypt_submissions(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"{model._meta.label} stores its form submissions unencrypted.",
            hint="Return enquiries.models.Enquiry from its get_submission_class() "
            "and store labels and consent as ContactPage.process_form_submission "
            "does.",
            obj=model,
            id="enquiries.E002",
        )
        for model in unencrypted_form_pages(form_page_models())
    ]


def public_folders():
    """Folders whose files the site serves by address."""
    return [
        Path(folder).resolve()
        for folder in (settings.MEDIA_ROOT, settings.STATIC_ROOT)
        if folder
    ]


def enquiry_file_problems():
    """Why the enquiry file storage could be reached by a URL, if it could."""
    from django.core.files.storage import FileSystemStorage

    from .storage import ALIAS, enquiry_file_storage

    if ALIAS not in settings.STORAGES:
        return [f'STORAGES has no "{ALIAS}" storage for files sent with enquiries.']
    storage = enquiry_file_storage()
    if isinstance(storage, FileSystemStorage):
        location = Path(storage.location).resolve()
        for folder in public_folders():
            if location == folder or folder in location.parents:
                return [
                    f"Files sent with enquiries would be kept in {location}, "
                    f"inside {folder}, which the site serves by address."
                ]
    try:
        storage.url("probe")
    except NotImplementedError:
        return []
    return [
        f'The "{ALIAS}" storage gives files a URL; it must have none (files are '
        "served only through the inbox's download view)."
    ]


@checks.register(checks.Tags.security)
def check_enquiry_files_are_private(app_configs=None, **kwargs):
    return [
        checks.Error(
            problem,
            hint="See docs/referrals.md, 'Where letters are kept'.",
            id="enquiries.E003",
        )
        for problem in enquiry_file_problems()
    ]
