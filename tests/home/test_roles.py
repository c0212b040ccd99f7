"""Each staff group can do what it should, and nothing more.

Editors run the content; clinical reviewers sign off clinical pages. The
groups come from the data migration (``home.roles.create_staff_groups``).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow

from enquiries.models import Enquiry
from home.factories import StandardPageFactory
from home.models import ClinicSettings
from home.roles import CLINICAL_REVIEWERS, EDITORS, create_staff_groups
from techniques.factories import (
    ConditionIndexPageFactory,
    TechniqueIndexPageFactory,
    TechniquePageFactory,
)
from techniques.models import ClinicalReviewSettings
from techniques.signoff import create_clinical_sign_off_workflow


def make_user(username, group):
    user = get_user_model().objects.create_user(username=username, password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def allowed(client, url):
    return client.get(url).status_code == 200


def refused(response):
    """Wagtail's admin answers a forbidden request with 403 or a redirect home."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response.url in (reverse("wagtailadmin_home"), "/admin/")
    )


@pytest.fixture
def site(home_page, contact_page):
    create_staff_groups()
    create_clinical_sign_off_workflow()
    techniques = TechniqueIndexPageFactory(parent=home_page)
    ConditionIndexPageFactory(parent=home_page)
    return {
        "home": home_page,
        "about": StandardPageFactory(parent=home_page, title="About"),
        "contact": contact_page,
        "techniques": techniques,
        "technique": TechniquePageFactory(parent=techniques),
    }


@pytest.fixture
def editor(site, client):
    client.force_login(make_user("eddie", EDITORS))
    return client


@pytest.fixture
def reviewer(site, client):
    client.force_login(make_user("rita", CLINICAL_REVIEWERS))
    return client


def settings_url(model):
    return reverse(
        "wagtailsettings:edit",
        args=[model._meta.app_label, model._meta.model_name, model.load().pk],
    )


def add_url(parent, model):
    app, name = model.split(".")
    return reverse("wagtailadmin_pages:add", args=[app, name, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_migration_created_both_groups(db):
    """Every install has them: the test database was built by the migrations."""
    editors = Group.objects.get(name=EDITORS)
    reviewers = Group.objects.get(name=CLINICAL_REVIEWERS)
    assert editors.permissions.filter(codename="access_admin").exists()
    assert reviewers.permissions.filter(codename="sign_off_clinical_content").exists()
    assert Workflow.objects.get(name="Clinical sign-off").active
    # Wagtail's default Moderators group (publish on everything) is gone.
    assert not Group.objects.filter(name="Moderators").exists()


def test_running_the_setup_again_changes_nothing(site):
    def snapshot():
        return sorted(
            (group.name, sorted(group.permissions.values_list("codename", flat=True)))
            for group in Group.objects.all()
        ), sorted(
            Page.objects.filter(group_permissions__isnull=False).values_list(
                "group_permissions__group__name",
                "group_permissions__permission__codename",
            )
        )

    before = snapshot()
    create_staff_groups()
    create_clinical_sign_off_workflow()
    assert snapshot() == before


# Editors --------------------------------------------------------------------


def test_editors_create_and_publish_general_pages(editor, site):
    assert allowed(editor, add_url(site["home"], "home.standardpage"))
    assert allowed(editor, edit_url(site["about"]))
    assert (
        site["about"]
        .permissions_for_user(get_user_model().objects.get(username="eddie"))
        .can_publish()
    )


def test_editors_edit_clinical_pages_but_do_not_publish_them(editor, site):
    user = get_user_model().objects.get(username="eddie")
    assert allowed(editor, add_url(site["techniques"], "techniques.techniquepage"))
    assert allowed(editor, edit_url(site["technique"]))
    perms = site["technique"].permissions_for_user(user)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert not perms.can_unpublish()
    assert not site["techniques"].permissions_for_user(user).can_publish_subpage()


def test_editors_manage_the_clinic_details_media_specialists_and_redirects(
    editor, site
):
    assert allowed(editor, settings_url(ClinicSettings))
    assert allowed(editor, reverse("wagtaildocs:add_multiple"))
    assert allowed(editor, reverse("wagtailimages:add_multiple"))
    assert allowed(editor, "/admin/techniques/specialist/create/")
    assert allowed(editor, reverse("wagtailredirects:add"))


def test_editors_do_not_see_enquiries(editor, site):
    enquiry = Enquiry.objects.create(page=site["contact"], form_data={"msg": "Pain"})
    assert refused(editor.get(reverse("enquiries:index")))
    assert refused(editor.get(reverse("enquiries:edit", args=[enquiry.pk])))
    assert "/admin/enquiries/" not in editor.get("/admin/").content.decode()
    # They can still change the form itself.
    assert allowed(editor, edit_url(site["contact"]))


def test_editors_do_not_manage_accounts_roles_workflows_or_review_settings(
    editor, site
):
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailadmin_workflows:index"),
        settings_url(ClinicalReviewSettings),
        reverse("wagtailsites:index"),
    ):
        assert refused(editor.get(url)), url


# Clinical reviewers ---------------------------------------------------------


def test_reviewers_edit_and_publish_clinical_pages(reviewer, site):
    user = get_user_model().objects.get(username="rita")
    assert allowed(reviewer, edit_url(site["technique"]))
    perms = site["technique"].permissions_for_user(user)
    assert perms.can_publish()
    assert not perms.can_delete()
    assert allowed(
        reviewer,
        settings_url(ClinicalReviewSettings),
    )


def test_reviewers_do_not_create_pages_or_edit_general_ones(reviewer, site):
    assert refused(
        reviewer.get(add_url(site["techniques"], "techniques.techniquepage"))
    )
    assert refused(reviewer.get(add_url(site["home"], "home.standardpage")))
    assert refused(reviewer.get(edit_url(site["about"])))
    assert refused(reviewer.get(edit_url(site["home"])))


def test_reviewers_do_not_manage_content_settings_people_or_enquiries(reviewer, site):
    enquiry = Enquiry.objects.create(page=site["contact"], form_data={"msg": "Pain"})
    for url in (
        settings_url(ClinicSettings),
        "/admin/techniques/specialist/",
        reverse("wagtailusers_users:index"),
        reverse("wagtailredirects:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("enquiries:index"),
        reverse("enquiries:edit", args=[enquiry.pk]),
    ):
        assert refused(reviewer.get(url)), url
