"""Building a skills gap analysis from its career guide's skills."""

from collections.abc import Mapping

from django.db import transaction

from assessments.models import Assessment, Question, Recommendation, Section
from careers.models import Career, CareerSkill, Skill
from core.content import validated

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


def rule_fields(fields: Mapping) -> dict:
    """A recommendation's model fields from a rule as a content file writes it."""
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
    fields = rule_fields(override or _default_skill_rule(career_skill))
    rule = rule or Recommendation(question=question)
    rule.section = question.section
    for name, value in fields.items():
        setattr(rule, name, value)
    validated(rule, where)
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
        validated(section, f"section {title}")
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
            validated(question, f"skill {skill.name}")
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
                section=section, **rule_fields(_default_section_rule(kind))
            )
            validated(rule, f"advice for {title}")
            rule.save()

    Question.objects.filter(section__assessment=assessment).exclude(
        pk__in=kept_questions
    ).delete()
    assessment.sections.exclude(pk__in=kept_sections).delete()
