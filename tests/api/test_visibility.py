"""Nothing unpublished or private, and nothing from form submissions, can be
read through the APIs; no write endpoint answers without a staff API token."""

import json

import pytest
from django.contrib.auth.models import User
from wagtail.models import APIToken, Page, PageViewRestriction

from enquiries.models import Enquiry
from techniques.factories import ConditionPageFactory, TechniquePageFactory, link

from .conftest import get_json

pytestmark = pytest.mark.django_db

APIS = ["v2", "v3"]
MARKER = "Marker-of-a-draft-7731"


def everything_readable(client, clinic):
    """Every GET answer a front end can get about the site, as one text."""
    texts = []
    for api in APIS:
        for params in [{}, {"search": "pain"}, {"search": MARKER}]:
            texts.append(client.get(f"/api/{api}/pages/", params).content)
        # Every page there is, drafts and private ones included.
        for page_id in Page.objects.values_list("pk", flat=True):
            texts.append(client.get(f"/api/{api}/pages/{page_id}/").content)
    for kind in ["techniques", "conditions"]:
        texts.append(client.get(f"/api/v3/{kind}/").content)
        texts.append(client.get(f"/api/v3/{kind}/", {"search": "pain"}).content)
    texts.append(client.get("/api/v2/pages/", {"fields": "*"}).content)
    texts.append(client.get("/api/v2/images/").content)
    texts.append(client.get("/api/v2/documents/").content)
    texts.append(client.get("/api/v3/images/").content)
    texts.append(client.get(f"/api/v3/forms/{clinic.contact.pk}/").content)
    return b"\n".join(texts).decode()


def test_a_never_published_page_is_not_listed_found_or_linked(client, clinic):
    draft = ConditionPageFactory(
        parent=clinic.conditions, title=f"Condition {MARKER}", slug="secret", live=False
    )
    link(clinic.scs, clinic.pain, draft)

    assert MARKER not in everything_readable(client, clinic)
    for api in APIS:
        get_json(client, f"/api/{api}/pages/{draft.pk}/", status=404)
        response = client.get(
            f"/api/{api}/pages/find/", {"html_path": "/conditions/secret/"}
        )
        assert response.status_code == 404
        conditions = get_json(client, f"/api/{api}/pages/{clinic.scs.pk}/")
        assert [c["id"] for c in conditions["conditions"]] == [clinic.pain.pk]


def test_unpublished_changes_stay_out_until_published(client, clinic):
    clinic.scs.summary = f"Changed summary {MARKER}"
    clinic.scs.title = f"New title {MARKER}"
    clinic.scs.condition_links.clear()  # the draft drops both conditions
    clinic.scs.save_revision()

    assert MARKER not in everything_readable(client, clinic)
    for api in APIS:
        data = get_json(client, f"/api/{api}/pages/{clinic.scs.pk}/")
        assert data["title"] == "Spinal cord stimulation"
        assert len(data["conditions"]) == 2
    # Asking v3 for the draft without a staff token still gives the live page.
    data = get_json(client, f"/api/v3/pages/{clinic.scs.pk}/", version="draft")
    assert data["title"] == "Spinal cord stimulation"

    clinic.scs.get_latest_revision().publish()
    data = get_json(client, f"/api/v2/pages/{clinic.scs.pk}/")
    assert data["summary"] == f"Changed summary {MARKER}"
    assert data["conditions"] == []


@pytest.mark.parametrize("restriction_type", ["login", "password", "groups"])
def test_a_private_section_is_invisible(client, clinic, restriction_type):
    restricted = TechniquePageFactory(
        parent=clinic.techniques, title=f"Private {MARKER}", slug="private"
    )
    link(restricted, clinic.pain)
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=restriction_type, password="pw"
    )
    if restriction_type == "groups":
        restriction.groups.set([])

    assert MARKER not in everything_readable(client, clinic)
    for api in APIS:
        get_json(client, f"/api/{api}/pages/{restricted.pk}/", status=404)
        condition = get_json(client, f"/api/{api}/pages/{clinic.pain.pk}/")
        assert [t["id"] for t in condition["techniques"]] == [clinic.scs.pk]
    # Filtering by a private page is answered as if it did not exist.
    get_json(client, "/api/v3/conditions/", status=400, technique=restricted.pk)


def test_private_whole_section_hides_its_pages(client, clinic):
    PageViewRestriction.objects.create(page=clinic.conditions, restriction_type="login")

    for api in APIS:
        listing = get_json(client, f"/api/{api}/pages/", limit=50)
        ids = {item["id"] for item in listing["items"]}
        assert clinic.pain.pk not in ids and clinic.conditions.pk not in ids
        assert (
            get_json(client, f"/api/{api}/pages/{clinic.scs.pk}/")["conditions"] == []
        )
    assert get_json(client, "/api/v3/conditions/")["count"] == 0


def test_a_signed_in_editor_sees_no_more_than_anyone(client, clinic):
    """Both APIs ignore the admin session: a browser tab signed in to the
    admin cannot make a front end show drafts."""
    draft = ConditionPageFactory(
        parent=clinic.conditions, title=f"Draft {MARKER}", live=False
    )
    admin = User.objects.create_superuser("admin", "a@clinic.invalid", "pw")
    client.force_login(admin)

    for api in APIS:
        get_json(client, f"/api/{api}/pages/{draft.pk}/", status=404)
    assert MARKER not in everything_readable(client, clinic)


def test_form_submissions_are_never_readable(client, clinic, api_visitor):
    message = {
        "your_name": f"Patient {MARKER}",
        "email_address": "patient@example.com",
        "phone_number": "",
        "reason": "Ask a question",
        "your_message": f"My symptoms: {MARKER}",
        "health_consent": True,
    }
    assert api_visitor.send(message).status_code == 201
    # Stored (encrypted, so found by reading it back, not by a lookup).
    assert MARKER in Enquiry.objects.get().get_data()["your_message"]

    assert MARKER not in everything_readable(client, clinic)
    # Submissions are no page type either API will list.
    for model in ["wagtailforms.FormSubmission", "enquiries.Enquiry"]:
        get_json(client, "/api/v2/pages/", status=400, type=model)
        get_json(client, "/api/v3/pages/", status=400, type=model)
    assert client.get("/api/v2/submissions/").status_code == 404


def openapi_operations(client):
    document = get_json(client, "/api/v3/openapi.json")
    for path, operations in document["paths"].items():
        for method in operations:
            yield method, path


def fill_path(path, page_id):
    for name in ["page_id", "id", "pk", "revision_id", "image_id", "type"]:
        path = path.replace("{" + name + "}", str(page_id))
    return path.replace("{", "").replace("}", "")


@pytest.mark.parametrize("signed_in", [False, True])
def test_no_write_endpoint_answers_without_a_staff_api_token(client, clinic, signed_in):
    if signed_in:
        admin = User.objects.create_superuser("admin", "a@clinic.invalid", "pw")
        client.force_login(admin)
    writes = [
        (method, path)
        for method, path in openapi_operations(client)
        if method in ("post", "put", "patch", "delete")
        and not path.startswith("/api/v3/forms/")
    ]
    assert len(writes) > 10  # pages, images, snippets, redirects...

    for method, path in writes:
        url = fill_path(path, clinic.scs.pk)
        response = getattr(client, method)(
            url, json.dumps({}), content_type="application/json"
        )
        assert response.status_code == 401, (method, url, response.content[:200])
    assert clinic.scs.__class__.objects.filter(pk=clinic.scs.pk).exists()
    # API v2 is read-only.
    for api_path in ["/api/v2/pages/", f"/api/v2/pages/{clinic.scs.pk}/"]:
        assert client.post(api_path, {}).status_code == 405
        assert client.delete(api_path).status_code == 405


def test_a_staff_api_token_is_what_opens_drafts_and_writes(client, clinic):
    """The same requests succeed with a staff member's token: the 401s above
    are the lock, not a broken endpoint."""
    admin = User.objects.create_superuser("admin", "a@clinic.invalid", "pw")
    _token, secret = APIToken.create_token(user=admin, name="front-end build")
    staff = {"Authorization": f"Bearer {secret}"}
    clinic.scs.title = f"Draft title {MARKER}"
    clinic.scs.save_revision()
    url = f"/api/v3/pages/{clinic.scs.pk}/"

    draft = client.get(url, {"version": "draft"}, headers=staff).json()
    assert draft["title"] == f"Draft title {MARKER}"
    unpublish = client.post(
        url + "actions/unpublish/", "{}", "application/json", headers=staff
    )
    assert unpublish.status_code == 200
    assert client.get(url).status_code == 404  # gone for everyone else
