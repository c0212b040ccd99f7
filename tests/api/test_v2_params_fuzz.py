"""Hypothesis over every query parameter API v2 takes (v2 has no OpenAPI
document for schemathesis to read): whatever the values, never a 5xx and
always JSON.

Values mix what a parameter expects with what breaks parsers: digits other
than 0 to 9, numbers past 64 bits, null and control characters, long texts,
search syntax. ``V2_FUZZ_EXAMPLES`` sets the examples per endpoint: 60 by
default, 400 when ``CI=true``.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

EXAMPLES = int(
    os.environ.get(
        "V2_FUZZ_EXAMPLES", "400" if os.environ.get("CI") == "true" else "60"
    )
)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Wagtail's own, the clinic's, and field filters of the clinical pages.
PARAMETERS = [
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "id",
    "html_path",
    "locale",
    "site",
    "show_in_menus",
    "condition",
    "technique",
    "modality",
    "delivery",
    "title",
    "slug",
    "first_published_at",
    "rich_text_format",
    "content_type",
    "token",
]
ODD_NUMBERS = [
    "²",
    "١٢",
    "𝟙",
    "½",
    "Ⅻ",
    "-0",
    "+1",
    " 1",
    "1e3",
    "0x10",
    "1_000",
    "9" * 30,
    "-" + "9" * 20,
    str(2**31),
    str(2**63),
]
PLAUSIBLE = [
    "techniques.TechniquePage",
    "techniques.ConditionPage",
    "home.HomePage",
    "wagtailcore.Page",
    "title,summary",
    "*",
    "-title",
    "random",
    "and",
    "or",
    "electrical",
    "/",
    "/treatments/",
    "en",
    "localhost",
    "true",
    "html",
    "2024-01-01",
    "1",
    "20",
]
value = st.one_of(
    st.sampled_from(ODD_NUMBERS + PLAUSIBLE),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), max_size=6),
    st.text(min_size=150, max_size=1200),
    st.just("pain " * 60),
)
query = st.dictionaries(
    st.sampled_from(PARAMETERS) | st.text(min_size=1, max_size=12),
    value | st.lists(value, min_size=2, max_size=3),
    max_size=5,
)
ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/find/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/images/find/",
    "/api/v2/page_preview/",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@FUZZ
@given(params=query)
def test_any_v2_query_is_answered_with_json_and_never_a_server_error(
    client, clinic, endpoint, params
):
    response = client.get(endpoint, params)

    assert response.status_code < 500, (params, response.content[:300])
    if response.status_code in (301, 302):  # find/ redirects to the detail
        response = client.get(response["Location"])
        assert response.status_code < 500, (params, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), params
    response.json()


@FUZZ
@given(params=query, page=st.sampled_from(["", "{home}", "{scs}"]))
def test_any_v2_query_on_a_page_is_answered_with_json(client, clinic, params, page):
    page_id = page.format(home=clinic.home.pk, scs=clinic.scs.pk) or "0"
    response = client.get(f"/api/v2/pages/{page_id}/", params)

    assert response.status_code < 500, (params, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), params
