"""Skills overlap between occupations, and "careers like this".

Plain cosine similarity over O*NET importance vectors puts every pair of
occupations between 86% and 99.8%: every job needs some reading, listening and
speaking, so the shared baseline swamps the differences. Here each skill's
importance is first centred on its mean over all occupations, so a profile says
which skills matter *more or less than usual*; the cosine of two centred
profiles ranges over [-1, 1] and spreads (customer service representatives and
bookkeeping clerks about 0.7, and oral surgeons about -0.5).

Shown as a percentage with negatives clipped to 0%: a negative score means the
two occupations lean in opposite directions, which "0% overlap" says plainly,
whereas mapping [-1, 1] onto 0-100% would show unrelated work as a middling 50%.

A skill O*NET leaves out of an occupation's list was rated not relevant there
(see careers.catalogue.onet.read_ratings), so it counts as the lowest importance,
1, rather than as missing.
"""

import heapq
import math
from operator import mul

from django.db import transaction

from careers.models import Career, Occupation

# O*NET's importance scale runs from 1 (not important) to 5 (extremely important).
NOT_RELEVANT = 1.0
# How many similar occupations each occupation keeps: the guide shows the first
# SHOWN; the rest widen the pool of stepping stones a change plan considers.
KEPT = 12
SHOWN = 6


def skill_vectors(occupations) -> dict[str, dict[str, float]]:
    """Each occupation's importance by skill id, from (code, facts skills) pairs;
    occupations without ratings are left out."""
    return {
        code: {skill["id"]: skill["im"] for skill in skills if skill.get("im")}
        for code, skills in occupations
        if skills
    }


def skill_profiles(
    vectors: dict[str, dict[str, float]],
) -> dict[str, dict[str, float]]:
    """Each occupation's importances centred on each skill's mean over every
    occupation given, scaled to length 1 (an all-average occupation stays zero)."""
    if not vectors:
        return {}
    ids = sorted({skill for vector in vectors.values() for skill in vector})
    count = len(vectors)
    means = {
        skill: sum(vector.get(skill, NOT_RELEVANT) for vector in vectors.values())
        / count
        for skill in ids
    }
    profiles = {}
    for code, vector in vectors.items():
        centred = {
            skill: vector.get(skill, NOT_RELEVANT) - means[skill] for skill in ids
        }
        length = math.sqrt(sum(value * value for value in centred.values()))
        profiles[code] = {
            skill: (value / length if length else 0.0)
            for skill, value in centred.items()
        }
    return profiles


def overlap(first: dict[str, float], second: dict[str, float]) -> float:
    """Two skill profiles' cosine similarity, from -1 to 1 (0 when either is empty)."""
    return sum(value * second.get(skill, 0.0) for skill, value in first.items())


def overlap_percent(score: float) -> int:
    """The overlap as people read it: 0% (no more in common than usual, or less)
    to 100% (the same skills matter in the same way)."""
    return round(max(0.0, min(1.0, score)) * 100)


def similar_occupations(
    vectors: dict[str, dict[str, float]], limit: int = KEPT
) -> dict[str, list[tuple[str, float]]]:
    """For each occupation, the `limit` others whose skills overlap most, highest
    first (ties by code), with their overlap from -1 to 1."""
    profiles = skill_profiles(vectors)
    codes = sorted(profiles)
    ids = sorted({skill for profile in profiles.values() for skill in profile})
    # Lists in one skill order, so each pair costs one C-level sum(map(mul));
    # each pair is computed once and used for both occupations.
    rows = [[profiles[code].get(skill, 0.0) for skill in ids] for code in codes]
    scores = [[0.0] * len(codes) for _ in codes]
    for index, row in enumerate(rows):
        for other in range(index + 1, len(rows)):
            scores[index][other] = scores[other][index] = sum(
                map(mul, row, rows[other])
            )
    result = {}
    for index, code in enumerate(codes):
        row = scores[index]
        others = (other for other in range(len(codes)) if other != index)
        best = heapq.nsmallest(limit, others, key=lambda other: (-row[other], other))
        result[code] = [(codes[other], row[other]) for other in best]
    return result


def _card(occupation, score: float, guide_slug: str, related: set[str]) -> dict:
    """What a "careers like this" card shows, kept in Occupation.similar."""
    return {
        "code": occupation.code,
        "score": round(score, 4),
        "title": occupation.title,
        "slug": guide_slug,  # "" when the occupation has no published guide
        "pay_unit": occupation.pay_unit,
        "median_annual": occupation.median_annual,
        "median_hourly_cents": occupation.median_hourly_cents,
        "growth_percent": None
        if occupation.growth_percent is None
        else float(occupation.growth_percent),
        "onet_related": occupation.code in related,
    }


def refresh_similar(occupations=None) -> int:
    """Recompute every occupation's skill profile and similar list (the loader
    calls this after each load); return how many occupations were written."""
    if occupations is None:
        occupations = Occupation.objects.all()
    occupations = list(occupations.defer("facts"))
    by_code = {occupation.code: occupation for occupation in occupations}
    # Only the parts of facts this needs: the whole record is ~40 KB each.
    extracts = Occupation.objects.filter(code__in=by_code).values_list(
        "code", "facts__skills", "facts__related"
    )
    related, pairs = {}, []
    for code, skills, related_codes in extracts:
        related[code] = set(related_codes or [])
        pairs.append((code, skills or []))
    vectors = skill_vectors(pairs)
    profiles = skill_profiles(vectors)
    similar = similar_occupations(vectors)
    guides = dict(
        Career.objects.published()
        .filter(occupation__in=occupations)
        .values_list("occupation__code", "slug")
    )
    for occupation in occupations:
        occupation.skill_profile = {
            skill: round(value, 6)
            for skill, value in profiles.get(occupation.code, {}).items()
        }
        occupation.similar = [
            _card(
                by_code[other], score, guides.get(other, ""), related[occupation.code]
            )
            for other, score in similar.get(occupation.code, [])
        ]
    # A transaction per 200 rows, so a live site's writers never wait long.
    for start in range(0, len(occupations), 200):
        with transaction.atomic():
            Occupation.objects.bulk_update(
                occupations[start : start + 200], ["skill_profile", "similar"]
            )
    return len(occupations)
