"""The demo site under production settings on 127.0.0.1, for measuring it.

``serve_demo_site(port)`` builds the demo content in a throwaway SQLite
database, collects the static files, starts gunicorn with
``clinic.settings.production`` (DEBUG off, whitenoise's compressed, hashed
static files) and yields the site's base URL; on leaving, it stops the server
it started and removes the database.
"""

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


def environment(workdir):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Links in emails point here (production refuses to start without it).
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        ENQUIRY_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        # Plain HTTP on loopback: no redirect to HTTPS, no HSTS.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        # Index pages for search as the demo content is created, without a
        # separate task worker.
        DJANGO_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        DATABASE_URL=f"sqlite:///{workdir / 'demo.sqlite3'}",
        # The file cache all gunicorn workers share (pages, rate limits).
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        # Collected static files, out of the working tree (any checkout
        # served from this environment finds them here).
        DJANGO_STATIC_ROOT=str(workdir / "static"),
    )
    return env


def manage(env, *args):
    subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def build_site(env, port):
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput")
    # A real deployment names its host on the Site, which canonical links and
    # structured data use; here that host is the loopback server.
    manage(
        env,
        "shell",
        "-c",
        "from wagtail.models import Site; Site.objects.filter(is_default_site=True)"
        f".update(hostname='127.0.0.1', port={port})",
    )


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback)
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"The site did not answer at {url} within {timeout} s")


@contextlib.contextmanager
def demo_database(port):
    """A throwaway folder with the demo site built in it (SQLite, collected
    static files, the Site's address set to 127.0.0.1:``port``); yields the
    server environment that uses it."""
    with tempfile.TemporaryDirectory(prefix="clinic-demo-") as tmp:
        env = environment(Path(tmp))
        build_site(env, port)
        yield env


@contextlib.contextmanager
def gunicorn(env, port, workers=2, code=ROOT, **overrides):
    """gunicorn serving ``code`` (a checkout of the project) on ``port`` with
    ``env`` plus ``overrides``; yields its base URL and stops it after."""
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clinic.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=code,
        env={**env, **overrides},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/")
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@contextlib.contextmanager
def serve_demo_site(port, workers=2):
    with demo_database(port) as env, gunicorn(env, port, workers) as base:
        yield base
