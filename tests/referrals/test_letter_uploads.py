"""The referral letter: PDF or Word by content, at most 10 MB, through the
malware scanner where one is configured; refused with a message that says
what to do, and nothing stored, otherwise."""

import io
import zipfile

import pytest

from enquiries import files
from enquiries.models import Enquiry, EnquiryFile
from enquiries.scanning import FileInfected

from .conftest import LETTER_PDF, nothing_stored, upload

pytestmark = pytest.mark.django_db

HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script>"


def minimal_docx():
    """The smallest Word (Office Open XML) document: its three parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml"'
            ' ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="r1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        package.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            "<w:t>Dear colleague</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def error_at_letter(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_referral_letter-error"' in html
    return html


def test_a_real_pdf_is_taken_encrypted_and_kept_privately(send_referral, settings):
    response = send_referral()

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    [stored] = enquiry.files.all()
    assert stored.content_type == "application/pdf"
    assert stored.size == len(LETTER_PDF)
    assert enquiry.form_data["referral_letter"] == "PDF document, 20 KB"
    # On disk: ciphertext, under a random name, not the visitor's file name.
    with stored.file.open("rb") as handle:
        raw = handle.read()
    assert b"%PDF" not in raw and LETTER_PDF[200:300] not in raw
    assert "letter" not in stored.file.name
    assert files.read(stored) == LETTER_PDF


def test_a_word_document_is_taken(send_referral):
    docx = upload(minimal_docx(), "letter.docx", "application/octet-stream")
    assert send_referral(letter=docx).status_code == 302
    assert EnquiryFile.objects.get().content_type == files.WORD_OPEN_XML.content_type


@pytest.mark.parametrize(
    ("data", "name", "content_type"),
    [
        (HTML_PAGE, "letter.pdf", "application/pdf"),  # a web page renamed
        (b"PK\x03\x04" + b"\x00" * 200, "letter.docx", "application/msword"),
        (b"MZ\x90\x00" + b"\x00" * 200, "letter.doc", "application/msword"),
        (b"Dear colleague, plain text.", "letter.txt", "text/plain"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "scan.png", "image/png"),
    ],
    ids=["html-renamed-pdf", "zip-not-word", "program", "text", "picture"],
)
def test_other_kinds_are_refused_whatever_their_name(
    send_referral, data, name, content_type
):
    response = send_referral(letter=upload(data, name, content_type))

    html = error_at_letter(response)
    assert "This file is not a PDF or Word document" in html
    assert nothing_stored()


def test_a_file_over_10_mb_is_refused_with_its_size(send_referral):
    too_big = LETTER_PDF + b"\x00" * (10 * 1024 * 1024 - len(LETTER_PDF) + 1)

    response = send_referral(letter=upload(too_big))

    html = error_at_letter(response)
    assert "This file is 10.0 MB, larger than we can take (10.0 MB at most)" in html
    assert nothing_stored()


def test_a_file_of_exactly_10_mb_is_taken(send_referral):
    exactly = LETTER_PDF + b"\x00" * (10 * 1024 * 1024 - len(LETTER_PDF))
    assert send_referral(letter=upload(exactly)).status_code == 302


def test_an_empty_file_is_refused(send_referral):
    html = error_at_letter(send_referral(letter=upload(b"")))
    assert "This file is empty" in html
    assert nothing_stored()


def test_no_letter_is_asked_for(send_referral, referrer):
    referrer.open()
    from .conftest import referral_answers

    response = referrer.send(referral_answers())
    assert "Please attach the letter, as a PDF or Word document." in error_at_letter(
        response
    )
    assert nothing_stored()


def test_a_good_letter_must_be_attached_again_after_another_mistake(send_referral):
    response = send_referral(your_name="")

    html = error_at_letter(response)
    assert "Please attach the letter again" in html
    assert 'value="Riverside Surgery"' in html  # the rest is kept
    assert 'enctype="multipart/form-data"' in html
    assert nothing_stored()


# The malware scanner hook ---------------------------------------------------


class FakeScanner:
    """Stands in for ClamAV and the like: records what it was given."""

    def __init__(self):
        self.verdict = "clean"
        self.seen = []


fake = FakeScanner()


def fake_scan(data):
    """What ENQUIRY_FILE_SCANNER names: clean, infected or down."""
    fake.seen.append(data)
    if fake.verdict == "infected":
        raise FileInfected("Eicar-Test-Signature")
    if fake.verdict == "down":
        raise ConnectionRefusedError("clamd is not running")


@pytest.fixture
def scanner(settings):
    settings.ENQUIRY_FILE_SCANNER = f"{__name__}.fake_scan"
    fake.__init__()
    return fake


def test_the_scanner_sees_the_letter_before_it_is_stored(send_referral, scanner):
    assert send_referral().status_code == 302
    assert scanner.seen == [LETTER_PDF]
    assert EnquiryFile.objects.count() == 1


def test_an_infected_letter_is_refused(send_referral, scanner, caplog):
    scanner.verdict = "infected"

    html = error_at_letter(send_referral())

    assert "Our virus check found a problem with this file" in html
    assert nothing_stored()
    assert "Eicar" not in caplog.text


def test_no_letter_is_taken_while_the_scanner_is_down(send_referral, scanner, caplog):
    scanner.verdict = "down"

    html = error_at_letter(send_referral())

    assert "We could not check this file for viruses just now" in html
    assert nothing_stored()
    assert "ConnectionRefusedError" in caplog.text
    assert "clamd is not running" not in caplog.text


@pytest.fixture
def spooled(monkeypatch):
    """Each upload Django writes to a temporary file on disk (it spools a
    large one unless told otherwise)."""
    from django.core.files import uploadedfile

    written = []
    real_init = uploadedfile.TemporaryUploadedFile.__init__

    def spool(self, *args, **kwargs):
        written.append(args)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", spool)
    return written


def test_a_letter_is_never_written_to_disk_unencrypted(send_referral, spooled):
    full_size = LETTER_PDF + b"\x00" * (10 * 1024 * 1024 - len(LETTER_PDF))

    assert send_referral(letter=upload(full_size)).status_code == 302
    assert spooled == []


def test_not_even_one_too_big_to_take(send_referral, spooled):
    too_big = LETTER_PDF + b"\x00" * (15 * 1024 * 1024)

    error_at_letter(send_referral(letter=upload(too_big)))
    assert spooled == []


def test_the_scanner_is_not_called_for_a_form_with_mistakes(send_referral, scanner):
    error_at_letter(send_referral(your_name=""))  # "attach it again"
    assert scanner.seen == []


def test_the_scanner_is_not_called_for_a_robot(send_referral, scanner):
    assert send_referral(cf_website="http://spam.example").status_code == 302
    assert scanner.seen == []
    assert nothing_stored()
