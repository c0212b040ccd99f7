"""Staff and enquiries for the inbox tests."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from enquiries.models import Enquiry
from enquiries.roles import create_enquiry_handlers_group

CONSENT = "I agree that the clinic may use my health information."


def logged_in(user):
    staff = Client()
    staff.force_login(user)
    return staff


@pytest.fixture
def handlers_group(db):
    return create_enquiry_handlers_group()


@pytest.fixture
def handler(handlers_group):
    user = User.objects.create_user(
        "reception", "r@clinic.invalid", "pw", first_name="Rita", last_name="Desk"
    )
    user.groups.add(handlers_group)
    return user


@pytest.fixture
def handler_client(handler):
    return logged_in(handler)


@pytest.fixture
def other_handler(handlers_group):
    user = User.objects.create_user(
        "nurse", "n@clinic.invalid", "pw", first_name="Nina", last_name="Nurse"
    )
    user.groups.add(handlers_group)
    return user


@pytest.fixture
def editor_client(contact_page):
    """An editor who may edit and publish every page, but handles no enquiries."""
    group = Group.objects.create(name="Test editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    home = Page.objects.get(depth=2)
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.create(
            group=group, page=home, permission_type=action
        )
    user = User.objects.create_user("editor", "e@clinic.invalid", "pw")
    user.groups.add(group)
    return logged_in(user)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("manager", "m@clinic.invalid", "pw")


@pytest.fixture
def superuser_client(superuser):
    return logged_in(superuser)


def make_enquiry(page, days_ago=0, reason="Book an appointment", **data):
    form_data = {
        "your_name": "Ada Patient",
        "email_address": "ada@example.com",
        "phone_number": None,
        "reason": reason,
        "your_message": "I have had back pain\nfor years.",
        "health_consent": True,
        **data,
    }
    enquiry = Enquiry.objects.create(
        page=page,
        form_data=form_data,
        field_labels={
            "your_name": "Your name",
            "email_address": "Email address",
            "phone_number": "Phone number",
            "reason": "Reason",
            "your_message": "Your message",
        },
        consent_text=CONSENT,
        reason=reason,
    )
    if days_ago:
        Enquiry.objects.filter(pk=enquiry.pk).update(
            submit_time=timezone.now() - datetime.timedelta(days=days_ago)
        )
        enquiry.refresh_from_db()
    return enquiry


@pytest.fixture
def enquiry(contact_page):
    return make_enquiry(contact_page)
