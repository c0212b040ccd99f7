"""Lighthouse (mobile) scores of the demo site under production settings.

Serves the demo site with gunicorn and ``clinic.settings.production`` on
127.0.0.1 (see ``demo_server.py``), runs Lighthouse's mobile audit on the home
page, a technique page and the contact page in Debian's Chromium, and writes
the four category scores per page as a Markdown table and as JSON (with the
page-load metrics) to ``bench/results/lighthouse-<date>.md`` and ``.json``.
The server it started is stopped afterwards.

    .venv/bin/python bench/lighthouse.py [--port 8302]

Lighthouse is installed from ``bench/package-lock.json`` into
``bench/node_modules`` (git-ignored) the first time. Everything runs on
loopback: Lighthouse's network throttling is simulated, and Chromium runs with
background networking off.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from demo_server import serve_demo_site

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
RESULTS = BENCH / "results"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
]
PAGES = [
    ("home page", "/"),
    ("technique page", "/treatments/spinal-cord-stimulation/"),
    ("contact page", "/contact/"),
]


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    say("Installing Lighthouse into bench/node_modules ...")
    # `npm ci` installs exactly the versions in bench/package-lock.json.
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"],  # noqa: S607
        cwd=BENCH,
        check=True,
    )


def run_lighthouse(url, report_path, attempts=3):
    """Lighthouse's JSON report for ``url``.

    On a busy machine Chromium now and then loses the trace of a page load
    (Lighthouse's NO_NAVSTART error, "Please run Lighthouse again"): such a
    run is repeated, up to ``attempts`` times.
    """
    for attempt in range(1, attempts):
        try:
            return run_lighthouse_once(url, report_path)
        except subprocess.CalledProcessError:
            say(f"Lighthouse failed on {url}; trying again ({attempt}/{attempts})")
    return run_lighthouse_once(url, report_path)


def run_lighthouse_once(url, report_path):
    subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report_path}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=180,
    )
    return json.loads(report_path.read_text())


def summarise(report):
    """The four scores (0-100), the load metrics, and the audits that cost points."""
    scores = {
        name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    metrics = {name: report["audits"][name]["displayValue"] for name in METRICS}
    lost = [
        f"{name}: {ref['id']} ({report['audits'][ref['id']]['score']})"
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"]
        and report["audits"][ref["id"]]["score"] is not None
        and report["audits"][ref["id"]]["score"] < 1
    ]
    return {"scores": scores, "metrics": metrics, "lost": lost}


def markdown(results):
    lines = [
        f"Lighthouse {results['lighthouse']}, mobile, {results['date']}, "
        f"{results['server']}: `{results['command']}`",
        "",
        "| page | performance | accessibility | best practices | SEO |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for page in results["pages"]:
        scores = page["scores"]
        lines.append(
            f"| {page['name']} (`{page['path']}`) | "
            + " | ".join(str(scores[name]) for name in CATEGORIES)
            + " |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8302)
    args = parser.parse_args()
    if not shutil.which("npm"):
        raise SystemExit("npm is not installed: apt-get install npm")
    install_lighthouse()

    results = {
        "date": datetime.date.today().isoformat(),
        "command": ".venv/bin/python bench/lighthouse.py",
        "server": "gunicorn (2 sync workers), production settings, SQLite",
        "pages": [],
    }
    with serve_demo_site(args.port) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES:
            report = run_lighthouse(base + path, Path(tmp) / "report.json")
            results["lighthouse"] = report["lighthouseVersion"]
            results["pages"].append({"name": name, "path": path, **summarise(report)})

    table = markdown(results)
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"lighthouse-{results['date']}"
    stem.with_suffix(".md").write_text(table)
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    say(table)
    for page in results["pages"]:
        metrics = ", ".join(f"{k} {v}" for k, v in page["metrics"].items())
        say(f"{page['name']}: {metrics}")
        for audit in page["lost"]:
            say(f"  lost points: {audit}")


if __name__ == "__main__":
    main()
