""" "Careers like this": what it costs at load time and on a guide.

Loads every occupation of the committed data pack into an in-memory SQLite
database (as load_catalogue would), then times

- the pure computation of every occupation's closest occupations (about
  880 x 880 skill profiles, `similar_occupations`),
- `refresh_similar()` as the loader calls it: reading the skills, computing,
  and writing every occupation's profile and cards,
- the guide's share: building the cards from a loaded occupation
  (`similar_careers`) and rendering careers/includes/similar_careers.html,
  in process, with the number of queries it runs (none).

    python -m bench.similarity [--rounds N]
"""

import argparse
import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "bench-similarity-only")
os.environ.setdefault("DEBUG", "true")
os.environ["DATABASE_URL"] = "sqlite://:memory:"


def timed(function, rounds: int, clock=time.perf_counter) -> list[float]:
    """Each round's time in milliseconds: wall time, or CPU time with
    clock=time.process_time (steadier on a shared machine)."""
    times = []
    for _ in range(rounds):
        started = clock()
        function()
        times.append((clock() - started) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def load_every_occupation() -> int:
    from django.utils.text import slugify

    from careers.catalogue.pack import read_pack
    from careers.catalogue.records import occupation_rows
    from careers.models import Career, Occupation, OccupationGroup

    pack = read_pack()
    groups = {
        group["code"]: OccupationGroup.objects.create(
            code=group["code"], name=group["name"], slug=slugify(group["name"])
        )
        for group in pack["major_groups"]
    }
    occupations = Occupation.objects.bulk_create(
        Occupation(code=row.code, group=groups[row.group_code], **row.fields)
        for row in occupation_rows(pack)
    )
    Career.objects.bulk_create(
        Career(
            title=occupation.title[:120],
            slug=occupation.slug[:120],
            summary=f"A guide to the work of {occupation.title.lower()}."[:200],
            status=Career.Status.PUBLISHED,
            source=Career.Source.GENERATED,
            occupation=occupation,
        )
        for occupation in occupations
    )
    return len(occupations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--renders", type=int, default=2000)
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.template.loader import get_template
    from django.test.utils import CaptureQueriesContext

    from careers.catalogue.similarity import (
        refresh_similar,
        similar_occupations,
        skill_vectors,
    )
    from careers.models import Career, Occupation
    from careers.similar import similar_careers

    call_command("migrate", "--noinput", verbosity=0)
    count = load_every_occupation()
    pairs = list(Occupation.objects.values_list("code", "facts__skills"))
    vectors = skill_vectors(pairs)

    compute = timed(lambda: similar_occupations(vectors), options.rounds)
    compute_cpu = timed(
        lambda: similar_occupations(vectors), options.rounds, time.process_time
    )
    refresh = timed(refresh_similar, options.rounds)

    career = Career.objects.select_related("occupation").get(
        occupation__code="43-4051.00"
    )
    template = get_template("careers/includes/similar_careers.html")

    def render():
        template.render(
            {"career": career, "similar_careers": similar_careers(career.occupation)}
        )

    render()  # compile and warm up
    with CaptureQueriesContext(connection) as queries:
        renders = timed(render, options.renders)
    renders_cpu = timed(render, options.renders, time.process_time)

    print(f"Occupations: {count}, rated: {len(vectors)}")
    print(
        f"similar_occupations, all {len(vectors)} x {len(vectors)}: "
        f"median {statistics.median(compute):.0f} ms wall, "
        f"{statistics.median(compute_cpu):.0f} ms CPU over {options.rounds} rounds"
    )
    print(
        f"refresh_similar (read, compute, write {count}): "
        f"median {statistics.median(refresh):.0f} ms over {options.rounds} rounds"
    )
    print(
        f"Careers like this on a guide (cards + include): median "
        f"{statistics.median(renders):.3f} ms, p95 {percentile(renders, 0.95):.3f} ms, "
        f"max {max(renders):.3f} ms over {options.renders} renders; "
        f"queries: {len(queries.captured_queries)}"
    )
    print(
        f"  the same in CPU time: median {statistics.median(renders_cpu):.3f} ms, "
        f"p95 {percentile(renders_cpu, 0.95):.3f} ms"
    )


if __name__ == "__main__":
    main()
