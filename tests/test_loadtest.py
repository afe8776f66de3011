"""The load test's clients report a page they did not expect instead of dying
with a traceback (bench/loadclient.py; the load test itself is not run here)."""

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from bench import loadclient


def serving(status: int, body: bytes):
    """A server answering every request with `status` and `body`."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return HTTPServer(("127.0.0.1", 0), Handler)


@pytest.fixture
def server(request, monkeypatch):
    status, body = request.param
    server = serving(status, body)
    monkeypatch.setattr(loadclient, "PORT", server.server_port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def run_one_client() -> loadclient.Tally:
    tally = loadclient.Tally()
    client = loadclient.Client("load0@example.com", "sessionid=abc", tally)
    client.run(until=time.monotonic() + 5)  # returns: no traceback escapes it
    return tally


@pytest.mark.parametrize(
    "server", [(500, b"Missing staticfiles manifest entry")], indirect=True
)
def test_an_error_page_is_a_reported_failure(server):
    tally = run_one_client()

    assert tally.statuses == Counter({500: 1})
    assert tally.unexpected == Counter(
        {
            "GET /tracker/new/ answered 500": 1,
            "load0@example.com stopped: GET /tracker/new/ has no CSRF token": 1,
        }
    )


@pytest.mark.parametrize("server", [(200, b"<h1>Sign in</h1>")], indirect=True)
def test_a_page_without_the_csrf_token_stops_the_client_with_a_report(server):
    tally = run_one_client()

    assert tally.unexpected == Counter(
        {"load0@example.com stopped: GET /tracker/new/ has no CSRF token": 1}
    )


def test_problems_group_by_page_not_by_id_or_token():
    assert loadclient._shape("/tracker/42/follow-up/snooze/") == (
        "/tracker/<id>/follow-up/snooze/"
    )
    assert loadclient._shape("/tracker/calendar/a-Z_9.ics") == (
        "/tracker/calendar/<token>.ics"
    )
    assert loadclient._shape("/tracker/?q=x") == "/tracker/"
