"""Key rotation: ``manage.py reencrypt_enquiries`` moves every enquiry and
note to the newest key, in batches, and leaves what no key opens untouched."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry

from enquiries import files
from enquiries.fields import UNREADABLE_TEXT
from enquiries.files import PDF
from enquiries.management.commands import reencrypt_enquiries
from enquiries.models import Enquiry, EnquiryNote

pytestmark = pytest.mark.django_db


def raw(model, field, pk):
    """The column's text as a dump shows it."""
    return (
        model.objects.annotate(token=Cast(field, output_field=TextField()))
        .values_list("token", flat=True)
        .get(pk=pk)
    )


def opens_with(key, token):
    return Fernet(key).decrypt(token.encode()).decode()


def enquiry(page, message):
    return Enquiry.objects.create(
        page=page,
        form_data={"your_message": message},
        field_labels={"your_message": "Your message"},
    )


def reencrypt(*args):
    out, err = StringIO(), StringIO()
    call_command("reencrypt_enquiries", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rotating_from_key_a_to_b_then_dropping_a_keeps_everything_readable(
    settings, contact_page, new_key
):
    a, b, lost = new_key(), new_key(), new_key()
    settings.ENQUIRY_ENCRYPTION_KEYS = [lost]
    orphan = enquiry(contact_page, "written with a key since lost")
    orphan_token = raw(Enquiry, "form_data", orphan.pk)
    settings.ENQUIRY_ENCRYPTION_KEYS = [a]
    first = enquiry(contact_page, "my back hurts")
    second = enquiry(contact_page, "my leg hurts")
    note = EnquiryNote.objects.create(enquiry=first, text="Call on Tuesday.")
    assert "my back hurts" in opens_with(a, raw(Enquiry, "form_data", first.pk))

    # B is new and first; A stays until everything has moved.
    settings.ENQUIRY_ENCRYPTION_KEYS = [b, a]
    out, err = reencrypt()
    assert "Enquiries: 2 re-encrypted, 0 already on the newest key, 1 could not " in out
    assert "Notes: 1 re-encrypted" in out
    assert "keep the key that wrote them" in err

    # Drop A: every value opens with B alone.
    settings.ENQUIRY_ENCRYPTION_KEYS = [b]
    assert Enquiry.objects.get(pk=first.pk).form_data == {
        "your_message": "my back hurts"
    }
    assert (
        Enquiry.objects.get(pk=second.pk).get_data()["your_message"] == "my leg hurts"
    )
    assert EnquiryNote.objects.get(pk=note.pk).text == "Call on Tuesday."
    assert "my back hurts" in opens_with(b, raw(Enquiry, "form_data", first.pk))

    # The unreadable row was left exactly as it was, and opens with its key.
    assert raw(Enquiry, "form_data", orphan.pk) == orphan_token
    assert Enquiry.objects.get(pk=orphan.pk).get_data()["your_message"] == (
        UNREADABLE_TEXT
    )
    settings.ENQUIRY_ENCRYPTION_KEYS = [b, lost]
    assert Enquiry.objects.get(pk=orphan.pk).form_data["your_message"] == (
        "written with a key since lost"
    )

    # Running it again changes nothing that is already on the newest key.
    settings.ENQUIRY_ENCRYPTION_KEYS = [b]
    before = raw(Enquiry, "form_data", first.pk)
    out, _ = reencrypt()
    assert "Enquiries: 0 re-encrypted, 2 already on the newest key, 1 could not" in out
    assert raw(Enquiry, "form_data", first.pk) == before


def test_each_run_leaves_an_audit_entry_with_counts_only(
    settings, contact_page, new_key
):
    a, b = new_key(), new_key()
    settings.ENQUIRY_ENCRYPTION_KEYS = [a]
    enquiry(contact_page, "my back hurts")
    settings.ENQUIRY_ENCRYPTION_KEYS = [b, a]
    reencrypt()
    entry = ModelLogEntry.objects.get(action="enquiries.reencrypt")
    assert entry.data == {
        "enquiries": {"reencrypted": 1},
        "notes": {},
        "files": {},
    }
    assert "hurts" not in str(entry.data) + entry.label


def test_an_interrupted_run_leaves_every_row_readable_and_a_rerun_finishes(
    settings, contact_page, new_key, monkeypatch
):
    a, b = new_key(), new_key()
    settings.ENQUIRY_ENCRYPTION_KEYS = [a]
    rows = [enquiry(contact_page, f"message {n}") for n in range(3)]
    settings.ENQUIRY_ENCRYPTION_KEYS = [b, a]

    real = reencrypt_enquiries.Command.reencrypt_row
    calls = []

    def stop_at_the_second_batch(self, *args):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, *args)

    monkeypatch.setattr(
        reencrypt_enquiries.Command, "reencrypt_row", stop_at_the_second_batch
    )
    with pytest.raises(KeyboardInterrupt):
        reencrypt("--batch-size", "1")
    monkeypatch.undo()
    settings.ENQUIRY_ENCRYPTION_KEYS = [b, a]

    # The first batch moved to B; the rest are still on A; all read.
    tokens = [raw(Enquiry, "form_data", row.pk) for row in rows]
    assert opens_with(b, tokens[0])
    assert opens_with(a, tokens[1]) and opens_with(a, tokens[2])
    assert [r.form_data["your_message"] for r in Enquiry.objects.order_by("pk")] == [
        "message 0",
        "message 1",
        "message 2",
    ]

    out, _ = reencrypt("--batch-size", "1")
    assert "Enquiries: 2 re-encrypted, 1 already on the newest key" in out
    settings.ENQUIRY_ENCRYPTION_KEYS = [b]
    assert [r.form_data["your_message"] for r in Enquiry.objects.order_by("pk")] == [
        "message 0",
        "message 1",
        "message 2",
    ]


def test_letters_move_to_the_new_key_too(settings, contact_page, new_key):
    a, b = new_key(), new_key()
    settings.ENQUIRY_ENCRYPTION_KEYS = [a]
    letter = b"%PDF-1.4 a referral letter"
    stored = files.store(enquiry(contact_page, "see letter"), "letter", letter, PDF)
    old_name = stored.file.name
    settings.ENQUIRY_ENCRYPTION_KEYS = [b, a]

    out, _err = reencrypt()

    assert "Files: 1 re-encrypted" in out
    stored.refresh_from_db()
    assert stored.file.name != old_name
    assert not stored.file.storage.exists(old_name)
    settings.ENQUIRY_ENCRYPTION_KEYS = [b]  # A can go now
    assert files.read(stored) == letter
    assert "Files: 0 re-encrypted, 1 already on the newest key" in reencrypt()[0]
