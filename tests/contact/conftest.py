"""Helpers for the contact-form tests: a visitor who reads the form as
rendered (its token and question) and a clock the tests can move."""

import re

import pytest
from django.contrib.auth.models import User

from home.models import ClinicSettings
from tests.staff import logged_in

VALID = {
    "your_name": "Ada Patient",
    "email_address": "ada@example.com",
    "phone_number": "020 7946 0999",
    "reason": "Book an appointment",
    "your_message": "I have had back pain for years.",
    "health_consent": "on",
}

TOKEN = re.compile(r'name="cf_token" value="([^"]+)"')
QUESTION = re.compile(r"What is (\d) plus (\d)\?")


class Visitor:
    """Opens the form, reads its token and question, and sends it back."""

    def __init__(self, client, page, clock):
        self.client = client
        self.page = page
        self.clock = clock
        self.html = ""

    def open(self, **query):
        response = self.client.get(self.page.url, query)
        assert response.status_code == 200
        self.html = response.content.decode()
        return response

    @property
    def token(self):
        return TOKEN.search(self.html).group(1)

    @property
    def question(self):
        match = QUESTION.search(self.html)
        return (int(match.group(1)), int(match.group(2))) if match else None

    def right_answer(self):
        first, second = self.question
        return str(first + second)

    def send(self, data=None, answer=None, think_time=30, **extra):
        """POST the form as last rendered, ``think_time`` seconds later."""
        self.clock.advance(think_time)
        post = dict(VALID if data is None else data)
        post["cf_token"] = self.token
        if self.question:
            post["cf_answer"] = self.right_answer() if answer is None else answer
        response = self.client.post(self.page.url, post, **extra)
        if response.status_code in (200, 429):
            self.html = response.content.decode()
        return response


@pytest.fixture
def visitor(client, contact_page, clock):
    return Visitor(client, contact_page, clock)


@pytest.fixture
def clinic(db):
    details = ClinicSettings.load()
    details.phone = "020 7946 0000"
    details.save()
    return details


@pytest.fixture
def handler_client(handlers_group, contact_page):
    user = User.objects.create_user("reception", "r@clinic.invalid", "pw")
    user.groups.add(handlers_group)
    return logged_in(user)
