"""The occupations Match my skills ranks, read from the database once per
process and content version (like careers.search's title index), so a ranking
asks the database nothing."""

import threading
from typing import Any

from django.db.models import F

from assessments.skills_match import Candidate, candidate_skills
from careers.browse import HOURS_A_YEAR
from careers.models import Career
from core.pagecache import content_version

_lock = threading.Lock()
_built: dict[str, Any] = {"candidates": None, "version": None}


def match_candidates() -> tuple[Candidate, ...]:
    """Every published guide with a rated occupation, rebuilt (one query) when
    `pages_changed()` has renewed the content version."""
    version = content_version()
    if _built["candidates"] is not None and _built["version"] == version:
        return _built["candidates"]
    with _lock:
        if _built["candidates"] is None or _built["version"] != version:
            _built["candidates"] = _read_candidates()
            _built["version"] = version
        return _built["candidates"]


def forget_match_candidates() -> None:
    """Drop this process's copy; the next ranking reads it afresh."""
    _built.update(candidates=None, version=None)


def _read_candidates() -> tuple[Candidate, ...]:
    # Only the skills are read from the (large) facts.
    rows = (
        Career.objects.published()
        .filter(occupation__isnull=False)
        .order_by("title", "pk")
        .values_list(
            "pk",
            "slug",
            "title",
            "occupation__code",
            "occupation__typical_education",
            "occupation__median_annual",
            "occupation__median_hourly_cents",
            F("occupation__facts__skills"),
        )
    )
    candidates = []
    for pk, slug, title, code, education, annual, hourly_cents, skills in rows:
        skills = candidate_skills(skills)
        if not skills:
            continue
        if annual is None and hourly_cents is not None:
            annual = hourly_cents * HOURS_A_YEAR // 100
        candidates.append(
            Candidate(
                career_id=pk,
                slug=slug,
                title=title,
                code=code,
                education=education or "",
                pay=annual,
                skills=skills,
            )
        )
    return tuple(candidates)
