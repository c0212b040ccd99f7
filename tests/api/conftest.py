"""Fixtures for the API tests: a small clinic site, and visitors who send the
contact form through the HTML page or through the forms API."""

import json
import re
from types import SimpleNamespace

import pytest

from techniques.factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    TechniqueIndexPageFactory,
    TechniquePageFactory,
    link,
)
from tests.contact.conftest import VALID as FORM_VALID
from tests.contact.conftest import Visitor

__all__ = ["FORM_VALID", "VALID", "APIVisitor", "Visitor"]

# The same answers as JSON: the consent box is ticked with JSON true (the HTML
# form posts the box's own value, "on").
VALID = {**FORM_VALID, "health_consent": True}


# Where the API says it is served from (WAGTAILAPI_BASE_URL).
API_BASE = "https://cms.clinic.example"


@pytest.fixture(autouse=True)
def api_base_url(settings):
    settings.WAGTAILAPI_BASE_URL = API_BASE


@pytest.fixture
def clinic(home_page, contact_page):
    """Treatments and conditions, linked both ways, and the contact form."""
    techniques = TechniqueIndexPageFactory(parent=home_page)
    conditions = ConditionIndexPageFactory(parent=home_page)
    pain = ConditionPageFactory(
        parent=conditions, title="Neuropathic pain", slug="neuropathic-pain"
    )
    tremor = ConditionPageFactory(
        parent=conditions, title="Essential tremor", slug="essential-tremor"
    )
    scs = TechniquePageFactory(
        parent=techniques,
        title="Spinal cord stimulation",
        slug="spinal-cord-stimulation",
        modality="electrical",
        delivery="implanted",
    )
    tms = TechniquePageFactory(
        parent=techniques,
        title="Transcranial magnetic stimulation",
        slug="transcranial-magnetic-stimulation",
        modality="magnetic",
        delivery="non_invasive",
        summary="A magnetic coil held against the head.",
    )
    link(scs, pain, tremor)
    link(tms, tremor)
    return SimpleNamespace(
        home=home_page,
        techniques=techniques,
        conditions=conditions,
        pain=pain,
        tremor=tremor,
        scs=scs,
        tms=tms,
        contact=contact_page,
    )


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, response.content[:500])
    return response.json()


QUESTION = re.compile(r"What is (\d) plus (\d)\?")


class APIVisitor:
    """A front end that reads the form's description and sends JSON back."""

    def __init__(self, client, page, clock):
        self.client = client
        self.page = page
        self.clock = clock
        self.description = None

    @property
    def form_url(self):
        return f"/api/v3/forms/{self.page.pk}/"

    @property
    def submissions_url(self):
        return f"/api/v3/forms/{self.page.pk}/submissions/"

    def open(self):
        self.description = get_json(self.client, self.form_url)
        return self.description

    @property
    def token(self):
        return self.description["token"]["value"]

    def right_answer(self):
        question = self.description["question"]
        first, second = QUESTION.search(question["text"]).groups()
        return str(int(first) + int(second))

    def post(self, body, **extra):
        if not isinstance(body, str | bytes):
            body = json.dumps(body)
        return self.client.post(
            self.submissions_url, body, content_type="application/json", **extra
        )

    def send(self, data=None, answer=None, think_time=30, **extra):
        """Send the form as last described, ``think_time`` seconds later."""
        if self.description is None:
            self.open()
        self.clock.advance(think_time)
        body = dict(VALID if data is None else data)
        body["cf_token"] = self.token
        if self.description["question"]:
            body["cf_answer"] = self.right_answer() if answer is None else answer
        response = self.post(body, **extra)
        if response.status_code == 201:
            # A token is single-use: another message starts from a new read.
            self.description = None
        if response.status_code == 400 and response.json().get("token"):
            # What a front end does: show the new question, keep the answers.
            self.description = {
                **self.description,
                "question": response.json()["question"],
                "token": response.json()["token"],
            }
        return response


@pytest.fixture
def api_visitor(client, contact_page, clock):
    return APIVisitor(client, contact_page, clock)


@pytest.fixture
def html_visitor(client, contact_page, clock):
    return Visitor(client, contact_page, clock)
