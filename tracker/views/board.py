"""The board: a column per status; moving a card changes the status.

A plain form moves a card without JavaScript; with htmx (`HX-Request`) the move
answers with the board fragment only, which htmx swaps in place.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F, Q
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


# What a card shows, and the quiet flag's fields: the rest of the row (the job
# description, notes) is never loaded for the board.
CARD_FIELDS = ("company", "role_title", "status", "priority", "follow_up_on")


def _board_cards(user, *, quiet_after_days: int, show_all: str | None) -> list:
    """The first CARDS_PER_COLUMN cards of each column (every card of the column
    named by `show_all`), in one query.

    Each column's ids come from its own LIMIT subquery, read in card order from
    tracker_app_board_idx, so only the drawn rows are visited. Ranking every row
    with a window function sorted all 10,000 rows of a large tracker instead."""
    order = [F("priority").asc(), F("updated_at").desc(), F("id").desc()]
    ids = Application.objects.for_user(user).active().order_by(*order).values("pk")
    wanted = Q()
    for status in Status.values:
        column = ids.filter(status=status)
        wanted |= Q(pk__in=column if status == show_all else column[:CARDS_PER_COLUMN])
    # Every subquery is already limited to the person's rows; an owner filter
    # out here would make SQLite scan them all instead of looking up the ids.
    return list(
        Application.objects.filter(wanted)
        .with_quiet(now=timezone.now(), quiet_after_days=quiet_after_days)
        .only(*CARD_FIELDS)
        .order_by(*order)
    )


def _board_context(request, *, moved=None, announcement=""):
    profile = tracker_profile_for(user=request.user)
    show_all = request.GET.get("all")
    if show_all not in Status.values:
        show_all = None
    counts = status_counts(user=request.user)
    columns = {
        status: Column(status, label, [], counts.get(status, 0))
        for status, label in Status.choices
    }
    cards = _board_cards(
        request.user,
        quiet_after_days=profile.quiet_after_days,
        show_all=show_all,
    )
    for application in cards:
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
