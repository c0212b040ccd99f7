"""Running the real site under gunicorn for a load test, on its own database.

``production_site()`` gives a load test what a deployment has: production
settings, several gunicorn worker processes, whitenoise's collected static
files and the demo content, against a database of its own (a temporary
SQLite file, or a fresh database on the PostgreSQL server the test run
uses), all removed afterwards. ``ContactFormReader`` reads the contact form
out of the page's HTML, as a browser would.
"""

import contextlib
import functools
import http.client
import http.cookiejar
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import dj_database_url
import psycopg
from cryptography.fernet import Fernet
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
# Seconds: for each setup command (migrate, demo content, static files), for
# gunicorn to answer, and for one request (client and gunicorn worker alike).
SETUP_TIMEOUT = 120
STARTUP_TIMEOUT = 30
REQUEST_TIMEOUT = 30


def this_workers_ports(ports):
    """This pytest-xdist worker's share of the port range ``ports``: every
    n-th port, from the worker's own offset (all of them without workers).
    Two workers then never try the same port, so neither can mistake the
    other's server for its own while both are starting."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if not worker.startswith("gw") or count < 2:
        return ports
    return ports[int(worker.removeprefix("gw")) % count :: count]


@contextlib.contextmanager
def listening_socket(ports):
    """A socket listening on the first free port of ``ports`` at 127.0.0.1.

    The test binds it and hands it to gunicorn (``--bind fd://N``), so the
    port is this test's from the start: checking for a free port and letting
    gunicorn bind it later would leave a window in which another run (e.g. a
    colleague's suite on the same machine) takes it, and this test would then
    load the other run's server.
    """
    ports = this_workers_ports(ports)
    for port in ports:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        with sock:
            sock.listen(128)
            yield sock
        return
    raise RuntimeError(f"No free port among {list(ports)}")


def is_postgresql(database_url):
    return database_url.startswith(("postgres://", "postgresql://"))


@contextlib.contextmanager
def own_database(workdir):
    """A ``DATABASE_URL`` for a database only this test uses.

    On the engine the test run uses (``DATABASE_URL``, SQLite by default): a
    file in ``workdir``, or a new database on the same PostgreSQL server,
    dropped on the way out even if the test failed.
    """
    run_url = os.environ.get("DATABASE_URL", "")
    if not is_postgresql(run_url):
        yield f"sqlite:///{workdir / 'load.sqlite3'}"
        return
    config = dj_database_url.parse(run_url)
    server = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": config["NAME"],
        "autocommit": True,
    }
    name = f"clinic_load_{secrets.token_hex(6)}"
    with psycopg.connect(**server) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urllib.parse.urlsplit(run_url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**server) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )


def production_env(workdir, database_url, **overrides):
    """The environment of a production server on 127.0.0.1 with its own files.

    The test run's own settings (``DJANGO_*``, ``CONTACT_*``, its database,
    Redis, a storage bucket) are left out: the server runs on what is set here.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CONTACT_", "PAGE_CACHE_", "AXES_"))
        and key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "AWS_STORAGE_BUCKET_NAME",
            "TRUSTED_PROXY_COUNT",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Links in emails point here (production refuses to start without it).
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        ENQUIRY_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        # Plain HTTP on loopback: no redirect to HTTPS.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        # Uploads (the demo leaflets) stay out of the working tree.
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
        DATABASE_URL=database_url,
    )
    env.update(overrides)
    return env


def manage(env, *args, timeout=SETUP_TIMEOUT):
    """Run a management command; its output is in the error if it fails."""
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def build_site(env):
    """Migrate, load the demo content and collect the static files.

    The demo content is loaded with the immediate task backend (its search
    indexing runs at once), so the database queue starts empty and holds only
    what the server queues.
    """
    setup_env = dict(
        env, DJANGO_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend"
    )
    # The static files are collected while the database is migrated.
    collect = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=setup_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        manage(setup_env, "migrate", "--noinput")
        manage(setup_env, "load_demo_content")
    finally:
        _, errors = collect.communicate(timeout=SETUP_TIMEOUT)
    if collect.returncode != 0:
        raise RuntimeError(f"collectstatic failed:\n{errors}")


@contextlib.contextmanager
def gunicorn(env, sock, workers, log_path):
    """Serve the site under gunicorn on ``sock``; stop it (and only it) on
    the way out."""
    with open(log_path, "wb") as log:
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "clinic.wsgi",
                "--bind",
                f"fd://{sock.fileno()}",
                "--workers",
                str(workers),
                "--timeout",
                str(REQUEST_TIMEOUT),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            pass_fds=[sock.fileno()],
            start_new_session=True,
        )
    host, port = sock.getsockname()
    # gunicorn holds the port now; should it die, clients are refused at once
    # instead of waiting on a socket nobody accepts on.
    sock.close()
    try:
        base_url = f"http://{host}:{port}"
        wait_until_up(server, base_url + "/", log_path)
        yield base_url
    finally:
        stop_process_group(server)


def stop_process_group(process, timeout=30):
    """Stop a server this test started (its whole process group), by force
    if it does not stop within ``timeout`` seconds."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def wait_until_up(server, url, log_path):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{Path(log_path).read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback)
                return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.2)
    raise RuntimeError(f"The site did not answer at {url} in {STARTUP_TIMEOUT} s")


@contextlib.contextmanager
def production_site(workdir, ports, workers=4, **settings):
    """The demo site under gunicorn with production settings, on its own
    database and the first free port of ``ports``; yields ``(base_url,
    env)``, ``env`` for management commands against the same database.
    ``settings`` are extra environment variables for the server."""
    with listening_socket(ports) as sock, own_database(workdir) as database_url:
        env = production_env(workdir, database_url, **settings)
        build_site(env)
        with gunicorn(env, sock, workers, workdir / "gunicorn.log") as base_url:
            yield base_url, env


# A visitor's browser ---------------------------------------------------------


class LoopbackCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Send ``Secure`` cookies to the loopback server over plain HTTP, as
    browsers do for 127.0.0.1 (a secure context); production settings mark
    the CSRF cookie ``Secure``."""

    def return_ok_secure(self, cookie, request):
        return True


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Show the 302 itself: where the form sends the visitor is checked."""

    def redirect_request(self, *args, **kwargs):
        return None


class FromAddressHTTP(urllib.request.HTTPHandler):
    """Connects from a chosen local address (``source``: e.g. 127.0.0.2, any
    127.x address works on Linux loopback), so a test can be several clients."""

    def __init__(self, source):
        super().__init__()
        self.source = source

    def http_open(self, req):
        connect = functools.partial(
            http.client.HTTPConnection, source_address=self.source
        )
        return self.do_open(connect, req)


class FromAddressHTTPS(urllib.request.HTTPSHandler):
    """``FromAddressHTTP`` over TLS, trusting ``context``'s certificates."""

    def __init__(self, source, context):
        super().__init__(context=context)
        self.source = source

    def https_open(self, req):
        connect = functools.partial(
            http.client.HTTPSConnection, source_address=self.source
        )
        return self.do_open(connect, req, context=self._context)


def browser(source=None, tls=None):
    """A urllib opener with its own cookie jar, that does not follow redirects;
    connecting from the local address ``source`` if given, and trusting the
    ``ssl.SSLContext`` ``tls`` for HTTPS if given."""
    jar = http.cookiejar.CookieJar(policy=LoopbackCookiePolicy())
    handlers = [urllib.request.HTTPCookieProcessor(jar), NoRedirects]
    if source or tls:
        address = (source, 0) if source else None
        handlers += [FromAddressHTTP(address), FromAddressHTTPS(address, tls)]
    return urllib.request.build_opener(*handlers)


def fetch(opener, url, data=None, headers=None):
    """``(status, headers, body)`` of one request, whatever the status."""
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


class ContactFormReader(HTMLParser):
    """The fields of the page's POST form: each input's attributes, the
    textareas' names, and each label's text by the id it is for."""

    def __init__(self):
        super().__init__()
        self.inputs = []
        self.textareas = []
        self.labels = {}
        self._in_form = False
        self._label_for = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._in_form = True
        elif not self._in_form:
            return
        elif tag == "input" and attrs.get("name"):
            self.inputs.append(attrs)
        elif tag == "textarea":
            self.textareas.append(attrs["name"])
        elif tag == "label" and attrs.get("for"):
            self._label_for = attrs["for"]
            self.labels[self._label_for] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "label":
            self._label_for = None

    def handle_data(self, data):
        if self._label_for:
            self.labels[self._label_for] += data

    @classmethod
    def read(cls, html):
        reader = cls()
        reader.feed(html)
        reader.close()
        if not reader.inputs:
            raise ValueError("The page has no POST form")
        return reader

    def value(self, name):
        return next(i.get("value", "") for i in self.inputs if i["name"] == name)

    def label(self, name):
        input_id = next(i.get("id") for i in self.inputs if i["name"] == name)
        return " ".join(self.labels.get(input_id, "").split())


def answer_sum(question):
    """The answer to "What is 6 plus 1?"."""
    match = re.search(r"What is (\d+) plus (\d+)\?", question)
    if not match:
        raise ValueError(f"Not a sum: {question!r}")
    return int(match[1]) + int(match[2])
