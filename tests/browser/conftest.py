"""Browser tests: Playwright driving Debian's Chromium against pytest-django's
live server. Every test here uses a real browser and a real database."""

import os
import shutil

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not shutil.which("chromium"):
        pytest.fail(
            "Debian's chromium is not installed: run `make test` as root, or "
            "`apt-get install chromium`, to install it."
        )
    # Playwright's sync API keeps an event loop running in this thread while
    # the browser is open; the ORM calls that tests and database fixtures make
    # meanwhile are still plain synchronous code, so Django may allow them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _without_static_handler(handler):
    return handler


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, but static files are served the production
    way (whitenoise, hashed names from the manifest) rather than by finders."""
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = _without_static_handler
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server, transactional_db):
    """A fresh browser tab whose relative URLs go to the live server."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()
