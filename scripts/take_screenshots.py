"""Screenshots of the public site at phone and desktop widths, with the machine's Chromium.

Usage: python scripts/take_screenshots.py BASE_URL [OUT_DIR]
The site must be running with demo content (make run). Writes PNG files named page-width.png.
"""

import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
MAX_HEIGHT = 2400  # long pages are cut here; the top is what a reader sees first


def shrink(path):
    """Keep the repository light: cut very long pages and store in a 256-colour palette."""
    with Image.open(path) as image:
        image = image.crop((0, 0, image.width, min(image.height, MAX_HEIGHT))).convert("RGB")
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def story_url(page, base):
    page.goto(f"{base}/guong-dien-hinh/")
    return page.locator("main article a[href*='/guong-dien-hinh/']").first.get_attribute("href")


def main(base, out):
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
            page = context.new_page()
            story = story_url(page, base)
            targets = {
                "home": "/",
                "listing": "/guong-dien-hinh/?kind=exemplar&subject_kind=individual",
                "story": story,
                "search": "/tim-kiem/?q=nong+thon+moi",
            }
            for target, path in targets.items():
                page.goto(base + path if path.startswith("/") else path)
                page.wait_for_load_state("networkidle")
                path = out / f"{target}-{name}.png"
                page.screenshot(path=str(path), full_page=True)
                shrink(path)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"))
