"""Writing the catalogue's skills gap analyses: created or refreshed in short
transactions with bulk inserts, so ~900 load in seconds and a live site keeps
answering during the load."""

import time
from dataclasses import dataclass, field
from itertools import batched

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from assessments.catalogue.plans import AnalysisPlan, RulePlan, plan_for
from assessments.models import Assessment, Question, Recommendation, Section
from assessments.skills_gap import RATING_LABELS
from careers.models import Career
from core.content import is_untouched_since_loaded

# Assessments written per transaction: each holds a write lock well under a second.
BATCH_SIZE = 25


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
