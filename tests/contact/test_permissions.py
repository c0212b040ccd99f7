"""Only enquiry handlers and superusers read and export what patients wrote;
editors can still change the form."""

import io

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission

from contact.factories import ContactPageFactory
from contact.roles import ENQUIRY_HANDLERS, create_enquiry_handlers_group


@pytest.fixture
def one_submission(visitor):
    visitor.open()
    assert visitor.send().status_code == 302


def listing_url(page):
    return f"/admin/forms/submissions/{page.pk}/"


def refused(response):
    """Wagtail answers a refusal with 403, or a redirect away from the page."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/submissions/" not in response["Location"]
    )


def test_the_migration_creates_the_group_with_admin_access(db):
    group = Group.objects.get(name=ENQUIRY_HANDLERS)
    assert group.permissions.filter(codename="access_admin").exists()


def test_creating_the_group_again_changes_nothing(handlers_group, contact_page):
    before = list(GroupPagePermission.objects.values_list("pk", flat=True))
    assert create_enquiry_handlers_group() == handlers_group
    assert list(GroupPagePermission.objects.values_list("pk", flat=True)) == before


def test_handlers_read_submissions(handler_client, contact_page, one_submission):
    response = handler_client.get(listing_url(contact_page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "I have had back pain for years." in html
    assert "Consent to use health information" in html


def test_handlers_find_the_form_in_the_forms_menu(handler_client, contact_page):
    response = handler_client.get("/admin/forms/")
    assert response.status_code == 200
    assert contact_page.title in response.content.decode()


def test_handlers_export_csv(handler_client, contact_page, one_submission):
    response = handler_client.get(listing_url(contact_page), {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert "Your name" in lines[0]
    assert "Consent to use health information" in lines[0]
    assert "ada@example.com" in lines[1]
    assert "cf_token" not in "".join(lines)


def test_handlers_export_xlsx(handler_client, contact_page, one_submission):
    response = handler_client.get(listing_url(contact_page), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "Your message" in rows[0]
    assert "I have had back pain for years." in rows[1]


def test_superusers_read_submissions(superuser_client, contact_page, one_submission):
    response = superuser_client.get(listing_url(contact_page))
    assert response.status_code == 200
    assert "ada@example.com" in response.content.decode()


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_an_editor_who_is_not_a_handler_cannot_open_the_submissions(
    editor_client, contact_page, one_submission, export
):
    query = {"export": export} if export else {}
    response = editor_client.get(listing_url(contact_page), query)
    assert refused(response), response.status_code
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode(errors="replace")
    assert "ada@example.com" not in body


def test_an_editor_cannot_delete_submissions(
    editor_client, contact_page, one_submission
):
    from enquiries.models import Enquiry

    submission = Enquiry.objects.get()
    url = f"/admin/forms/submissions/{contact_page.pk}/delete/"
    response = editor_client.post(f"{url}?selected-submissions={submission.pk}")
    assert refused(response)
    assert Enquiry.objects.filter(pk=submission.pk).exists()


def test_an_editor_sees_no_forms_in_the_forms_section(editor_client, contact_page):
    response = editor_client.get("/admin/forms/")
    assert contact_page.title not in response.content.decode()


def test_an_editor_can_change_the_form_but_sees_no_submissions(
    editor_client, handler_client, contact_page, one_submission
):
    edit_url = f"/admin/pages/{contact_page.pk}/edit/"
    response = editor_client.get(edit_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Form fields" in html
    assert listing_url(contact_page) not in html
    assert "Total submissions" not in html
    # The handler's view of the same page shows the panel and its link.
    handler_html = handler_client.get(edit_url).content.decode()
    assert listing_url(contact_page) in handler_html


def test_a_new_contact_page_is_readable_by_handlers(handler_client, home_page):
    new_form = ContactPageFactory(parent=home_page, slug="referrals", title="Referrals")
    response = handler_client.get(listing_url(new_form))
    assert response.status_code == 200


def test_handlers_get_no_other_page_rights(handlers_group, contact_page):
    rights = set(
        GroupPagePermission.objects.filter(group=handlers_group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert rights == {(contact_page.pk, "change_page")}
