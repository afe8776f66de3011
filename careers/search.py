"""Search guides by any job title (issue 14): the index of careers.title_index,
built from the database once per process and rebuilt when the content changes.

Results come from memory, so they are the same on SQLite and PostgreSQL and a
search asks the database nothing.
"""

import threading
from typing import Any

from django.db.models import Count, Max, Q
from django.db.models.fields.json import KeyTransform

from careers.models import Career, Occupation, OccupationTitle
from careers.title_index import Listing, TitleIndex, TitleMatch
from core.pagecache import content_version

__all__ = ["TitleMatch", "forget_title_index", "search_titles", "title_index"]

# The index this process built, the content version it was last checked
# against and the catalogue's fingerprint when it was built.
_lock = threading.Lock()
_built: dict[str, Any] = {"index": None, "version": None, "fingerprint": None}


def search_titles(
    query: str, *, limit: int = 20, as_you_type: bool = False
) -> list[TitleMatch]:
    """The published guides for a job title, best first (see the module's doc)."""
    return title_index().search(query, limit=limit, as_you_type=as_you_type)


def title_index() -> TitleIndex:
    """This process's index, rebuilt when the content has changed.

    A search asks only the cache for the content version (`pages_changed()`
    renews it whenever staff or a loader save content). A new version costs
    three small aggregate queries; the index is rebuilt (about a second for the
    whole catalogue) only when they show the catalogue or the guides changed.
    """
    version = content_version()
    if _built["index"] is not None and _built["version"] == version:
        return _built["index"]
    with _lock:
        if _built["index"] is None or _built["version"] != version:
            fingerprint = _fingerprint()
            if _built["index"] is None or _built["fingerprint"] != fingerprint:
                _built["index"] = TitleIndex(_listings())
                _built["fingerprint"] = fingerprint
            _built["version"] = version
        return _built["index"]


def forget_title_index() -> None:
    """Drop this process's index; the next search builds it afresh."""
    _built.update(index=None, version=None, fingerprint=None)


def _fingerprint() -> tuple:
    return (
        tuple(Occupation.objects.aggregate(Count("pk"), Max("updated_at")).values()),
        tuple(OccupationTitle.objects.aggregate(Count("pk"), Max("pk")).values()),
        tuple(
            Career.objects.aggregate(
                Count("pk"),
                Max("updated_at"),
                published=Count("pk", filter=Q(status=Career.Status.PUBLISHED)),
            ).values()
        ),
    )


def _listings() -> list[Listing]:
    """Every occupation and every published guide without one, from the database."""
    guides = list(
        Career.objects.published()
        .only("title", "slug", "summary", "occupation_id")
        .order_by("title", "pk")
    )
    guide_of = {guide.occupation_id: guide for guide in guides if guide.occupation_id}
    titles: dict[int, list[tuple[str, str]]] = {}
    for occupation_id, kind, title in OccupationTitle.objects.order_by().values_list(
        "occupation_id", "kind", "title"
    ):
        titles.setdefault(occupation_id, []).append((kind, title))
    occupations = (
        Occupation.objects.only("code", "soc_code", "title", "slug", "employment")
        .annotate(
            technology=KeyTransform("technology", "facts"),
            tools=KeyTransform("tools", "facts"),
        )
        .order_by("code")
    )
    listings = []
    for occupation in occupations:
        guide = guide_of.get(occupation.pk)
        named = titles.get(occupation.pk, [])
        if guide is not None and guide.title != occupation.title:
            # A hand-written guide's own title names the work too.
            named.append(("alternate", guide.title))
        tools = [("technology", row["name"]) for row in occupation.technology or ()]
        tools += [("tool", row["name"]) for row in occupation.tools or ()]
        # The facts are not kept: only what the index needs.
        del occupation.technology, occupation.tools
        listings.append(
            Listing(
                code=occupation.code,
                title=occupation.title,
                employment=occupation.employment,
                titles=named,
                tools=tools,
                occupation=occupation,
                guide=guide,
            )
        )
    listings += [
        Listing(code="", title=guide.title, employment=None, titles=[], guide=guide)
        for guide in guides
        if not guide.occupation_id
    ]
    return listings
