"""Data-subject rights: everything held about an address, as JSON, and its
erasure, from the command line and from the superusers' admin view; each
logged with counts and never the address."""

import json
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import TextField
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from enquiries.data_requests import subject_hash
from enquiries.models import Enquiry, EnquiryNote
from enquiries.roles import create_enquiry_handlers_group

pytestmark = pytest.mark.django_db

ADA = "ada@example.com"
LABELS = {
    "your_name": "Your name",
    "email_address": "Email address",
    "your_message": "Your message",
}
CONSENT = "I agree that the clinic may use my health information to reply."
URL = "/admin/personal-data-requests/"


def enquiry(page, name, address, message, **extra):
    return Enquiry.objects.create(
        page=page,
        form_data={
            "your_name": name,
            "email_address": address,
            "your_message": message,
        },
        field_labels=LABELS,
        consent_text=CONSENT,
        **extra,
    )


@pytest.fixture
def held(settings, contact_page):
    """Two enquiries from Ada (her address typed two ways), one from Ben
    that mentions her address in his message, and one no key opens."""
    first = enquiry(contact_page, "Ada Patient", ADA, "Back pain for years.")
    EnquiryNote.objects.create(enquiry=first, text="Booked for 3 March.")
    second = enquiry(
        contact_page, "Ada P", " Ada@Example.com ", "Follow-up.", status="answered"
    )
    ben = enquiry(contact_page, "Ben", "ben@example.com", f"My wife is {ADA}.")
    EnquiryNote.objects.create(enquiry=ben, text="Ben's note.")
    current = settings.ENQUIRY_ENCRYPTION_KEYS
    settings.ENQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    lost = enquiry(contact_page, "Ada", ADA, "Written with a lost key.")
    settings.ENQUIRY_ENCRYPTION_KEYS = current
    return {"ada": [first, second], "ben": ben, "lost": lost}


def log_entries(action):
    return list(ModelLogEntry.objects.filter(action=action))


def assert_no_address_in(entry):
    text = json.dumps(entry.data) + entry.label
    assert "ada@" not in text.lower()
    assert "example.com" not in text


def test_export_prints_everything_held_about_the_address(held):
    out, err = StringIO(), StringIO()
    call_command(
        "export_enquiries", "--email", "ADA@example.com", stdout=out, stderr=err
    )
    document = json.loads(out.getvalue())

    assert document["email"] == "ADA@example.com"
    assert [e["enquiry"] for e in document["enquiries"]] == [e.pk for e in held["ada"]]
    first = document["enquiries"][0]
    assert first["form"] == "Contact us"
    assert first["status"] == "New"
    assert first["consent_wording"] == CONSENT
    assert first["sent_at"].startswith(str(held["ada"][0].submit_time.year))
    assert {
        "field": "your_message",
        "label": "Your message",
        "value": "Back pain for years.",
    } in first["answers"]
    assert [n["text"] for n in first["notes"]] == ["Booked for 3 March."]
    assert document["enquiries"][1]["status"] == "Answered"
    # Ben merely mentions her address: his enquiry is not hers to get.
    assert "Ben" not in out.getvalue()
    assert document["enquiries_that_could_not_be_read"] == 1
    assert "1 could not be decrypted" in err.getvalue()

    [entry] = log_entries("enquiries.subject_export")
    assert entry.data == {
        "enquiries": 2,
        "notes": 1,
        "unreadable_not_searched": 1,
        "subject_hash": subject_hash(ADA),
    }
    assert_no_address_in(entry)


def test_a_malformed_address_is_refused(held):
    with pytest.raises(CommandError, match="is not an email address"):
        call_command("export_enquiries", "--email", "ada at example")
    assert log_entries("enquiries.subject_export") == []


def raw_tokens():
    return {
        token
        for model, field in [(Enquiry, "form_data"), (EnquiryNote, "text")]
        for token in model.objects.annotate(t=Cast(field, TextField())).values_list(
            "t", flat=True
        )
    }


def test_erase_asks_first_and_nothing_goes_without_a_yes(held, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    out = StringIO()
    with pytest.raises(CommandError, match="Nothing was erased"):
        call_command("erase_enquiries", "--email", ADA, stdout=out)
    assert "Found 2 enquiries and 1 notes" in out.getvalue()
    assert Enquiry.objects.count() == 4
    assert log_entries("enquiries.erase") == []


def test_erase_deletes_her_enquiries_and_notes_and_leaves_nothing_behind(
    held, monkeypatch
):
    before = raw_tokens()
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    out = StringIO()
    call_command("erase_enquiries", "--email", ADA, stdout=out, stderr=StringIO())
    assert "Erased 2 enquiries, 1 note and 0 files." in out.getvalue()

    assert set(Enquiry.objects.values_list("pk", flat=True)) == {
        held["ben"].pk,
        held["lost"].pk,
    }
    assert EnquiryNote.objects.get().text == "Ben's note."
    # Not one of her rows' ciphertexts is left anywhere in those tables.
    gone = before - raw_tokens()
    assert len(gone) == 3
    [entry] = log_entries("enquiries.erase")
    assert entry.data == {
        "enquiries": 2,
        "notes": 1,
        "files": 0,
        "unreadable_not_searched": 1,
        "subject_hash": subject_hash(ADA),
    }
    assert_no_address_in(entry)

    # Asking again finds nothing, with --yes and no question.
    out = StringIO()
    call_command(
        "erase_enquiries", "--email", ADA, "--yes", stdout=out, stderr=StringIO()
    )
    assert "nothing erased" in out.getvalue()


# The admin view ------------------------------------------------------------


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def superuser():
    return signed_in(User.objects.create_superuser("boss", "b@clinic.invalid", "pw"))


@pytest.fixture
def others(contact_page):
    """An enquiry handler and an editor with admin access: not superusers."""
    handler = User.objects.create_user("reception", "r@clinic.invalid", "pw")
    handler.groups.add(create_enquiry_handlers_group())
    editors = Group.objects.create(name="Test editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = User.objects.create_user("editor", "e@clinic.invalid", "pw")
    editor.groups.add(editors)
    return [signed_in(handler), signed_in(editor)]


def test_only_superusers_see_the_menu_item_and_open_the_view(superuser, others):
    assert reverse("enquiries_data_requests") == URL
    dashboard = superuser.get("/admin/").content.decode()
    assert "Personal data requests" in dashboard
    page = superuser.get(URL)
    assert page.status_code == 200
    assert "The person&#x27;s email address" in page.content.decode()
    for client in others:
        assert "Personal data requests" not in client.get("/admin/").content.decode()
        assert client.get(URL).status_code == 403
        response = client.post(URL, {"email": ADA, "action": "erase-confirmed"})
        assert response.status_code == 403


def test_others_cannot_erase_through_the_view(held, others):
    for client in others:
        client.post(URL, {"email": ADA, "action": "erase-confirmed"})
        client.post(URL, {"email": ADA, "action": "export"})
    assert Enquiry.objects.count() == 4
    assert (
        log_entries("enquiries.erase") == log_entries("enquiries.subject_export") == []
    )


def test_a_superuser_downloads_the_json_and_it_is_logged(held, superuser):
    response = superuser.post(URL, {"email": ADA, "action": "export"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "ada" not in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    assert len(document["enquiries"]) == 2
    [entry] = log_entries("enquiries.subject_export")
    assert entry.user.username == "boss"
    assert entry.data["enquiries"] == 2


def test_a_superuser_erases_after_a_confirmation_step(held, superuser):
    confirm = superuser.post(URL, {"email": ADA, "action": "erase"})
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert "no-store" in confirm["Cache-Control"]
    assert "will be deleted for good" in html
    assert f"Enquiry {held['ada'][0].pk}: Contact us" in html
    assert "could not be decrypted" in html
    assert Enquiry.objects.count() == 4  # nothing yet

    done = superuser.post(URL, {"email": ADA, "action": "erase-confirmed"}, follow=True)
    assert done.redirect_chain[-1][0] == URL
    assert "Erased 2 enquiries, 1 note and 0 files." in done.content.decode()
    assert Enquiry.objects.count() == 2
    [entry] = log_entries("enquiries.erase")
    assert entry.user.username == "boss"
    assert_no_address_in(entry)


def test_a_wrong_address_gets_a_clear_message_and_changes_nothing(held, superuser):
    response = superuser.post(URL, {"email": "not an address", "action": "erase"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    response = superuser.post(
        URL, {"email": "nobody@example.com", "action": "export"}, follow=True
    )
    assert "No enquiry holds this address." in response.content.decode()
    assert Enquiry.objects.count() == 4
