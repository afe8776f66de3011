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
import os
import random
import shutil
import signal
import sys
import threading
import time
import uuid

from bench.loadclient import PORT, Client, Tally
from bench.server import DATA_DIR, Gunicorn, manage, production_env

POSTGRES_URL = os.environ.get(
    "LOADTEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/foothold_perf_load"
)
CACHE_URL = os.environ.get("LOADTEST_CACHE_URL", "redis://127.0.0.1:6379/8")


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
