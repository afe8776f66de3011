"""The load test's client: one signed-in person reading and writing against the
server, and the tally of what every client saw (bench/loadtest.py runs them)."""

import contextlib
import http.client
import os
import random
import re
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

PORT = int(os.environ.get("LOADTEST_PORT", "8766"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ASSESSMENT = "customer-service-clerk-readiness"
SUBMISSION = re.compile(r'name="submission_id" value="([^"]+)"')
ANSWER = re.compile(r'type="(?:radio|checkbox)" name="(q\d+)" value="([^"]+)"')
NUMBER = re.compile(r'type="number" name="(q\d+)"')
READS = ["/", "/careers/", "/careers/customer-service-clerk/", "/tracker/"]
READS += ["/tracker/board/", "/tracker/follow-ups/"]
FEED = re.compile(r"/tracker/calendar/([^/\"]+)\.ics")
# Inputs at and past the edges a form accepts: the last day there is, and a
# number no salary has. Every one must get a page (or a field error), never a 500.
FAR_FUTURE_DAY = "9999-12-31"
FAR_FUTURE_START = "9999-12-31T23:30"
LONG_NUMBER = "1" + "0" * 400


@dataclass
class Tally:
    statuses: Counter = field(default_factory=Counter)
    created: set = field(default_factory=set)  # (email, client token) acknowledged
    # application id → (last acknowledged notes, notes tried after it)
    edits: dict = field(default_factory=dict)
    results: set = field(default_factory=set)  # acknowledged submission ids
    # "GET /tracker/<id>/ answered 404" → how often: what no client expected.
    unexpected: Counter = field(default_factory=Counter)
    retries: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def report(self, problem: str) -> None:
        with self.lock:
            self.unexpected[problem] += 1


class UnexpectedPage(Exception):
    """A page a client cannot go on from (no CSRF token, a sign-in page)."""


def _shape(path: str) -> str:
    """The path with ids and tokens replaced, so problems group by page."""
    path = re.sub(r"/calendar/[^/]+\.ics", "/calendar/<token>.ics", path)
    return re.sub(r"/\d+/", "/<id>/", path.split("?", 1)[0])


class Client:
    """One signed-in person: a session cookie, a CSRF token, their applications."""

    def __init__(self, email: str, cookie: str, tally: Tally):
        self.email, self.cookie, self.tally = email, cookie, tally
        self.csrf_cookie = ""
        self.csrf_token = ""
        self.applications: list[int] = []

    def request(
        self,
        method: str,
        path: str,
        body: dict | None = None,
        *,
        files: dict | None = None,
        client_errors_ok: bool = False,
    ):
        """One request; an answer that is not 2xx or 3xx (or, with
        `client_errors_ok`, 4xx) is reported as unexpected."""
        cookies = "; ".join(c for c in (self.cookie, self.csrf_cookie) if c)
        headers = {"Cookie": cookies, "Referer": f"http://127.0.0.1:{PORT}/"}
        data = None
        if files:
            data, headers["Content-Type"] = _multipart(body or {}, files)
        elif body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("csrftoken="):
                    self.csrf_cookie = value.split(";", 1)[0]
        finally:
            connection.close()
        with self.tally.lock:
            self.tally.statuses[response.status] += 1
        if response.status >= (500 if client_errors_ok else 400):
            self.tally.report(f"{method} {_shape(path)} answered {response.status}")
        return response.status, response.getheader("Location", ""), text

    def post(self, path: str, body: dict):
        """Post, retrying the same body on a dropped connection or a 5xx (a
        killed worker): the client token makes the retry safe."""
        for attempt in range(4):
            try:
                status, location, _ = self.request("POST", path, body)
            except (OSError, http.client.HTTPException):
                status, location = None, ""
            if status is not None and status < 500:
                return status, location
            with self.tally.lock:
                self.tally.retries += 1
            time.sleep(0.2 * (attempt + 1))
        return None, ""

    def refresh_csrf(self):
        for attempt in range(4):
            try:
                _, _, text = self.request("GET", "/tracker/new/")
                break
            except (OSError, http.client.HTTPException):
                time.sleep(0.2 * (attempt + 1))
        else:
            raise UnexpectedPage("GET /tracker/new/ never answered")
        token = CSRF.search(text)
        if token is None:
            raise UnexpectedPage("GET /tracker/new/ has no CSRF token")
        self.csrf_token = token.group(1)

    def create(self):
        token = str(uuid.uuid4())
        body = {
            "csrfmiddlewaretoken": self.csrf_token,
            "client_token": token,
            "company": f"Load {token[:8]}",
            "role_title": "Tester",
            "status": "applied",
            "priority": "2",
        }
        status, location = self.post("/tracker/new/", body)
        if status in (301, 302, 303) and (match := re.search(r"/(\d+)/$", location)):
            with self.tally.lock:
                self.tally.created.add((self.email, token))
            self.applications.append(int(match.group(1)))

    def edit(self):
        pk = random.choice(self.applications)
        notes = str(uuid.uuid4())
        last, tried = self.tally.edits.get(pk, (None, set()))
        tried = tried | {notes}
        self.tally.edits[pk] = (last, tried)
        body = {
            "csrfmiddlewaretoken": self.csrf_token,
            "company": "Edited",
            "role_title": "Tester",
            "status": "applied",
            "priority": "2",
            "notes": notes,
        }
        status, _ = self.post(f"/tracker/{pk}/edit/", body)
        if status in (301, 302, 303):
            self.tally.edits[pk] = (notes, set())

    def read(self):
        path = random.choice(READS)
        if self.applications and random.random() < 0.3:
            path = f"/tracker/{random.choice(self.applications)}/"
        # A read cut off by the killed worker has nothing to check.
        with contextlib.suppress(OSError, http.client.HTTPException):
            self.request("GET", path)

    def answer_assessment(self):
        """Answer every section of the readiness assessment (the first choice of
        each question, 45 for numbers); the final post carries the attempt's
        submission id, so a retried "See my result" saves one result."""
        start = f"/assessments/{ASSESSMENT}/start/"
        self.post(start, {"csrfmiddlewaretoken": self.csrf_token})
        number = 1
        while number <= 20:
            path = f"/assessments/{ASSESSMENT}/section/{number}/"
            try:
                _, _, text = self.request("GET", path)
            except (OSError, http.client.HTTPException):
                return
            submission = SUBMISSION.search(text)
            if submission is None:
                return
            body = {"csrfmiddlewaretoken": self.csrf_token, "action": "next"}
            for name, value in ANSWER.findall(text):
                body.setdefault(name, value)
            for name in NUMBER.findall(text):
                body[name] = "45"
            body["submission_id"] = submission.group(1)
            status, location = self.post(path, body)
            if status not in (301, 302, 303):
                return
            if "/results/" in location:
                with self.tally.lock:
                    self.tally.results.add(submission.group(1))
                return
            number += 1

    def edge_inputs(self):
        """Send the out-of-range inputs: a follow-up on the last day there is
        (then snooze it and read the calendar feed), an interview starting late
        that day lasting a day, and an import whose salary is a 401-digit number.
        A field error (4xx) is a fine answer; a 5xx is not."""
        token = str(uuid.uuid4())
        body = {
            "csrfmiddlewaretoken": self.csrf_token,
            "client_token": token,
            # A company of its own each time: the same job again would stop at
            # the duplicate warning, and the edge checks after it would not run.
            "company": f"Far Future {token[:8]}",
            "role_title": "Tester",
            "status": "applied",
            "priority": "2",
            "follow_up_on": FAR_FUTURE_DAY,
            "salary_min": LONG_NUMBER,
        }
        with contextlib.suppress(OSError, http.client.HTTPException):
            self._edge_requests(body)

    def _edge_requests(self, body: dict):
        edge = {"client_errors_ok": True}
        self.request("POST", "/tracker/new/", body, **edge)
        del body["salary_min"]
        status, location, _ = self.request("POST", "/tracker/new/", body, **edge)
        if status in (301, 302, 303) and (match := re.search(r"/(\d+)/$", location)):
            with self.tally.lock:
                self.tally.created.add((self.email, body["client_token"]))
            pk = int(match.group(1))
            self.applications.append(pk)
            csrf = {"csrfmiddlewaretoken": self.csrf_token}
            snooze = f"/tracker/{pk}/follow-up/snooze/"
            self.request("POST", snooze, csrf | {"days": "7"}, **edge)
            interview = {
                "kind": "interview",
                "starts_at": FAR_FUTURE_START,
                "duration_minutes": str(24 * 60),
                "outcome": "pending",
            }
            path = f"/tracker/{pk}/interviews/new/"
            self.request("POST", path, csrf | interview, **edge)
        self.request(
            "POST", "/tracker/calendar/", {"csrfmiddlewaretoken": self.csrf_token}
        )
        _, _, text = self.request("GET", "/tracker/calendar/")
        if feed := FEED.search(text):
            self.request("GET", f"/tracker/calendar/{feed.group(1)}.ics", **edge)
        csv = f"Company,Role,Status,Salary from\nLong,Tester,Applied,{LONG_NUMBER}\n"
        self.request(
            "POST",
            "/tracker/import/",
            {"csrfmiddlewaretoken": self.csrf_token, "action": "upload"},
            files={"file": ("long-number.csv", csv.encode())},
            **edge,
        )

    def run(self, until: float):
        """Act until `until`; a page the client cannot go on from ends it, as a
        reported failure rather than a traceback."""
        try:
            self.refresh_csrf()
            while time.monotonic() < until:
                roll = random.random()
                if roll < 0.3 or not self.applications:
                    self.create()
                elif roll < 0.45:
                    self.edit()
                elif roll < 0.5:
                    self.answer_assessment()
                elif roll < 0.52:
                    self.edge_inputs()
                else:
                    self.read()
        except UnexpectedPage as problem:
            self.tally.report(f"{self.email} stopped: {problem}")
        except Exception as error:  # reported as a failure, not a thread traceback
            self.tally.report(f"{self.email} stopped: {error!r}")


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    """A multipart/form-data body and its Content-Type."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
            f"\r\n\r\n{value}\r\n".encode()
        )
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
