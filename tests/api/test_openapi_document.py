"""The OpenAPI document at /api/v3/openapi.json is one a client can trust:
valid OpenAPI, every status the endpoints answer documented with its body,
the limits the API enforces, and an example the demo form really takes."""

import pytest
from django.conf import settings
from openapi_spec_validator import validate

from clinic.api.middleware import MAX_ID, MAX_SEARCH_LENGTH
from contact.models import ContactPage
from referrals.models import ReferralPage

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
PROBLEM_SCHEMA = {"$ref": "#/components/schemas/ProblemDetail"}
FORMS_SUBMIT = ("/api/v3/forms/{page_id}/submissions/", "post")


@pytest.fixture
def document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_the_document_is_valid_openapi(document):
    validate(document)  # raises on any error, e.g. an "http" scheme without "scheme"


def test_anonymous_reads_are_an_optional_token_not_a_scheme(document):
    assert "AllowAnonymous" not in document["components"]["securitySchemes"]
    pages = document["paths"]["/api/v3/pages/"]["get"]
    assert pages["security"] == [{"BearerTokenAuth": []}, {}]


def test_every_operation_documents_bad_input_as_a_problem(document):
    for path, method, operation in operations(document):
        bad = operation["responses"]["400"]
        assert bad["content"][PROBLEM]["schema"] == PROBLEM_SCHEMA, (path, method)
        if "requestBody" in operation:
            too_large = operation["responses"]["413"]
            assert too_large["content"][PROBLEM]["schema"] == PROBLEM_SCHEMA
            assert "422" in operation["responses"], (path, method)
        if "security" in operation and {} not in operation["security"]:
            assert {"401", "403"} <= set(operation["responses"]), (path, method)


def test_the_forms_api_documents_every_status_it_answers(document):
    path, method = FORMS_SUBMIT
    responses = document["paths"][path][method]["responses"]

    assert {"201", "400", "404", "413", "415", "422", "429"} <= set(responses)
    # Its own field errors, and problems from the checks every route shares.
    assert set(responses["400"]["content"]) == {"application/json", PROBLEM}
    assert responses["404"]["content"] == {PROBLEM: {"schema": PROBLEM_SCHEMA}}
    retry_after = responses["429"]["headers"]["Retry-After"]
    assert retry_after["schema"]["type"] == "integer"
    describe = document["paths"]["/api/v3/forms/{page_id}/"]["get"]["responses"]
    assert {"200", "400", "404"} <= set(describe)


def test_list_limits_and_text_lengths_are_documented(document):
    limits = 0
    for path, _method, operation in operations(document):
        for parameter in operation.get("parameters", []):
            schema = parameter["schema"]
            if parameter["name"] == "limit":
                limits += 1
                assert schema["maximum"] == settings.WAGTAILAPI_LIMIT_MAX, path
            elif parameter["name"] == "offset":
                assert schema["maximum"] == MAX_ID, path
            elif parameter["name"] == "search":
                assert schema["maxLength"] == MAX_SEARCH_LENGTH, path
    assert limits >= 8


def test_the_limits_in_the_document_are_the_ones_enforced(client, clinic):
    assert client.get("/api/v3/pages/", {"limit": 50}).status_code == 200
    assert client.get("/api/v3/pages/", {"limit": 51}).status_code == 400
    assert client.get("/api/v3/pages/", {"offset": MAX_ID + 1}).status_code == 400
    assert client.get("/api/v3/pages/", {"search": "a" * 200}).status_code == 200
    assert client.get("/api/v3/pages/", {"search": "a" * 201}).status_code == 400


def test_the_request_example_is_what_the_demo_form_takes(document, demo_site, client):
    path, method = FORMS_SUBMIT
    request_body = document["paths"][path][method]["requestBody"]
    example = request_body["content"]["application/json"]["schema"]["example"]
    page = ContactPage.objects.live().get()
    form = client.get(f"/api/v3/forms/{page.pk}/").json()

    field_names = {field["name"] for field in form["fields"]}
    assert set(example) == field_names - {"phone_number"} | {form["token"]["name"]}
    for field in form["fields"]:
        if field["name"] in example and field["choices"]:
            values = {choice["value"] for choice in field["choices"]}
            assert example[field["name"]] in values, field["name"]
        if field["type"] == "checkbox" and field["name"] in example:
            assert example[field["name"]] is True


def test_the_multipart_example_is_what_the_demo_referral_form_takes(
    document, demo_site, client
):
    path, method = FORMS_SUBMIT
    content = document["paths"][path][method]["requestBody"]["content"]
    multipart = content["multipart/form-data"]
    example = multipart["schema"]["example"]
    page = ReferralPage.objects.live().get()
    form = client.get(f"/api/v3/forms/{page.pk}/").json()

    field_names = {field["name"] for field in form["fields"]}
    assert set(example) == field_names | {form["token"]["name"]}
    [letter] = [field for field in form["fields"] if field["type"] == "document"]
    assert letter["name"] in multipart["encoding"]
    assert letter["max_bytes"] == 10 * 1024 * 1024
    for field in form["fields"]:
        if field["choices"]:
            values = {choice["value"] for choice in field["choices"]}
            assert example[field["name"]] in values, field["name"]
