"""docs/deploy.md's "Scale out", run for real from Debian's packages.

One module fixture starts, once: a PostgreSQL (its own, or a fresh database
on the test run's PostgreSQL) and a Redis; two gunicorn app servers (A and
B) with production settings on both; one ``db_worker``; nginx with the
```nginx scale-out block of docs/deploy.md in front of both; Varnish with
the ```vcl block in front of nginx. Only addresses and ports are changed
(see ``NGINX_PLACEHOLDERS`` and ``VCL_PLACEHOLDERS``), so the documented
configuration is the tested one.

What a visitor or an editor would notice if it failed:

* a change published through one server is not seen on the other, or the
  proxy keeps serving the old page after a publish;
* the proxy hands one visitor's contact form (its one-time question) or an
  admin page to another;
* an editor signed in on one server is sent to the login page by the other;
  the form limit or a spent question token holds on one server only.
"""

import contextlib
import os
import secrets
import subprocess
import sys
import time
import urllib.parse

import pytest

from clinic.demo_content.site import CONTACT
from tests.loadtools import (
    ROOT,
    ContactFormReader,
    browser,
    build_site,
    fetch,
    gunicorn,
    is_postgresql,
    listening_socket,
    manage,
    own_database,
    production_env,
    stop_process_group,
)
from tests.services import postgresql, redis, start_on_free_port, varnish
from tests.test_proxy import NGINX, deploy_block, nginx_conf
from tests.test_submission_load import fill_in

# Half a minute or more: started first (conftest.py).
pytestmark = pytest.mark.slow

A_PORTS = range(8701, 8720)
B_PORTS = range(8721, 8740)
NGINX_PORTS = range(8741, 8760)
VARNISH_PORTS = range(8761, 8780)
POSTGRESQL_PORTS = range(5444, 5460)
REDIS_PORTS = range(6384, 6400)

CONTACT_PATH = f"/{CONTACT['slug']}/"
PAGE_PATH = "/treatments/deep-brain-stimulation/"
FORM_LIMIT = 2
STAFF_PASSWORD = secrets.token_urlsafe(12)
# How long after a publish the proxy may still show the old page.
FRESH_WITHIN_SECONDS = 1.0


def nginx_placeholders(a, b, port):
    return {
        "server app-a.clinic.internal:8000;": f"server {a};",
        "server app-b.clinic.internal:8000;": f"server {b};",
        "listen 8080;": f"listen 127.0.0.1:{port};",
    }


def vcl_placeholders(nginx_port):
    return {'.port = "8080";': f'.port = "{nginx_port}";'}


@contextlib.contextmanager
def database(workdir):
    """One PostgreSQL database both servers share."""
    if is_postgresql(os.environ.get("DATABASE_URL", "")):
        with own_database(workdir) as url:
            yield url
    else:
        with postgresql(POSTGRESQL_PORTS) as url:
            yield url


@contextlib.contextmanager
def nginx(a, b, workdir):
    """nginx load-balancing A and B; yields its port."""
    require_nginx()
    block = deploy_block("nginx scale-out")
    folder = workdir / "nginx"
    folder.mkdir()
    conf = folder / "nginx.conf"

    def command(port):
        run = {"nginx_dir": folder}
        conf.write_text(nginx_conf(block, run, nginx_placeholders(a, b, port)))
        return [NGINX, "-c", str(conf), "-p", str(folder)]

    process, port = start_on_free_port(command, NGINX_PORTS, folder / "out.log")
    try:
        yield port
    finally:
        stop_process_group(process, timeout=10)


def require_nginx():
    if not os.path.exists(NGINX):
        raise RuntimeError(f"{NGINX} is missing: run `make system-packages`.")


@contextlib.contextmanager
def db_worker(env, log_path):
    """The background worker that sends Wagtail's purges (and the emails)."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        stop_process_group(process)


SETUP_SCRIPT = f"""
from django.contrib.auth.models import User
User.objects.create_superuser("editor", "editor@clinic.invalid", {STAFF_PASSWORD!r})
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    work = tmp_path_factory.mktemp("scale-out")
    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(database(work))
        redis_url = stack.enter_context(redis(REDIS_PORTS))
        sock_a = stack.enter_context(listening_socket(A_PORTS))
        sock_b = stack.enter_context(listening_socket(B_PORTS))
        a, b = ("{}:{}".format(*sock.getsockname()) for sock in (sock_a, sock_b))
        nginx_port = stack.enter_context(nginx(a, b, work))
        vcl = deploy_block("vcl")
        for documented, replacement in vcl_placeholders(nginx_port).items():
            assert documented in vcl, f"docs/deploy.md's VCL lost {documented!r}"
            vcl = vcl.replace(documented, replacement)
        proxy = stack.enter_context(varnish(vcl, VARNISH_PORTS))
        env = production_env(
            work,
            database_url,
            REDIS_URL=redis_url,
            FRONTEND_CACHE_PURGE_URL=proxy,
            TRUSTED_PROXY_COUNT="2",
            CONTACT_RATE_LIMIT_COUNT=str(FORM_LIMIT),
            CONTACT_MIN_FILL_SECONDS="0",
            STAFF_TWO_FACTOR_REQUIRED="0",
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        )
        build_site(env)
        manage(env, "shell", "--verbosity", "0", "-c", SETUP_SCRIPT)
        server_a = stack.enter_context(gunicorn(env, sock_a, 1, work / "a.log"))
        server_b = stack.enter_context(gunicorn(env, sock_b, 1, work / "b.log"))
        stack.enter_context(db_worker(env, work / "worker.log"))
        yield {"a": server_a, "b": server_b, "proxy": proxy, "env": env}


class Person:
    """One browser (its own cookies), from its own loopback address."""

    def __init__(self, address):
        self.opener = browser(source=address)

    def get(self, url):
        return fetch(self.opener, url)

    def post(self, url, data, referer):
        return fetch(
            self.opener,
            url,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Origin": referer.rstrip("/"), "Referer": url},
        )

    def form(self, url):
        status, _, body = self.get(url)
        assert status == 200, body[:500]
        return ContactFormReader.read(body.decode())

    def sign_in(self, server):
        form = self.form(server + "/admin/login/")
        data = {
            "csrfmiddlewaretoken": form.value("csrfmiddlewaretoken"),
            "username": "editor",
            "password": STAFF_PASSWORD,
        }
        status, _, _ = self.post(server + "/admin/login/", data, server)
        assert status == 302

    def enquire(self, server, marker):
        form = self.form(server + CONTACT_PATH)
        data = fill_in(form, marker)
        return self.post(server + CONTACT_PATH, data, server)[0], data


def save_draft(env, marker):
    """An editor's draft of the page (not published); returns its id."""
    script = f"""
from wagtail.models import Page
page = Page.objects.get(url_path__endswith={PAGE_PATH!r}).specific
page.summary = {marker!r}
page.save_revision()
print(page.pk)
"""
    return int(manage(env, "shell", "--verbosity", "0", "-c", script).split()[-1])


def stored_with(env, marker):
    script = f"""
from contact.models import ContactPage
page = ContactPage.objects.get(slug={CONTACT["slug"]!r})
rows = page.get_submission_class().objects.filter(page=page)
print(sum({marker!r} in str(row.form_data) for row in rows))
"""
    return int(manage(env, "shell", "--verbosity", "0", "-c", script).split()[-1])


def test_a_publish_on_a_is_seen_on_b_at_once_and_through_varnish_within_a_second(
    cluster,
):
    visitor, editor = Person("127.0.0.2"), Person("127.0.0.3")
    page = cluster["proxy"] + PAGE_PATH
    visitor.get(page)
    status, headers, _ = visitor.get(page)
    assert (status, headers["X-Cache"]) == (200, "HIT")

    marker = f"Reviewed summary {secrets.token_hex(4)}"
    page_id = save_draft(cluster["env"], marker)
    assert marker.encode() not in visitor.get(page)[2]  # a draft stays unseen
    assert marker.encode() not in visitor.get(cluster["b"] + PAGE_PATH)[2]

    # The editor publishes the draft through server A's admin.
    editor.sign_in(cluster["a"])
    publish = f"{cluster['a']}/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    form = editor.form(publish)
    status, _, _ = editor.post(
        publish,
        {"csrfmiddlewaretoken": form.value("csrfmiddlewaretoken")},
        cluster["a"],
    )
    assert status == 302
    published = time.monotonic()

    status, _, body = visitor.get(cluster["b"] + PAGE_PATH)
    assert status == 200
    assert marker.encode() in body, "server B still shows the old page"

    while marker.encode() not in visitor.get(page)[2]:
        waited = time.monotonic() - published
        assert waited < FRESH_WITHIN_SECONDS, "Varnish still serves the old page"
        time.sleep(0.05)


def test_varnish_never_keeps_the_contact_form_or_the_admin(cluster):
    proxy = cluster["proxy"]
    tokens = set()
    for n in range(3):
        status, headers, body = Person(f"127.0.1.{n + 1}").get(proxy + CONTACT_PATH)
        assert (status, headers["X-Cache"]) == (200, "MISS")
        tokens.add(ContactFormReader.read(body.decode()).value("cf_token"))
    assert len(tokens) == 3, "two visitors were given the same one-time question"

    for n in range(2):
        status, headers, _ = Person(f"127.0.2.{n + 1}").get(proxy + "/admin/login/")
        assert (status, headers["X-Cache"]) == (200, "MISS")


def test_a_session_started_on_a_is_valid_on_b(cluster):
    editor = Person("127.0.0.4")
    editor.sign_in(cluster["a"])
    status, _, body = editor.get(cluster["b"] + "/admin/")
    assert status == 200
    assert b"Dashboard" in body


def test_the_form_limit_counts_submissions_on_both_servers(cluster):
    patient = Person("127.0.0.5")
    assert patient.enquire(cluster["a"], "limit-a")[0] == 302
    assert patient.enquire(cluster["b"], "limit-b")[0] == 302
    assert patient.enquire(cluster["a"], "limit-c")[0] == 429
    assert patient.enquire(cluster["b"], "limit-d")[0] == 429
    # Someone else is not held back by it.
    assert Person("127.0.0.6").enquire(cluster["b"], "limit-e")[0] == 302


def test_a_question_token_spent_on_a_is_refused_on_b(cluster):
    patient = Person("127.0.0.7")
    marker = f"replayed-{secrets.token_hex(4)}"
    status, data = patient.enquire(cluster["a"], marker)
    assert status == 302
    status, _, body = patient.post(cluster["b"] + CONTACT_PATH, data, cluster["b"])
    assert status != 302, "the same question was accepted twice"
    assert stored_with(cluster["env"], marker) == 1
    assert b"cf_token" in body  # the form is shown again, with a new question
