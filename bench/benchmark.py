"""Throughput and latency of the demo site under production settings.

Starts the site under gunicorn on 127.0.0.1 with ``clinic.settings.production``
and a throwaway SQLite database holding the demo content (or the database in
``DATABASE_URL``), measures each page with wrk, and prints requests per second,
p50 and p99 latency, and each page's ratio to a static file measured in the
same run (absolute figures drift between machines; the ratio does not).

    .venv/bin/python bench/benchmark.py [--duration 10] [--connections 16]

Needs ``wrk`` (``apt-get install wrk``) and gunicorn (in the project's
dependencies). Every load is bounded by --duration and goes to 127.0.0.1 only.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("home page", "/"),
    ("techniques index", "/treatments/"),
    ("technique page", "/treatments/deep-brain-stimulation/"),
    ("condition page", "/conditions/parkinsons-disease/"),
    ("API listing", "/api/v2/pages/?type=techniques.TechniquePage&fields=summary"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(workdir):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on loopback: no redirect to HTTPS.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_CACHE_DIR=str(workdir / "cache"),
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    return env


def manage(env, *args):
    subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
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


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.read().decode()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}, not 200") from error


def stylesheet_path(home_html):
    match = re.search(r'href="(/static/[^"]+\.css)"', home_html)
    if not match:
        raise SystemExit("No stylesheet link found on the home page")
    return match.group(1)


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, duration, connections):
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        pct: to_ms(value, unit)
        for pct, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE
        )
    }
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": rps,
        "p50": latency["50"],
        "p99": latency["99"],
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    with tempfile.TemporaryDirectory(prefix="clinic-bench-") as tmp:
        env = environment(Path(tmp))
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--noinput")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "clinic.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--access-logfile",
                "/dev/null",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_until_up(base + "/")
            pages = [*PAGES, ("static file", stylesheet_path(fetch(base + "/")))]
            for _, path in pages:
                fetch(base + path)  # every page must answer 200 before we load it
            results = {
                name: run_wrk(base + path, args.duration, args.connections)
                for name, path in pages
            }
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    reference = results["static file"]["rps"]
    print(
        f"gunicorn {args.workers} sync workers, wrk -t2 -c{args.connections} "
        f"-d{args.duration}s, {env['DATABASE_URL'].split(':')[0]}\n"
    )
    print("| page | requests/s | p50 ms | p99 ms | ratio to static | non-2xx |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, result in results.items():
        print(
            f"| {name} | {result['rps']:,.0f} | {result['p50']:.1f} | "
            f"{result['p99']:.1f} | {result['rps'] / reference:.2f} | "
            f"{result['non_2xx']} |"
        )


if __name__ == "__main__":
    main()
