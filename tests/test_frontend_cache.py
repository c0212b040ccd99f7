"""When content changes, the CDN or proxy in front forgets every page that
shows it (clinic/frontend_cache.py), and only those.

A recording backend stands in for Varnish here (tests/test_scale_out.py runs
the real one); purges go out when the change commits, as in production.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail_factories import ImageFactory

from home.factories import StandardPageFactory
from home.models import ClinicSettings
from techniques.factories import (
    ConditionPageFactory,
    SpecialistFactory,
    SpecialistIndexPageFactory,
    TechniquePageFactory,
    link,
    make_pdf,
)
from techniques.models import TechniqueLeaflet
from techniques.models.workflow import record_clinical_review
from tests.purge_recorder import PURGED

ROOT = "http://localhost/"


@pytest.fixture(autouse=True)
def recorder(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.purge_recorder.RecordingBackend"}
    }
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def site(
    home_page, technique_index, condition_index, django_capture_on_commit_callbacks
):
    team = SpecialistIndexPageFactory(parent=home_page)
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    history = StandardPageFactory(parent=about, title="History", slug="history")
    scs = TechniquePageFactory(parent=technique_index, title="SCS", slug="scs")
    dbs = TechniquePageFactory(parent=technique_index, title="DBS", slug="dbs")
    pain = ConditionPageFactory(parent=condition_index, title="Back pain", slug="pain")
    tremor = ConditionPageFactory(parent=condition_index, title="Tremor", slug="tremor")
    with django_capture_on_commit_callbacks(execute=True):
        link(scs, pain)
        link(dbs, tremor)
    PURGED.clear()
    return {
        "team": team,
        "about": about,
        "history": history,
        "scs": scs,
        "dbs": dbs,
        "pain": pain,
        "tremor": tremor,
    }


def purged_after(change, capture):
    PURGED.clear()
    with capture(execute=True):
        change()
    return {url.removeprefix(ROOT.rstrip("/")) for url in PURGED}


@pytest.fixture
def purges(django_capture_on_commit_callbacks):
    return lambda change: purged_after(change, django_capture_on_commit_callbacks)


def test_publishing_a_technique_purges_it_its_lists_and_its_conditions(site, purges):
    scs = site["scs"]
    scs.summary = "New summary"
    purged = purges(lambda: scs.save_revision().publish())
    assert {"/", "/treatments/", "/treatments/scs/", "/conditions/pain/"} <= purged
    # Pages that do not show it are left in the cache.
    assert "/conditions/tremor/" not in purged
    assert "/treatments/dbs/" not in purged


def test_a_condition_taken_off_a_technique_is_purged_too(site, purges):
    scs = site["scs"]
    purged = purges(lambda: link(scs, site["tremor"]))
    assert {"/conditions/pain/", "/conditions/tremor/", "/treatments/scs/"} <= purged


def test_publishing_a_condition_purges_the_techniques_that_treat_it(site, purges):
    pain = site["pain"]
    purged = purges(lambda: pain.save_revision().publish())
    assert {"/conditions/pain/", "/conditions/", "/treatments/scs/"} <= purged
    assert "/treatments/dbs/" not in purged


def test_a_saved_draft_purges_nothing(site, purges):
    scs = site["scs"]
    scs.summary = "Only a draft"
    assert purges(scs.save_revision) == set()


def test_unpublishing_and_deleting_purge_the_page(site, purges):
    assert "/treatments/scs/" in purges(site["scs"].unpublish)
    assert "/treatments/dbs/" in purges(lambda: site["dbs"].delete())


def test_moving_a_page_purges_its_old_and_new_addresses(site, purges, home_page):
    contact = StandardPageFactory(parent=home_page, title="Visit", slug="visit")
    purged = purges(lambda: site["history"].move(contact, "last-child"))
    assert {"/about/history/", "/visit/history/"} <= purged


def test_a_page_that_links_to_the_changed_page_is_purged(site, purges):
    history = site["history"]
    history.body = [
        ("paragraph", f'<p><a linktype="page" id="{site["scs"].pk}">SCS</a></p>')
    ]
    history.save_revision().publish()  # the reference index learns the link
    scs = site["scs"]
    purged = purges(lambda: scs.save_revision().publish())
    assert "/about/history/" in purged


def test_a_clinical_review_purges_the_page(site, purges, django_user_model):
    reviewer = django_user_model.objects.create_user("reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    SpecialistFactory(user=reviewer)
    scs = site["scs"]
    assert "/treatments/scs/" in purges(lambda: record_clinical_review(scs, reviewer))


def test_the_clinic_details_and_the_menu_purge_every_page(site, purges):
    def change_phone():
        clinic = ClinicSettings.load()
        clinic.phone = "01632 960 123"
        clinic.save()

    everything = {
        "/",
        "/about/",
        "/about/history/",
        "/treatments/scs/",
        "/treatments/dbs/",
        "/conditions/pain/",
        "/conditions/tremor/",
    }
    assert everything <= purges(change_phone)
    about = site["about"]
    about.title = "About the clinic"
    assert everything <= purges(lambda: about.save_revision().publish())


def test_a_specialist_purges_their_techniques_and_the_team_page(site, purges):
    purged = purges(lambda: SpecialistFactory(techniques=[site["scs"]]).save())
    assert {"/treatments/scs/", "/our-team/"} <= purged
    assert "/treatments/dbs/" not in purged


def test_an_image_purges_the_pages_that_show_it(site, purges):
    image = ImageFactory()
    scs = site["scs"]
    scs.image, scs.image_alt = image, "The stimulator"
    scs.save_revision().publish()
    purged = purges(lambda: image.save())
    assert "/treatments/scs/" in purged
    assert "/treatments/dbs/" not in purged


def test_a_document_purges_the_pages_that_offer_it(site, purges):
    leaflet = make_pdf("After your implant")
    dbs = site["dbs"]
    dbs.leaflets = [TechniqueLeaflet(document=leaflet)]
    dbs.save_revision().publish()
    leaflet.title = "After your implant (2026)"
    purged = purges(leaflet.save)
    assert "/treatments/dbs/" in purged
    assert "/treatments/scs/" not in purged


def test_nothing_is_computed_without_a_frontend_cache(site, settings, purges):
    del settings.WAGTAILFRONTENDCACHE
    scs = site["scs"]
    assert purges(lambda: scs.save_revision().publish()) == set()
