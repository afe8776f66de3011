"""Assessment workflows: scoring input from rows, saving and claiming results."""

import uuid
from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from assessments import scoring
from assessments.models import Assessment, Choice, Question, Recommendation, Result
from careers.models import Career

# Session key listing the results taken in this browser before signing in.
SESSION_RESULTS_KEY = "assessment_results"


@dataclass(frozen=True)
class IndexListing:
    assessments: QuerySet  # ordered, not yet run: the index pages through it
    career: Career | None  # the guide it is narrowed to
    query: str


def assessments_for_index(
    *, user, career_slug: str = "", query: str = ""
) -> IndexListing:
    """The published assessments the index lists, with their question counts.

    The person's target career's come first, then hand-written ones, then those
    generated from the catalogue, each in career order. `career_slug` narrows
    the list to one guide's (an unknown guide, or one without any, is ignored);
    `query` to titles containing it.
    """
    assessments = (
        Assessment.objects.published()
        .select_related("career")
        .annotate(question_count=Count("sections__questions"))
    )
    career = None
    if career_slug:
        career = Career.objects.filter(
            slug=career_slug, assessments__is_published=True
        ).first()
    if career is not None:
        assessments = assessments.filter(career=career)
    if query:
        assessments = assessments.filter(title__icontains=query)
    target_id = getattr(user, "target_career_id", None)
    assessments = assessments.annotate(
        is_for_target=Case(
            When(career_id=target_id, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        if target_id
        else Value(False, output_field=BooleanField()),
        is_generated=Case(
            When(source=Assessment.Source.GENERATED, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
    ).order_by("-is_for_target", "is_generated", "career__title", "kind", "title")
    return IndexListing(assessments=assessments, career=career, query=query)


def assessment_for_taking(user, slug: str) -> Assessment:
    """Return the assessment with every section, question and choice prefetched.

    Raises Assessment.DoesNotExist for an unknown slug, or a draft for non-staff.
    """
    questions = Question.objects.select_related("skill").prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))
    )
    return (
        Assessment.objects.visible_to(user)
        .select_related("career")
        .prefetch_related(
            "sections",
            Prefetch("sections__questions", queryset=questions),
            Prefetch(
                "sections__recommendations",
                queryset=Recommendation.objects.order_by("pk"),
            ),
        )
        .get(slug=slug)
    )


def scoring_sections(assessment: Assessment) -> list[scoring.SectionSpec]:
    """The assessment's sections as scoring input (uses prefetched rows)."""
    return [
        scoring.SectionSpec(
            id=section.pk,
            title=section.title,
            weight=section.weight,
            questions=tuple(
                scoring.QuestionSpec(
                    id=question.pk,
                    kind=question.kind,
                    label=question.skill.name if question.skill else question.prompt,
                    weight=question.weight,
                    choices=tuple(
                        scoring.ChoiceSpec(id=choice.pk, points=choice.points)
                        for choice in question.choices.all()
                    ),
                    required_level=question.required_level,
                    min_value=question.min_value,
                    target_value=question.target_value,
                )
                for question in section.questions.all()
            ),
        )
        for section in assessment.sections.all()
    ]


def recommendation_url(assessment: Assessment, rule: Recommendation) -> str:
    if rule.guide_anchor:
        return f"{assessment.career.get_absolute_url()}#{rule.guide_anchor}"
    return rule.link_url


def scoring_rules(assessment: Assessment) -> list[scoring.RuleSpec]:
    """The assessment's recommendation rules as scoring input (prefetched rows)."""
    return [
        scoring.RuleSpec(
            id=rule.pk,
            section_id=section.pk,
            question_id=rule.question_id,
            below_score=rule.below_score,
            title=rule.title,
            advice=rule.advice,
            url=recommendation_url(assessment, rule),
            link_text=rule.link_text
            or ("Read this in the guide" if rule.guide_anchor else ""),
        )
        for section in assessment.sections.all()
        for rule in section.recommendations.all()
    ]


def score(assessment: Assessment, answers: dict[int, object]) -> scoring.Outcome:
    return scoring.score_attempt(
        scoring_sections(assessment),
        answers,
        thresholds=scoring.BandThresholds(
            getting_there=assessment.getting_there_from,
            ready=assessment.ready_from,
            strong=assessment.strong_from,
        ),
        rules=scoring_rules(assessment),
    )


def result_create(
    *,
    assessment: Assessment,
    answers: dict[int, object],
    submission_id: uuid.UUID,
    owner=None,
) -> Result:
    """Score the answers and save the result; a repeated submission returns the
    result it already made instead of saving a second one."""
    existing = Result.objects.filter(submission_id=submission_id).first()
    if existing is not None:
        return existing
    outcome = score(assessment, answers)
    result = Result(
        assessment=assessment,
        owner=owner if getattr(owner, "is_authenticated", False) else None,
        submission_id=submission_id,
        overall_score=outcome.overall,
        band=outcome.band.value,
        answers={str(question_id): value for question_id, value in answers.items()},
        section_scores=[
            {
                **asdict(section),
                "score": None
                if section.score is None
                else scoring.round_score(section.score),
            }
            for section in outcome.sections
        ],
        gaps=[asdict(gap) for gap in outcome.gaps],
        recommendations=[asdict(item) for item in outcome.advice],
    )
    try:
        with transaction.atomic():
            result.save()
    except IntegrityError:
        # The same submission arrived twice at once; the other request saved it.
        return Result.objects.get(submission_id=submission_id)
    return result


def remember_in_session(session, result: Result) -> None:
    """Note an anonymous result in the session, so signing in can claim it."""
    if result.owner_id is not None:
        return
    results = session.get(SESSION_RESULTS_KEY, [])
    if str(result.public_id) not in results:
        session[SESSION_RESULTS_KEY] = [*results, str(result.public_id)]


def repeated_submission_result(*, user, session, submission_id) -> Result | None:
    """The result this visitor's own earlier submission with this id made, if any.

    Only the visitor's results count (their account's, or those taken signed out
    in this session), so posting someone else's id leads nowhere.
    """
    own = Q(owner__isnull=True, public_id__in=session.get(SESSION_RESULTS_KEY, []))
    if getattr(user, "is_authenticated", False):
        own |= Q(owner=user)
    return Result.objects.filter(own, submission_id=submission_id).first()


def claim_session_results(sender, request, user, **kwargs) -> int:
    """Give the person the anonymous results taken in this browser session."""
    if request is None or not hasattr(request, "session"):
        return 0
    public_ids = request.session.pop(SESSION_RESULTS_KEY, [])
    if not public_ids:
        return 0
    return Result.objects.filter(public_id__in=public_ids, owner__isnull=True).update(
        owner=user
    )


def results_export_user_data(*, user) -> dict:
    results = Result.objects.for_user(user).select_related("assessment")
    return {
        "results": [
            {
                "id": str(result.public_id),
                "assessment": result.assessment.title,
                # By its address too, which the import looks it up by.
                "assessment_slug": result.assessment.slug,
                "taken_at": result.created_at.isoformat(),
                "overall_score": result.overall_score,
                "band": result.band_label,
                "band_code": result.band,
                "sections": result.section_scores,
                "answers": result.answers,
                "gaps": result.gaps,
                "recommendations": result.recommendations,
            }
            for result in results
        ]
    }


def get_result_for_viewer(user, public_id) -> Result:
    """The result at this address, or 404 when it belongs to somebody else.

    A result nobody has claimed is open to whoever holds its random address;
    once claimed, only its owner sees it.
    """
    result = get_object_or_404(
        Result.objects.select_related("assessment__career"), public_id=public_id
    )
    if result.owner_id is not None and result.owner_id != user.pk:
        raise Http404("No result has that address.")
    return result


def latest_scores(user, assessments) -> dict[int, Result]:
    """The person's latest result for each of the assessments, by assessment id."""
    latest = {}
    # Only what the list shows: not every attempt's answers and advice.
    results = (
        Result.objects.for_user(user)
        .filter(assessment__in=[a.pk for a in assessments])
        .only("public_id", "assessment_id", "overall_score", "created_at")
    )
    for result in results.order_by("created_at", "pk"):
        latest[result.assessment_id] = result
    return latest


def latest_readiness(*, user, career=None) -> Result | None:
    """The person's latest readiness result: for their target career when they
    have taken its assessment, otherwise for any career (one query)."""
    results = (
        Result.objects.for_user(user)
        .filter(assessment__kind=Assessment.Kind.READINESS)
        .select_related("assessment__career")
    )
    if career is not None:
        results = results.alias(
            for_target=Case(
                When(assessment__career=career, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by("-for_target", "-created_at", "-pk")
    else:
        results = results.order_by("-created_at", "-pk")
    return results.first()


def assessment_touch(assessment_id: int) -> None:
    """Mark the assessment as edited by staff, so the content loader leaves it be."""
    Assessment.objects.filter(pk=assessment_id).update(updated_at=timezone.now())
