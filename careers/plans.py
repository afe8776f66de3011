"""Planning a change from one occupation to another: pure functions over the
occupations' O*NET skill ratings and BLS figures (no database access).

Only the target's important skills count (importance IM of 3.0 or more on
O*NET's 1-5 scale). Levels are O*NET's LV 0-7 rescaled to 1-5, as the skills
gap analyses do, so "two levels short" means the same everywhere. A skill the
starting occupation does not list was rated not relevant there: it starts at
the lowest level, 1.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from careers.figures import dollars_and_cents
from core.formatting import money

IMPORTANT = 3.0
# A skill two of O*NET's levels short or more (on its 0-7 scale: 8/7 on the
# 1-5 scale shown) is "far"; the direct change is large when more than a third
# of the target's important skills are far. Two levels on the 1-5 scale would
# make almost no change large (3 in 10,000 random pairs, against 7 in 100).
FAR = 2 * 4 / 7
# Within half a level (1-5) counts as already there.
CLOSE = 0.5
LOWEST_LEVEL = 1.0

# BLS's typical entry-level education, lowest first.
EDUCATION_ORDER = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)


def level_5(lv: float | None) -> float:
    """O*NET's level, 0-7, on the 1-5 scale the assessments use."""
    if lv is None:
        return LOWEST_LEVEL
    return 1 + max(0.0, min(7.0, lv)) * 4 / 7


@dataclass(frozen=True)
class SkillStep:
    name: str
    importance: float
    have: float  # the starting occupation's level, 1-5
    need: float  # the target's level, 1-5

    @property
    def gap(self) -> float:
        return max(0.0, self.need - self.have)

    @property
    def is_far(self) -> bool:
        return self.gap >= FAR


def _important(skills: list[dict]) -> list[dict]:
    return [
        skill
        for skill in skills
        if (skill.get("im") or 0) >= IMPORTANT and skill.get("lv") is not None
    ]


def skill_steps(source: list[dict], target: list[dict]) -> list[SkillStep]:
    """Each of the target's important skills with the level each side needs."""
    levels = {skill["id"]: skill.get("lv") for skill in source}
    return [
        SkillStep(
            name=skill["name"],
            importance=skill["im"],
            have=level_5(levels.get(skill["id"])),
            need=level_5(skill["lv"]),
        )
        for skill in _important(target)
    ]


def leg_gap(source: list[dict], target: list[dict]) -> float:
    """How far one change is: the importance-weighted mean of the levels short
    over the target's important skills (0 when nothing is short)."""
    steps = skill_steps(source, target)
    weight = sum(step.importance for step in steps)
    if not weight:
        return 0.0
    return sum(step.importance * step.gap for step in steps) / weight


@dataclass(frozen=True)
class SteppingStone:
    code: str
    first_leg: float  # leg_gap from the start to the stepping stone
    second_leg: float  # leg_gap from the stepping stone to the target

    @property
    def worse_leg(self) -> float:
        return max(self.first_leg, self.second_leg)


def stepping_stone(
    source: list[dict], target: list[dict], candidates: dict[str, list[dict]]
) -> SteppingStone | None:
    """The intermediate occupation that makes the harder of the two changes
    easiest: minimise the worse leg's gap (a path is as hard as its hardest
    step), ties to the smaller total, then the code. None when no candidate
    makes the harder leg easier than the direct change."""
    direct = leg_gap(source, target)
    best = None
    for code, skills in sorted(candidates.items()):
        if not _important(skills):
            continue
        stone = SteppingStone(
            code=code,
            first_leg=leg_gap(source, skills),
            second_leg=leg_gap(skills, target),
        )
        key = (stone.worse_leg, stone.first_leg + stone.second_leg)
        if best is None or key < (best.worse_leg, best.first_leg + best.second_leg):
            best = stone
    if best is None or best.worse_leg >= direct:
        return None
    return best


@dataclass(frozen=True)
class SkillPlan:
    shared: list[SkillStep]  # already at (or within half a level of) the target's
    to_build: list[SkillStep]  # furthest first
    important_count: int
    far: list[SkillStep] = field(default_factory=list)

    @property
    def is_large(self) -> bool:
        """More than a third of the target's important skills two levels short."""
        return len(self.far) * 3 > self.important_count


def skill_plan(source: list[dict], target: list[dict]) -> SkillPlan:
    steps = skill_steps(source, target)
    shared = [step for step in steps if step.gap < CLOSE]
    to_build = sorted(
        (step for step in steps if step.gap >= CLOSE),
        key=lambda step: (-step.gap, -step.importance, step.name),
    )
    shared.sort(key=lambda step: (-step.importance, step.name))
    return SkillPlan(
        shared=shared,
        to_build=to_build,
        important_count=len(steps),
        far=[step for step in to_build if step.is_far],
    )


@dataclass(frozen=True)
class PayDifference:
    unit: str  # "annual" or "hourly"
    source: int  # whole dollars a year, or cents an hour
    target: int

    @property
    def change(self) -> int:
        return self.target - self.source

    @property
    def percent(self) -> int:
        return round(self.change * 100 / self.source) if self.source else 0

    def __str__(self) -> str:
        amount = money if self.unit == "annual" else dollars_and_cents
        sign = "+" if self.change > 0 else ("\u2212" if self.change < 0 else "")
        per = "a year" if self.unit == "annual" else "an hour"
        percent = f"{sign}{abs(self.percent)}%"
        return f"{sign}{amount(abs(self.change))} {per} ({percent})"


def pay_difference(source, target) -> PayDifference | None:
    """The change in national median pay, in a unit both publish (yearly
    first); None when they share none. Takes Occupation-like objects."""
    if source.median_annual is not None and target.median_annual is not None:
        return PayDifference("annual", source.median_annual, target.median_annual)
    if (
        source.median_hourly_cents is not None
        and target.median_hourly_cents is not None
    ):
        return PayDifference(
            "hourly", source.median_hourly_cents, target.median_hourly_cents
        )
    return None


def growth_difference(source, target) -> Decimal | None:
    """Percentage points between the projected ten-year changes."""
    if source.growth_percent is None or target.growth_percent is None:
        return None
    return Decimal(target.growth_percent) - Decimal(source.growth_percent)


def education_step(source: str, target: str) -> int | None:
    """How many of BLS's education levels the target's typical entry level is
    above the start's (negative: below); None when either is unknown."""
    if source not in EDUCATION_ORDER or target not in EDUCATION_ORDER:
        return None
    return EDUCATION_ORDER.index(target) - EDUCATION_ORDER.index(source)


@dataclass(frozen=True)
class ChangePlan:
    skills: SkillPlan
    pay: PayDifference | None
    growth: Decimal | None  # percentage points
    education: int | None  # levels up (negative: down)
    stone: SteppingStone | None = None
    # The two legs through the stepping stone, when there is one.
    legs: tuple[SkillPlan, SkillPlan] | None = None


def change_plan(
    source, target, candidates: Callable[[], dict[str, list[dict]]]
) -> ChangePlan:
    """The plan from one occupation to another (objects with facts, pay, growth
    and education); when the change is large, the best stepping stone among
    `candidates()` (code → skills, asked for only then) is proposed."""
    source_skills = (source.facts or {}).get("skills") or []
    target_skills = (target.facts or {}).get("skills") or []
    skills = skill_plan(source_skills, target_skills)
    stone = legs = None
    if skills.is_large:
        pool = candidates()
        stone = stepping_stone(source_skills, target_skills, pool)
        if stone is not None:
            middle = pool[stone.code]
            legs = (
                skill_plan(source_skills, middle),
                skill_plan(middle, target_skills),
            )
    return ChangePlan(
        skills=skills,
        pay=pay_difference(source, target),
        growth=growth_difference(source, target),
        education=education_step(source.typical_education, target.typical_education),
        stone=stone,
        legs=legs,
    )
