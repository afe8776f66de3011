"""Read-only queries that feed the tracker's reports, in a fixed number of queries."""

from django.utils import timezone

from tracker.models import Application, StatusChange
from tracker.stats import ApplicationRow, ChangeRow, Stats, compute_stats


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
