"""Loading the assessments that ship in assessments/content/ into the database.

A readiness assessment's file holds its sections, questions and advice. A skills
gap analysis's file holds only its settings: its questions come from the career's
skills (`build_skills_gap`), with optional advice per skill keyed by skill name.
"""

from collections.abc import Mapping
from pathlib import Path

from django.db import transaction
from django.db.models import F

from assessments.models import Assessment, Choice, Question, Recommendation, Section
from assessments.skills_gap import build_skills_gap, rule_fields
from careers.models import Career, GuideSection
from core.content import (
    ContentError,
    LoadReport,
    check_keys,
    content_digest,
    is_untouched_since_loaded,
    read_content,
    validated,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"

ASSESSMENT_KEYS = {
    "slug",
    "title",
    "kind",
    "career",
    "intro",
    "estimated_minutes",
    "published",
    "thresholds",
    "sections",
    "skill_advice",
}
THRESHOLD_KEYS = {"getting_there", "ready", "strong"}
SECTION_KEYS = {"title", "intro", "weight", "questions", "recommendations"}
QUESTION_KEYS = {
    "key",
    "prompt",
    "help_text",
    "kind",
    "required",
    "weight",
    "choices",
    "yes_points",
    "no_points",
    "low_label",
    "high_label",
    "required_level",
    "min",
    "max",
    "target",
    "unit",
}
CHOICE_KEYS = {"label", "points"}
RULE_KEYS = {
    "question",
    "below",
    "title",
    "advice",
    "guide_anchor",
    "link_url",
    "link_text",
}
SKILL_ADVICE_KEYS = RULE_KEYS - {"question"}


def guide_anchors(career: Career) -> set[str]:
    """Every anchor a recommendation may link to on the career's guide page."""
    anchors = {*GuideSection.Placement.values, *GuideSection.RESERVED_ANCHORS}
    anchors.discard("main")
    return anchors | set(career.sections.values_list("anchor", flat=True))


def _digest(document: dict, career: Career) -> str:
    content = dict(document)
    if document.get("kind") == Assessment.Kind.SKILLS_GAP:
        # The questions come from the guide, so a change to its skills counts too.
        content["_skills"] = list(
            career.skills.order_by("order", "pk").values_list(
                "skill__name", "skill__kind", "skill__description", "importance"
            )
        )
    return content_digest(content)


# --- Readiness assessment -----------------------------------------------------


def _question(section: Section, item: Mapping, order: int, where: str) -> Question:
    check_keys(item, QUESTION_KEYS, where, required=("prompt", "kind"))
    question = Question(
        section=section,
        prompt=item["prompt"],
        help_text=item.get("help_text", ""),
        kind=item["kind"],
        required=item.get("required", True),
        weight=item.get("weight", 1),
        order=order,
        low_label=item.get("low_label", ""),
        high_label=item.get("high_label", ""),
        required_level=item.get("required_level"),
        min_value=item.get("min"),
        max_value=item.get("max"),
        target_value=item.get("target"),
        unit=item.get("unit", ""),
    )
    validated(question, where)
    kind = question.kind
    if kind == Question.Kind.RATING and not (
        question.low_label and question.high_label
    ):
        raise ContentError(f"{where}: a rating needs low_label and high_label")
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        choices = item.get("choices", [])
        if len(choices) < 2:
            raise ContentError(f"{where}: choices: give at least two")
        for number, choice in enumerate(choices, start=1):
            check_keys(
                choice, CHOICE_KEYS, f"{where} choice {number}", required=("label",)
            )
            if type(choice.get("points", 0)) is not int:
                raise ContentError(f"{where} choice {number}: points: use a number")
        if max(choice.get("points", 0) for choice in choices) <= 0:
            raise ContentError(f"{where}: choices: at least one must earn points")
    elif "choices" in item:
        raise ContentError(f"{where}: choices: only choice questions have choices")
    question.save()
    for number, choice in enumerate(_choices(item, kind), start=1):
        row = Choice(
            question=question,
            label=choice["label"],
            points=choice.get("points", 0),
            order=number,
        )
        validated(row, f"{where} choice {number}")
        row.save()
    return question


def _choices(item: Mapping, kind: str) -> list[Mapping]:
    if kind == Question.Kind.YES_NO:
        return [
            {"label": "Yes", "points": item.get("yes_points", 1)},
            {"label": "No", "points": item.get("no_points", 0)},
        ]
    return item.get("choices", [])


def _write_sections(assessment: Assessment, document: dict, career: Career) -> None:
    file_name = document["_file"]
    anchors = guide_anchors(career)
    sections = document.get("sections", [])
    if not sections:
        raise ContentError(f"{file_name}: sections: a readiness assessment needs some")
    for order, item in enumerate(sections, start=1):
        where = f"{file_name}: sections[{order}]"
        check_keys(item, SECTION_KEYS, where, required=("title", "questions"))
        section = Section(
            assessment=assessment,
            title=item["title"],
            intro=item.get("intro", ""),
            weight=item.get("weight", 1),
            order=order,
        )
        validated(section, where)
        section.save()
        by_key = {}
        for number, entry in enumerate(item["questions"], start=1):
            question = _question(section, entry, number, f"{where}.questions[{number}]")
            if "key" in entry:
                if entry["key"] in by_key:
                    raise ContentError(f"{where}: key {entry['key']!r} used twice")
                by_key[entry["key"]] = question
        for number, entry in enumerate(item.get("recommendations", []), start=1):
            rule_where = f"{where}.recommendations[{number}]"
            check_keys(entry, RULE_KEYS, rule_where, required=("title", "advice"))
            question = None
            if "question" in entry:
                question = by_key.get(entry["question"])
                if question is None:
                    raise ContentError(
                        f"{rule_where}: question: no question of this section has "
                        f"key {entry['question']!r}"
                    )
            _write_rule(section, question, entry, anchors, rule_where)


def _write_rule(section, question, entry, anchors, where) -> None:
    fields = rule_fields({"below": 70, **entry})
    if fields["guide_anchor"] and fields["guide_anchor"] not in anchors:
        raise ContentError(
            f"{where}: guide_anchor: {fields['guide_anchor']!r} is not on the guide"
        )
    rule = Recommendation(section=section, question=question, **fields)
    validated(rule, where)
    rule.save()


# --- Loading ------------------------------------------------------------------


def _career_for(document: dict) -> Career:
    file_name = document["_file"]
    check_keys(
        document,
        ASSESSMENT_KEYS,
        file_name,
        required=("slug", "title", "kind", "career"),
    )
    if document["kind"] not in Assessment.Kind.values:
        raise ContentError(
            f"{file_name}: kind: {document['kind']!r} is not one of "
            f"{', '.join(Assessment.Kind.values)}"
        )
    career = Career.objects.filter(slug=document["career"]).first()
    if career is None:
        raise ContentError(
            f"{file_name}: career: no guide {document['career']!r}; "
            "run load_careers first"
        )
    return career


def _assessment_fields(document: dict, career: Career) -> dict:
    thresholds = document.get("thresholds", {})
    check_keys(thresholds, THRESHOLD_KEYS, f"{document['_file']}: thresholds")
    fields = {
        "title": document["title"],
        "kind": document["kind"],
        "career": career,
        "intro": document.get("intro", "").strip(),
        "estimated_minutes": document.get("estimated_minutes", 5),
        "is_published": document.get("published", False),
    }
    for key, name in (
        ("getting_there", "getting_there_from"),
        ("ready", "ready_from"),
        ("strong", "strong_from"),
    ):
        if key in thresholds:
            fields[name] = thresholds[key]
    return fields


def _skill_advice(document: dict, career: Career) -> dict:
    file_name = document["_file"]
    advice = document.get("skill_advice", {})
    names = set(career.skills.values_list("skill__name", flat=True))
    anchors = guide_anchors(career)
    for name, entry in advice.items():
        where = f"{file_name}: skill_advice.{name}"
        if name not in names:
            raise ContentError(f"{where}: the guide has no skill of this name")
        check_keys(entry, SKILL_ADVICE_KEYS, where, required=("title", "advice"))
        anchor = entry.get("guide_anchor", "")
        if anchor and anchor not in anchors:
            raise ContentError(f"{where}: guide_anchor: {anchor!r} is not on the guide")
    return advice


def _save_assessment(
    assessment: Assessment, document: dict, career: Career, digest: str
) -> None:
    file_name = document["_file"]
    if document["kind"] == Assessment.Kind.SKILLS_GAP and "sections" in document:
        raise ContentError(
            f"{file_name}: sections: a skills gap analysis takes its questions "
            "from the guide's skills"
        )
    if document["kind"] == Assessment.Kind.READINESS and "skill_advice" in document:
        raise ContentError(f"{file_name}: skill_advice: only for a skills gap analysis")
    for name, value in _assessment_fields(document, career).items():
        setattr(assessment, name, value)
    validated(assessment, file_name, ["slug"] if assessment.pk else None)
    assessment.save()
    # The file is the whole truth for an assessment nobody edited: start afresh.
    assessment.sections.all().delete()
    if assessment.kind == Assessment.Kind.SKILLS_GAP:
        advice = _skill_advice(document, career)
        try:
            build_skills_gap(assessment, career, skill_advice=advice)
        except ContentError as error:
            raise ContentError(f"{file_name}: {error}") from error
    else:
        _write_sections(assessment, document, career)
    Assessment.objects.filter(pk=assessment.pk).update(
        loaded_digest=digest, loaded_at=F("updated_at")
    )


@transaction.atomic
def load_assessments(*, content_dir: Path = CONTENT_DIR) -> LoadReport:
    """Load the shipped assessments, never overwriting what staff changed.

    An assessment is created when missing and refreshed when its file (or, for a
    skills gap analysis, its guide's skills) changed and nobody has saved it in
    the admin since the last load; otherwise it is left alone.
    """
    report = LoadReport()
    for document in read_content(content_dir):
        try:
            _load_one(document, report)
        except (TypeError, ValueError, AttributeError) as error:
            # A value of the wrong type that no check above caught.
            raise ContentError(f"{document['_file']}: {error}") from error
    return report


def _load_one(document: dict, report: LoadReport) -> None:
    """Create, refresh or keep one assessment, and note which in the report."""
    career = _career_for(document)
    digest = _digest(document, career)
    assessment = Assessment.objects.filter(slug=document["slug"]).first()
    if assessment is None:
        assessment = Assessment(slug=document["slug"])
        _save_assessment(assessment, document, career, digest)
        report.created.append(assessment.slug)
    elif assessment.loaded_digest == digest:
        report.unchanged.append(assessment.slug)
    elif is_untouched_since_loaded(assessment):
        _save_assessment(assessment, document, career, digest)
        report.updated.append(assessment.slug)
    else:
        report.kept_staff_edits.append(assessment.slug)
