"""``dumpdata`` writes ciphertext and ``loaddata`` reads it back once:
ciphertext in, ciphertext out, no double encryption, nothing lost."""

import json
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db.models import TextField
from django.db.models.functions import Cast

from enquiries import vault
from enquiries.fields import DUMP_PREFIX
from enquiries.models import Enquiry, EnquiryNote

pytestmark = pytest.mark.django_db

DATA = {"your_name": "Ada Patient", "your_message": "Burning pain since March."}


def dump(tmp_path):
    out = StringIO()
    call_command("dumpdata", "enquiries", indent=1, stdout=out)
    path = tmp_path / "enquiries.json"
    path.write_text(out.getvalue())
    return path


def raw_form_data(pk):
    return (
        Enquiry.objects.annotate(t=Cast("form_data", TextField()))
        .values_list("t", flat=True)
        .get(pk=pk)
    )


def test_a_dump_holds_tokens_and_loads_back_to_the_same_values(contact_page, tmp_path):
    enquiry = Enquiry.objects.create(
        page=contact_page, form_data=DATA, field_labels={"your_name": "Your name"}
    )
    EnquiryNote.objects.create(enquiry=enquiry, text="Phoned back on Monday.")

    path = dump(tmp_path)
    text = path.read_text()
    for secret in ("Ada Patient", "Burning", "Phoned"):
        assert secret not in text
    rows = {row["model"]: row["fields"] for row in json.loads(text)}
    assert rows["enquiries.enquiry"]["form_data"].startswith(DUMP_PREFIX + "gAAAAA")
    assert rows["enquiries.enquirynote"]["text"].startswith(DUMP_PREFIX + "gAAAAA")

    Enquiry.objects.all().delete()
    call_command("loaddata", str(path), stdout=StringIO())

    loaded = Enquiry.objects.get(pk=enquiry.pk)
    assert loaded.form_data == DATA
    assert loaded.notes.get().text == "Phoned back on Monday."
    # Encrypted once: the column opens straight to the JSON, not to a token.
    assert json.loads(vault.decrypt_text(raw_form_data(enquiry.pk))) == DATA


def test_a_row_no_key_opens_survives_a_dump_and_load_byte_for_byte(
    settings, contact_page, tmp_path
):
    current = settings.ENQUIRY_ENCRYPTION_KEYS
    lost = Fernet.generate_key().decode()
    settings.ENQUIRY_ENCRYPTION_KEYS = [lost]
    enquiry = Enquiry.objects.create(page=contact_page, form_data=DATA)
    token = raw_form_data(enquiry.pk)
    settings.ENQUIRY_ENCRYPTION_KEYS = current

    path = dump(tmp_path)
    Enquiry.objects.all().delete()
    call_command("loaddata", str(path), stdout=StringIO())

    assert raw_form_data(enquiry.pk) == token
    settings.ENQUIRY_ENCRYPTION_KEYS = [lost]
    assert Enquiry.objects.get(pk=enquiry.pk).form_data == DATA


def test_a_hand_written_fixture_with_plain_values_is_stored_encrypted(
    contact_page, tmp_path
):
    path = tmp_path / "plain.json"
    path.write_text(
        json.dumps(
            [
                {
                    "model": "enquiries.enquiry",
                    "pk": 77,
                    "fields": {
                        "page": contact_page.pk,
                        "submit_time": "2026-11-30T10:00:00Z",
                        "form_data": DATA,
                        "field_labels": {},
                        "consent_text": "",
                        "status": "new",
                        "updated_at": "2026-11-30T10:00:00Z",
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(path), stdout=StringIO())
    assert Enquiry.objects.get(pk=77).form_data == DATA
    assert "Ada" not in raw_form_data(77)
