"""The site behind Debian's real nginx, configured by docs/deploy.md itself.

One gunicorn (production settings, ``TRUSTED_PROXY_COUNT=1``) on its own
database, with nginx in front on loopback ports, running the ```nginx block
of docs/deploy.md with only its ports, folders and certificate replaced (see
``PLACEHOLDERS``): the documented configuration is the tested one. Visitors
connect from different loopback addresses (127.0.0.2, 127.0.0.3...), so
nginx sees different clients, as it would on the internet.

What an attacker or a patient would notice if it failed:

* behind the proxy everyone is one client: one person sending enquiries or
  guessing a password blocks the contact form or the admin for everybody;
* a client writing its own ``X-Forwarded-For`` escapes the form limit and the
  login lockout (or locks out somebody else);
* a document in a private collection downloads from ``/media/`` or from
  ``/documents/`` without signing in.
"""

import json
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest

from clinic.demo_content.site import CONTACT
from tests.loadtools import (
    ROOT,
    ContactFormReader,
    browser,
    fetch,
    manage,
    production_site,
    stop_process_group,
    this_workers_ports,
)
from tests.test_submission_load import fill_in

# Half a minute or more: started first (conftest.py).
pytestmark = pytest.mark.slow

NGINX = "/usr/sbin/nginx"
GUNICORN_PORTS = range(8621, 8640)
NGINX_PORTS = range(8641, 8700)
CONTACT_PATH = f"/{CONTACT['slug']}/"
FORM_LIMIT = 2
LOGIN_LIMIT = 3
STAFF_PASSWORD = secrets.token_urlsafe(12)
PRIVATE_TEXT = "PRIVATE: pain diary of a named patient"
PUBLIC_TEXT = "PUBLIC: what to expect after your implant"


def deploy_block(info="nginx"):
    """The one block of docs/deploy.md fenced as ```{info}."""
    text = (ROOT / "docs" / "deploy.md").read_text()
    pattern = rf"^```{re.escape(info)}\n(.*?)^```$"
    blocks = re.findall(pattern, text, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, f"docs/deploy.md must hold exactly one ```{info} block"
    return blocks[0]


def deploy_nginx_block():
    """The one-server ```nginx block of docs/deploy.md."""
    return deploy_block("nginx")


# The only things in docs/deploy.md's block this test changes: each documented
# value (left) is replaced by this run's (right). A documented value missing
# from the block fails the test, so the two cannot drift apart unnoticed.
def placeholders(run):
    return {
        "server 127.0.0.1:8000;": f"server {run['gunicorn']};",
        "listen 80;": f"listen 127.0.0.1:{run['http_port']};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{run['https_port']} ssl http2;",
        "/etc/letsencrypt/live/clinic.example/": f"{run['tls']}/",
        "/srv/clinic/": f"{run['srv']}/",
    }


def replace_documented(block, replacements):
    """``block`` with each documented value replaced by this run's; a value
    missing from the block fails the test."""
    for documented, replacement in replacements.items():
        assert documented in block, f"docs/deploy.md's block lost {documented!r}"
        block = block.replace(documented, replacement)
    return block


def nginx_conf(block, run, replacements=None):
    block = replace_documented(block, replacements or placeholders(run))
    work = run["nginx_dir"]
    temp_paths = "\n".join(
        f"    {kind}_temp_path {work}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # Run as root (CI), the workers must read the test's private folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {work}/access.log;
{temp_paths}
{block}
}}
"""


def self_signed_certificate(folder):
    """A certificate for 127.0.0.1 that the test's clients trust."""
    folder.mkdir()
    subprocess.run(  # noqa: S603
        [
            "/usr/bin/openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(folder / "privkey.pem"),
            "-out",
            str(folder / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return ssl.create_default_context(cafile=folder / "fullchain.pem")


def start_nginx(run):
    """nginx on the first pair of free ports; ``(process, run)``."""
    block = deploy_nginx_block()
    ports = iter(this_workers_ports(NGINX_PORTS))
    for http_port, https_port in zip(ports, ports, strict=False):
        run = dict(run, http_port=http_port, https_port=https_port)
        conf = run["nginx_dir"] / "nginx.conf"
        conf.write_text(nginx_conf(block, run))
        error_log = run["nginx_dir"] / "error.log"
        error_log.write_text("")
        process = subprocess.Popen(  # noqa: S603
            [NGINX, "-c", str(conf), "-p", str(run["nginx_dir"])],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        if up(process, https_port):
            return process, run
        _, errors = process.communicate(timeout=10)
        if b"Address already in use" not in errors + error_log.read_bytes():
            raise RuntimeError(f"nginx did not start:\n{errors.decode()}")
    raise RuntimeError(f"No two free ports for nginx among {list(NGINX_PORTS)}")


def up(process, port, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


# Run inside the server's environment: a staff login, and two documents, one
# in a collection only signed-in users may see.
SETUP_SCRIPT = f"""
import json
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

User.objects.create_superuser("editor", "editor@clinic.invalid", {STAFF_PASSWORD!r})
root = Collection.get_first_root_node()
private = root.add_child(name="Private records")
CollectionViewRestriction.objects.create(
    collection=private, restriction_type=CollectionViewRestriction.LOGIN
)

def upload(name, text, collection):
    document = get_document_model()(title=name, collection=collection)
    document.file.save(name, ContentFile(text.encode()), save=False)
    document.file_size = len(text)
    document.save()
    return {{"url": document.url, "file": document.file.name}}

print(json.dumps({{
    "private": upload("pain-diary.txt", {PRIVATE_TEXT!r}, private),
    "public": upload("after-your-implant.txt", {PUBLIC_TEXT!r}, root),
}}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """``(base_url, tls_context, documents)`` of the site behind nginx."""
    if not Path(NGINX).exists():
        pytest.fail(
            f"{NGINX} is missing: this test runs Debian's nginx in front of the "
            "site. Install it with `apt-get install nginx`."
        )
    work = tmp_path_factory.mktemp("proxy")
    srv = work / "srv"
    tls = self_signed_certificate(work / "tls")
    (work / "nginx").mkdir()
    with production_site(
        work,
        GUNICORN_PORTS,
        workers=2,
        TRUSTED_PROXY_COUNT="1",
        DJANGO_STATIC_ROOT=str(srv / "staticfiles"),
        DJANGO_MEDIA_ROOT=str(srv / "media"),
        CONTACT_RATE_LIMIT_COUNT=str(FORM_LIMIT),
        CONTACT_MIN_FILL_SECONDS="0",
        AXES_FAILURE_LIMIT=str(LOGIN_LIMIT),
        STAFF_TWO_FACTOR_REQUIRED="0",
    ) as (gunicorn_url, env):
        output = manage(env, "shell", "--verbosity", "0", "-c", SETUP_SCRIPT)
        documents = json.loads(output.strip().splitlines()[-1])
        run = {
            "gunicorn": urllib.parse.urlsplit(gunicorn_url).netloc,
            "tls": work / "tls",
            "srv": srv,
            "nginx_dir": work / "nginx",
        }
        nginx, run = start_nginx(run)
        try:
            yield f"https://127.0.0.1:{run['https_port']}", tls, documents, run
        finally:
            stop_process_group(nginx, timeout=10)
    shutil.rmtree(work, ignore_errors=True)


class Visitor:
    """One person's browser, connecting from its own loopback address."""

    def __init__(self, site, address):
        self.base_url, tls, *_ = site
        self.opener = browser(source=address, tls=tls)

    def get(self, path, **headers):
        return fetch(self.opener, self.base_url + path, headers=headers)

    def post_form(self, path, fill, **headers):
        """Open the page's form, fill it in as ``fill(form)`` says, send it."""
        status, _, body = self.get(path)
        assert status == 200, body[:500]
        data = fill(ContactFormReader.read(body.decode()))
        url = self.base_url + path
        return fetch(
            self.opener,
            url,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Origin": self.base_url, "Referer": url, **headers},
        )

    def enquire(self, forged=None):
        headers = {"X-Forwarded-For": forged} if forged else {}
        status, _, _ = self.post_form(
            CONTACT_PATH, lambda form: fill_in(form, "proxy-test-00001"), **headers
        )
        return status

    def sign_in(self, password, forged=None):
        headers = {"X-Forwarded-For": forged} if forged else {}

        def fill(form):
            return {
                "csrfmiddlewaretoken": form.value("csrfmiddlewaretoken"),
                "username": "editor",
                "password": password,
            }

        status, _, _ = self.post_form("/admin/login/", fill, **headers)
        return status


def test_two_clients_have_their_own_contact_form_limit(site):
    patient = Visitor(site, "127.0.0.2")
    other = Visitor(site, "127.0.0.3")
    for _ in range(FORM_LIMIT):
        assert patient.enquire() == 302
    assert patient.enquire() == 429
    assert other.enquire() == 302


def test_a_forged_forwarded_for_does_not_escape_the_form_limit(site):
    robot = Visitor(site, "127.0.0.4")
    statuses = [robot.enquire(forged=f"192.0.2.{n}") for n in range(FORM_LIMIT + 1)]
    assert statuses == [302] * FORM_LIMIT + [429]
    # Nor does it spend somebody else's allowance.
    assert Visitor(site, "127.0.0.5").enquire() == 302


def test_a_guesser_is_locked_out_and_staff_elsewhere_still_sign_in(site):
    guesser = Visitor(site, "127.0.0.6")
    # A new forged address on every guess: still one client, locked out by
    # the guess that reaches the limit.
    statuses = [
        guesser.sign_in("wrong", forged=f"198.51.100.{n}") for n in range(LOGIN_LIMIT)
    ]
    assert statuses == [200] * (LOGIN_LIMIT - 1) + [429]
    assert guesser.sign_in(STAFF_PASSWORD, forged="198.51.100.99") == 429
    assert guesser.sign_in(STAFF_PASSWORD) == 429

    staff = Visitor(site, "127.0.0.7")
    assert staff.sign_in(STAFF_PASSWORD) == 302
    assert staff.get("/admin/")[0] == 200


def test_a_private_document_is_never_served_from_media(site):
    documents = site[2]
    anyone = Visitor(site, "127.0.0.8")
    for document in documents.values():
        status, _, body = anyone.get("/media/" + document["file"])
        assert status == 404
        assert PRIVATE_TEXT.encode() not in body


def test_a_private_document_needs_a_sign_in_and_a_public_one_does_not(site):
    documents = site[2]
    anyone = Visitor(site, "127.0.0.9")
    status, headers, body = anyone.get(documents["private"]["url"])
    assert status == 302
    assert "login" in headers["Location"]
    assert PRIVATE_TEXT.encode() not in body

    status, _, body = anyone.get(documents["public"]["url"])
    assert (status, body.decode()) == (200, PUBLIC_TEXT)

    staff = Visitor(site, "127.0.0.10")
    assert staff.sign_in(STAFF_PASSWORD) == 302
    status, _, body = staff.get(documents["private"]["url"])
    assert (status, body.decode()) == (200, PRIVATE_TEXT)


def test_plain_http_goes_to_https_and_static_files_are_served(site):
    base_url, tls, _, run = site
    opener = browser(source="127.0.0.11", tls=tls)
    status, headers, _ = fetch(opener, f"http://127.0.0.1:{run['http_port']}/")
    assert status == 301
    assert headers["Location"].startswith("https://")

    status, _, home = fetch(opener, base_url + "/")
    assert status == 200
    stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', home)[1].decode()
    status, headers, _ = fetch(opener, base_url + stylesheet)
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
