"""`make loadtest`: signed-in clients read and write against gunicorn for a while,
one worker is SIGKILLed midway, then every acknowledged write is checked.

    python -m bench.loadtest [--clients 50] [--seconds 60] [--database sqlite|postgres]

LOADTEST_SHORT=1 makes it a ~10 s run with 10 clients (what CI runs). It collects
the static files it serves into bench/.data/, so it works from a fresh clone.
Passes when: every answer is a 2xx or 3xx (a 4xx only where a form is sent
out-of-range input on purpose) and every page a client needs is the one it
expects, no 5xx, no "database is locked" in the gunicorn log, the master replaced
the killed worker, every create that got a 2xx/3xx is in the database exactly once
and every acknowledged edit is there, and (SQLite) PRAGMA integrity_check is ok.
"""

import argparse
import contextlib
import http.client
import os
import random
import re
import shutil
import signal
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.server import DATA_DIR, Gunicorn, manage, production_env

PORT = int(os.environ.get("LOADTEST_PORT", "8766"))
POSTGRES_URL = os.environ.get(
    "LOADTEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/foothold_perf_load"
)
CACHE_URL = os.environ.get("LOADTEST_CACHE_URL", "redis://127.0.0.1:6379/8")
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
        body = {
            "csrfmiddlewaretoken": self.csrf_token,
            "client_token": str(uuid.uuid4()),
            "company": "Far Future",
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


def prepare(database: str, clients: int) -> tuple[dict, list[tuple[str, str]]]:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    if database == "sqlite":
        path = DATA_DIR / "load.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            (DATA_DIR / f"load.sqlite3{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        url = POSTGRES_URL
        name = url.rsplit("/", 1)[1]
        admin = url.rsplit("/", 1)[0] + "/postgres"
        import psycopg

        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    # Its own static root, collected every run, as `make bench` does: whitenoise's
    # manifest must exist or every page answers 500, and a fresh clone has none.
    static_root = DATA_DIR / "loadtest-static"
    shutil.rmtree(static_root, ignore_errors=True)
    env = production_env(
        database_url=url, cache_url=CACHE_URL, STATIC_ROOT=str(static_root)
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_careers", "-v0")
    manage(env, "load_assessments", "-v0")
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from bench.run import session_cookie

    password = make_password("load-test-not-secret")
    emails = [f"load{n}@example.com" for n in range(clients)]
    User.objects.bulk_create(User(email=e, name=e, password=password) for e in emails)
    return env, [(email, session_cookie(email)) for email in emails]


def verify(tally: Tally, database: str, log_text: str) -> list[str]:
    from django.db import connection
    from django.db.models import Count

    from assessments.models import Result
    from tracker.models import Application

    failures = []
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    if server_errors:
        failures.append(f"{server_errors} answers were 5xx")
    for problem, times in tally.unexpected.most_common():
        failures.append(f"{problem} ({times}×)")
    if "Traceback" in log_text:
        failures.append("the gunicorn log holds a traceback")
    if "database is locked" in log_text:
        failures.append('"database is locked" appears in the gunicorn log')
    counts = dict(
        Application.objects.filter(client_token__isnull=False)
        .values_list("owner__email", "client_token")
        .annotate(n=Count("id"))
        .values_list("client_token", "n")
    )
    missing = [t for _, t in tally.created if counts.get(uuid.UUID(t), 0) != 1]
    if missing:
        failures.append(f"{len(missing)} acknowledged creates are not there once")
    notes = dict(Application.objects.values_list("pk", "notes"))
    lost = [
        pk
        for pk, (last, tried) in tally.edits.items()
        if last is not None and notes.get(pk) not in {last, *tried}
    ]
    if lost:
        failures.append(f"{len(lost)} acknowledged edits are lost")
    saved = set(
        Result.objects.filter(submission_id__in=list(tally.results)).values_list(
            "submission_id", flat=True
        )
    )
    if len(saved) != len(tally.results):
        failures.append(
            f"{len(tally.results) - len(saved)} acknowledged results are missing"
        )
    if database == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA integrity_check")
            verdict = cursor.fetchone()[0]
        print(f"PRAGMA integrity_check: {verdict}")
        if verdict != "ok":
            failures.append(f"integrity_check says {verdict}")
    return failures


def main() -> int:
    short = os.environ.get("LOADTEST_SHORT") == "1"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=10 if short else 50)
    parser.add_argument("--seconds", type=int, default=10 if short else 60)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()

    env, people = prepare(args.database, args.clients)
    tally = Tally()
    log_path = DATA_DIR / f"loadtest-{args.database}.log"
    with Gunicorn(env, port=PORT, app="config.wsgi", log_path=log_path) as server:
        workers_before = len(server.worker_pids())
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=Client(email, cookie, tally).run, args=(until,))
            for email, cookie in people
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds / 2)
        victim = random.choice(server.worker_pids())
        os.kill(victim, signal.SIGKILL)
        print(f"SIGKILLed worker {victim} at {args.seconds / 2:.0f} s")
        for thread in threads:
            thread.join()
        time.sleep(2)
        workers_after = server.worker_pids()
    log_text = log_path.read_text()
    failures = verify(tally, args.database, log_text)
    if victim in workers_after or len(workers_after) != workers_before:
        failures.append("the master did not replace the killed worker")
    requests = sum(tally.statuses.values())
    print(
        f"{args.database}: {args.clients} clients, {args.seconds} s, {requests} "
        f"requests ({requests / args.seconds:.0f}/s), statuses "
        f"{dict(sorted(tally.statuses.items()))}, {len(tally.created)} creates "
        f"and {sum(1 for v in tally.edits.values() if v[0])} edited applications "
        f"acknowledged, {len(tally.results)} assessment results, "
        f"{tally.retries} retries"
    )
    for failure in failures:
        print(f"FAIL: {failure}")
    print("PASS" if not failures else "FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
