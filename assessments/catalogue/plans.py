"""The plan of a catalogue skills gap analysis: pure, facts in, plan out.

Each rated skill becomes a 1-5 self-rating: its required level is O*NET's level
(0-7) rescaled to 1-5, its weight the importance (1-5). Every sentence is ours,
composed from names and figures; nothing is copied from O*NET's descriptions.
"""

import hashlib
import json
import math
from dataclasses import asdict, dataclass

from assessments.models import Assessment

# Bump when the wording or the mapping below changes, so every analysis nobody
# edited is rebuilt on the next load.
GENERATOR_VERSION = 1
SLUG_SUFFIX = "-skills-gap"
TITLE_SUFFIX = " Skills Gap Analysis"
SECONDS_PER_QUESTION = 10

SKILL_ANCHOR = "skills"

# Our own words for each of O*NET's skill groups (keyed as in the data pack),
# in O*NET's order: the section's intro, the section's advice title, and a
# practical tip added to each skill's advice.
GROUP_TEXTS = {
    "basic_content": (
        "The groundwork: taking in what you read and hear, and putting your own "
        "points across clearly.",
        "Build up the basics of reading, writing and speaking",
        "Practise on what the work uses every day, such as manuals, reports, "
        "emails and conversations: twenty minutes a day does more than one long "
        "session.",
    ),
    "basic_process": (
        "How you learn new things, think them through and check your own results.",
        "Sharpen how you learn and check your work",
        "Pick one situation a week to use it on purpose, such as learning a new "
        "tool or checking your own work against the result you wanted, and note "
        "afterwards what you would do differently.",
    ),
    "social": (
        "Working with and through people: reading a situation, persuading, "
        "teaching and helping.",
        "Practise the people side of the work",
        "It grows through real conversations: volunteering, a part-time job with "
        "the public or a role-play with a friend all count. Ask for honest "
        "feedback after each one.",
    ),
    "complex_problem_solving": (
        "Sorting out problems that arrive without a clear answer.",
        "Practise solving open-ended problems",
        "Collect a few problems from the work and write down for each the cause, "
        "two possible fixes and the one you would choose, and why. Interviewers "
        "often ask for exactly this kind of story.",
    ),
    "technical": (
        "Hands-on work with machines, equipment, software and other technology.",
        "Get hands-on with the technical side",
        "It is learned by doing: look for a community college course, an "
        "apprenticeship or a task at your current job where you can practise it "
        "next to someone experienced.",
    ),
    "systems": (
        "Seeing how a whole operation fits together and judging how well it runs.",
        "Learn how the whole operation fits together",
        "Follow a few decisions at work, in a club or in the news from start to "
        "finish, and note what changed as a result and what you would have "
        "weighed differently.",
    ),
    "resource_management": (
        "Making the most of time, money, materials and people.",
        "Practise managing time, money and people",
        "Start small: plan a budget, a schedule or a project for a club or your "
        "household, keep track of how it goes and adjust.",
    ),
}
OTHER_GROUP_TEXTS = (
    "Other skills the work relies on.",
    "Work on the remaining skills",
    "Find one regular, small way to practise it, such as a course, a volunteer "
    "shift or a task at your current job.",
)
SECTION_ADVICE = (
    "Your gaps in this section are listed above, largest first. Choose the one "
    "at the top, give it a little time every day for two weeks, then take this "
    "analysis again to see what moved."
)


def _round_half_up(value: float) -> int:
    # Round to 9 places first, so float noise never turns 2.5 into 2.
    return math.floor(round(value, 9) + 0.5)


def required_level(lv: float) -> int:
    """O*NET's level (0-7) on the self-rating's 1-5 scale, rounded half up."""
    return min(max(_round_half_up(1 + lv * 4 / 7), 1), 5)


def question_weight(im: float) -> int:
    """O*NET's importance (1-5) as a question weight: 20 per point, so one
    decimal of the rating survives (3.4 weighs 68, 5 weighs 100)."""
    return min(max(_round_half_up(im * 20), 1), 100)


@dataclass(frozen=True)
class RulePlan:
    title: str
    advice: str
    below_score: int
    guide_anchor: str = SKILL_ANCHOR


@dataclass(frozen=True)
class QuestionPlan:
    prompt: str
    help_text: str
    weight: int
    required_level: int
    rule: RulePlan


@dataclass(frozen=True)
class SectionPlan:
    title: str
    intro: str
    weight: int
    questions: tuple[QuestionPlan, ...]
    rule: RulePlan


@dataclass(frozen=True)
class AnalysisPlan:
    slug: str
    title: str
    intro: str
    estimated_minutes: int
    sections: tuple[SectionPlan, ...]

    @property
    def question_count(self) -> int:
        return sum(len(section.questions) for section in self.sections)

    @property
    def digest(self) -> str:
        """Changes whenever anything the generator would write changes."""
        content = [GENERATOR_VERSION, asdict(self)]
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def analysis_slug(career_slug: str) -> str:
    return f"{career_slug}{SLUG_SUFFIX}"


def _title(career_title: str) -> str:
    limit = Assessment._meta.get_field("title").max_length - len(TITLE_SUFFIX)
    if len(career_title) > limit:
        career_title = career_title[: limit - 1].rsplit(" ", 1)[0] + "…"
    return career_title + TITLE_SUFFIX


def _intro(career_title: str, count: int) -> str:
    return (
        f"Rate yourself on each of the {count} skills O*NET rates for "
        f"{career_title}, from 1 (new to this) to 5 (you could teach it). Be "
        "honest: nobody else sees your answers unless you save them to your "
        "account.\n\n"
        "We compare each rating with the level the work needs (O*NET's level, "
        "rescaled from 0–7 to 1–5), weigh it by how important the skill is to "
        "the work, and list your biggest gaps first, with a next step for each."
    )


def _importance_words(im: float) -> str:
    if im >= 4:
        return "one of the skills the work relies on most"
    if im >= 3:
        return "an important skill for the work"
    return "a skill the work uses now and then"


def _skill_rule(name: str, im: float, level: int, tip: str) -> RulePlan:
    return RulePlan(
        title=f"{name}: close the gap",
        advice=(
            f"{name} is {_importance_words(im)}, needed at about level {level} "
            f"of 5. {tip} Then rate yourself again in a month."
        ),
        # Any rating below the required level counts as a gap.
        below_score=100,
    )


def _rated(skills: list) -> list[dict]:
    """The skills with both ratings, in O*NET's order (by element id)."""
    usable = [
        skill
        for skill in skills or ()
        if isinstance(skill, dict)
        and skill.get("name")
        and isinstance(skill.get("im"), int | float)
        and isinstance(skill.get("lv"), int | float)
    ]
    return sorted(usable, key=lambda skill: str(skill.get("id", "")))


def plan_for(career_slug: str, career_title: str, skills: list) -> AnalysisPlan | None:
    """The skills gap analysis for a guide whose occupation has these skill
    ratings (the `skills` of its facts), or None when none is rated.

    A skill without a published level is left out: there is no level to
    compare a rating with.
    """
    rated = _rated(skills)
    if not rated:
        return None
    groups: dict[str, list[dict]] = {}
    for skill in rated:
        groups.setdefault(skill.get("group") or "", []).append(skill)

    sections = []
    for key, members in groups.items():
        intro, advice_title, tip = GROUP_TEXTS.get(key, OTHER_GROUP_TEXTS)
        # Most important first; the name breaks ties so the order is stable.
        members.sort(key=lambda skill: (-skill["im"], skill["name"]))
        questions = []
        for skill in members:
            name, level = skill["name"], required_level(skill["lv"])
            questions.append(
                QuestionPlan(
                    prompt=name,
                    help_text=f"How good are you at {name.lower()} today?",
                    weight=question_weight(skill["im"]),
                    required_level=level,
                    rule=_skill_rule(name, skill["im"], level, tip),
                )
            )
        sections.append(
            SectionPlan(
                title=(members[0].get("group_name") or "Other skills")[:120],
                intro=intro,
                # The sum of its importances, so that overall every skill
                # counts by its importance, wherever O*NET grouped it.
                weight=min(max(_round_half_up(sum(s["im"] for s in members)), 1), 100),
                questions=tuple(questions),
                rule=RulePlan(
                    title=advice_title, advice=SECTION_ADVICE, below_score=70
                ),
            )
        )
    count = len(rated)
    return AnalysisPlan(
        slug=analysis_slug(career_slug),
        title=_title(career_title),
        intro=_intro(career_title, count),
        estimated_minutes=max(1, math.ceil(count * SECONDS_PER_QUESTION / 60)),
        sections=tuple(sections),
    )
