"""Match my skills' workflows: whose ratings a page ranks with, saving and
claiming them, and pre-filling a skills gap analysis from them."""

from dataclasses import dataclass

from django.urls import reverse

from assessments.drafts import Draft, RatingsDraft
from assessments.match_candidates import match_candidates
from assessments.models import Assessment, SkillRatings
from assessments.skills_match import (
    EDUCATION_UP_TO,
    PAY_AT_LEAST,
    Criteria,
    Match,
    best_matches,
    complete_ratings,
    fit,
    holding_back,
    skill_names,
)


def criteria_for(*, education: str = "", pay: str = "") -> Criteria:
    """The filters for the (already validated) parameters; blanks filter nothing."""
    return Criteria(
        education_up_to=EDUCATION_UP_TO[education][1] if education else None,
        pay_at_least=PAY_AT_LEAST[pay][1] if pay else None,
    )


@dataclass(frozen=True)
class PersonsRatings:
    ratings: dict[str, int] | None  # None: not rated yet
    saved: SkillRatings | None = None  # signed in: the latest saved
    previous: SkillRatings | None = None  # …and the one before it


def ratings_for(*, user, session) -> PersonsRatings:
    """The ratings to match with: signed in, the latest saved (one query);
    otherwise, or before saving any, a complete set in the session."""
    latest = list(
        SkillRatings.objects.for_user(user).order_by("-created_at", "-pk")[:2]
    )
    if latest:
        return PersonsRatings(
            ratings=complete_ratings(latest[0].ratings),
            saved=latest[0],
            previous=latest[1] if len(latest) > 1 else None,
        )
    return PersonsRatings(ratings=complete_ratings(RatingsDraft(session).ratings))


def skill_ratings_save(*, owner, ratings: dict[str, int]) -> SkillRatings:
    """Keep a complete set of ratings for the person (a new row each time)."""
    complete = complete_ratings(ratings)
    if complete is None:
        raise ValueError("Every skill needs a rating from 1 to 5.")
    return SkillRatings.objects.create(owner=owner, ratings=complete)


def claim_session_ratings(sender, request, user, **kwargs) -> SkillRatings | None:
    """Keep the ratings a person finished before signing in."""
    if request is None or not hasattr(request, "session"):
        return None
    ratings = complete_ratings(RatingsDraft(request.session).ratings)
    if ratings is None:
        return None
    RatingsDraft(request.session).clear()
    latest = SkillRatings.objects.for_user(user).order_by("-created_at", "-pk").first()
    if latest is not None and latest.ratings == ratings:
        return latest
    return skill_ratings_save(owner=user, ratings=ratings)


def latest_skill_ratings(user) -> dict[str, int] | None:
    """The person's latest saved ratings (one query), or None."""
    latest = (
        SkillRatings.objects.for_user(user)
        .order_by("-created_at", "-pk")
        .values_list("ratings", flat=True)
        .first()
    )
    return complete_ratings(latest) if latest else None


def career_match(ratings: dict[str, int], career_id: int) -> Match | None:
    """How well the ratings fit one guide's occupation, or None when it has
    no published guide with skill ratings."""
    for candidate in match_candidates():
        if candidate.career_id == career_id:
            return Match(
                candidate=candidate,
                fit=fit(ratings, candidate.skills),
                holding_back=holding_back(ratings, candidate.skills),
            )
    return None


def matches_for(
    ratings: dict[str, int], *, criteria: Criteria, limit: int
) -> list[Match]:
    return best_matches(ratings, match_candidates(), criteria=criteria, limit=limit)


@dataclass(frozen=True)
class AnalysisLink:
    slug: str
    title: str
    prefill: bool  # generated from O*NET's skills: it can start from the ratings

    @property
    def url(self) -> str:
        return reverse("assessments:detail", args=[self.slug])


def analyses_for(career_ids) -> dict[int, AnalysisLink]:
    """Each career's published skills gap analysis, by career id (one query)."""
    rows = (
        Assessment.objects.published()
        .filter(kind=Assessment.Kind.SKILLS_GAP, career_id__in=list(career_ids))
        .order_by("source", "pk")
        .values_list("career_id", "slug", "title", "source")
    )
    links = {}
    for career_id, slug, title, source in rows:
        links.setdefault(
            career_id,
            AnalysisLink(
                slug=slug, title=title, prefill=source == Assessment.Source.GENERATED
            ),
        )
    return links


def skills_gap_prefill(
    *, session, assessment: Assessment, ratings: dict[str, int]
) -> int:
    """Start the analysis afresh with each question about one of O*NET's skills
    answered with the person's rating; return how many were answered.

    A generated analysis asks about each skill by its O*NET name (its prompt);
    a question staff renamed is left for the person to answer.
    """
    by_name = {name: skill_id for skill_id, name in skill_names().items()}
    answers = {}
    for section in assessment.sections.all():
        for question in section.questions.all():
            skill_id = by_name.get(question.prompt)
            if skill_id in ratings and question.kind == question.Kind.RATING:
                answers[str(question.pk)] = str(ratings[skill_id])
    draft = Draft(session, assessment)
    draft.clear()
    draft.save_answers(answers)
    return len(answers)


def ratings_export_user_data(*, user) -> list[dict]:
    names = skill_names()
    return [
        {
            "saved_at": saved.created_at.isoformat(),
            "ratings": {
                names.get(skill_id, skill_id): rating
                for skill_id, rating in saved.ratings.items()
            },
        }
        for saved in SkillRatings.objects.for_user(user).order_by("created_at", "pk")
    ]
