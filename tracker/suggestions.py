"""Suggesting the career guide (an occupation's guide) for an application."""

from django.urls import reverse

from careers.models import Career
from careers.search import TitleMatch, search_titles


def suggest_match(role_title: str) -> TitleMatch | None:
    """The catalogue's first title match with a guide for a job title, or None."""
    if not role_title.strip():
        return None
    for match in search_titles(role_title, limit=1):
        if match.career is not None:
            return match
    return None


def suggest_career(role_title: str) -> Career | None:
    """The guide the catalogue's title search finds first for a job title."""
    match = suggest_match(role_title)
    return match.career if match else None


def skills_gap_url(career: Career | None) -> str:
    """The address of the guide's Skills Gap Analysis, or "" when it has none."""
    if career is None:
        return ""
    slug = f"{career.slug}-skills-gap"
    # Through the reverse relation: the tracker does not import the assessments app.
    if not career.assessments.filter(slug=slug, is_published=True).exists():
        return ""
    return reverse("assessments:detail", args=[slug])
