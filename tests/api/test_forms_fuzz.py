"""Property-based fuzzing of the forms API: whatever arrives, no 5xx.

Bounded (``FUZZ_EXAMPLES``: 100 in ``make test``, 400 in CI) so the suite
stays fast; raise it for a security run, e.g.
``FUZZ_EXAMPLES=2000 pytest tests/api/test_forms_fuzz.py``.
"""

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquiries.models import Enquiry

from .conftest import VALID

pytestmark = pytest.mark.django_db

EXAMPLES = int(
    os.environ.get("FUZZ_EXAMPLES", "400" if os.environ.get("CI") == "true" else "100")
)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
OK_STATUSES = {201, 400, 413, 429}

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=300)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
field_names = st.sampled_from(
    [*VALID, "cf_token", "cf_answer", "cf_website", "unknown", ""]
) | st.text(max_size=20)


@FUZZ
@given(body=st.dictionaries(field_names, json_values, max_size=12))
def test_any_json_object_is_answered_without_a_server_error(
    client, contact_page, api_visitor, body
):
    response = api_visitor.post(body)

    assert response.status_code in OK_STATUSES, response.content[:300]
    response.json()


@FUZZ
@given(
    changes=st.dictionaries(st.sampled_from([*VALID, "cf_answer"]), json_values),
    think_time=st.sampled_from([0, 1, 5, 30, 10**6]),
)
def test_a_real_form_with_any_values_is_stored_or_refused_cleanly(
    client, contact_page, api_visitor, changes, think_time
):
    """Starts from a genuine token, so the values reach the form's checks."""
    api_visitor.open()
    before = Enquiry.objects.count()
    response = api_visitor.send({**VALID, **changes}, think_time=think_time)

    assert response.status_code in OK_STATUSES, response.content[:300]
    stored = Enquiry.objects.count() - before
    assert stored == (1 if response.status_code == 201 else 0)


@FUZZ
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_are_answered_without_a_server_error(client, contact_page, raw):
    url = f"/api/v3/forms/{contact_page.pk}/submissions/"
    # CONTENT_TYPE too: Django's test client leaves it out for an empty body.
    response = client.post(
        url, raw, content_type="application/json", CONTENT_TYPE="application/json"
    )

    assert response.status_code in OK_STATUSES, response.content[:300]


@FUZZ
@given(page_id=st.integers(min_value=-(2**63), max_value=2**63) | st.text(max_size=20))
def test_any_form_address_is_answered_without_a_server_error(
    client, contact_page, page_id
):
    described = client.get(f"/api/v3/forms/{page_id}/")
    sent = client.post(
        f"/api/v3/forms/{page_id}/submissions/",
        json.dumps(VALID),
        content_type="application/json",
    )

    assert described.status_code < 500, described.content[:300]
    assert sent.status_code < 500, sent.content[:300]
