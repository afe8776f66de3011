"""Read-only queries behind the tracker's pages: the list, stats, settings,
follow-ups and what went quiet."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from tracker.goals import WeeklyProgress, weekly_progress, window_end, window_start
from tracker.models import (
    Application,
    Interview,
    Offer,
    Outcome,
    Status,
    StatusChange,
    TrackerProfile,
)
from tracker.stats import ApplicationRow, ChangeRow, Stats, compute_stats

# Allowed ?sort= values and the ordering each means; anything else is ignored.
SORTS = {
    "company": ("company", "id"),
    "-company": ("-company", "-id"),
    "role": ("role_title", "id"),
    "-role": ("-role_title", "-id"),
    "status": ("status", "id"),
    "-status": ("-status", "-id"),
    "applied": ("applied_on", "id"),
    "-applied": ("-applied_on", "-id"),
    "follow_up": ("follow_up_on", "id"),
    "-follow_up": ("-follow_up_on", "-id"),
    "priority": ("priority", "-updated_at", "-id"),
    "-priority": ("-priority", "-updated_at", "-id"),
    "updated": ("updated_at", "id"),
    "-updated": ("-updated_at", "-id"),
}
DEFAULT_SORT = "-updated"

# The follow-ups page and the dashboard look this many days ahead, today included.
UPCOMING_DAYS = 7


def application_list(*, user, filters: dict, sort: str) -> QuerySet[Application]:
    """The person's applications matching the list's filters, in the chosen order."""
    applications = Application.objects.for_user(user)
    match filters.get("archived"):
        case "archived":
            applications = applications.archived()
        case "all":
            pass
        case _:
            applications = applications.active()
    if query := filters.get("q", "").strip():
        applications = applications.filter(
            Q(company__icontains=query) | Q(role_title__icontains=query)
        )
    for name in ("status", "work_mode", "source"):
        if name in filters:
            applications = applications.filter(**{name: filters[name]})
    return applications.order_by(*SORTS[sort])


def stats_for(*, user) -> Stats:
    """Return the person's stats: two queries, however many applications they have.

    Archived applications count: they are part of the search's history."""
    applications = [
        ApplicationRow(id=pk, source=source, applied_on=applied_on)
        for pk, source, applied_on in Application.objects.for_user(user)
        .order_by()
        .values_list("id", "source", "applied_on")
    ]
    changes = [
        ChangeRow(
            application_id=application_id,
            from_status=from_status,
            to_status=to_status,
            changed_on=timezone.localdate(changed_at),
        )
        for application_id, from_status, to_status, changed_at in (
            StatusChange.objects.for_user(user)
            .order_by("changed_at", "id")
            .values_list("application_id", "from_status", "to_status", "changed_at")
        )
    ]
    return compute_stats(applications, changes, today=timezone.localdate())


def status_counts(*, user) -> dict[str, int]:
    """How many of the person's active applications are at each status."""
    return dict(
        Application.objects.for_user(user)
        .active()
        .values_list("status")
        .annotate(count=Count("id"))
        .order_by()
    )


def pipeline_summary(*, user) -> list[tuple[Status, int]]:
    """The active applications at each status, in pipeline order (statuses with
    none are left out)."""
    counts = status_counts(user=user)
    return [(status, counts[status]) for status in Status if counts.get(status)]


def upcoming_interviews(*, user, now=None, limit: int = 5) -> list[Interview]:
    """The person's next interviews (still pending), soonest first."""
    now = now or timezone.now()
    return list(
        Interview.objects.for_user(user)
        .filter(starts_at__gte=now, application__archived=False)
        .exclude(outcome=Outcome.CANCELLED)
        .select_related("application")
        .order_by("starts_at", "id")[:limit]
    )


def tracker_profile_for(*, user) -> TrackerProfile:
    """Return the person's tracker settings, or unsaved defaults (no writes on GET)."""
    profile = TrackerProfile.objects.filter(user=user).first()
    return profile or TrackerProfile(user=user)


def weekly_counts(*, user, today: date) -> dict[date, int]:
    """How many applications the person applied for each week of the streak's
    window, keyed by Monday: one grouped query, a row per week at most."""
    return dict(
        Application.objects.for_user(user)
        .filter(applied_on__range=(window_start(today), window_end(today)))
        .annotate(week=TruncWeek("applied_on"))
        .values_list("week")
        .annotate(count=Count("id"))
        .order_by()
    )


def weekly_goal_for(*, user, goal: int | None, today: date) -> WeeklyProgress | None:
    """This week's progress towards the goal and the streak; None with no goal
    (and then no query)."""
    if not goal:
        return None
    return weekly_progress(
        goal=goal, counts=weekly_counts(user=user, today=today), today=today
    )


@dataclass
class DueFollowUps:
    overdue: list[Application] = field(default_factory=list)
    today: list[Application] = field(default_factory=list)
    this_week: list[Application] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.today or self.this_week)

    @property
    def due_now(self) -> list[Application]:
        return self.overdue + self.today


def due_follow_ups(*, user, today: date | None = None) -> DueFollowUps:
    """Return the person's follow-ups: overdue, due today, and the next six days."""
    today = today or timezone.localdate()
    applications = (
        Application.objects.for_user(user)
        .follow_up_due_by(today + timedelta(days=UPCOMING_DAYS - 1))
        .order_by("follow_up_on", "priority", "company", "id")
    )
    due = DueFollowUps()
    for application in applications:
        if application.follow_up_on < today:
            due.overdue.append(application)
        elif application.follow_up_on == today:
            due.today.append(application)
        else:
            due.this_week.append(application)
    return due


def gone_quiet_applications(
    *,
    user,
    now: datetime | None = None,
    profile: TrackerProfile | None = None,
) -> list[Application]:
    """Return the person's applications with no news for their quiet period."""
    profile = profile or tracker_profile_for(user=user)
    return list(
        Application.objects.for_user(user)
        .gone_quiet(
            now=now or timezone.now(), quiet_after_days=profile.quiet_after_days
        )
        .order_by("status_changed_at", "id")
    )


def live_offers(*, user) -> list[Offer]:
    """The person's offers still to decide on (their application is at Offer and
    not archived), with what the compare page shows: one query."""
    return list(
        Offer.objects.for_user(user)
        .live()
        .select_related("application__career__occupation")
        .order_by("application__company", "application_id", "created_at", "id")
    )


def answer_by_due(*, user, on_or_before: date) -> list[Offer]:
    """The person's offers to answer on or before a day (overdue ones included),
    soonest first: live offers only, since an accepted or declined one needs no
    answer. The follow-ups page, the calendar feed and the daily digest use it."""
    return list(
        Offer.objects.for_user(user)
        .to_answer_by(on_or_before)
        .select_related("application")
        .order_by("answer_by", "application__company", "id")
    )
