"""Skills gap analyses for the occupation catalogue.

`load_assessments` generates one for every published guide whose occupation has
skill ratings (O*NET's importance `im`, 1-5, and level `lv`, 0-7, kept in the
occupation's `facts`), except guides that have a hand-written one. Each skill
becomes a 1-5 self-rating: its required level is the level rescaled to 1-5 and
its weight the importance. Every sentence is ours, composed from names and
figures; nothing is copied from O*NET's descriptions.

`plan_for` is pure (facts in, plan out); `generate_skills_gaps` writes the plans
in short transactions with bulk inserts, so ~900 analyses load in seconds and a
live site keeps answering during the load.
"""

import hashlib
import json
import math
import time
from dataclasses import asdict, dataclass, field
from itertools import batched

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from assessments.models import Assessment, Question, Recommendation, Section
from assessments.skills_gap import RATING_LABELS
from careers.models import Career
from core.content import is_untouched_since_loaded

# Bump when the wording or the mapping below changes, so every analysis nobody
# edited is rebuilt on the next load.
GENERATOR_VERSION = 1
SLUG_SUFFIX = "-skills-gap"
TITLE_SUFFIX = " Skills Gap Analysis"
SECONDS_PER_QUESTION = 10
# Assessments written per transaction: each holds a write lock well under a second.
BATCH_SIZE = 25

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


# --- Writing ------------------------------------------------------------------


@dataclass
class GenerationReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    questions_written: int = 0
    kept_staff_edits: list[str] = field(default_factory=list)
    hand_written: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # The longest write transaction: how long a page might wait on the lock.
    longest_batch_seconds: float = 0.0

    def summary(self) -> list[str]:
        """Lines for the management command: counts, not 900 slugs."""
        if not (self.created or self.updated):
            changed = "nothing changed"
        else:
            changed = (
                f"{self.created:,} created, {self.updated:,} updated "
                f"({self.questions_written:,} questions written)"
            )
        lines = [
            f"Skills gap analyses from the catalogue: {changed}; "
            f"{self.unchanged:,} unchanged, in {self.seconds:.1f} s"
            + (
                f" (longest write transaction {self.longest_batch_seconds:.2f} s)."
                if self.created or self.updated
                else "."
            )
        ]
        if self.kept_staff_edits:
            lines.append(
                f"Kept staff edits to: {', '.join(sorted(self.kept_staff_edits))}"
            )
        if self.hand_written:
            lines.append(
                "Hand-written skills gap analysis kept for: "
                f"{', '.join(sorted(self.hand_written))}"
            )
        return lines


def _candidates():
    """(career id, slug, title, skill ratings) of every published guide with an
    occupation; only the skills are read from the (large) facts."""
    return (
        Career.objects.published()
        .filter(occupation__isnull=False)
        .order_by("pk")
        .values_list("pk", "slug", "title", F("occupation__facts__skills"))
    )


def _sections_and_rules(assessment_id: int, plan: AnalysisPlan):
    return [
        (
            Section(
                assessment_id=assessment_id,
                title=section.title,
                intro=section.intro,
                weight=section.weight,
                order=order,
            ),
            section,
        )
        for order, section in enumerate(plan.sections, start=1)
    ]


def _write_contents(work: list[tuple[Assessment, AnalysisPlan]]) -> int:
    """Insert the sections, questions and advice of freshly saved assessments."""
    pairs = [
        pair
        for assessment, plan in work
        for pair in _sections_and_rules(assessment.pk, plan)
    ]
    Section.objects.bulk_create([section for section, _ in pairs])
    questions, rules = [], []
    for section, plan in pairs:
        rules.append(_rule(section, None, plan.rule))
        for order, item in enumerate(plan.questions, start=1):
            questions.append(
                (
                    Question(
                        section=section,
                        prompt=item.prompt,
                        help_text=item.help_text,
                        kind=Question.Kind.RATING,
                        required=True,
                        order=order,
                        weight=item.weight,
                        required_level=item.required_level,
                        low_label=RATING_LABELS[0],
                        high_label=RATING_LABELS[1],
                    ),
                    item,
                )
            )
    Question.objects.bulk_create([question for question, _ in questions])
    rules += [_rule(q.section, q, item.rule) for q, item in questions]
    Recommendation.objects.bulk_create(rules)
    return len(questions)


def _rule(section, question, plan: RulePlan) -> Recommendation:
    return Recommendation(
        section=section,
        question=question,
        below_score=plan.below_score,
        title=plan.title,
        advice=plan.advice,
        guide_anchor=plan.guide_anchor,
    )


def _write_batch(
    to_create: list[tuple[int, AnalysisPlan]],
    to_update: list[tuple[Assessment, AnalysisPlan]],
) -> int:
    now = timezone.now()
    created = Assessment.objects.bulk_create(
        Assessment(
            slug=plan.slug,
            title=plan.title,
            kind=Assessment.Kind.SKILLS_GAP,
            source=Assessment.Source.GENERATED,
            career_id=career_id,
            intro=plan.intro,
            estimated_minutes=plan.estimated_minutes,
            is_published=True,
            loaded_digest=plan.digest,
        )
        for career_id, plan in to_create
    )
    for assessment, plan in to_update:
        assessment.title = plan.title
        assessment.intro = plan.intro
        assessment.estimated_minutes = plan.estimated_minutes
        assessment.loaded_digest = plan.digest
    if to_update:
        # The analysis is rebuilt whole: its old questions and advice go
        # (results keep their own snapshot of what they said).
        Section.objects.filter(assessment__in=[a for a, _ in to_update]).delete()
        Assessment.objects.bulk_update(
            [a for a, _ in to_update],
            ["title", "intro", "estimated_minutes", "loaded_digest"],
        )
    written = _write_contents(
        list(zip(created, [plan for _, plan in to_create], strict=True)) + to_update
    )
    # Loaded now and untouched since: the staff-edit check compares the two.
    Assessment.objects.filter(
        pk__in=[a.pk for a in created] + [a.pk for a, _ in to_update]
    ).update(updated_at=now, loaded_at=now)
    return written


def generate_skills_gaps(*, batch_size: int = BATCH_SIZE) -> GenerationReport:
    """Create or refresh the catalogue's skills gap analyses, never overwriting
    one that staff edited since it was generated. Safe to run again: an
    analysis whose plan did not change is not written."""
    started = time.perf_counter()
    report = GenerationReport()
    hand_written = set(
        Assessment.objects.filter(
            kind=Assessment.Kind.SKILLS_GAP, source=Assessment.Source.EDITORIAL
        ).values_list("career_id", flat=True)
    )
    existing = {
        assessment.slug: assessment
        for assessment in Assessment.objects.only(
            "slug",
            "source",
            "career_id",
            "loaded_digest",
            "loaded_at",
            "updated_at",
        )
    }
    to_create, to_update = [], []
    for career_id, slug, title, skills in _candidates():
        if career_id in hand_written:
            report.hand_written.append(slug)
            continue
        plan = plan_for(slug, title, skills)
        if plan is None:
            continue
        assessment = existing.get(plan.slug)
        if assessment is None:
            to_create.append((career_id, plan))
        elif (
            assessment.source != Assessment.Source.GENERATED
            or assessment.career_id != career_id
        ):
            # The address belongs to an assessment staff made: leave it be.
            report.kept_staff_edits.append(plan.slug)
        elif assessment.loaded_digest == plan.digest:
            report.unchanged += 1
        elif is_untouched_since_loaded(assessment):
            to_update.append((assessment, plan))
        else:
            report.kept_staff_edits.append(plan.slug)

    work = [("create", item) for item in to_create] + [
        ("update", item) for item in to_update
    ]
    for batch in batched(work, batch_size):
        batch_started = time.perf_counter()
        with transaction.atomic():
            report.questions_written += _write_batch(
                [item for kind, item in batch if kind == "create"],
                [item for kind, item in batch if kind == "update"],
            )
        report.longest_batch_seconds = max(
            report.longest_batch_seconds, time.perf_counter() - batch_started
        )
    report.created, report.updated = len(to_create), len(to_update)
    report.seconds = time.perf_counter() - started
    return report
