"""Resume match: an application's posting against the person's resume versions."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tracker.access import get_application_for_user
from tracker.matching import POSTING_TERMS, SKILLS_USED
from tracker.models import Application
from tracker.services import application_resume_matches


@login_required
@require_GET
def resume_match(request, pk):
    application = get_application_for_user(
        request.user,
        pk,
        queryset=Application.objects.select_related("career__occupation"),
    )
    matches = application_resume_matches(application=application)
    # ?resume=<id> shows that version's details; otherwise the best one's.
    shown = matches.best
    for resume in matches.resumes:
        if resume.match and request.GET.get("resume") == str(resume.document.pk):
            shown = resume
    return render(
        request,
        "tracker/resume_match.html",
        {
            "application": application,
            "matches": matches,
            "shown": shown,
            "skills_used": SKILLS_USED,
            "posting_terms": POSTING_TERMS,
        },
    )
