"""The site's main sections, shown in the header and on the landing page."""

from dataclasses import dataclass

from core.reversing import reverse_cached


@dataclass(frozen=True)
class SiteSection:
    title: str
    url_name: str
    headline: str
    blurb: str


SECTIONS = (
    SiteSection(
        title="Careers",
        url_name="careers:index",
        headline="Learn a career",
        blurb="Plain-spoken guides: what the work is, what it pays, the skills "
        "it takes and the ladder from first job to manager.",
    ),
    SiteSection(
        title="Assessments",
        url_name="assessments:index",
        headline="Check you are ready",
        blurb="Short, honest questionnaires that score you against a career "
        "and tell you exactly what to work on next.",
    ),
    SiteSection(
        title="Tracker",
        url_name="tracker:index",
        headline="Run your job hunt",
        blurb="Every application, follow-up and interview in one private place, "
        "with the numbers that show how your search is going.",
    ),
)


@dataclass(frozen=True)
class SectionLink:
    section: SiteSection
    url: str
    is_current: bool


def section_links(current_path: str = "") -> list[SectionLink]:
    """Return every section with its URL, marking the one the path is in."""
    links = []
    for section in SECTIONS:
        url = reverse_cached(section.url_name)
        is_current = current_path.startswith(url)
        links.append(SectionLink(section=section, url=url, is_current=is_current))
    return links
