"""`make bench`: fill a fresh database, serve it with gunicorn in production
settings, measure every page with wrk, and write its sections of bench/RESULTS.md
(the sections other scripts wrote stay).

Environment: BENCH_DATABASE_URL (default: a new SQLite file in bench/.data/),
BENCH_CACHE_URL (default redis://127.0.0.1:6379/7), BENCH_SECONDS per measurement
(default 10), BENCH_PORT (default 8765). Everything stays on 127.0.0.1.
"""

import json
import os
import platform
import shutil
import subprocess
import sys
import time
import tracemalloc
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from bench import catalogue_pages
from bench.results import RESULTS, write_results
from bench.server import BASE_DIR, DATA_DIR, PYTHON, Gunicorn, manage, production_env

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
CONCURRENCIES = (1, 16)
# Under STATIC_ROOT, so whitenoise serves them: the hand-written guide's HTML, and
# the largest generated guide's, so that page is also set against its own bytes.
STATIC_PAGE = "bench/guide.html"
GENERATED_STATIC_PAGE = "bench/largest-generated-guide.html"
CEILING = "Ceiling: guide HTML as a static file"
GENERATED_CEILING = "Ceiling: largest generated guide's HTML as a static file"
# Before each page's measurement, this many requests at once, to reach every
# gunicorn worker (a worker's first request loads templates, connects…); few, as
# gunicorn.conf.py's max_requests restarts a worker after ~2,000.
WARM_CONCURRENCY = 16
HEAVY = "bench-10000@example.com"
LIST_SIZES = {100: "bench-100@example.com", 1_000: "bench-1000@example.com"}
LIST_SIZES[10_000] = HEAVY


def prepare() -> dict:
    """A fresh database and static root, filled; returns the server environment."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if not database_url:
        database = DATA_DIR / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        database_url = f"sqlite:///{database}"
    static_root = DATA_DIR / "static"
    shutil.rmtree(static_root, ignore_errors=True)
    env = production_env(
        database_url=database_url,
        cache_url=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/7"),
        STATIC_ROOT=str(static_root),
        BENCH_STATIC_PAGE=str(static_root / STATIC_PAGE),
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    started = time.perf_counter()
    subprocess.run([PYTHON, "-m", "bench.fill"], cwd=BASE_DIR, env=env, check=True)
    # The whole catalogue, as `make run` loads it: every generated guide and its
    # skills gap analysis, beside the filled guides and people.
    manage(env, "load_catalogue", "-v0")
    manage(env, "load_assessments", "-v0")
    env["BENCH_FILL_SECONDS"] = f"{time.perf_counter() - started:.1f}"
    return env


def setup_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def session_cookie(email: str) -> str:
    """Sign the person in the way the site does, without the sign-in form (which
    throttles), and return the Cookie header value."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import User

    user = User.objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def extra_pages() -> list[tuple[str, str, str | None]]:
    """The readiness assessment's result page, for a result taken signed out."""
    import uuid

    from django.contrib.auth.models import AnonymousUser

    from assessments.models import Question
    from assessments.services import assessment_for_taking, result_create

    assessment = assessment_for_taking(
        AnonymousUser(), "customer-service-clerk-readiness"
    )
    answers = {}
    for section in assessment.sections.all():
        for question in section.questions.all():
            choices = [choice.pk for choice in question.choices.all()]
            answers[question.pk] = {
                Question.Kind.NUMBER: 38,
                Question.Kind.RATING: 3,
                Question.Kind.MULTIPLE: choices[:2],
            }.get(question.kind, choices[0] if choices else None)
    result = result_create(
        assessment=assessment, answers=answers, submission_id=uuid.uuid4()
    )
    return [("Assessment result page", result.get_absolute_url(), None)]


def pages(guides: list, cookie: str) -> list[tuple[str, str, str | None]]:
    """(label, path, cookie or None): what the table measures, ceilings last."""
    return [
        ("Landing page (anonymous)", "/", None),
        ("Careers index (anonymous)", "/careers/", None),
        *guides,
        ("Tracker list, 10,000 applications", "/tracker/", cookie),
        ("Tracker board, 10,000 applications", "/tracker/board/", cookie),
        *extra_pages(),
        (CEILING, f"/static/{STATIC_PAGE}", None),
        (GENERATED_CEILING, f"/static/{GENERATED_STATIC_PAGE}", None),
        ("Ceiling: bare WSGI callable", "/__bench__/bare", None),
    ]


def wrk(url: str, *, concurrency: int, cookie: str | None) -> dict:
    threads = min(concurrency, 2)
    result = subprocess.run(
        [
            *("wrk", f"-t{threads}", f"-c{concurrency}", f"-d{SECONDS}s"),
            *("--timeout=10s", "-s", str(BASE_DIR / "bench" / "report.lua"), url),
        ],
        env={**os.environ, "BENCH_COOKIE": cookie or ""},
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("WRKJSON "))
    figures = json.loads(line.removeprefix("WRKJSON "))
    errors = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    requests = figures["requests"]
    return {
        "rps": requests / (figures["duration_us"] / 1e6),
        "p50": figures["p50"] / 1000,
        "p95": figures["p95"] / 1000,
        "p99": figures["p99"] / 1000,
        "errors": errors / max(requests, 1),
    }


def warm(url: str, cookie: str | None) -> None:
    request = urllib.request.Request(url, headers={"Cookie": cookie or ""})

    def fetch(_) -> None:
        urllib.request.urlopen(request, timeout=30).read()

    fetch(None)  # fills the page and fragment caches once
    with ThreadPoolExecutor(WARM_CONCURRENCY) as pool:
        list(pool.map(fetch, range(3 * WARM_CONCURRENCY)))


def query_counts(label_paths) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Queries per page through the test client, each page from an empty cache:
    the first visit and the second (a hit for cached pages and fragments); and
    each page's size in bytes."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.pagecache import forget_local_pages

    counts, sizes = {}, {}
    for label, path, cookie in label_paths:
        if path.startswith(("/static/", "/__bench__")):
            counts[label] = (0, 0)
            continue
        cache.clear()
        forget_local_pages()
        client = Client()
        if cookie:
            name, _, value = cookie.partition("=")
            client.cookies[name] = value
        figures = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            figures.append(len(queries))
        counts[label] = tuple(figures)
        sizes[path] = len(response.content)
    cache.clear()
    forget_local_pages()
    return counts, sizes


def csv_export(email: str) -> tuple[float, float]:
    """Seconds to produce the whole export in-process, and its peak memory (MB)."""
    from accounts.models import User
    from tracker.exports import export_applications

    user = User.objects.get(email=email)
    started = time.perf_counter()
    assert sum(len(line) for line in export_applications(user)) > 0
    seconds = time.perf_counter() - started
    # Memory in a second pass: tracing slows Python down several times.
    tracemalloc.start()
    for _ in export_applications(user):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1024 / 1024


def csv_over_http(base: str, cookie: str) -> float:
    request = urllib.request.Request(
        f"{base}/tracker/export.csv", headers={"Cookie": cookie}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        while response.read(65536):
            pass
    return time.perf_counter() - started


def machine(env: dict) -> list[str]:
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            database = f"SQLite {cursor.fetchone()[0]} (WAL)"
        else:
            cursor.execute("show server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    workers = os.environ.get("WEB_CONCURRENCY", f"{2 * os.cpu_count() + 1} (default)")
    return [
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: `{' '.join(platform.uname())}`",
        f"- Cores: {os.cpu_count()} (shared with the load generator, wrk, and with "
        "other work on this machine: figures are noisy)",
        "- Load average (1, 5, 15 min) at start: {:.1f}, {:.1f}, {:.1f}".format(
            *os.getloadavg()
        ),
        f"- Python {platform.python_version()}, Django {django.get_version()}, "
        f"gunicorn sync workers: {workers}",
        f"- Database: {database}; cache: {env['CACHE_URL'].split('://')[0]}",
        f"- Data: {data()} (filled and loaded in {env['BENCH_FILL_SECONDS']} s); "
        f"{SECONDS} s per measurement",
    ]


def data() -> str:
    from accounts.models import User
    from assessments.models import Assessment
    from careers.models import Career, Occupation
    from tracker.models import Application

    guides = Career.objects.published()
    generated = guides.filter(source=Career.Source.GENERATED).count()
    return (
        f"{guides.count():,} published guides ({generated:,} generated from the "
        f"catalogue's {Occupation.objects.count():,} occupations, the rest "
        f"hand-written and copies of it), {Assessment.objects.count():,} "
        f"assessments, {User.objects.count():,} people, "
        f"{Application.objects.count():,} applications"
    )


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run scripts/ensure-wrk (Debian's wrk package).")
    env = prepare()
    setup_django(env)
    from django.test import Client

    # The hand-written guide's HTML is the static-file ceiling, as before the
    # catalogue, so the figures stay comparable between runs.
    page = Path(env["BENCH_STATIC_PAGE"])
    page.parent.mkdir(parents=True, exist_ok=True)
    hand_written = catalogue_pages.guide_url(catalogue_pages.HAND_WRITTEN)
    page.write_bytes(Client().get(hand_written).content)
    smallest, largest = catalogue_pages.generated_guides_by_size()
    page.with_name(Path(GENERATED_STATIC_PAGE).name).write_bytes(
        Client().get(largest.url).content
    )
    cookie = session_cookie(HEAVY)
    measured = pages(catalogue_pages.pages(smallest, largest, cookie), cookie)
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench`, which replaces its own sections (this one, Pages, "
        "the tracker list, CSV export and Targets) and keeps the others.",
        "",
    ]
    lines += machine(env)
    counts, page_sizes = query_counts(measured)

    with Gunicorn(
        env, port=PORT, app="bench.wsgi:application", log_path=DATA_DIR / "gunicorn.log"
    ) as server:
        results = {}
        for label, path, page_cookie in measured:
            warm(server.url + path, page_cookie)
            for concurrency in CONCURRENCIES:
                results[label, concurrency] = wrk(
                    server.url + path, concurrency=concurrency, cookie=page_cookie
                )
                print(label, concurrency, results[label, concurrency], flush=True)
        sizes = {}
        for size, email in LIST_SIZES.items():
            list_cookie = session_cookie(email)
            warm(f"{server.url}/tracker/", list_cookie)
            sizes[size] = wrk(
                f"{server.url}/tracker/", concurrency=1, cookie=list_cookie
            )
        http_seconds = csv_over_http(server.url, cookie)
    exports = {size: csv_export(email) for size, email in LIST_SIZES.items()}
    # Other work on the machine inflates every figure: say how busy it was.
    started_line = next(i for i, x in enumerate(lines) if x.startswith("- Load"))
    lines.insert(
        started_line + 1,
        "- Load average (1, 5, 15 min) at the end: {:.1f}, {:.1f}, {:.1f}".format(
            *os.getloadavg()
        ),
    )

    ceiling = CEILING
    lines += [
        "",
        "## Pages",
        "",
        "Requests/s with the error rate (non-2xx/3xx answers and socket errors) beside "
        "it, latency percentiles in ms, and throughput as a share of the static-file "
        "ceiling at the same concurrency. Queries: first visit / repeat visit, each "
        "page from an empty cache.",
        "",
        catalogue_pages.chosen(smallest, largest, page_sizes),
        "",
        "| page | queries | c | req/s | errors | p50 | p95 | p99 | of static |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, _, _ in measured:
        for concurrency in CONCURRENCIES:
            r = results[label, concurrency]
            share = r["rps"] / results[ceiling, concurrency]["rps"]
            queries = "{} / {}".format(*counts[label])
            lines.append(
                f"| {label} | {queries} | {concurrency} | {r['rps']:,.0f} | "
                f"{r['errors']:.2%} | {r['p50']:.1f} | {r['p95']:.1f} | "
                f"{r['p99']:.1f} | {share:.0%} |"
            )
    lines += [
        "",
        "## Tracker list latency by size (concurrency 1)",
        "",
        "| applications | req/s | errors | p50 | p95 | p99 |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, r in sizes.items():
        lines.append(
            f"| {size:,} | {r['rps']:,.0f} | {r['errors']:.2%} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['p99']:.1f} |"
        )
    lines += [
        "",
        "## CSV export",
        "",
        "In-process (the export generator drained, peak memory traced with "
        f"tracemalloc); over HTTP for 10,000 rows: {http_seconds:.2f} s.",
        "",
        "| rows | seconds | peak memory (MB) |",
        "| ---: | ---: | ---: |",
    ]
    for size, (seconds, peak) in exports.items():
        lines.append(f"| {size:,} | {seconds:.2f} | {peak:.1f} |")
    lines += ["", "## Targets", "", *targets(results, sizes, exports, ceiling)]
    lines += catalogue_pages.targets(
        results, counts, (ceiling, GENERATED_CEILING), CONCURRENCIES
    )
    write_results("\n".join(lines) + "\n")
    print(RESULTS.read_text())


def targets(results, sizes, exports, ceiling) -> list[str]:
    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines = []
    for label in (
        "Careers index (anonymous)",
        "Landing page (anonymous)",
    ):
        shares = [
            results[label, c]["rps"] / results[ceiling, c]["rps"] for c in CONCURRENCIES
        ]
        lines.append(
            f"- {label} ≥ 60% of the static-file ceiling: "
            + ", ".join(
                f"c{c} {s:.0%}" for c, s in zip(CONCURRENCIES, shares, strict=True)
            )
            + f" — {verdict(min(shares) >= 0.6)}"
        )
    uncached = results[catalogue_pages.HAND_WRITTEN_SIGNED_IN, 1]["p95"]
    lines.append(
        f"- Uncached hand-written guide p95 ≤ 25 ms at c1: {uncached:.1f} ms — "
        f"{verdict(uncached <= 25)}"
    )
    tracker = sizes[10_000]["p95"]
    lines.append(
        f"- Tracker list p95 ≤ 50 ms with 10,000 applications: {tracker:.1f} ms — "
        f"{verdict(tracker <= 50)}"
    )
    board = results["Tracker board, 10,000 applications", 1]["p95"]
    listing = results["Tracker list, 10,000 applications", 1]["p95"]
    lines.append(
        f"- Tracker board p95 within 1.5× of the list's p95 at c1 (same run): "
        f"{board:.1f} against {listing:.1f} ms, {board / listing:.2f}× — "
        f"{verdict(board <= 1.5 * listing)}"
    )
    flat = sizes[10_000]["p50"] / max(sizes[100]["p50"], 0.001)
    lines.append(f"- Tracker list p50 at 10,000 over p50 at 100: {flat:.2f}×")
    seconds, peak = exports[10_000]
    small_peak = exports[100][1]
    lines.append(
        f"- CSV export of 10,000 rows ≤ 1 s: {seconds:.2f} s — "
        f"{verdict(seconds <= 1)}; "
        f"peak memory {peak:.1f} MB at 10,000 rows vs {small_peak:.1f} MB at 100"
    )
    return lines


if __name__ == "__main__":
    main()
