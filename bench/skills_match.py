"""Match my skills speed (issue 14): p95 ≤ 100 ms over every occupation.

Builds the whole catalogue (all 923 occupations of the data pack, each with a
generated guide, as bench.search does) in a scratch SQLite database under
bench/.data once, then, in this process with production settings, times
reading the occupations into memory (once per process and content version),
200 results pages through the Django test client, signed out (ratings in the
session) and signed in (saved ratings), each with a filter combination, and
best_matches() alone for 200 random sets of ratings. Prints milliseconds,
wall clock and CPU.

    python -m bench.skills_match
"""

import itertools
import random
import statistics
import time

from bench.timing import clocked, fill_catalogue, print_table, start_django, timed_get

REQUESTS = 200


def random_ratings(chooser: random.Random, skill_ids) -> dict[str, int]:
    return {skill_id: chooser.randint(1, 5) for skill_id in skill_ids}


def rate_in_session(client, ratings: dict[str, int]) -> None:
    """Rate every skill through the pages, as a person would."""
    from django.urls import reverse

    from assessments.forms import skill_field_name
    from assessments.skills_match import skill_groups

    for number, group in enumerate(skill_groups(), start=1):
        data = {skill_field_name(s.id): str(ratings[s.id]) for s in group.skills}
        response = client.post(
            reverse("assessments:match_take", args=[number]),
            {**data, "action": "next"},
        )
        assert response.status_code == 302, response.status_code


def main() -> None:
    start_django("skills_match.sqlite3")
    from django.test import Client

    from accounts.models import User
    from assessments.match_candidates import (
        forget_match_candidates,
        match_candidates,
    )
    from assessments.models import SkillRatings
    from assessments.skills_match import (
        EDUCATION_UP_TO,
        PAY_AT_LEAST,
        best_matches,
        skill_names,
    )
    from careers.models import Occupation

    fill_catalogue()
    reads = []
    for _ in range(5):
        forget_match_candidates()
        started = time.perf_counter()
        candidates = match_candidates()
        reads.append((time.perf_counter() - started) * 1000)
    print(
        f"{Occupation.objects.count()} occupations, {len(candidates)} with a "
        f"published guide and skill ratings; read into memory in "
        f"{statistics.median(reads):.0f} ms (median of 5, one query)"
    )

    chooser = random.Random(14)
    skill_ids = list(skill_names())
    filters = list(itertools.product(["", *EDUCATION_UP_TO], ["", *PAY_AT_LEAST]))
    chooser.shuffle(filters)

    signed_out = Client()
    rate_in_session(signed_out, random_ratings(chooser, skill_ids))
    user, _ = User.objects.get_or_create(email="bench-match@example.com")
    SkillRatings.objects.filter(owner=user).delete()
    SkillRatings.objects.create(owner=user, ratings=random_ratings(chooser, skill_ids))
    signed_in = Client()
    signed_in.force_login(user)

    rows = []
    for name, client in [
        ("Results page, signed out", signed_out),
        ("Results page, signed in", signed_in),
    ]:
        timings = []
        for n in range(REQUESTS):
            education, pay = filters[n % len(filters)]
            params = {"education": education, "pay": pay}
            timings.append(timed_get(client, "/assessments/match/results/", params))
        rows.append((name, timings))
    in_process = []
    for _ in range(REQUESTS):
        ratings = random_ratings(chooser, skill_ids)
        in_process.append(clocked(lambda r=ratings: best_matches(r, candidates)))
    rows.append(("best_matches() alone, no filter", in_process))

    print_table(f"{REQUESTS} rankings, concurrency 1", rows)


if __name__ == "__main__":
    main()
