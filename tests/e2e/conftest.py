"""Browser tests: Playwright driving the machine's Chromium (never a downloaded browser)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep Chromium off the network on a machine with no internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
# Pinned in package.json and installed by `npm ci` (make e2e does it).
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", ROOT / "tmp" / "e2e"))


def pytest_configure(config):
    # content.py's fixtures (public_site and those it stands on) serve every browser test,
    # whatever their names, without each module importing them.
    config.pluginmanager.import_plugin("tests.e2e.content")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (see .ci/run).")
    # Playwright's sync API runs an event loop; Django must allow its ORM calls from tests.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """A fresh browser context per call (no shared cookies), pointed at the live server."""
    contexts = []

    def make(width=1280, height=900, **options):
        """A page ``width`` by ``height`` pixels; ``options`` go to Playwright's ``new_context``."""
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": height}, locale="vi-VN", **options
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
