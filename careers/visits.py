"""Which guides a signed-in person has read lately, for the dashboard."""

from django.core.cache import caches
from django.utils import timezone

from careers.models import Career, GuideView
from core.dataimport import ImportPart, build, items, record
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


def guide_views_import_check(*, user, data) -> tuple[ImportPart, list[GuideView]]:
    """Check the guides-read part of a data file: (what it adds, the rows).

    A guide no longer on Foothold is left out with a warning; a guide the
    person has read since keeps the later of the two times."""
    part, rows = ImportPart(), []
    data = record(part, data, "careers") if data is not None else {}
    if data is None:
        return part, rows
    entries = items(part, data.get("guides_viewed"), "careers.guides_viewed")
    slugs = [entry.get("guide") for entry in entries if isinstance(entry, dict)]
    careers = {
        career.slug: career
        for career in Career.objects.filter(
            slug__in=[slug for slug in slugs if isinstance(slug, str)]
        )
    }
    seen = dict(
        GuideView.objects.filter(user=user).values_list("career_id", "viewed_at")
    )
    for number, entry in enumerate(entries):
        where = f"careers.guides_viewed[{number}]"
        view = build(
            part,
            GuideView,
            entry,
            where,
            {"viewed_at": "viewed_at"},
            fixed={"user": user},
            exclude=("user", "career"),
            validate_constraints=False,  # one per person and guide: kept below
        )
        if view is None:
            continue
        slug = entry.get("guide")
        career = careers.get(slug) if isinstance(slug, str) else None
        if career is None:
            part.warn(f"{where}.guide", f"no guide “{slug}” now: left out")
            continue
        view.career = career
        if view.career.pk in seen and seen[view.career.pk] >= view.viewed_at:
            continue
        seen[view.career.pk] = view.viewed_at
        rows.append(view)
        part.adds("guides read", view.career.title)
    return part, rows


def guide_views_import_write(*, rows: list[GuideView]) -> None:
    GuideView.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["user", "career"],
        update_fields=["viewed_at"],
    )
