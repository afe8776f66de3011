"""What the in-process benchmarks share: a scratch database with production
settings, the whole catalogue in it, timings in wall clock and CPU, and their
table."""

import os
import statistics
import time

from bench.server import DATA_DIR, manage, production_env


def start_django(database: str, **extra) -> None:
    """Migrate bench/.data/<database>, collect the static files its pages link to,
    and set Django up on it in this process (a fresh clone has neither)."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    env = production_env(
        database_url=f"sqlite:///{DATA_DIR / database}",
        cache_url="locmemcache://",
        STATIC_ROOT=str(DATA_DIR / "in-process-static"),
        **extra,
    )
    manage(env, "migrate", "--verbosity=0")
    manage(env, "collectstatic", "--noinput", "-v0")
    os.environ.update(env)
    import django

    django.setup()


def fill_catalogue() -> None:
    """Every occupation of the data pack with a generated guide, once."""
    from careers.catalogue.pack import read_pack
    from careers.models import Occupation
    from tests.factories import generated_career_for, occupation_from_pack

    codes = [record["code"] for record in read_pack()["occupations"]]
    if Occupation.objects.count() == len(codes):
        return
    started = time.perf_counter()
    for code in codes:
        if not Occupation.objects.filter(code=code).exists():
            generated_career_for(occupation_from_pack(code))
    print(f"Filled {len(codes)} occupations in {time.perf_counter() - started:.0f} s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def clocked(function) -> tuple[float, float]:
    """(wall, CPU) milliseconds for one call."""
    started, cpu = time.perf_counter(), time.process_time()
    function()
    return (
        (time.perf_counter() - started) * 1000,
        (time.process_time() - cpu) * 1000,
    )


def timed_get(client, path: str, params: dict, **extra) -> tuple[float, float]:
    """(wall, CPU) milliseconds for one GET that must answer 200."""

    def get():
        response = client.get(path, params, **extra)
        assert response.status_code == 200, (path, params, response.status_code)

    return clocked(get)


def print_table(heading: str, rows: list[tuple[str, list[tuple[float, float]]]]):
    """A Markdown table of p50, p95 and max wall clock and p50, p95 CPU a row."""
    # CPU time too: on a shared machine the wall clock also counts waiting for
    # a core, the CPU time only this process's work.
    print()
    print(f"| {heading} | p50 | p95 | max | CPU p50 | CPU p95 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, timings in rows:
        wall = [pair[0] for pair in timings]
        cpu = [pair[1] for pair in timings]
        print(
            f"| {name} | {statistics.median(wall):.1f} | "
            f"{percentile(wall, 0.95):.1f} | {max(wall):.1f} | "
            f"{statistics.median(cpu):.1f} | {percentile(cpu, 0.95):.1f} |"
        )
