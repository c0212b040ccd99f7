"""Throughput and latency of the demo site under production settings.

Starts the site under gunicorn on 127.0.0.1 with ``clinic.settings.production``
and a throwaway SQLite database holding the demo content (``demo_server.py``),
measures each page with wrk, and prints requests per second,
p50 and p99 latency, and each page's ratio to a static file measured in the
same run (absolute figures drift between machines; the ratio does not).

    .venv/bin/python bench/benchmark.py [--duration 10] [--connections 16]

Needs ``wrk`` (``apt-get install wrk``) and gunicorn (in the project's
dependencies). Every load is bounded by --duration and goes to 127.0.0.1 only.
"""

import argparse
import re
import shutil
import socket
import subprocess
import urllib.error
import urllib.request

from demo_server import serve_demo_site

PAGES = [
    ("home page", "/"),
    ("techniques index", "/treatments/"),
    ("technique page", "/treatments/deep-brain-stimulation/"),
    ("condition page", "/conditions/parkinsons-disease/"),
    ("location page", "/locations/central-london/"),
    ("API listing", "/api/v2/pages/?type=techniques.TechniquePage&fields=summary"),
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

    with serve_demo_site(free_port(), workers=args.workers) as base:
        pages = [*PAGES, ("static file", stylesheet_path(fetch(base + "/")))]
        for _, path in pages:
            fetch(base + path)  # every page must answer 200 before we load it
        results = {
            name: run_wrk(base + path, args.duration, args.connections)
            for name, path in pages
        }

    reference = results["static file"]["rps"]
    print(
        f"gunicorn {args.workers} sync workers, wrk -t2 -c{args.connections} "
        f"-d{args.duration}s, SQLite, production settings\n"
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
