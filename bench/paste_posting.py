"""Reading a pasted posting (issue 16): p95 ≤ 50 ms for a 200 KB page.

Builds job-board pages of 200 KB the way real ones are padded (navigation,
inline scripts and styles, a long description, hundreds of related-job links):
one with a schema.org JobPosting block, one without (read from its text), and
200 KB of plain text. Times `read_posting()` on each, then the whole "Read it"
request (form checks, the reading, the guide suggestion, the filled form
rendered) through the Django test client with production settings and a
scratch SQLite database. Prints milliseconds, wall clock and CPU.

    python -m bench.paste_posting
"""

import json
import os
import random
import time
from html import escape

from bench.server import DATA_DIR, manage, production_env

RUNS = 200
SIZE = 200 * 1024
WORDS = (  # noqa: SIM905
    "customer support team product warehouse orders shift schedule training "
    "benefits health dental vision paid time off growth career learning "
    "tools communication friendly reliable detail safety quality service "
    "inventory systems software data reports analysis weekly goals manager "
    "colleagues"
).split()


def sentence(chooser: random.Random, words: int = 14) -> str:
    return " ".join(chooser.choice(WORDS) for _ in range(words)).capitalize() + "."


def job_page(*, structured: bool, seed: int = 1) -> str:
    """A job-board page of about 200 KB, with or without a JobPosting block."""
    chooser = random.Random(seed)
    description = "".join(
        f"<p>{sentence(chooser)} {sentence(chooser)}</p>"
        f"<ul><li>{sentence(chooser, 8)}</li><li>{sentence(chooser, 8)}</li></ul>"
        for _ in range(40)
    )
    posting = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Jobs"},
            {
                "@type": "JobPosting",
                "title": "Senior Warehouse Associate",
                "hiringOrganization": {"@type": "Organization", "name": "Northwind"},
                "jobLocation": [
                    {"address": {"addressLocality": city, "addressRegion": "NV"}}
                    for city in ("Reno", "Sparks", "Carson City")
                ],
                "baseSalary": {
                    "currency": "USD",
                    "value": {"minValue": 18, "maxValue": 22, "unitText": "HOUR"},
                },
                "employmentType": "FULL_TIME",
                "datePosted": "2026-03-02",
                "validThrough": "2026-04-30",
                "url": "https://jobs.example.com/northwind/123",
                "description": escape(description),
            },
        ],
    }
    head = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Senior Warehouse Associate - Northwind | Jobs</title>"
        "<link rel='canonical' href='https://jobs.example.com/northwind/123'>"
        f"<style>{'.c{color:#333;margin:0 auto;padding:4px} ' * 300}</style>"
        f"<script>{'window.dataLayer=window.dataLayer||[];dataLayer.push({});' * 400}"
        "</script>"
    )
    if structured:
        head += f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    body = [
        "</head><body><nav><ul>",
        *(f"<li><a href='/c/{n}'>Category {n}</a></li>" for n in range(60)),
        "</ul></nav><main><h1>Senior Warehouse Associate</h1>",
        "<div class='company'>Northwind Traders</div><div>Reno, NV (Hybrid)</div>",
        "<div>$18 - $22 an hour</div><div>Full-time</div>",
        f"<section>{description}</section><aside><h2>Similar jobs</h2><ul>",
    ]
    page = head + "".join(body)
    number = 0
    while len(page.encode()) < SIZE - 200:
        number += 1
        page += (
            f"<li class='c'><a href='/jobs/{number}'>{sentence(chooser, 4)}</a>"
            f"<span>{chooser.randint(15, 40)} an hour</span></li>"
        )
    return page + "</ul></aside></main></body></html>"


def plain_text(seed: int = 2) -> str:
    chooser = random.Random(seed)
    text = (
        "Senior Warehouse Associate\nNorthwind Traders · Reno, NV (Hybrid)\n"
        "$18 - $22 an hour\nFull-time\n\n"
    )
    while len(text.encode()) < SIZE - 200:
        text += sentence(chooser) + "\n"
    return text


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def measure(action) -> list[tuple[float, float]]:
    action()  # warm-up: compiled patterns, imports
    timings = []
    for _ in range(RUNS):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        timings.append(
            (
                (time.perf_counter() - started) * 1000,
                (time.process_time() - cpu) * 1000,
            )
        )
    return timings


def main() -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    env = production_env(
        database_url=f"sqlite:///{DATA_DIR / 'paste.sqlite3'}",
        cache_url="locmemcache://",
    )
    manage(env, "migrate", "--verbosity=0")
    os.environ.update(env)
    import django

    django.setup()
    from django.test import Client

    from accounts.models import User
    from tracker.postings import read_posting

    inputs = {
        "page with a JobPosting block": job_page(structured=True),
        "page without one (read from its text)": job_page(structured=False),
        "plain text": plain_text(),
    }
    for name, text in inputs.items():
        read = read_posting(text)
        assert read.values["role_title"] == "Senior Warehouse Associate", (name, read)
        assert read.values["salary_period"] == "hour", (name, read.values)
    user, _ = User.objects.get_or_create(email="bench-paste@example.com")
    client = Client()
    client.force_login(user)

    def request(text):
        response = client.post("/tracker/new/", {"posting": text})
        assert response.status_code == 200
        assert "Read from the posting" in response.content.decode()

    rows = []
    for name, text in inputs.items():
        size = len(text.encode()) / 1024
        rows.append(
            (
                f"read_posting(), {name}, {size:.0f} KB",
                measure(lambda t=text: read_posting(t)),
            )
        )
    for name, text in inputs.items():
        rows.append((f"“Read it” request, {name}", measure(lambda t=text: request(t))))

    print(
        f"\n| {RUNS} runs each, concurrency 1 | p50 | p95 | max | CPU p50 | CPU p95 |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for name, timings in rows:
        wall = [w for w, _ in timings]
        cpu = [c for _, c in timings]
        worst = max(worst, percentile(wall, 0.95))
        figures = [
            percentile(wall, 0.5),
            percentile(wall, 0.95),
            max(wall),
            percentile(cpu, 0.5),
            percentile(cpu, 0.95),
        ]
        print(f"| {name} | " + " | ".join(f"{f:.1f}" for f in figures) + " |")
    verdict = "met" if worst <= 50 else "NOT met"
    print(
        "\n- Reading a 200 KB pasted page: p95 ≤ 50 ms: "
        f"worst p95 {worst:.1f} ms — {verdict}"
    )


if __name__ == "__main__":
    main()
