"""The board: a column per status; moving a card changes the status.

A plain form moves a card without JavaScript; with htmx (`HX-Request`) the move
answers with the board fragment only, which htmx swaps in place.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tracker.access import get_application_for_user
from tracker.forms import StatusForm
from tracker.models import Application, Status
from tracker.selectors import status_counts, tracker_profile_for
from tracker.services import application_change_status

# Cards drawn per column; a longer column links to all of its cards. Drawing
# every card of a 10,000-application tracker made a 13 MB page.
CARDS_PER_COLUMN = 20


@dataclass
class Column:
    status: str
    label: str
    cards: list
    count: int = 0

    @property
    def hidden(self) -> int:
        return self.count - len(self.cards)


def _board_cards(applications, *, show_all: str | None) -> list[Application]:
    """The first CARDS_PER_COLUMN cards of each column (every card of the column
    named by `show_all`), in one query ranking the cards within their column."""
    order = [F("priority").asc(), F("updated_at").desc(), F("id").desc()]
    ranked = applications.annotate(
        rank=Window(RowNumber(), partition_by=F("status"), order_by=order)
    )
    cards = list(ranked.filter(rank__lte=CARDS_PER_COLUMN).order_by(*order))
    if show_all:
        # Filters on a window cannot be OR-ed with others: fetch that column apart.
        cards = [card for card in cards if card.status != show_all]
        cards += applications.filter(status=show_all).order_by(*order)
    return cards


def _board_context(request, *, moved=None, announcement=""):
    profile = tracker_profile_for(user=request.user)
    applications = (
        Application.objects.for_user(request.user)
        .active()
        .with_quiet(now=timezone.now(), quiet_after_days=profile.quiet_after_days)
    )
    show_all = request.GET.get("all")
    if show_all not in Status.values:
        show_all = None
    counts = status_counts(user=request.user)
    columns = {
        status: Column(status, label, [], counts.get(status, 0))
        for status, label in Status.choices
    }
    for application in _board_cards(applications, show_all=show_all):
        columns[application.status].cards.append(application)
    return {
        "columns": list(columns.values()),
        "total": sum(counts.values()),
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
