"""Loading the assessments that ship in assessments/content/ into the database.

A readiness assessment's file holds its sections, questions and advice. A skills
gap analysis's file holds only its settings: its questions come from the career's
skills (`build_skills_gap`), with optional advice per skill keyed by skill name.
"""

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from assessments.models import Assessment, Choice, Question, Recommendation, Section
from careers.models import Career, CareerSkill, Skill
from careers.models import Section as GuideSection
from careers.services import ContentError, LoadReport, read_content

__all__ = ["CONTENT_DIR", "ContentError", "build_skills_gap", "load_assessments"]

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

RATING_LABELS = ("New to this", "Could teach it")
# Sections of a skills gap analysis, in the order of Skill.Kind.
SKILL_SECTION_TITLES = {
    Skill.Kind.TECHNICAL: "Technical skills",
    Skill.Kind.SOFT: "Soft skills",
}
SKILL_SECTION_INTROS = {
    Skill.Kind.TECHNICAL: "The tools and know-how the job runs on.",
    Skill.Kind.SOFT: "How you deal with people, pressure and detail.",
}


def _problem(where: str, error) -> ContentError:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        details = "; ".join(
            f"{field}: {' '.join(messages)}"
            for field, messages in error.message_dict.items()
        )
    elif isinstance(error, ValidationError):
        details = " ".join(error.messages)
    else:
        details = str(error)
    return ContentError(f"{where}: {details}")


def _check_keys(table, allowed: set[str], where: str, required=()) -> None:
    if not isinstance(table, Mapping):
        raise ContentError(f"{where}: expected a table")
    unknown = sorted(set(table) - allowed - {"_file"})
    if unknown:
        raise ContentError(f"{where}: unknown field {', '.join(unknown)}")
    missing = [name for name in required if name not in table]
    if missing:
        raise ContentError(f"{where}: missing field {', '.join(missing)}")


def _validated(instance, where: str, exclude=None):
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise _problem(where, error) from error
    return instance


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
    canonical = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _is_untouched_since_loaded(assessment: Assessment) -> bool:
    """True when nobody has saved the assessment since the loader last wrote it."""
    return (
        assessment.loaded_at is not None
        and assessment.updated_at <= assessment.loaded_at
    )


# --- Skills gap analysis ------------------------------------------------------


def _default_skill_rule(career_skill: CareerSkill) -> dict:
    level = career_skill.IMPORTANCE_LABELS.get(career_skill.importance, "").lower()
    return {
        "title": f"{career_skill.skill.name}: close the gap",
        "advice": (
            f"The guide rates this skill as {level} for the job. Pick one small, "
            "regular way to practice it, such as a free course, a volunteer shift "
            "or a task at your current job, and rate yourself again in a month."
        ),
        "guide_anchor": "skills",
    }


def _default_section_rule(kind: str) -> dict:
    if kind == Skill.Kind.TECHNICAL:
        return {
            "below": 70,
            "title": "Get hands-on with the tools",
            "advice": (
                "Your biggest technical gaps are listed above. Most of these tools "
                "offer free trials or tutorials: choose the gap at the top of the "
                "list, give it twenty minutes a day for two weeks, then retake "
                "this analysis."
            ),
            "guide_anchor": "tools-and-technologies",
        }
    return {
        "below": 70,
        "title": "Practice the people side",
        "advice": (
            "People skills grow with practice on real conversations. Volunteer "
            "work, a part-time job serving the public, or role-playing a hard "
            "call with a friend all count; after each one, note what went well "
            "and what you would say differently."
        ),
        "guide_anchor": "skills",
    }


def _rule_fields(fields: Mapping) -> dict:
    return {
        "below_score": fields.get("below", 100),
        "title": fields["title"],
        "advice": fields["advice"].strip(),
        "guide_anchor": fields.get("guide_anchor", ""),
        "link_url": fields.get("link_url", ""),
        "link_text": fields.get("link_text", ""),
    }


def _write_skill_rule(question, career_skill, override, where) -> None:
    """Give the skill's question its advice; keep advice it already has unless
    the content file overrides it."""
    rule = question.recommendations.first()
    if rule is not None and override is None:
        return
    fields = _rule_fields(override or _default_skill_rule(career_skill))
    rule = rule or Recommendation(question=question)
    rule.section = question.section
    for name, value in fields.items():
        setattr(rule, name, value)
    _validated(rule, where)
    rule.save()


@transaction.atomic
def build_skills_gap(
    assessment: Assessment,
    career: Career,
    *,
    skill_advice: Mapping[str, Mapping] | None = None,
) -> None:
    """Make the assessment rate every skill of the career's guide.

    One section per kind of skill (technical, then soft), one 1-5 rating per
    skill, most important first, whose required level and weight are the
    skill's importance, and advice for each skill and section. Questions for
    skills still in the guide keep their ids and advice; questions for skills it
    dropped are deleted. `skill_advice` (skill name to rule fields) replaces the
    advice of the skills it names.
    """
    skill_advice = skill_advice or {}
    career_skills = list(career.skills.select_related("skill").order_by("order", "pk"))
    questions = {
        question.skill_id: question
        for question in Question.objects.filter(
            section__assessment=assessment, skill__isnull=False
        )
    }
    sections = {section.title: section for section in assessment.sections.all()}
    kept_questions, kept_sections = set(), set()

    for order, kind in enumerate(Skill.Kind, start=1):
        ranked = sorted(
            (cs for cs in career_skills if cs.skill.kind == kind),
            key=lambda cs: (-cs.importance, cs.order, cs.pk),
        )
        if not ranked:
            continue
        title = SKILL_SECTION_TITLES[kind]
        section = sections.get(title) or Section(
            assessment=assessment, title=title, intro=SKILL_SECTION_INTROS[kind]
        )
        section.order = order
        _validated(section, f"section {title}")
        section.save()
        kept_sections.add(section.pk)

        for position, career_skill in enumerate(ranked, start=1):
            skill = career_skill.skill
            question = questions.get(skill.pk) or Question(skill=skill)
            question.section = section
            question.prompt = f"{skill.name}: how strong are you today?"
            question.help_text = skill.description[:300]
            question.kind = Question.Kind.RATING
            question.required = True
            question.order = position
            question.weight = career_skill.importance
            question.required_level = career_skill.importance
            question.low_label, question.high_label = RATING_LABELS
            _validated(question, f"skill {skill.name}")
            question.save()
            kept_questions.add(question.pk)
            _write_skill_rule(
                question,
                career_skill,
                skill_advice.get(skill.name),
                f"skill_advice.{skill.name}",
            )

        if not section.recommendations.filter(question__isnull=True).exists():
            rule = Recommendation(
                section=section, **_rule_fields(_default_section_rule(kind))
            )
            _validated(rule, f"advice for {title}")
            rule.save()

    Question.objects.filter(section__assessment=assessment).exclude(
        pk__in=kept_questions
    ).delete()
    assessment.sections.exclude(pk__in=kept_sections).delete()


# --- Readiness assessment -----------------------------------------------------


def _question(section: Section, item: Mapping, order: int, where: str) -> Question:
    _check_keys(item, QUESTION_KEYS, where, required=("prompt", "kind"))
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
    _validated(question, where)
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
            _check_keys(
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
        _validated(row, f"{where} choice {number}")
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
        _check_keys(item, SECTION_KEYS, where, required=("title", "questions"))
        section = Section(
            assessment=assessment,
            title=item["title"],
            intro=item.get("intro", ""),
            weight=item.get("weight", 1),
            order=order,
        )
        _validated(section, where)
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
            _check_keys(entry, RULE_KEYS, rule_where, required=("title", "advice"))
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
    fields = _rule_fields({"below": 70, **entry})
    if fields["guide_anchor"] and fields["guide_anchor"] not in anchors:
        raise ContentError(
            f"{where}: guide_anchor: {fields['guide_anchor']!r} is not on the guide"
        )
    rule = Recommendation(section=section, question=question, **fields)
    _validated(rule, where)
    rule.save()


# --- Loading ------------------------------------------------------------------


def _career_for(document: dict) -> Career:
    file_name = document["_file"]
    _check_keys(
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
    _check_keys(thresholds, THRESHOLD_KEYS, f"{document['_file']}: thresholds")
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
        _check_keys(entry, SKILL_ADVICE_KEYS, where, required=("title", "advice"))
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
    _validated(assessment, file_name, ["slug"] if assessment.pk else None)
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
    elif _is_untouched_since_loaded(assessment):
        _save_assessment(assessment, document, career, digest)
        report.updated.append(assessment.slug)
    else:
        report.kept_staff_edits.append(assessment.slug)
