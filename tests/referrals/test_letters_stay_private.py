"""No uploaded letter is reachable without signing in as an enquiry handler.

Tested as a class, not by example: every URL the project routes (Wagtail's
admin, both APIs, the forms API, documents, images, the sitemap, the pages
themselves), filled in with the ids, names and reference of a stored letter,
is asked for anonymously, and no answer holds the letter or its ciphertext.
The storage itself is outside every folder the site serves, and has no URL.
"""

import itertools
import re

import pytest
from django.conf import settings
from django.core import checks
from django.test import Client
from django.urls import get_resolver

from enquiries.checks import check_enquiry_files_are_private
from enquiries.models import EnquiryFile
from enquiries.storage import enquiry_file_storage

from .conftest import LETTER_PDF

pytestmark = pytest.mark.django_db


def url_patterns(resolver=None, prefix=""):
    """Each URL pattern the project has, as ``(format string, parameters)``,
    those under a namespace (the admin's viewsets, the APIs) included."""
    resolver = resolver or get_resolver()
    seen = set()
    for key in list(resolver.reverse_dict):
        for possibility, *_ in resolver.reverse_dict.getlist(key):
            for template, params in possibility:
                route = (prefix + template, tuple(params))
                if route not in seen:
                    seen.add(route)
                    yield route
    for namespace_prefix, sub_resolver in resolver.namespace_dict.values():
        # The namespace's own prefix is a plain regex such as "^admin/".
        literal = re.sub(r"\\(.)", r"\1", namespace_prefix.lstrip("^").rstrip("$"))
        yield from url_patterns(sub_resolver, prefix + literal)


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def stored_letter(send_referral):
    assert send_referral().status_code == 302
    return EnquiryFile.objects.select_related("enquiry").get()


def test_no_url_gives_the_letter_to_an_anonymous_visitor(stored_letter):
    with stored_letter.file.open("rb") as handle:
        ciphertext = handle.read()
    enquiry = stored_letter.enquiry
    name = stored_letter.file.name
    values = [
        str(enquiry.pk),
        str(stored_letter.pk),
        str(enquiry.page_id),
        name,
        name.rsplit("/", 1)[-1],
        enquiry.reference,
    ]
    client = Client(raise_request_exception=False)
    asked = set()
    for template, params in url_patterns():
        for combination in itertools.product(values, repeat=len(params)):
            path = "/" + template % dict(zip(params, combination, strict=True))
            response = client.get(path)
            asked.add(path)
            body = body_of(response)
            assert LETTER_PDF[:64] not in body, path
            assert LETTER_PDF[1000:1064] not in body, path
            assert ciphertext[:64] not in body, path
    # The walk reached the download route itself (which sends visitors to
    # sign in), and the folders the site serves.
    download = f"/admin/enquiries/{enquiry.pk}/files/{stored_letter.pk}/"
    assert download in asked, len(asked)
    assert client.get(download)["Location"].startswith("/admin/login/")
    for path in (f"/media/{name}", f"/static/{name}", f"/{name}"):
        assert client.get(path, follow=True).status_code == 404


def test_the_store_is_outside_every_served_folder_and_has_no_url():
    # The storage the model really writes to, not only the configured one.
    storage = EnquiryFile._meta.get_field("file").storage
    assert storage.location == enquiry_file_storage().location
    location = str(storage.location)
    for served in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
        assert not location.startswith(str(served))
    with pytest.raises(NotImplementedError):
        storage.url("enquiry-files/anything")
    assert check_enquiry_files_are_private() == []


def test_the_check_refuses_a_store_inside_the_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "enquiry_files": {
            "BACKEND": "enquiries.storage.PrivateFileStorage",
            "OPTIONS": {"location": str(tmp_path / "letters")},
        },
    }
    [error] = check_enquiry_files_are_private()
    assert error.id == "enquiries.E003"
    assert error.level == checks.ERROR
    assert "which the site serves by address" in error.msg


def test_the_check_refuses_a_store_that_gives_urls(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "enquiry_files": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "letters")},
        },
    }
    [error] = check_enquiry_files_are_private()
    assert "gives files a URL" in error.msg
