"""Schemathesis, an OpenAPI fuzzer nobody on the team wrote, against every
operation of ``/api/v3/openapi.json``, in-process on the project's WSGI app
with the demo site loaded.

For each operation it generates requests that fit the document (positive)
and requests that break it (negative) and checks every response: no server
error, and the status, content type, headers and body are the ones the
document promises. The forms API is included, with the rate limit off and
``page_id`` pinned to the demo's contact page, so submissions reach the
form's own checks; submissions are also sent to the demo's referral page,
as multipart bodies with its letter.

``SCHEMATHESIS_EXAMPLES`` sets the examples per operation and mode: 15 by
default (about a minute), 60 when ``CI=true``. One worker, in this process:
schemathesis' worker threads hit a bug of theirs on Python 3.11.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.core.failures import FailureGroup

from contact.models import ContactPage
from referrals.models import ReferralPage

# Half a minute or more: started first (conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXAMPLES = int(
    os.environ.get(
        "SCHEMATHESIS_EXAMPLES", "60" if os.environ.get("CI") == "true" else "15"
    )
)

# Every check schemathesis has ("--checks all"), less those that cannot apply
# to single generated requests:
NOT_APPLICABLE = {
    # Both need the stateful phase (a resource created by one request and
    # followed by links to the next); the API's anonymous surface creates no
    # resource it could follow (a form submission is never readable back).
    "use_after_free",
    "ensure_resource_availability",
    # Timing, not correctness: a loaded two-core CI machine is no evidence.
    "max_response_time",
    # Expects any schema-valid request to succeed, but what makes an id or a
    # page type valid (that it exists and is visible) cannot be written in an
    # OpenAPI schema: ?ancestor_of=100 is a well-formed integer and still a
    # documented 400 ("No Page matches"). Undocumented statuses are caught
    # by status_code_conformance.
    "positive_data_acceptance",
}


def checks():
    load_all_checks()
    return [check for check in CHECKS.get_all() if check.__name__ not in NOT_APPLICABLE]


@pytest.fixture
def wsgi_app(demo_site, settings):
    """The project's WSGI application, served in the test's transaction.

    Django's test client stops ``close_old_connections`` from closing the
    test's connection at each request; a bare WSGI handler needs the same.
    """
    settings.CONTACT_RATE_LIMIT_COUNT = 0  # the limit is tested elsewhere
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def fuzz(operation, mode, path_parameters, selected_checks):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(mode, path_parameters=path_parameters))
    def run(case):
        case.call_and_validate(checks=selected_checks)

    run()


def test_every_v3_operation_conforms_to_its_document(wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", wsgi_app)
    contact = ContactPage.objects.live().get()
    referral = ReferralPage.objects.live().get()
    selected_checks = checks()
    failures = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        is_form = operation.path.startswith("/api/v3/forms/")
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            # The real form, except when page_id is all a negative case could
            # break (describing a form): then it is fuzzed too.
            pin = is_form and (mode is GenerationMode.POSITIVE or operation.body)
            # Submissions go to the referral form too, whose letter makes
            # them multipart bodies with a file.
            pages = [contact, referral] if pin and operation.body else [contact]
            for page in pages:
                pinned = {"page_id": page.pk} if pin else {}
                try:
                    fuzz(operation, mode, pinned, selected_checks)
                except (Exception, FailureGroup) as error:  # noqa: BLE001 - reported below
                    failures.append(f"{operation.label} ({mode}, {page}):\n{error}")

    assert operations > 40, "the document lost its operations"
    assert not failures, "\n\n".join(failures)
