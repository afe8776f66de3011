"""How the search is going: pure calculations over plain rows, no database access.

`tracker.selectors.stats_for` loads the rows in a fixed number of queries; the
functions here only count. Everything is computed from the recorded status
history, so an application that went Applied → Screening → Rejected still counts
as having reached screening.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from tracker.models import Source, Status

# The funnel's stages, in order. Reaching a later stage means the earlier ones
# were passed too (an application moved straight from Applied to Interviewing
# did get through screening).
FUNNEL = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER)

# How far along the funnel each status shows an application got. A rejection
# still means the application was sent; Saved and Withdrawn on their own do not.
STAGE_REACHED = {
    Status.SAVED: 0,
    Status.WITHDRAWN: 0,
    Status.APPLIED: 1,
    Status.REJECTED: 1,
    Status.SCREENING: 2,
    Status.INTERVIEWING: 3,
    Status.OFFER: 4,
    Status.ACCEPTED: 4,
}

# Hearing back in any way: moved on, or turned down. Withdrawing is the
# person's own decision, not a response.
RESPONSE_STATUSES = frozenset(
    {
        Status.SCREENING,
        Status.INTERVIEWING,
        Status.OFFER,
        Status.ACCEPTED,
        Status.REJECTED,
    }
)

WEEKS_SHOWN = 12
NO_SOURCE = "Not recorded"


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    source: str
    applied_on: date | None


@dataclass(frozen=True)
class ChangeRow:
    application_id: int
    from_status: str  # "" for the first status, when the application was added
    to_status: str
    changed_on: date  # in the site's time zone


@dataclass(frozen=True)
class Stage:
    status: str
    label: str
    count: int
    # Share of the previous stage that got here (None for the first stage or
    # when the previous stage is empty).
    conversion: float | None


@dataclass(frozen=True)
class SourceResult:
    label: str
    applied: int
    responses: int
    interviews: int
    offers: int


@dataclass
class Progress:
    """What the history shows about one application."""

    stage: int = 0
    applied_on: date | None = None
    first_response_on: date | None = None
    # Whether the first response was recorded as a move (not the status the
    # application was added with, which says nothing about when it happened).
    response_was_a_move: bool = False


@dataclass
class Stats:
    funnel: list[Stage]
    applied: int
    responded: int
    response_rate: float | None
    median_days_to_response: float | None
    measured_responses: int
    weeks: list[tuple[date, int]]
    sources: list[SourceResult]

    @property
    def is_empty(self) -> bool:
        return self.applied == 0


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def progress_by_application(
    applications: list[ApplicationRow], changes: list[ChangeRow]
) -> dict[int, Progress]:
    """Walk each application's history: furthest stage, applied and response days."""
    progress = {
        row.id: Progress(stage=0, applied_on=row.applied_on) for row in applications
    }
    first_applied: dict[int, date] = {}
    for change in sorted(changes, key=lambda change: change.changed_on):
        item = progress.get(change.application_id)
        if item is None:
            continue
        item.stage = max(item.stage, STAGE_REACHED.get(change.to_status, 0))
        if change.to_status == Status.APPLIED:
            first_applied.setdefault(change.application_id, change.changed_on)
        if change.to_status in RESPONSE_STATUSES and item.first_response_on is None:
            item.first_response_on = change.changed_on
            item.response_was_a_move = bool(change.from_status)
    for application_id, item in progress.items():
        if item.applied_on is None:
            item.applied_on = first_applied.get(application_id)
    return progress


def funnel(progress: dict[int, Progress]) -> list[Stage]:
    """Count the applications that reached each stage, and each step's conversion."""
    stages = []
    previous = None
    for rank, status in enumerate(FUNNEL, start=1):
        count = sum(1 for item in progress.values() if item.stage >= rank)
        conversion = ratio(count, previous) if previous is not None else None
        stages.append(Stage(status, Status(status).label, count, conversion))
        previous = count
    return stages


def days_to_first_response(progress: dict[int, Progress]) -> list[int]:
    """Days from applying to the first response, where both are known."""
    days = []
    for item in progress.values():
        if not (item.response_was_a_move and item.applied_on):
            continue
        waited = (item.first_response_on - item.applied_on).days
        if waited >= 0:  # a response before the applied-on date is a typo
            days.append(waited)
    return days


def applications_per_week(
    progress: dict[int, Progress], *, today: date, weeks: int = WEEKS_SHOWN
) -> list[tuple[date, int]]:
    """Applications sent in each of the last `weeks` weeks (Monday first), oldest
    first; the last is the current week."""
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts = Counter(
        item.applied_on - timedelta(days=item.applied_on.weekday())
        for item in progress.values()
        if item.stage >= 1 and item.applied_on
    )
    return [(monday, counts[monday]) for monday in mondays]


def results_by_source(
    applications: list[ApplicationRow], progress: dict[int, Progress]
) -> list[SourceResult]:
    """Applied, responses, interviews and offers for each source that was used."""
    labels = dict(Source.choices)
    order = [*Source.values, ""]
    rows = {source: [0, 0, 0, 0] for source in order}
    for application in applications:
        item = progress[application.id]
        if item.stage < 1:
            continue
        row = rows.setdefault(application.source, [0, 0, 0, 0])
        row[0] += 1
        row[1] += item.first_response_on is not None
        row[2] += item.stage >= 3
        row[3] += item.stage >= 4
    return [
        SourceResult(labels.get(source, source or NO_SOURCE), *counts)
        for source, counts in rows.items()
        if counts[0]
    ]


def compute_stats(
    applications: list[ApplicationRow], changes: list[ChangeRow], *, today: date
) -> Stats:
    """Every figure on the stats page, from the applications and their history."""
    progress = progress_by_application(applications, changes)
    stages = funnel(progress)
    applied = stages[0].count
    responded = sum(
        1
        for item in progress.values()
        if item.stage >= 1 and item.first_response_on is not None
    )
    waits = days_to_first_response(progress)
    return Stats(
        funnel=stages,
        applied=applied,
        responded=responded,
        response_rate=ratio(responded, applied),
        median_days_to_response=median(waits) if waits else None,
        measured_responses=len(waits),
        weeks=applications_per_week(progress, today=today),
        sources=results_by_source(applications, progress),
    )
