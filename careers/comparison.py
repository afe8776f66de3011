"""Two to four careers side by side: what the compare page shows, from each
career's occupation row (its columns, facts and skill profile). No queries."""

from dataclasses import dataclass

from careers.catalogue.records import WAGE_POINTS
from careers.catalogue.similarity import overlap, overlap_percent
from careers.figures import dollars_and_cents, growth
from core.formatting import money

MIN_CAREERS = 2
MAX_CAREERS = 4
TOP_SKILLS = 5
POINT_LABELS = {
    "p10": "10th percentile",
    "p25": "25th percentile",
    "median": "Median",
    "p75": "75th percentile",
    "p90": "90th percentile",
}


@dataclass(frozen=True)
class Pay:
    unit: str  # "a year", "an hour" or "" when BLS publishes neither
    points: list[str]  # one per WAGE_POINTS, formatted


@dataclass(frozen=True)
class TopSkill:
    name: str
    importance: str  # O*NET's 1-5, one decimal


@dataclass(frozen=True)
class Column:
    career: object  # the Career, with its occupation
    pay: Pay
    growth: str
    openings: int | None
    education: str
    skills: list[TopSkill]


@dataclass(frozen=True)
class Comparison:
    columns: list[Column]
    pay_rows: list[tuple[str, list[str]]]  # (label, one figure per column)
    # (first title, second title, overlap %) for every pair, in column order.
    overlaps: list[tuple[str, str, int]]


def national_pay(facts: dict) -> Pay:
    """The national wage percentiles in the unit BLS publishes: yearly when it
    publishes yearly figures, else hourly."""
    wages = facts.get("wages") or {}
    unit = wages.get("unit") or "none"
    above_top = set(wages.get("above_top") or [])
    if unit in ("both", "annual") and wages.get("annual"):
        figures, kind, label = wages["annual"], "annual", "a year"
        formatted = money
    elif unit in ("both", "hourly") and wages.get("hourly_cents"):
        figures, kind, label = wages["hourly_cents"], "hourly", "an hour"
        formatted = dollars_and_cents
    else:
        return Pay(unit="", points=["Not published"] * len(WAGE_POINTS))
    points = []
    for point in WAGE_POINTS:
        value = figures.get(point)
        if value is not None:
            points.append(formatted(value))
        elif f"{kind}.{point}" in above_top:
            points.append("Above BLS's top figure")
        else:
            points.append("Not published")
    return Pay(unit=label, points=points)


def top_skills(facts: dict, count: int = TOP_SKILLS) -> list[TopSkill]:
    """The most important skills, highest importance first (ties by name)."""
    skills = sorted(
        (skill for skill in facts.get("skills") or [] if skill.get("im")),
        key=lambda skill: (-skill["im"], skill["name"]),
    )
    return [
        TopSkill(name=skill["name"], importance=f"{skill['im']:.1f}")
        for skill in skills[:count]
    ]


def column(career) -> Column:
    occupation = career.occupation
    facts = occupation.facts or {}
    return Column(
        career=career,
        pay=national_pay(facts),
        growth=growth(occupation.growth_percent),
        openings=occupation.annual_openings,
        education=occupation.typical_education,
        skills=top_skills(facts),
    )


def compare(careers: list) -> Comparison:
    """The comparison of careers that each have an occupation, in the given order."""
    columns = [column(career) for career in careers]
    pay_rows = [
        (POINT_LABELS[point], [col.pay.points[index] for col in columns])
        for index, point in enumerate(WAGE_POINTS)
    ]
    overlaps = [
        (
            first.title,
            second.title,
            overlap_percent(
                overlap(first.occupation.skill_profile, second.occupation.skill_profile)
            ),
        )
        for index, first in enumerate(careers)
        for second in careers[index + 1 :]
    ]
    return Comparison(columns=columns, pay_rows=pay_rows, overlaps=overlaps)
