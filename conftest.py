"""Fixtures shared by the whole suite: a small site tree to test against."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import caches
from django.core.management import call_command
from django.test import TestCase, TransactionTestCase
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site

from contact import spam
from contact.factories import ContactFormFieldFactory, ContactPageFactory
from enquiries.roles import create_enquiry_handlers_group
from home import throttle
from home.factories import HomePageFactory
from techniques.factories import (
    ConditionIndexPageFactory,
    TechniqueIndexPageFactory,
)
from tests.staff import logged_in

# Parallel runs (pytest-xdist) ----------------------------------------------

# Workers for ``-n auto`` (pyproject.toml's addopts): the suite's goal is two
# cores, and each worker migrates its own test database and launches its own
# Chromium, so more workers than this buy little and cost memory.
MAX_WORKERS = 2


def pytest_xdist_auto_num_workers(config):
    """How many workers ``-n auto`` starts: two (fewer on a one-core
    machine) for the whole suite or a folder; none (the tests run in this
    process, with no workers to start) when the command line names only
    files or single tests, where starting workers would cost more than it
    saves. ``-n 2`` on the command line, or ``PYTEST_XDIST_AUTO_NUM_WORKERS``,
    decides instead."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    paths = [Path(arg.split("::")[0]) for arg in config.args]
    if paths and all(path.is_file() for path in paths):
        return 0
    return min(MAX_WORKERS, len(os.sched_getaffinity(0)))


def flushes_the_database(item):
    """Whether ``item`` is a transactional test: it commits, and pytest-django
    empties every table after it, the rows the migrations made included."""
    cls = getattr(item, "cls", None)
    if isinstance(cls, type) and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    if {"transactional_db", "live_server"} & set(item.fixturenames):
        return True
    marker = item.get_closest_marker("django_db")
    if not marker:
        return False
    # django_db(transaction=False, reset_sequences=False, ...)
    args = dict(zip(("transaction", "reset_sequences"), marker.args, strict=False))
    args.update(marker.kwargs)
    return bool(args.get("transaction") or args.get("reset_sequences"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests marked ``slow`` run first, so that both workers start on them
    and the short tests even out the end, instead of one worker running a
    minute-long test while the other has finished.

    After pytest-django's order, which this keeps: many tests rely on rows the
    migrations made (groups, the locale, Wagtail's root page) and so run
    before the transactional tests that empty the tables. A slow
    transactional test therefore keeps its place. Each worker runs its share
    in this order (``pytest_xdist_make_scheduler``)."""
    items.sort(
        key=lambda item: (
            not (item.get_closest_marker("slow") and not flushes_the_database(item))
        )
    )


# Modules whose tests share servers that a module fixture starts (nginx,
# varnish, gunicorn, PostgreSQL, Redis): each runs on one worker, so its
# servers start once.
ONE_WORKER_MODULES = {"tests/test_proxy.py", "tests/test_scale_out.py"}


def pytest_xdist_make_scheduler(config, log):
    """xdist's ``load`` (one test at a time, to whichever worker is free, in
    collection order) except that each of ``ONE_WORKER_MODULES`` goes whole
    to one worker. (``--dist loadgroup`` would say so with a mark, but xdist
    3.8 cannot tag pytest 9.2's node ids with a group; ``loadfile`` would send
    a whole file, its transactional tests too, ahead of other files'
    non-transactional tests.) Another ``--dist`` is left to xdist."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class LoadKeepingServerModulesTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER_MODULES else nodeid

    return LoadKeepingServerModulesTogether(config, log)


@pytest.fixture(autouse=True, scope="session")
def media_in_a_temporary_folder(tmp_path_factory):
    """Uploads made by tests (images, demo leaflets) go to a folder that is
    removed afterwards, not into the working tree."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True)
def enquiry_files_in_a_temporary_folder(settings, tmp_path_factory):
    """Files sent with test enquiries (referral letters) likewise, in a new
    folder for each test: a test's rows are rolled back, its files are not,
    and a test may check that nothing was kept."""
    private = {
        **settings.STORAGES["enquiry_files"],
        "OPTIONS": {"location": str(tmp_path_factory.mktemp("enquiry-files"))},
    }
    settings.STORAGES = {**settings.STORAGES, "enquiry_files": private}


class Clock:
    """Moves the form's clock (``contact.spam.now``) and the rate limits'
    (``home.throttle.now``) forward, as if the visitor took their time."""

    def __init__(self, monkeypatch):
        self.offset = 0
        for module in (spam, throttle):
            real_now = module.now
            monkeypatch.setattr(
                module, "now", lambda real_now=real_now: real_now() + self.offset
            )

    def advance(self, seconds):
        self.offset += seconds


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture(autouse=True)
def empty_page_cache(request):
    """Each test starts with no cached pages (the local-memory cache outlives
    a test's database transaction). Tests that count queries measure the
    rendering itself, so the page cache is off for them."""
    caches["default"].clear()
    counts_queries = {"django_assert_num_queries", "django_assert_max_num_queries"}
    if counts_queries & set(request.fixturenames):
        request.getfixturevalue("settings").PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def far_from_the_clinics_midnight(monkeypatch):
    """Cache lifetimes are cut short just before the clinic's midnight
    (``clinic.page_cache.mark_shareable``); tests that read them run as if it
    were midday, whenever the suite runs. tests/test_http_caching.py checks
    the cut itself."""
    monkeypatch.setattr("clinic.page_cache.seconds_until_tomorrow", lambda: 12 * 3600)


def wagtail_root():
    """Wagtail's root page, re-created if a live-server test flushed the
    database (its transactional tests empty every table, migrated rows too)."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    # Images and documents (e.g. the demo leaflets) need the root collection.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


@pytest.fixture
def home_page(db):
    """A HomePage that is the default site's root, in place of Wagtail's placeholder."""
    root = wagtail_root()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def demo_site(db):
    """The whole demo clinic site, as ``make run`` builds it: realistic pages
    for checks that look at every page type."""
    wagtail_root()
    call_command("load_demo_content", stdout=StringIO())
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def technique_index(home_page):
    return TechniqueIndexPageFactory(parent=home_page)


@pytest.fixture
def condition_index(home_page):
    return ConditionIndexPageFactory(parent=home_page)


@pytest.fixture
def contact_page(home_page):
    """A contact page with the fields the clinic's real form has."""
    page = ContactPageFactory(parent=home_page)
    for label, field_type, required, choices in [
        ("Your name", "singleline", True, ""),
        ("Email address", "email", True, ""),
        ("Phone number", "singleline", False, ""),
        ("Reason", "radio", True, "Ask a question\nBook an appointment"),
        ("Your message", "multiline", True, ""),
    ]:
        ContactFormFieldFactory(
            page=page,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
            is_reason=label == "Reason",
        )
    return page


# Staff ----------------------------------------------------------------------


@pytest.fixture
def handlers_group(db):
    return create_enquiry_handlers_group()


@pytest.fixture
def handler(handlers_group):
    """A member of the Enquiry handlers group (reads and handles enquiries)."""
    user = User.objects.create_user(
        "reception", "r@clinic.invalid", "pw", first_name="Rita", last_name="Desk"
    )
    user.groups.add(handlers_group)
    return user


@pytest.fixture
def handler_client(handler):
    return logged_in(handler)


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
