"""Match my skills: rate yourself on O*NET's skills, one group a page, and see
the occupations that fit best."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import match_services, services
from assessments.drafts import RatingsDraft
from assessments.forms import MatchFilterForm, SkillGroupForm, skill_field_name
from assessments.models import Assessment, SkillRatings
from assessments.skills_match import (
    complete_ratings,
    ratings_changes,
    skill_groups,
    skill_names,
)

MATCHES_SHOWN = 20
SAVED_LISTED = 5


def _skill_ratings_or_404(user, pk) -> SkillRatings:
    return get_object_or_404(SkillRatings.objects.for_user(user), pk=pk)


@require_GET
def match_start(request):
    draft = RatingsDraft(request.session)
    saved = list(
        SkillRatings.objects.for_user(request.user)
        .only("pk", "created_at")
        .order_by("-created_at", "-pk")[:SAVED_LISTED]
    )
    return render(
        request,
        "assessments/match/start.html",
        {
            "groups": skill_groups(),
            "skill_count": len(skill_names()),
            "answered": draft.answered_count(),
            "has_results": bool(saved) or complete_ratings(draft.ratings) is not None,
            "saved": saved,
        },
    )


@require_POST
def match_begin(request):
    """Begin again; signed in, from the latest saved ratings, so a retake
    changes only what has changed."""
    draft = RatingsDraft(request.session)
    draft.clear()
    latest = (
        SkillRatings.objects.for_user(request.user)
        .order_by("-created_at", "-pk")
        .first()
    )
    if latest is not None:
        draft.save({skill_id: str(value) for skill_id, value in latest.ratings.items()})
    return redirect("assessments:match_take", number=1)


def _draft_data(draft: RatingsDraft, group) -> dict[str, str]:
    return {
        skill_field_name(skill.id): draft.ratings[skill.id]
        for skill in group.skills
        if draft.ratings.get(skill.id)
    }


@require_http_methods(["GET", "POST"])
def match_take(request, number):
    groups = skill_groups()
    if not 1 <= number <= len(groups):
        raise Http404("Match my skills has no such page.")
    group = groups[number - 1]
    draft = RatingsDraft(request.session)
    if request.method == "POST":
        form = SkillGroupForm(group, request.POST)
        draft.save(form.raw_ratings())
        if request.POST.get("action") == "back":
            if number == 1:
                return redirect("assessments:match")
            return redirect("assessments:match_take", number=number - 1)
        if form.is_valid():
            if number < len(groups):
                return redirect("assessments:match_take", number=number + 1)
            return _finish(request, draft)
    elif request.GET.get("check"):
        form = SkillGroupForm(group, _draft_data(draft, group))
        form.is_valid()
    else:
        form = SkillGroupForm(group, initial=_draft_data(draft, group))
    total = len(skill_names())
    answered = draft.answered_count()
    return render(
        request,
        "assessments/match/take.html",
        {
            "group": group,
            "form": form,
            "number": number,
            "group_count": len(groups),
            "is_last": number == len(groups),
            "answered": answered,
            "total": total,
            "percent": round(100 * answered / total),
        },
    )


def _finish(request, draft: RatingsDraft):
    ratings = complete_ratings(draft.ratings)
    if ratings is None:
        for number, group in enumerate(skill_groups(), start=1):
            if any(not draft.ratings.get(skill.id) for skill in group.skills):
                messages.error(
                    request,
                    f"Some skills on page {number}, {group.name}, still need a rating.",
                )
                url = reverse("assessments:match_take", args=[number])
                return redirect(f"{url}?check=1")
    if request.user.is_authenticated:
        match_services.skill_ratings_save(owner=request.user, ratings=ratings)
        draft.clear()
    return redirect("assessments:match_results")


# One person's ratings: no shared cache may keep the page.
@cache_control(private=True, no_store=True)
@require_GET
def match_results(request):
    person = match_services.ratings_for(user=request.user, session=request.session)
    if person.ratings is None:
        messages.info(request, "Rate your skills first: it takes about six minutes.")
        return redirect("assessments:match")
    form = MatchFilterForm(request.GET)
    form.is_valid()
    # A value the form rejects is shown at its field and filters nothing.
    education = form.cleaned_data.get("education", "")
    pay = form.cleaned_data.get("pay", "")
    matches = match_services.matches_for(
        person.ratings,
        criteria=match_services.criteria_for(education=education, pay=pay),
        limit=MATCHES_SHOWN,
    )
    analyses = match_services.analyses_for(m.candidate.career_id for m in matches)
    changes = None
    if person.previous is not None:
        changes = ratings_changes(
            complete_ratings(person.previous.ratings) or {}, person.ratings
        )
    return render(
        request,
        "assessments/match/results.html",
        {
            "form": form,
            "filtered": bool(education or pay),
            "matches": [
                (match, analyses.get(match.candidate.career_id)) for match in matches
            ],
            "saved": person.saved,
            "previous": person.previous,
            "changes": changes,
        },
    )


@require_POST
def match_prefill(request, slug):
    """Open the skills gap analysis with the person's ratings already given."""
    person = match_services.ratings_for(user=request.user, session=request.session)
    if person.ratings is None:
        messages.info(request, "Rate your skills first, then open the analysis.")
        return redirect("assessments:match")
    try:
        assessment = services.assessment_for_taking(request.user, slug)
    except Assessment.DoesNotExist:
        raise Http404("No published assessment has that address.") from None
    if not (
        assessment.kind == Assessment.Kind.SKILLS_GAP
        and assessment.source == Assessment.Source.GENERATED
    ):
        # Its questions are not O*NET's skills: nothing to carry over.
        return redirect(assessment)
    match_services.skills_gap_prefill(
        session=request.session, assessment=assessment, ratings=person.ratings
    )
    return redirect("assessments:take", slug=assessment.slug, number=1)


@login_required
@require_GET
def match_ratings(request, pk):
    saved = _skill_ratings_or_404(request.user, pk)
    previous = (
        SkillRatings.objects.for_user(request.user)
        .filter(pk__lt=saved.pk)
        .order_by("-pk")
        .first()
    )
    ratings = complete_ratings(saved.ratings) or {}
    before = complete_ratings(previous.ratings) if previous else None
    return render(
        request,
        "assessments/match/ratings.html",
        {
            "saved": saved,
            "previous": previous,
            "groups": [
                (
                    group,
                    [
                        (skill, ratings.get(skill.id), (before or {}).get(skill.id))
                        for skill in group.skills
                    ],
                )
                for group in skill_groups()
            ],
            "changes": ratings_changes(before, ratings) if before else None,
        },
    )
