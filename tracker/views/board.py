"""The board: a column per status; moving a card changes the status.

A plain form moves a card without JavaScript; with htmx (`HX-Request`) the move
answers with the board fragment only, which htmx swaps in place.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tracker.access import get_application_for_user
from tracker.forms import StatusForm
from tracker.models import Application, Status
from tracker.services import application_change_status, tracker_profile_for


@dataclass
class Column:
    status: str
    label: str
    cards: list


def _board_context(request, *, moved=None, announcement=""):
    # One query for every active application; grouped into columns in Python.
    applications = (
        Application.objects.for_user(request.user)
        .active()
        .order_by("priority", "-updated_at", "-id")
    )
    profile = tracker_profile_for(user=request.user)
    now = timezone.now()
    columns = {status: Column(status, label, []) for status, label in Status.choices}
    for application in applications:
        application.quiet = application.is_quiet(
            now=now, quiet_after_days=profile.quiet_after_days
        )
        columns[application.status].cards.append(application)
    return {
        "columns": list(columns.values()),
        "total": sum(len(column.cards) for column in columns.values()),
        "statuses": Status.choices,
        "moved": moved,
        "announcement": announcement,
    }


@login_required
@require_GET
def board(request):
    return render(request, "tracker/board.html", _board_context(request))


@login_required
@require_POST
def move(request, pk):
    application = get_application_for_user(request.user, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        application_change_status(
            application=application, status=form.cleaned_data["status"]
        )
        announcement = f"Moved {application} to {application.get_status_display()}."
        level = messages.SUCCESS
    else:
        announcement = "Choose one of the listed statuses."
        level = messages.ERROR
    if request.htmx:
        context = _board_context(
            request, moved=application.pk, announcement=announcement
        )
        return render(request, "tracker/board.html#moved", context)
    messages.add_message(request, level, announcement)
    return redirect(f"{reverse('tracker:board')}#card-{application.pk}")
