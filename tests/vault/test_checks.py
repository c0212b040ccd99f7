"""The vault's system checks: keys that work, and no form page type that
would store submissions unencrypted."""

import pytest
from django.core import checks
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import SystemCheckError
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactPage
from enquiries.checks import check_encryption_keys
from tests.test_project import PRODUCTION_ENV, run_production_check

NOT_A_KEY = "not-a-fernet-key-but-a-secret-nonetheless"


def errors(ids=("enquiries.E001", "enquiries.E002")):
    return [issue for issue in checks.run_checks() if issue.id in ids]


def test_production_refuses_to_start_with_a_key_that_is_not_a_fernet_key(new_key):
    keys = f"{new_key()},{NOT_A_KEY}"
    result = run_production_check(**{**PRODUCTION_ENV, "ENQUIRY_ENCRYPTION_KEYS": keys})
    assert result.returncode != 0
    assert "key 2 of 2 is not a Fernet key" in result.stderr
    assert NOT_A_KEY not in result.stderr  # a key is never printed


def test_production_starts_with_two_good_keys(new_key):
    keys = f"{new_key()}, {new_key()}"
    result = run_production_check(**{**PRODUCTION_ENV, "ENQUIRY_ENCRYPTION_KEYS": keys})
    assert result.returncode == 0, result.stderr


def test_no_key_is_an_error_outside_development_and_a_warning_in_it(settings):
    settings.ENQUIRY_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    [issue] = check_encryption_keys()
    assert issue.level == checks.ERROR
    assert "ENQUIRY_ENCRYPTION_KEYS is empty" in issue.msg
    assert "create_enquiry_key" in issue.msg
    settings.DEBUG = True
    [issue] = check_encryption_keys()
    assert issue.level == checks.WARNING


def test_a_wrong_or_repeated_key_is_an_error_naming_its_place(settings, new_key):
    key = new_key()
    settings.ENQUIRY_ENCRYPTION_KEYS = [key, NOT_A_KEY, key]
    messages = [issue.msg for issue in check_encryption_keys()]
    assert any("key 2 of 3 is not a Fernet key" in m for m in messages)
    assert any("the same key twice" in m for m in messages)
    assert not any(NOT_A_KEY in m or key in m for m in messages)
    settings.ENQUIRY_ENCRYPTION_KEYS = [new_key(), key]
    assert check_encryption_keys() == []


def test_every_form_page_type_of_the_site_stores_encrypted_enquiries():
    assert errors() == []


def test_a_form_page_type_storing_wagtails_plain_submissions_is_refused(
    monkeypatch,
):
    monkeypatch.setattr(
        ContactPage, "get_submission_class", lambda self: FormSubmission
    )
    [issue] = errors()
    assert issue.id == "enquiries.E002"
    assert issue.obj is ContactPage
    assert "contact.ContactPage stores its form submissions unencrypted" in issue.msg


def test_the_key_command_runs_while_the_key_is_missing(settings, capsys):
    settings.ENQUIRY_ENCRYPTION_KEYS = []
    settings.DEBUG = False
    # As from a shell, where commands run the system checks first.
    execute_from_command_line(["manage.py", "create_enquiry_key"])
    assert len(capsys.readouterr().out.strip()) == 44
    # Any other command stops at the missing key.
    with pytest.raises(SystemCheckError, match="ENQUIRY_ENCRYPTION_KEYS is empty"):
        call_command("purge_submissions", "--dry-run", skip_checks=False)
