"""Which guides a signed-in person has read lately, for the dashboard."""

from django.core.cache import caches
from django.utils import timezone

from careers.models import Career, GuideView
from core.pagecache import first_locally

# A guide reread within this many seconds is not recorded again, so most signed-in
# guide views write nothing; "recently viewed" is ordered with this grain (a guide
# reread a minute after another may still come after it).
RECORD_EVERY = 5 * 60


def guide_view_record(*, user, career: Career) -> None:
    """Note that the person just read the guide (one row per person and guide),
    at most once per RECORD_EVERY seconds."""
    if not user.is_authenticated or not career.is_published:
        return
    key = f"guide-view:{user.pk}:{career.pk}"
    # This worker asks the shared cache once per RECORD_EVERY (a round trip each
    # page otherwise); another worker that recorded the view meanwhile still
    # wins the add below, so a view is written at most once per RECORD_EVERY and
    # at least once per twice that.
    if not first_locally(key, seconds=RECORD_EVERY):
        return
    # The throttle alias holds many small expiring keys (MAX_ENTRIES 100,000), so
    # these never push the page cache's slots out of the default one.
    if not caches["throttle"].add(key, True, RECORD_EVERY):
        return
    # One INSERT … ON CONFLICT DO UPDATE instead of a SELECT then an UPDATE: this
    # still runs on many signed-in guide views.
    GuideView.objects.bulk_create(
        [GuideView(user=user, career=career, viewed_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "career"],
        update_fields=["viewed_at"],
    )


def recently_viewed(*, user, limit: int = 5) -> list[Career]:
    """The person's most recently read published guides, newest first."""
    if not user.is_authenticated:
        return []
    views = (
        GuideView.objects.filter(user=user, career__status=Career.Status.PUBLISHED)
        .select_related("career")
        .order_by("-viewed_at")[:limit]
    )
    return [view.career for view in views]


def guide_views_export(*, user) -> list[dict]:
    views = GuideView.objects.filter(user=user).select_related("career")
    return [
        {"guide": view.career.slug, "viewed_at": view.viewed_at.isoformat()}
        for view in views.order_by("-viewed_at")
    ]
