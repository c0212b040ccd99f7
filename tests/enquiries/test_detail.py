"""One enquiry reads like a letter, and handling it is recorded."""

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry, EnquiryNote, Status

from .conftest import CONSENT, make_enquiry


def url(enquiry):
    return reverse("enquiries:edit", args=[enquiry.pk])


def actions(enquiry):
    return list(
        ModelLogEntry.objects.filter(object_id=str(enquiry.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_the_enquiry_reads_like_a_letter(handler_client, enquiry):
    response = handler_client.get(url(enquiry))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your message" in html
    assert "I have had back pain<br>for years." in html
    assert "Not given" in html  # the empty phone number
    assert CONSENT in html
    assert "They ticked the box" in html
    assert "None" not in html.split("What the visitor wrote")[1].split("Handling")[0]
    assert "True" not in html.split("What the visitor wrote")[1].split("Handling")[0]


def test_dates_and_ticks_are_readable(handler_client, contact_page, settings):
    settings.TIME_ZONE = "Europe/London"
    enquiry = make_enquiry(
        contact_page,
        preferred_day="2026-07-03",
        call_back_at="2026-07-03T13:30:00Z",
        days=["Monday", "Tuesday"],
        newsletter=False,
    )
    html = handler_client.get(url(enquiry)).content.decode()
    assert "3 July 2026" in html
    assert "3 July 2026, 14:30" in html  # British Summer Time
    assert "Monday, Tuesday" in html
    assert ">No<" in html.replace("\n", "").replace(" ", "")


def test_every_view_is_recorded_without_content(handler_client, handler, enquiry):
    handler_client.get(url(enquiry))
    entry = ModelLogEntry.objects.get(action="enquiries.view")
    assert entry.user == handler
    assert entry.label == f"Enquiry {enquiry.pk}"
    assert "back pain" not in str(entry.data)


def test_status_change_is_saved_and_recorded(handler_client, enquiry):
    response = handler_client.post(
        url(enquiry), {"action": "status", "status": Status.IN_PROGRESS}
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == Status.IN_PROGRESS
    entry = ModelLogEntry.objects.get(action="enquiries.status")
    assert entry.data == {"from": "new", "to": "in_progress"}


def test_an_unknown_status_is_refused_with_a_message(handler_client, enquiry):
    response = handler_client.post(url(enquiry), {"action": "status", "status": "x"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.status == Status.NEW


def test_assign_to_me_and_to_a_colleague(
    handler_client, handler, other_handler, enquiry
):
    handler_client.post(url(enquiry), {"action": "assign_me"})
    enquiry.refresh_from_db()
    assert enquiry.assignee == handler
    html = handler_client.get(url(enquiry)).content.decode()
    assert "Nina Nurse" in html  # offered as an assignee
    handler_client.post(
        url(enquiry), {"action": "assign", "assignee": other_handler.pk}
    )
    enquiry.refresh_from_db()
    assert enquiry.assignee == other_handler
    assert actions(enquiry).count("enquiries.assign") == 2


def test_only_handlers_can_be_assigned(handler_client, enquiry, editor_client):
    from django.contrib.auth.models import User

    editor = User.objects.get(username="editor")
    response = handler_client.post(
        url(enquiry), {"action": "assign", "assignee": editor.pk}
    )
    assert response.status_code == 400
    enquiry.refresh_from_db()
    assert enquiry.assignee is None


def test_notes_are_kept_with_author_and_time_encrypted(
    handler_client, handler, enquiry
):
    response = handler_client.post(
        url(enquiry), {"action": "note", "text": "Called back, left a message."}
    )
    assert response.status_code == 302
    note = EnquiryNote.objects.get()
    assert note.author == handler
    html = handler_client.get(url(enquiry)).content.decode()
    assert "Called back, left a message." in html
    assert "Rita Desk" in html
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM enquiries_enquirynote")
        [(stored,)] = cursor.fetchall()
    assert "Called back" not in stored
    assert ModelLogEntry.objects.get(action="enquiries.note").data == {
        "note_id": note.pk
    }


def test_an_empty_note_is_refused_and_nothing_is_lost(handler_client, enquiry):
    response = handler_client.post(url(enquiry), {"action": "note", "text": " "})
    assert response.status_code == 400
    assert "Write the note first." in response.content.decode()
    assert not EnquiryNote.objects.exists()


def test_notes_cannot_be_edited_or_removed(handler_client, enquiry):
    """There is no route for it: the only note action adds one."""
    handler_client.post(url(enquiry), {"action": "note", "text": "First"})
    note = EnquiryNote.objects.get()
    response = handler_client.post(
        url(enquiry), {"action": "edit_note", "note": note.pk, "text": "Changed"}
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "First"


def test_an_unreadable_enquiry_shows_a_placeholder_and_can_still_be_closed(
    handler_client, enquiry
):
    with connection.cursor() as cursor:  # as if its key were lost
        cursor.execute(
            "UPDATE enquiries_enquiry SET form_data = %s WHERE id = %s",
            ["gAAAAABnot-a-token", enquiry.pk],
        )
    response = handler_client.get(url(enquiry))
    assert response.status_code == 200
    assert "cannot be decrypted" in response.content.decode()
    handler_client.post(url(enquiry), {"action": "status", "status": Status.CLOSED})
    assert Enquiry.objects.get(pk=enquiry.pk).status == Status.CLOSED


@pytest.mark.parametrize("action", ["status", "assign_me", "note"])
def test_an_editor_can_neither_read_nor_handle(editor_client, enquiry, action):
    assert editor_client.get(url(enquiry)).status_code in (302, 403)
    response = editor_client.post(
        url(enquiry), {"action": action, "status": "closed", "text": "x"}
    )
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/enquiries/" not in response["Location"]
    enquiry.refresh_from_db()
    assert enquiry.status == Status.NEW
    assert enquiry.assignee is None
    assert not EnquiryNote.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="enquiries.").exists()


def test_handlers_cannot_delete(handler_client, enquiry):
    delete_url = reverse("enquiries:delete", args=[enquiry.pk])
    assert handler_client.get(delete_url).status_code in (302, 403)
    assert handler_client.post(delete_url).status_code in (302, 403)
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    assert "Delete enquiry" not in handler_client.get(url(enquiry)).content.decode()


def test_superusers_delete_after_confirming(superuser_client, superuser, enquiry):
    delete_url = reverse("enquiries:delete", args=[enquiry.pk])
    assert "Delete enquiry" in superuser_client.get(url(enquiry)).content.decode()
    confirm = superuser_client.get(delete_url)
    assert confirm.status_code == 200
    assert "cannot be brought back" in confirm.content.decode()
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    response = superuser_client.post(delete_url)
    assert response.status_code == 302
    assert not Enquiry.objects.filter(pk=enquiry.pk).exists()
    entry = ModelLogEntry.objects.get(action="enquiries.delete")
    assert entry.user == superuser
    assert entry.object_id == str(enquiry.pk)
