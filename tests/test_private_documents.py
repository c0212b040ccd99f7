"""Documents in a private collection reach only the people allowed to see them.

They must never be served straight from the media folder (in development or
by nginx, see tests/test_proxy.py) nor by a long-lived or unsigned object
storage link: only Wagtail's ``/documents/<id>/<name>`` view, which checks the
collection's restriction first, may hand them out.
"""

import importlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import clear_url_caches
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import clinic.urls
from clinic.storage import MediaStorage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def debug_urls(settings):
    """The URLs as ``manage.py runserver`` builds them (DEBUG on)."""
    settings.DEBUG = True
    importlib.reload(clinic.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(clinic.urls)
    clear_url_caches()


def media_file(settings, relative, content):
    path = Path(settings.MEDIA_ROOT) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def test_development_serves_images_but_never_documents_from_media(
    db, settings, debug_urls
):
    media_file(settings, "documents/referral-letter.txt", b"PATIENT REFERRAL")
    media_file(settings, "images/scan.fill-10x10.png", b"an image")

    document = Client().get("/media/documents/referral-letter.txt")
    assert document.status_code == 404
    assert b"PATIENT REFERRAL" not in b"".join(
        getattr(document, "streaming_content", [document.content])
    )
    image = Client().get("/media/images/scan.fill-10x10.png")
    assert image.status_code == 200
    assert b"".join(image.streaming_content) == b"an image"


# Object storage ---------------------------------------------------------------


@pytest.fixture
def bucket(settings):
    """Object storage as production sets it, with image links on a CDN and
    unsigned: nothing here reaches the network (links are signed locally)."""
    settings.AWS_STORAGE_BUCKET_NAME = "clinic-media"
    settings.AWS_S3_REGION_NAME = "eu-west-2"
    settings.AWS_ACCESS_KEY_ID = "AKIAEXAMPLEEXAMPLE"
    settings.AWS_SECRET_ACCESS_KEY = "not-a-real-secret"  # noqa: S105
    settings.AWS_S3_CUSTOM_DOMAIN = "cdn.clinic.example"
    settings.AWS_QUERYSTRING_AUTH = False
    settings.DOCUMENTS_URL_SECONDS = 300
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "clinic.storage.MediaStorage"},
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"


def signed_for(url):
    query = parse_qs(urlsplit(url).query)
    return int(query["X-Amz-Expires"][0]) if "X-Amz-Signature" in query else None


def test_document_links_are_signed_and_short_lived_whatever_images_do(bucket):
    storage = MediaStorage()
    image = storage.url("images/scan.fill-10x10.png")
    assert image == "https://cdn.clinic.example/images/scan.fill-10x10.png"

    document = storage.url("documents/referral-letter.pdf")
    assert signed_for(document) == 300
    assert urlsplit(document).hostname != "cdn.clinic.example"
    assert "referral-letter.pdf" in urlsplit(document).path


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    private = root.add_child(name="Private records")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    # The file's name only: nothing is uploaded to the (imaginary) bucket.
    return Document.objects.create(
        title="Referral letter",
        file="documents/referral-letter.pdf",
        collection=private,
    )


def test_a_private_document_redirects_only_a_signed_in_user_to_a_signed_link(
    bucket, private_document
):
    url = private_document.url
    assert url == f"/documents/{private_document.id}/referral-letter.pdf"

    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    # To the sign-in page on this site, not to the bucket.
    assert urlsplit(anonymous["Location"]).hostname is None
    assert "login" in anonymous["Location"]

    User.objects.create_user("nurse", password="right-pw-123")
    staff = Client()
    staff.login(username="nurse", password="right-pw-123")
    allowed = staff.get(url)
    assert allowed.status_code == 302
    assert signed_for(allowed["Location"]) == 300


def test_production_on_object_storage_uses_signed_redirects():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x7Q" * 20,
        DJANGO_ALLOWED_HOSTS="clinic.example",
        WAGTAILADMIN_BASE_URL="https://clinic.example",
        ENQUIRY_ENCRYPTION_KEYS="dGVzdC1vbmx5LWVucXVpcnkta2V5LTMyLWJ5dGVzISE=",
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_QUERYSTRING_AUTH="0",
    )
    script = (
        "from django.conf import settings as s; print(s.WAGTAILDOCS_SERVE_METHOD,"
        " s.STORAGES['default']['BACKEND'], s.DOCUMENTS_URL_SECONDS)"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["redirect", "clinic.storage.MediaStorage", "300"]
