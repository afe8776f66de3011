"""Generating the catalogue's skills gap analyses: the first run and a second one.

Migrates a new SQLite database in bench/.data/, writes every occupation of the
committed data pack with a generated guide for each (the rows load_catalogue
makes, without titles), then times `generate_skills_gaps()` twice and rewrites
the "Skills gap analyses from the catalogue" section of bench/RESULTS.md.

    python -m bench.skills_gaps
"""

import os
import platform
import re
import time
from pathlib import Path

from bench.server import DATA_DIR, manage, production_env

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "## Skills gap analyses from the catalogue"


def _fill() -> int:
    """Every occupation from the pack and its published generated guide."""
    from django.utils.text import slugify

    from careers.catalogue.pack import read_pack
    from careers.catalogue.records import Reference, occupation_rows
    from careers.models import Career, Occupation, OccupationGroup

    pack = read_pack()
    reference = Reference.from_pack(pack)
    rows = occupation_rows(pack)
    groups = {
        group.code: group
        for group in OccupationGroup.objects.bulk_create(
            OccupationGroup(code=code, name=name, slug=slugify(name))
            for code, name in reference.groups.items()
        )
    }
    occupations = Occupation.objects.bulk_create(
        Occupation(code=row.code, group=groups[row.group_code], **row.fields)
        for row in rows
    )
    Career.objects.bulk_create(
        Career(
            title=occupation.title,
            slug=occupation.slug,
            summary=f"A guide to the work of {occupation.title.lower()}.",
            status=Career.Status.PUBLISHED,
            source=Career.Source.GENERATED,
            occupation=occupation,
        )
        for occupation in occupations
    )
    return len(occupations)


def _write_results(lines: list[str]) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    section = "\n".join([HEADING, "", *lines]) + "\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)


def main() -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    database = DATA_DIR / "skills-gaps.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    env = production_env(
        database_url=f"sqlite:///{database}", cache_url="locmemcache://"
    )
    manage(env, "migrate", "--noinput", "-v0")
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    from assessments.catalogue import BATCH_SIZE, generate_skills_gaps
    from assessments.models import Assessment, Question, Recommendation

    load = os.getloadavg()[0]
    occupations = _fill()
    first = generate_skills_gaps()
    second = generate_skills_gaps()
    # As if a new release changed every analysis (nobody edited any).
    Assessment.objects.update(loaded_digest="an older release")
    refresh = generate_skills_gaps()
    assessments = Assessment.objects.count()
    questions = Question.objects.count()
    advice = Recommendation.objects.count()
    lines = [
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"{os.cpu_count()} cores (shared), Python {platform.python_version()}, "
        f"SQLite {connection.Database.sqlite_version} (WAL); load average at "
        f"start {load:.1f} (other work shares the machine: times are noisy)",
        f"- Data: {occupations:,} occupations from the committed pack, each with a "
        f"published generated guide; {assessments:,} have skill ratings",
        "",
        "| run | created | updated | unchanged | questions written | seconds "
        "| longest transaction (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    runs = (
        ("First (empty database)", first),
        ("Second (nothing changed)", second),
        ("Refresh (every analysis changed)", refresh),
    )
    for name, report in runs:
        lines.append(
            f"| {name} | {report.created:,} | {report.updated:,} | "
            f"{report.unchanged:,} | {report.questions_written:,} | "
            f"{report.seconds:.1f} | {report.longest_batch_seconds:.2f} |"
        )
    lines += [
        "",
        f"In all {questions:,} questions and {advice:,} recommendation rules, "
        f"written in transactions of {BATCH_SIZE} analyses each.",
    ]
    _write_results(lines)
    print("\n".join([HEADING, "", *lines]))


if __name__ == "__main__":
    main()
