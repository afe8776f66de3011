import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import services
from assessments.drafts import Draft
from assessments.forms import SectionForm, field_name
from assessments.history import history_for
from assessments.models import Assessment, Result
from core.charts import horizontal_bar_chart

TOP_GAPS = 5
# Every catalogue occupation has a skills gap analysis: about 900 in all.
INDEX_PAGE_SIZE = 24
MAX_QUERY_LENGTH = 100
TOP_RECOMMENDATIONS = 4


def _assessment_or_404(user, slug) -> Assessment:
    try:
        return services.assessment_for_taking(user, slug)
    except Assessment.DoesNotExist:
        raise Http404("No published assessment has that address.") from None


@require_GET
def index(request):
    assessments = services.assessments_for_index(
        user=request.user,
        career_slug=request.GET.get("career", ""),
        query=request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH],
    )
    page = Paginator(assessments.assessments, INDEX_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    # list() runs the page's query now, so the latest scores can be matched to it.
    page.object_list = list(page.object_list)
    latest = services.latest_scores(request.user, page.object_list)
    for assessment in page.object_list:
        assessment.latest_result = latest.get(assessment.pk)
    return render(
        request,
        "assessments/index.html",
        {
            "page": page,
            "assessments": page.object_list,
            "career": assessments.career,
            "query": assessments.query,
        },
    )


def _question_count(sections) -> int:
    """How many questions the sections hold (from their prefetched questions)."""
    return sum(len(section.questions.all()) for section in sections)


@require_GET
def detail(request, slug):
    assessment = _assessment_or_404(request.user, slug)
    sections = list(assessment.sections.all())
    draft = Draft(request.session, assessment)
    return render(
        request,
        "assessments/detail.html",
        {
            "assessment": assessment,
            "sections": sections,
            "question_count": _question_count(sections),
            "has_draft": draft.exists and draft.answered_count() > 0,
        },
    )


@require_POST
def start(request, slug):
    """Begin (or begin again) with no answers."""
    assessment = _assessment_or_404(request.user, slug)
    Draft(request.session, assessment).clear()
    return redirect("assessments:take", slug=assessment.slug, number=1)


def _draft_data(draft: Draft, questions) -> MultiValueDict:
    data = MultiValueDict()
    for question in questions:
        value = draft.answers.get(str(question.pk))
        if value in (None, "", []):
            continue
        values = value if isinstance(value, list) else [value]
        data.setlist(field_name(question), [str(item) for item in values])
    return data


def _initial(draft: Draft, questions) -> dict:
    initial = {}
    for question in questions:
        value = draft.answers.get(str(question.pk))
        if value not in (None, "", []):
            initial[field_name(question)] = value
    return initial


@require_http_methods(["GET", "POST"])
def take(request, slug, number):
    assessment = _assessment_or_404(request.user, slug)
    sections = list(assessment.sections.all())
    if not 1 <= number <= len(sections):
        raise Http404("This assessment has no such section.")
    section = sections[number - 1]
    questions = list(section.questions.all())
    draft = Draft(request.session, assessment)

    if request.method == "POST":
        already = _already_submitted(request)
        if already is not None:
            return redirect(already)
        form = SectionForm(questions, request.POST)
        draft.save_answers(form.raw_answers())
        if request.POST.get("action") == "back":
            if number == 1:
                return redirect(assessment)
            return redirect("assessments:take", slug=slug, number=number - 1)
        if form.is_valid():
            if number < len(sections):
                return redirect("assessments:take", slug=slug, number=number + 1)
            return _finish(request, assessment, sections, draft)
    elif request.GET.get("check"):
        form = SectionForm(questions, _draft_data(draft, questions))
        form.is_valid()
    else:
        form = SectionForm(questions, initial=_initial(draft, questions))

    total_questions = _question_count(sections)
    answered = draft.answered_count()
    return render(
        request,
        "assessments/take.html",
        {
            "assessment": assessment,
            "section": section,
            "form": form,
            "number": number,
            "section_count": len(sections),
            "is_last": number == len(sections),
            "answered": answered,
            "total_questions": total_questions,
            "percent": round(100 * answered / (total_questions or 1)),
            "submission_id": draft.submission_id,
        },
    )


def _already_submitted(request) -> Result | None:
    """The result the visitor's repeated final submission already made, if any."""
    try:
        submission_id = uuid.UUID(request.POST.get("submission_id", ""))
    except ValueError:
        return None
    return services.repeated_submission_result(
        user=request.user, session=request.session, submission_id=submission_id
    )


def _finish(request, assessment, sections, draft: Draft):
    answers = {}
    for number, section in enumerate(sections, start=1):
        questions = list(section.questions.all())
        form = SectionForm(questions, _draft_data(draft, questions))
        if not form.is_valid():
            messages.error(
                request,
                f"Some answers in section {number}, {section.title}, still need "
                "your attention.",
            )
            url = reverse("assessments:take", args=[assessment.slug, number])
            return redirect(f"{url}?check=1")
        answers.update(form.answers())
    result = services.result_create(
        assessment=assessment,
        answers=answers,
        submission_id=draft.submission_id,
        owner=request.user,
    )
    services.remember_in_session(request.session, result)
    draft.clear()
    return redirect(result)


# An unclaimed result opens at its address without a session, and it is still
# one person's answers: no cache may keep it.
@cache_control(private=True, no_store=True)
@require_GET
def result(request, public_id):
    result = services.get_result_for_viewer(request.user, public_id)
    scored = [s for s in result.section_scores if s["score"] is not None]
    chart = horizontal_bar_chart(
        [(s["title"], s["score"], f"{s['score']} out of 100") for s in scored],
        max_value=100,
    )
    return render(
        request,
        "assessments/result.html",
        {
            "result": result,
            "assessment": result.assessment,
            "sections": scored,
            "chart": chart,
            "gaps": result.gaps[:TOP_GAPS],
            "more_gaps": max(len(result.gaps) - TOP_GAPS, 0),
            "recommendations": result.recommendations[:TOP_RECOMMENDATIONS],
            "more_recommendations": result.recommendations[TOP_RECOMMENDATIONS:],
            "is_skills_gap": result.assessment.kind == Assessment.Kind.SKILLS_GAP,
        },
    )


@login_required
@require_GET
def history(request):
    results = (
        Result.objects.for_user(request.user)
        .select_related("assessment__career")
        .order_by("created_at", "pk")
    )
    return render(
        request,
        "assessments/history.html",
        {"groups": history_for(list(results))},
    )
