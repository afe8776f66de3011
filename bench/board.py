"""The board against the list at 10,000 applications (issue 16): the board's
p95 within 1.5 times the list's p95, in the same run.

The part of `make bench` that measures these two pages, alone: the same fresh,
filled database (bench.run.prepare), gunicorn in production settings, and wrk
at concurrency 1, the two pages taking turns so both see the same machine.
Then the same pages in-process through the Django test client, with CPU time,
which a busy machine disturbs less.

    python -m bench.board
"""

import os
import statistics
import time
from pathlib import Path

from bench.run import HEAVY, PORT, prepare, session_cookie, setup_django, warm, wrk
from bench.server import DATA_DIR, Gunicorn

ROUNDS = 3
IN_PROCESS = 100
PAGES = [("Tracker list", "/tracker/"), ("Tracker board", "/tracker/board/")]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def over_http(env: dict, cookie: str) -> dict[str, list[dict]]:
    results = {label: [] for label, _ in PAGES}
    with Gunicorn(
        env, port=PORT, app="bench.wsgi:application", log_path=DATA_DIR / "board.log"
    ) as server:
        for _, path in PAGES:
            warm(server.url + path, cookie)
        for _ in range(ROUNDS):
            for label, path in PAGES:
                figures = wrk(server.url + path, concurrency=1, cookie=cookie)
                results[label].append(figures)
                print(label, {k: round(v, 1) for k, v in figures.items()}, flush=True)
    return results


def in_process() -> dict[str, tuple[list[float], list[float]]]:
    from django.test import Client

    from accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=HEAVY))
    timings = {label: ([], []) for label, _ in PAGES}
    for _, path in PAGES:
        client.get(path)
    for _ in range(IN_PROCESS):
        for label, path in PAGES:
            started, cpu = time.perf_counter(), time.process_time()
            assert client.get(path).status_code == 200
            timings[label][0].append((time.perf_counter() - started) * 1000)
            timings[label][1].append((time.process_time() - cpu) * 1000)
    return timings


def main() -> None:
    env = prepare()
    # bench.wsgi serves make bench's static-file ceiling page, unmeasured here.
    page = Path(env["BENCH_STATIC_PAGE"])
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<!doctype html><title>Not measured here</title>")
    setup_django(env)
    cookie = session_cookie(HEAVY)
    http = over_http(env, cookie)
    local = in_process()
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")
    print("\n| page, 10,000 applications | c | req/s | p50 | p95 | p99 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, runs in http.items():
        # The median run of the rounds, by p95.
        run = sorted(runs, key=lambda r: r["p95"])[len(runs) // 2]
        print(
            f"| {label} (gunicorn, wrk; median of {ROUNDS} runs) | 1 | "
            f"{run['rps']:,.0f} | {run['p50']:.1f} | {run['p95']:.1f} | "
            f"{run['p99']:.1f} |"
        )
    print(f"\n| in-process, {IN_PROCESS} requests | p50 | p95 | CPU p50 | CPU p95 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, (wall, cpu) in local.items():
        print(
            f"| {label} | {statistics.median(wall):.1f} | "
            f"{percentile(wall, 0.95):.1f} | {statistics.median(cpu):.1f} | "
            f"{percentile(cpu, 0.95):.1f} |"
        )
    board = sorted(r["p95"] for r in http["Tracker board"])[ROUNDS // 2]
    listing = sorted(r["p95"] for r in http["Tracker list"])[ROUNDS // 2]
    cpu_ratio = percentile(local["Tracker board"][1], 0.95) / percentile(
        local["Tracker list"][1], 0.95
    )
    print(
        f"\nBoard p95 over list p95: {board / listing:.2f}× over HTTP, "
        f"{cpu_ratio:.2f}× in CPU time (target ≤ 1.5×)"
    )


if __name__ == "__main__":
    main()
