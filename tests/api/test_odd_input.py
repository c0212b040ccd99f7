"""Odd input an anonymous client can send is answered, never a 500:
digits other than 0 to 9, numbers and texts too long, deep or huge JSON
bodies, and searches thousands of words long (the admin's included)."""

import json

import pytest

from clinic.api.middleware import MAX_ID, MAX_JSON_DEPTH, json_depth_exceeds
from home.search_backend import MAX_SEARCH_CHARACTERS, bounded

# Half a minute or more: started first (conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Each passes str.isdigit(); int() fails on the first two kinds and reads the
# others as a number nobody typed.
FOREIGN_DIGITS = ["²", "¹²", "١٢", "𝟙", "٣", "۴", "१"]
ROUTES = [
    "/api/v2/pages/?{name}={value}",
    "/api/v2/pages/find/?{name}={value}",
    "/api/v2/images/?{name}={value}",
    "/api/v2/images/find/?{name}={value}",
    "/api/v2/documents/find/?{name}={value}",
    "/api/v3/pages/?{name}={value}",
    "/api/v3/images/?{name}={value}",
    "/api/v3/documents/?{name}={value}",
    "/api/v3/techniques/?{name}={value}",
    "/api/v3/conditions/?{name}={value}",
    "/api/v3/redirects/?{name}={value}",
    "/api/v3/sites/?{name}={value}",
]
NUMERIC = ["limit", "offset", "id", "child_of", "condition", "technique"]


def assert_api_error(response, status):
    assert response.status_code == status, response.content[:300]
    body = response.json()
    if response.request["PATH_INFO"].startswith("/api/v2/"):
        return body["message"]
    assert response["Content-Type"] == "application/problem+json"
    assert body["status"] == status
    return body["detail"]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", NUMERIC)
def test_foreign_digits_in_a_number_are_a_400_that_says_why(
    client, clinic, route, name
):
    for value in FOREIGN_DIGITS:
        response = client.get(route.format(name=name, value=value))
        assert "use the digits 0 to 9" in assert_api_error(response, 400)


def test_foreign_digits_in_any_numeric_looking_filter_are_a_400(client, clinic):
    query = "type=techniques.TechniquePage&first_published_at=٢٠٢٤"
    response = client.get(f"/api/v2/pages/?{query}")
    assert "use the digits 0 to 9" in assert_api_error(response, 400)


def test_words_and_searches_may_hold_any_digit(client, clinic):
    assert client.get("/api/v3/pages/", {"search": "m² ١٢"}).status_code == 200
    response = client.get("/api/v2/pages/", {"title": "Area m²"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v3/redirects/?site={MAX_ID + 1}",
        "/api/v2/pages/?child_of=99999999999999999999",
        f"/api/v2/pages/?type=techniques.TechniquePage&condition=-{MAX_ID + 1}",
        "/api/v3/pages/?limit=99999999999999999999999",
    ],
)
def test_numbers_past_any_id_are_a_400(client, clinic, url):
    assert "at most" in assert_api_error(client.get(url), 400)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?fields=" + "title," * 400,
        "/api/v3/pages/?type=" + "x" * 1001,
        "/api/v2/pages/?" + "n" * 101 + "=1",
        "/api/v2/pages/?search=" + "pain " * 41,
        "/api/v2/documents/?search=" + "a" * 201,
    ],
)
def test_overlong_parameters_are_a_400(client, clinic, url):
    assert "at most" in assert_api_error(client.get(url), 400)


def test_an_address_no_route_matches_answers_json(client):
    assert_api_error(client.get("/api/v3/nothing/here/"), 404)
    assert_api_error(client.get("/api/v2/pages/²/"), 404)


def nested(depth):
    return "[" * depth + "]" * depth


def test_deep_json_is_refused_before_it_is_parsed(client, contact_page):
    url = f"/api/v3/forms/{contact_page.pk}/submissions/"
    for body in [
        json.dumps({"your_name": json.loads(nested(MAX_JSON_DEPTH + 1))}),
        nested(100_000),  # json.loads would raise RecursionError
        '{"a":' * 50_000,
    ]:
        response = client.post(url, body, content_type="application/json")
        assert "nested too deeply" in assert_api_error(response, 400)


def test_deep_json_on_wagtails_write_endpoints_is_refused(client, home_page):
    response = client.post(
        "/api/v3/pages/", nested(10_000), content_type="application/json"
    )
    assert "nested too deeply" in assert_api_error(response, 400)


def test_json_at_the_depth_limit_reaches_the_form(client, contact_page):
    url = f"/api/v3/forms/{contact_page.pk}/submissions/"
    body = json.dumps({"your_name": json.loads(nested(MAX_JSON_DEPTH - 1))})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert "errors" in response.json()  # the form's own answer, not the bound


def test_the_depth_count_ignores_brackets_inside_strings():
    assert not json_depth_exceeds(json.dumps({"a": "[" * 1000 + '\\"{' * 100}).encode())
    assert json_depth_exceeds(nested(MAX_JSON_DEPTH + 1).encode())
    assert not json_depth_exceeds(nested(MAX_JSON_DEPTH).encode())


def test_a_body_over_the_limit_is_a_413_before_it_is_read(
    client, contact_page, settings
):
    settings.API_MAX_BODY_BYTES = 1000
    url = f"/api/v3/forms/{contact_page.pk}/submissions/"
    body = json.dumps({"your_message": "x" * 1000})
    response = client.post(url, body, content_type="application/json")
    assert "at most 1000 bytes" in assert_api_error(response, 413)


SEARCHES = [
    " ".join(["pain"] * 3000),
    " ".join(f"w{number}" for number in range(3000)),
    '"a" ' * 2000,
]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/enquiries/",
        "/admin/reports/enquiry-audit/",
        "/admin/choose-page/search/",
        "/admin/images/chooser/results/",
    ],
)
def test_the_admin_answers_a_search_thousands_of_words_long(admin_client, clinic, url):
    for query in SEARCHES:
        assert admin_client.get(url, {"q": query}).status_code == 200


def test_the_site_search_answers_a_search_thousands_of_words_long(client, clinic):
    for query in SEARCHES:
        response = client.get("/search/", {"q": query, "page": "²"})
        assert response.status_code == 200


def test_every_search_is_bounded_by_the_backend():
    from modelsearch.query import And, Phrase, PlainText

    assert bounded("a " * 1000) == ("a " * 1000)[:MAX_SEARCH_CHARACTERS]
    deep = And([Phrase(f"p{n}") for n in range(2000)])
    cut = bounded(deep)
    assert isinstance(cut, PlainText)
    assert len(cut.query_string) == MAX_SEARCH_CHARACTERS
    short = And([Phrase("deep brain"), PlainText("stimulation")])
    assert bounded(short) is short
