"""The README's screenshots: home, a technique and the contact page, on a
desktop and on a phone, from the demo site under production settings.

    .venv/bin/python bench/screenshots.py [--port 8303]

Writes ``docs/screenshots/<page>-<desktop|phone>.png`` (the top of each page,
as a visitor first sees it), reduced to a 256-colour palette so each stays
well under 300 KB. Uses Debian's Chromium through Playwright, like the tests.
"""

import argparse
import io
import os
import sys
from pathlib import Path

from demo_server import serve_demo_site
from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PAGES = [
    ("home", "/"),
    ("technique", "/treatments/spinal-cord-stimulation/"),
    ("contact", "/contact/"),
]
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2},
}


def save_small_png(png_bytes, path):
    """Flat colours and text survive a 256-colour palette; the file shrinks
    to a fraction."""
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
        path, optimize=True
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8303)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with serve_demo_site(args.port) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for device, options in VIEWPORTS.items():
            context = browser.new_context(**options)
            tab = context.new_page()
            for name, path in PAGES:
                tab.goto(base + path)
                target = OUT / f"{name}-{device}.png"
                save_small_png(tab.screenshot(), target)
                size = target.stat().st_size // 1024
                sys.stdout.write(f"{target.relative_to(ROOT)}: {size} KB\n")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
