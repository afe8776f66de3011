"""Copying an assessment, so staff can draft a new version beside the live one."""

from django.db import models, transaction

from assessments.models import Assessment, Choice, Question, Recommendation, Section

COPY_PREFIX = "Copy of "


def _free_slug(slug: str) -> str:
    """Return `<slug>-copy`, or `-copy-2`, `-copy-3`… if that is taken."""
    max_length = Assessment._meta.get_field("slug").max_length
    number = 1
    while True:
        suffix = "-copy" if number == 1 else f"-copy-{number}"
        candidate = slug[: max_length - len(suffix)] + suffix
        if not Assessment.objects.filter(slug=candidate).exists():
            return candidate
        number += 1


def _copy_of(row: models.Model, **changes) -> models.Model:
    """An unsaved copy of the row, every column copied unless changed."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key
    }
    return type(row)(**(values | changes))


@transaction.atomic
def assessment_duplicate(*, assessment: Assessment) -> Assessment:
    """Copy the assessment with its sections, questions, choices and
    recommendation rules, as an unpublished draft under a new slug."""
    # Lock the original so it cannot change halfway through the copy.
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    title_length = Assessment._meta.get_field("title").max_length
    copy = _copy_of(
        assessment,
        title=(COPY_PREFIX + assessment.title)[:title_length],
        slug=_free_slug(assessment.slug),
        is_published=False,
        source=Assessment.Source.EDITORIAL,
        # Staff-made: the content loader never wrote it, so it never rewrites it.
        loaded_digest="",
        loaded_at=None,
    )
    copy.save()

    sections = list(assessment.sections.order_by("order", "pk"))
    new_sections = Section.objects.bulk_create(
        _copy_of(section, assessment_id=copy.pk) for section in sections
    )
    section_ids = {
        old.pk: new.pk for old, new in zip(sections, new_sections, strict=True)
    }

    questions = list(
        Question.objects.filter(section__assessment=assessment).order_by("pk")
    )
    new_questions = Question.objects.bulk_create(
        _copy_of(question, section_id=section_ids[question.section_id])
        for question in questions
    )
    question_ids = {
        old.pk: new.pk for old, new in zip(questions, new_questions, strict=True)
    }

    Choice.objects.bulk_create(
        _copy_of(choice, question_id=question_ids[choice.question_id])
        for choice in Choice.objects.filter(
            question__section__assessment=assessment
        ).order_by("pk")
    )
    Recommendation.objects.bulk_create(
        _copy_of(
            rule,
            section_id=section_ids[rule.section_id],
            question_id=question_ids.get(rule.question_id),
        )
        for rule in Recommendation.objects.filter(
            section__assessment=assessment
        ).order_by("pk")
    )
    return copy
