"""Browser tests: Playwright driving Debian's Chromium against pytest-django's
live server. Every test here uses a real browser and a real database."""

import os
import shutil
import threading

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


class _OneRequestAtATime:
    """The site's WSGI handler, serving one request at a time.

    The browser sends requests in parallel (a page and its favicon, say), the live
    server answers each in a thread of its own, and with SQLite's in-memory test
    database every thread shares the one connection, whose transaction state is
    not thread-safe: a favicon's 404 once signed the next page's reader out. The
    threads still accept connections at once (so a browser's idle preconnect never
    blocks the server); only the app runs one request at a time, body included.
    """

    def __init__(self, handler):
        self.handler = handler
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.handler(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()


def _without_static_handler(handler):
    """Static files come through whitenoise inside the handler, not finders."""
    return _OneRequestAtATime(handler)


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
