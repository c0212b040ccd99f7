"""Throughput and latency of the demo site under production settings.

Builds the demo content once (a throwaway SQLite database, ``demo_server.py``)
and serves it, side by side on 127.0.0.1, with gunicorn and
``clinic.settings.production``:

* ``cached``: the production default (the app's page cache on);
* ``uncached``: ``PAGE_CACHE_SECONDS=0``, every request rendered by Wagtail
  (what editors, the first visitor after a publish and every cache miss get);
* ``reference``: the same, uncached, but running the code of ``--reference``
  (a git revision, by default the one before issue 14's work) on the same
  database: the "today's rate" the uncached pages are compared with;
* ``varnish``: Debian's Varnish with docs/deploy.md's VCL in front of
  ``cached``, as in the scale-out deployment.

Every address is measured with wrk in ``--rounds`` interleaved rounds (each
address once per round, so a busy moment on the machine hits them all
alike), and the script prints requests per second, p50 and p99 latency, and
each address's ratio to the static file served by whitenoise from the
``cached`` server in the same run; and the uncached technique page's ratio to
the reference. Absolute figures drift between machines; the ratios do not.

    .venv/bin/python bench/benchmark.py [--duration 10] [--rounds 2]

Needs ``wrk`` and ``varnish`` (``apt-get install wrk varnish``), gunicorn and
git. Every load is bounded by --duration and goes to 127.0.0.1 only.
"""

import argparse
import contextlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from demo_server import ROOT, demo_database, gunicorn

# The last commit before issue 14 (fast uncached pages, CDN caching).
REFERENCE_REVISION = "7fc1f1c"
TECHNIQUE = "/treatments/deep-brain-stimulation/"
API_LISTING = "/api/v2/pages/?type=techniques.TechniquePage&fields=summary"

# (name, server, path); "static" is filled in with the stylesheet's address.
MEASURED = [
    ("technique page, through Varnish", "varnish", TECHNIQUE),
    ("technique page, cached", "cached", TECHNIQUE),
    ("technique page, uncached", "uncached", TECHNIQUE),
    ("technique page, uncached, reference", "reference", TECHNIQUE),
    ("home page, uncached", "uncached", "/"),
    ("condition page, uncached", "uncached", "/conditions/parkinsons-disease/"),
    ("location page, uncached", "uncached", "/locations/central-london/"),
    ("API listing, cached", "cached", API_LISTING),
    ("API listing, uncached", "uncached", API_LISTING),
    ("static file", "cached", "static"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    latency = {
        pct: to_ms(value, unit)
        for pct, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE
        )
    }
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "requests": requests,
        "seconds": duration,
        "p50": [latency["50"]],
        "p99": [latency["99"]],
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def combine(rounds):
    """One figure from several rounds: requests over time, the median of the
    rounds' latencies."""
    requests = sum(r["requests"] for r in rounds)
    seconds = sum(r["seconds"] for r in rounds)
    p50 = sorted(v for r in rounds for v in r["p50"])
    p99 = sorted(v for r in rounds for v in r["p99"])
    return {
        "rps": requests / seconds,
        "p50": p50[len(p50) // 2],
        "p99": p99[len(p99) // 2],
        "non_2xx": sum(r["non_2xx"] for r in rounds),
    }


@contextlib.contextmanager
def checkout(revision):
    """The project's files at ``revision`` (``git archive``), in a
    throwaway folder; the repository itself is left as it is."""
    with tempfile.TemporaryDirectory(prefix="clinic-reference-") as folder:
        archive = subprocess.run(  # noqa: S603
            [shutil.which("git"), "archive", revision],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(  # noqa: S603
            [shutil.which("tar"), "-x", "-C", folder], input=archive, check=True
        )
        yield Path(folder)


def deploy_vcl(backend_port):
    """docs/deploy.md's ```vcl block, with its backend on ``backend_port``."""
    text = (ROOT / "docs" / "deploy.md").read_text()
    blocks = re.findall(r"^```vcl\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    if len(blocks) != 1:
        raise SystemExit("docs/deploy.md must hold exactly one ```vcl block")
    return blocks[0].replace('.port = "8080";', f'.port = "{backend_port}";')


@contextlib.contextmanager
def varnish(backend_port):
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        raise SystemExit("varnish is not installed: apt-get install varnish")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="clinic-varnish-") as folder:
        Path(folder).chmod(0o755)  # varnishd's own user works in it
        vcl = Path(folder) / "clinic.vcl"
        vcl.write_text(deploy_vcl(backend_port))
        process = subprocess.Popen(  # noqa: S603
            [
                varnishd,
                "-F",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(vcl),
                "-n",
                f"{folder}/work",
                "-s",
                "malloc,64m",
                "-T",
                "none",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    fetch(base + "/")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds per address, all rounds"
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--reference",
        default=REFERENCE_REVISION,
        help="git revision the uncached technique page is compared with",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    port = free_port()
    uncached = {"PAGE_CACHE_SECONDS": "0"}
    with contextlib.ExitStack() as stack:
        env = stack.enter_context(demo_database(port))
        reference_code = stack.enter_context(checkout(args.reference))
        servers = {
            "cached": stack.enter_context(gunicorn(env, port, args.workers)),
            "uncached": stack.enter_context(
                gunicorn(env, free_port(), args.workers, **uncached)
            ),
            "reference": stack.enter_context(
                gunicorn(env, free_port(), args.workers, reference_code, **uncached)
            ),
        }
        servers["varnish"] = stack.enter_context(varnish(port))
        static = stylesheet_path(fetch(servers["cached"] + "/"))
        urls = {
            name: servers[server] + (static if path == "static" else path)
            for name, server, path in MEASURED
        }
        for url in urls.values():
            fetch(url)  # every address must answer 200 before we load it
            fetch(url)  # and the caches have it
        seconds = max(1, args.duration // args.rounds)
        rounds = {name: [] for name in urls}
        for _ in range(args.rounds):
            for name, url in urls.items():
                rounds[name].append(run_wrk(url, seconds, args.connections))
    results = {name: combine(measured) for name, measured in rounds.items()}

    static_rps = results["static file"]["rps"]
    print(
        f"gunicorn {args.workers} sync workers per server, wrk -t2 "
        f"-c{args.connections}, {args.rounds} interleaved rounds of {seconds} s, "
        f"SQLite, production settings; reference: {args.reference}\n"
    )
    print("| address | requests/s | p50 ms | p99 ms | ratio to static | non-2xx |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, result in results.items():
        print(
            f"| {name} | {result['rps']:,.0f} | {result['p50']:.1f} | "
            f"{result['p99']:.1f} | {result['rps'] / static_rps:.2f} | "
            f"{result['non_2xx']} |"
        )
    speedup = (
        results["technique page, uncached"]["rps"]
        / results["technique page, uncached, reference"]["rps"]
    )
    print(f"\nUncached technique page: {speedup:.2f}x the reference's rate.")


if __name__ == "__main__":
    main()
