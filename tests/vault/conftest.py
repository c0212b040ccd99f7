"""Fixtures for the vault tests: visitors who send the contact form through
the HTML page and the forms API, and keys to rotate between."""

import pytest
from cryptography.fernet import Fernet

from tests.api.conftest import VALID as VALID_API
from tests.api.conftest import APIVisitor
from tests.contact.conftest import VALID as VALID_HTML
from tests.contact.conftest import Visitor

__all__ = ["VALID_API", "VALID_HTML"]


@pytest.fixture
def html_visitor(client, contact_page, clock):
    return Visitor(client, contact_page, clock)


@pytest.fixture
def api_visitor(client, contact_page, clock):
    return APIVisitor(client, contact_page, clock)


@pytest.fixture
def new_key():
    """A fresh Fernet key (as ``manage.py create_enquiry_key`` prints)."""
    return lambda: Fernet.generate_key().decode("ascii")
