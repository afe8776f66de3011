"""Match my skills: pure functions from a person's 1-5 self-ratings on O*NET's
35 skills to the occupations that fit them best.

The fit of an occupation is Σ importance·min(rating, required) /
Σ importance·required over the skills it rates, where required is O*NET's
level rescaled to 1-5 exactly as the skills gap analyses do it. A rating above
what the work requires earns nothing extra, so raising a rating never lowers a
fit; a fit of 1 means every skill is at or above the level the work needs.
"""

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from assessments.catalogue.plans import GROUP_TEXTS, OTHER_GROUP_TEXTS, required_level
from assessments.progress import Comparison, compare_attempts
from careers.browse import EDUCATION, PAY_BANDS
from careers.catalogue.pack import read_pack

RATINGS = range(1, 6)
HOLDING_BACK = 3

# The filters, on /careers/' bands: the education a person has (or will have),
# so every level up to it, and the least median pay they want.
EDUCATION_UP_TO = {
    key: (
        f"{wording} or less",
        tuple(bls for bls, _ in list(EDUCATION.values())[: position + 1]),
    )
    for position, (key, (wording, _)) in enumerate(EDUCATION.items())
}
PAY_AT_LEAST = {
    f"{band.low // 1000}k": (f"${band.low:,} or more", band.low)
    for band in PAY_BANDS.values()
    if band.low
}


@dataclass(frozen=True)
class SkillElement:
    id: str  # O*NET's element id, "2.A.1.a"
    name: str


@dataclass(frozen=True)
class SkillGroup:
    key: str
    name: str
    intro: str
    skills: tuple[SkillElement, ...]


@cache
def skill_groups() -> tuple[SkillGroup, ...]:
    """O*NET's skill groups with their skills, in O*NET's order, from the pack
    (read once per process)."""
    pack = read_pack()
    members: dict[str, list[SkillElement]] = {}
    for element in pack["elements"]["skills"]:
        members.setdefault(element["group"], []).append(
            SkillElement(id=element["id"], name=element["name"])
        )
    return tuple(
        SkillGroup(
            key=group["key"],
            name=group["name"],
            intro=GROUP_TEXTS.get(group["key"], OTHER_GROUP_TEXTS)[0],
            skills=tuple(sorted(members[group["key"]], key=lambda s: s.id)),
        )
        for group in pack["skill_groups"]
        if members.get(group["key"])
    )


@cache
def skill_names() -> dict[str, str]:
    """Every skill's name by element id, in O*NET's order."""
    return {skill.id: skill.name for group in skill_groups() for skill in group.skills}


def clean_ratings(raw: Mapping) -> dict[str, int]:
    """The ratings of known skills that are whole numbers from 1 to 5."""
    known = skill_names()
    cleaned = {}
    for skill_id, value in raw.items():
        if skill_id in known and str(value) in {str(r) for r in RATINGS}:
            cleaned[skill_id] = int(value)
    return cleaned


def complete_ratings(raw: Mapping) -> dict[str, int] | None:
    """All 35 ratings, in O*NET's order, or None while any is missing."""
    cleaned = clean_ratings(raw)
    if len(cleaned) != len(skill_names()):
        return None
    return {skill_id: cleaned[skill_id] for skill_id in skill_names()}


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the matcher knows of one occupation with a published guide."""

    career_id: int
    slug: str  # the guide's
    title: str  # the guide's
    code: str
    education: str  # BLS's typical entry-level education, "" if not published
    pay: int | None  # annual median (hourly-only: the hourly median x 2,080)
    # (element id, importance 1-5, required level 1-5), each skill it rates
    skills: tuple[tuple[str, float, int], ...]


def candidate_skills(skills: Iterable) -> tuple[tuple[str, float, int], ...]:
    """An occupation's facts["skills"] as (id, importance, required level), for
    the skills with both an importance and a level."""
    rated = []
    for skill in skills or ():
        if not isinstance(skill, dict):
            continue
        im, lv = skill.get("im"), skill.get("lv")
        if isinstance(im, int | float) and isinstance(lv, int | float) and im > 0:
            rated.append((str(skill.get("id", "")), float(im), required_level(lv)))
    return tuple(sorted(rated))


def fit(ratings: Mapping[str, int], skills) -> float:
    """Σ importance·min(rating, required) / Σ importance·required, 0 to 1; a
    skill the person did not rate counts as 1, the lowest level."""
    met = need = 0.0
    for skill_id, im, required in skills:
        need += im * required
        met += im * min(ratings.get(skill_id, 1), required)
    return met / need if need else 0.0


@dataclass(frozen=True)
class Shortfall:
    name: str
    rating: int
    required: int

    @property
    def levels(self) -> int:
        return self.required - self.rating


def holding_back(
    ratings: Mapping[str, int], skills, *, limit: int = HOLDING_BACK
) -> list[Shortfall]:
    """The skills that cost the fit most (importance x levels short), most first."""
    names = skill_names()
    short = [
        (im * (required - ratings.get(skill_id, 1)), skill_id, required)
        for skill_id, im, required in skills
        if ratings.get(skill_id, 1) < required
    ]
    short.sort(key=lambda item: (-item[0], names.get(item[1], item[1])))
    return [
        Shortfall(
            name=names.get(skill_id, skill_id),
            rating=ratings.get(skill_id, 1),
            required=required,
        )
        for _, skill_id, required in short[:limit]
    ]


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    fit: float
    holding_back: list[Shortfall]

    @property
    def percent(self) -> int:
        # Floored, so 100% means nothing at all is short.
        return int(self.fit * 100 + 1e-9)


@dataclass(frozen=True)
class Criteria:
    """The filters: education at most this (BLS wording), pay at least this."""

    education_up_to: tuple[str, ...] | None = None  # the levels that qualify
    pay_at_least: int | None = None

    def admits(self, candidate: Candidate) -> bool:
        if (
            self.education_up_to is not None
            and candidate.education not in self.education_up_to
        ):
            return False
        return self.pay_at_least is None or (
            candidate.pay is not None and candidate.pay >= self.pay_at_least
        )


def best_matches(
    ratings: Mapping[str, int],
    candidates: Iterable[Candidate],
    *,
    criteria: Criteria = Criteria(),
    limit: int = 20,
) -> list[Match]:
    """The occupations that fit best, ties in title then code order, each with
    the skills that hold it back most."""
    scored = (
        (fit(ratings, candidate.skills), candidate)
        for candidate in candidates
        if candidate.skills and criteria.admits(candidate)
    )
    best = heapq.nsmallest(
        limit, scored, key=lambda pair: (-pair[0], pair[1].title, pair[1].code)
    )
    return [
        Match(
            candidate=candidate,
            fit=score,
            holding_back=holding_back(ratings, candidate.skills),
        )
        for score, candidate in best
    ]


def ratings_changes(before: Mapping[str, int], after: Mapping[str, int]) -> Comparison:
    """Which skills went up, down or stayed level between two sets of ratings."""
    names = skill_names()

    def rows(ratings):
        return [
            {"title": names[skill_id], "score": ratings[skill_id]}
            for skill_id in names
            if skill_id in ratings
        ]

    return compare_attempts(rows(before), rows(after))
