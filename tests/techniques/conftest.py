"""Staff fixtures for the clinical-review tests: the real groups and workflow."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.roles import CLINICAL_REVIEWERS, EDITORS, create_staff_groups
from techniques.factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    SpecialistFactory,
    TechniqueIndexPageFactory,
    TechniquePageFactory,
)
from techniques.signoff import create_clinical_sign_off_workflow


def make_user(username, *groups):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@clinic.test", password="pw"
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def staff_roles(home_page):
    """The groups and sign-off workflow exactly as the data migrations make them."""
    create_staff_groups()
    create_clinical_sign_off_workflow()


@pytest.fixture
def clinical_sections(staff_roles, home_page):
    """Treatments and conditions sections, under clinical sign-off."""
    return (
        TechniqueIndexPageFactory(parent=home_page),
        ConditionIndexPageFactory(parent=home_page),
    )


@pytest.fixture
def technique(clinical_sections):
    return TechniquePageFactory(
        parent=clinical_sections[0], title="Spinal cord stimulation"
    )


@pytest.fixture
def condition(clinical_sections):
    return ConditionPageFactory(parent=clinical_sections[1], title="Neuropathic pain")


@pytest.fixture
def editor(staff_roles):
    return make_user("eddie", EDITORS)


@pytest.fixture
def reviewer(staff_roles):
    """A clinical reviewer whose account is linked to a specialist profile."""
    user = make_user("rita", CLINICAL_REVIEWERS)
    SpecialistFactory(name="Dr Rita Patel", role="Consultant neurologist", user=user)
    return user


@pytest.fixture
def unlinked_reviewer(staff_roles):
    """A clinical reviewer with no specialist profile."""
    return make_user("ursula", CLINICAL_REVIEWERS)
