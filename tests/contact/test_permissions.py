"""Only enquiry handlers and superusers read what patients wrote, in the
Enquiries area; handlers cannot change forms; editors can change forms but
never read enquiries. Wagtail's own Forms section is closed to everyone."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from contact.factories import ContactPageFactory
from enquiries.models import Enquiry
from enquiries.roles import (
    ENQUIRY_HANDLERS,
    HANDLER_PERMISSIONS,
    create_enquiry_handlers_group,
)


@pytest.fixture
def one_submission(visitor):
    visitor.open()
    assert visitor.send().status_code == 302
    return Enquiry.objects.get()


def forms_listing_url(page):
    return f"/admin/forms/submissions/{page.pk}/"


def inbox_url(page):
    return f"/admin/enquiries/?form={page.pk}"


def refused(response):
    """Wagtail answers a refusal with 403, or a redirect away from the page."""
    return response.status_code == 403 or (
        response.status_code == 302
        and "/submissions/" not in response["Location"]
        and "/enquiries/" not in response["Location"]
    )


def test_the_migrations_give_the_group_the_inbox_and_no_page_rights(db):
    group = Group.objects.get(name=ENQUIRY_HANDLERS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {codename for _a, _m, codename, _n in HANDLER_PERMISSIONS}
    assert "delete_enquiry" not in codenames
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_creating_the_group_again_repairs_it(handlers_group, contact_page):
    # An old install gave handlers "Edit" on the contact page.
    GroupPagePermission.objects.create(
        group=handlers_group, page=contact_page, permission_type="change"
    )
    assert create_enquiry_handlers_group() == handlers_group
    assert not GroupPagePermission.objects.filter(group=handlers_group).exists()


def test_handlers_read_enquiries_in_the_inbox(
    handler_client, contact_page, one_submission
):
    response = handler_client.get(inbox_url(contact_page))
    assert response.status_code == 200
    assert f"Enquiry {one_submission.pk}" in response.content.decode()
    letter = handler_client.get(f"/admin/enquiries/{one_submission.pk}/")
    html = letter.content.decode()
    assert "I have had back pain for years." in html
    assert contact_page.health_consent_text in html


def test_handlers_cannot_change_the_form_or_its_consent_wording(
    handler_client, contact_page
):
    edit_url = f"/admin/pages/{contact_page.pk}/edit/"
    assert refused(handler_client.get(edit_url))
    assert refused(handler_client.post(edit_url, {"health_consent_text": "Anything"}))
    contact_page.refresh_from_db()
    assert contact_page.health_consent_text != "Anything"


def test_a_new_contact_page_gives_handlers_no_rights_on_it(handlers_group, home_page):
    ContactPageFactory(parent=home_page, slug="referrals", title="Referrals")
    assert not GroupPagePermission.objects.filter(group=handlers_group).exists()


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
@pytest.mark.parametrize("who", ["handler_client", "superuser_client", "editor_client"])
def test_nobody_reads_submissions_through_wagtails_forms_section(
    request, contact_page, one_submission, export, who
):
    """Old links go to the inbox (which checks its own rights); Wagtail's
    listing, exports and deletion are never reached."""
    client = request.getfixturevalue(who)
    query = {"export": export} if export else {}
    response = client.get(forms_listing_url(contact_page), query)
    assert response.status_code == 302
    assert response["Location"] == inbox_url(contact_page)
    assert client.get("/admin/forms/")["Location"] == "/admin/enquiries/"
    results = client.get(f"/admin/forms/submissions/{contact_page.pk}/results/")
    assert refused(results)
    assert "ada@example.com" not in results.content.decode()


@pytest.mark.parametrize("who", ["handler_client", "superuser_client", "editor_client"])
def test_nobody_deletes_through_wagtails_forms_section(
    request, contact_page, one_submission, who
):
    client = request.getfixturevalue(who)
    url = f"/admin/forms/submissions/{contact_page.pk}/delete/"
    response = client.post(f"{url}?selected-submissions={one_submission.pk}")
    assert refused(response)
    assert Enquiry.objects.filter(pk=one_submission.pk).exists()


def test_the_forms_menu_is_gone_for_everyone(
    handler_client, superuser_client, editor_client
):
    for client in (handler_client, superuser_client, editor_client):
        html = client.get("/admin/").content.decode()
        assert 'href="/admin/forms/"' not in html


def test_an_editor_can_change_the_form_but_sees_no_enquiries(
    editor_client, superuser_client, contact_page, one_submission
):
    edit_url = f"/admin/pages/{contact_page.pk}/edit/"
    response = editor_client.get(edit_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Form fields" in html
    assert "/admin/enquiries/" not in html
    assert "in the enquiry inbox" not in html
    assert refused(editor_client.get(inbox_url(contact_page)))
    # A superuser's view of the same page links to its enquiries.
    superuser_html = superuser_client.get(edit_url).content.decode()
    assert "1 in the enquiry inbox" in superuser_html
    assert inbox_url(contact_page).replace("?", "?") in superuser_html
