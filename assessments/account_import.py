"""Assessments' part of bringing a "Download my data" file back: results
(with new addresses and submission ids) and saved skill ratings."""

import uuid
from dataclasses import dataclass, field

from assessments.models import Assessment, Result, SkillRatings
from assessments.skills_match import RATINGS, skill_names
from core.dataimport import ImportPart, build, field_value, items, record

RESULT_NAMES = {
    "overall_score": "overall_score",
    "band_code": "band",
    "answers": "answers",
    "sections": "section_scores",
    "gaps": "gaps",
    "recommendations": "recommendations",
}

JSON_FIELDS = ("answers", "section_scores", "gaps", "recommendations")


@dataclass
class Plan:
    results: list[tuple[Result, dict]] = field(default_factory=list)
    ratings: list[tuple[SkillRatings, dict]] = field(default_factory=list)


def _when(part: ImportPart, model, name: str, raw, where: str) -> dict:
    value, problem = field_value(model._meta.get_field(name), raw)
    if problem:
        part.error(where, problem)
    return {name: value} if value is not None else {}


def _check_ratings(part: ImportPart, plan: Plan, user, entry, where: str) -> None:
    entry = record(part, entry, where)
    if entry is None:
        return
    ratings = record(part, entry.get("ratings"), f"{where}.ratings")
    if ratings is None:
        return
    # The export names each skill; unknown ones it left as their O*NET ids.
    ids = {name: skill_id for skill_id, name in skill_names().items()}
    by_id = {}
    for name, rating in ratings.items():
        if isinstance(rating, bool) or rating not in RATINGS:
            part.error(f"{where}.ratings.{name}", "not a rating from 1 to 5")
        else:
            by_id[ids.get(name, name)] = int(rating)
    times = _when(
        part, SkillRatings, "created_at", entry.get("saved_at"), f"{where}.saved_at"
    )
    plan.ratings.append((SkillRatings(owner=user, ratings=by_id), times))
    part.adds("saved skill ratings")


def assessments_import_check(*, user, data, files) -> tuple[ImportPart, Plan]:
    """Check assessments' part of a data file: (what it adds, the plan)."""
    part, plan = ImportPart(), Plan()
    data = record(part, data, "assessments") if data is not None else {}
    if data is None:
        return part, plan
    results = items(part, data.get("results"), "assessments.results")
    slugs = {
        entry.get("assessment_slug") for entry in results if isinstance(entry, dict)
    }
    assessments = {
        assessment.slug: assessment
        for assessment in Assessment.objects.filter(
            slug__in=[slug for slug in slugs if isinstance(slug, str)]
        )
    }
    for number, entry in enumerate(results):
        where = f"assessments.results[{number}]"
        result = build(
            part,
            Result,
            entry,
            where,
            RESULT_NAMES,
            # A new address and submission id: the old result's stay its own.
            fixed={"owner": user, "submission_id": uuid.uuid4()},
            # JSON fields whose empty list or object is valid here.
            exclude=("owner", "assessment", *JSON_FIELDS),
            # The score's check constraint is its MaxValueValidator(100) too.
            validate_constraints=False,
        )
        if result is None:
            continue
        slug = entry.get("assessment_slug")
        assessment = assessments.get(slug) if isinstance(slug, str) else None
        if assessment is None:
            # The catalogue changes: a retired assessment must not lock a
            # person out of the rest of their file.
            part.warn(
                f"{where}.assessment_slug", f"no assessment “{slug}” now: left out"
            )
            continue
        result.assessment = assessment
        times = _when(
            part, Result, "created_at", entry.get("taken_at"), f"{where}.taken_at"
        )
        plan.results.append((result, times))
        part.adds("assessment results", result.assessment.title)
    for number, entry in enumerate(
        items(part, data.get("skill_ratings"), "assessments.skill_ratings")
    ):
        _check_ratings(part, plan, user, entry, f"assessments.skill_ratings[{number}]")
    return part, plan


def assessments_import_write(*, plan: Plan) -> None:
    """Add what assessments_import_check planned (in the caller's transaction)."""
    for model, rows in ((Result, plan.results), (SkillRatings, plan.ratings)):
        for row, times in rows:
            row.save()
            if times:
                # created_at is auto_now_add: the file's time is set after.
                model.objects.filter(pk=row.pk).update(**times)
