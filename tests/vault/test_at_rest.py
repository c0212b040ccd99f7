"""Nothing a patient wrote is readable in the database, its dump or the
caches: the form, the forms API, staff notes, the audit trail, the task
queue and the search index all hold ciphertext, ids or nothing.

The dump is what a backup holds: SQLite's ``.dump`` (``iterdump``, the same
SQL) or ``pg_dump`` on PostgreSQL, read as text after the data is committed.
"""

import logging
import pickle
import shutil
import subprocess
import zlib
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from enquiries import audit
from enquiries.models import Enquiry, EnquiryNote

from .conftest import VALID_API, VALID_HTML

# Words that appear nowhere on the site: if any is found, it came from a
# patient's message or a note.
FROM_THE_FORM = ("Quillfeather", "quill.feather@example.com", "7946 0321", "zorbalgia")
FROM_THE_API = ("Pemberton-Azul", "azul@example.com", "7946 0654", "xylocaine burn")
FROM_A_NOTE = ("gabapentin titration",)
UNSENT = ("fibrozoid",)  # typed into a form that was refused, then corrected


def sqlite_dump():
    return "\n".join(connection.connection.iterdump())


def pg_dump():
    binary = shutil.which("pg_dump") or next(
        iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))), None
    )
    assert binary, "pg_dump is needed (Debian's postgresql-client package)"
    db = connection.settings_dict
    command = [
        str(binary),
        "--no-owner",
        f"--host={db['HOST'] or '127.0.0.1'}",
        f"--port={db['PORT'] or 5432}",
        f"--username={db['USER']}",
        db["NAME"],
    ]
    env = {"PGPASSWORD": db["PASSWORD"] or ""}
    return subprocess.run(  # noqa: S603 - a fixed binary and our own settings
        command, capture_output=True, text=True, check=True, env=env
    ).stdout


def cached_bytes(folder):
    """Every value in a file cache, uncompressed (Django stores each as a
    pickled expiry time, then the zlib-compressed pickled value)."""
    values = []
    for path in folder.rglob("*.djcache"):
        with path.open("rb") as file:
            pickle.load(file)  # noqa: S301 - our own cache files
            values.append(zlib.decompress(file.read()))
    return b"".join(values)


def database_dump():
    if connection.vendor == "sqlite":
        return sqlite_dump()
    assert connection.vendor == "postgresql", connection.vendor
    return pg_dump()


@pytest.fixture
def production_like(settings, tmp_path, monkeypatch):
    """The database task queue and a file page cache, as in production, so
    their rows and files are part of what is inspected."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    return tmp_path / "cache"


@pytest.mark.django_db(transaction=True)
def test_no_patient_text_in_a_dump_of_the_database_or_in_the_cache(
    contact_page, html_visitor, api_visitor, production_like, caplog
):
    contact_page.send_confirmation_email = True
    contact_page.save()
    html_data = {
        **VALID_HTML,
        "your_name": "Ada Quillfeather",
        "email_address": "quill.feather@example.com",
        "phone_number": "020 7946 0321",
        "your_message": "The zorbalgia in my left leg is worse at night.",
    }
    api_data = {
        **VALID_API,
        "your_name": "Ben Pemberton-Azul",
        "email_address": "azul@example.com",
        "phone_number": "020 7946 0654",
        "your_message": "A xylocaine burn since my last injection.",
    }
    with caplog.at_level(logging.DEBUG):
        html_visitor.open()
        # A refused post (no consent) that the visitor then corrects.
        refused = {**html_data, "your_message": "fibrozoid", "health_consent": ""}
        assert html_visitor.send(refused).status_code == 200
        assert html_visitor.send(html_data).status_code == 302
        assert api_visitor.send(api_data).status_code == 201
        handler = User.objects.create_superuser("handler", "h@clinic.invalid", "pw")
        enquiry = Enquiry.objects.order_by("pk").first()
        note = EnquiryNote.objects.create(
            enquiry=enquiry, author=handler, text="Discussed gabapentin titration."
        )
        audit.record(enquiry, "enquiries.note", handler, {"note": note.pk})
        # The emails wait in the database queue, then the worker sends them.
        emails = DBTaskResult.objects.filter(task_path__endswith="submission_email")
        assert emails.count() == 4
        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
        call_command("update_index", stdout=StringIO())

    # What is stored reads back whole through the models...
    stored = [e.get_data() for e in Enquiry.objects.order_by("pk")]
    names = [s["your_name"] for s in stored]
    assert names == ["Ada Quillfeather", "Ben Pemberton-Azul"]
    assert EnquiryNote.objects.get().text == "Discussed gabapentin titration."

    # ...and is ciphertext in the dump, which does hold the rows themselves.
    dump = database_dump()
    assert "Contact us" in dump  # the page: the dump is real
    assert dump.count("gAAAAA") >= 3  # two enquiries' Fernet tokens and a note
    assert "Discussed" not in dump
    secrets = FROM_THE_FORM + FROM_THE_API + FROM_A_NOTE + UNSENT
    for secret in secrets:
        assert secret.lower() not in dump.lower(), secret

    # The page cache (files, as on a single production server) and the logs.
    cached = cached_bytes(production_like)
    assert b"SiteRootPath" in cached  # the cache was used, and read
    logged = caplog.text
    for secret in secrets:
        assert secret.encode() not in cached, secret
        assert secret not in logged, secret


@pytest.mark.django_db
@pytest.mark.parametrize(
    "lookup",
    [
        {"form_data__icontains": "pain"},
        {"form_data__contains": "pain"},
        {"form_data": {"your_message": "pain"}},
        {"notes__text__icontains": "pain"},
        {"notes__text": "pain"},
    ],
)
def test_searching_an_encrypted_column_is_an_error_not_an_empty_result(lookup):
    # Each token has its own IV: such a filter could only ever match nothing.
    with pytest.raises(FieldError, match="is encrypted"):
        list(Enquiry.objects.filter(**lookup))
    assert not Enquiry.objects.filter(form_data__isnull=True).exists()
