"""Reading guides: the queries behind the careers pages."""

from dataclasses import dataclass
from operator import attrgetter

from careers.models import (
    FAQ,
    Career,
    CareerIndustry,
    CareerSkill,
    Con,
    EducationOption,
    GuideSection,
    Occupation,
    PathLevel,
    Pro,
    RelatedCareer,
    Responsibility,
    SalaryLevel,
    Step,
)
from core.pagecache import recent_local


@dataclass(frozen=True)
class Guide:
    """A guide and every list its page shows, each in its display order."""

    career: Career
    industries: list[CareerIndustry]
    responsibilities: list[Responsibility]
    skills: list[CareerSkill]  # most important first
    education_options: list[EducationOption]
    steps: list[Step]
    salary_levels: list[SalaryLevel]
    path_levels: list[PathLevel]
    pros: list[Pro]
    cons: list[Con]
    faqs: list[FAQ]
    related: list[Career]  # drafts only from staff's hand-made links
    sections: list[GuideSection]


RELATED_CARD_FIELDS = (
    "order",
    "related__slug",
    "related__title",
    "related__summary",
    "related__status",
)


def _rows(model, career: Career, *related: str, key=attrgetter("order", "pk"), only=()):
    """One of the guide's lists, in its order (CareerChild.Meta.ordering).

    Sorted here, not in SQL: compiling an ORDER BY costs the ORM more than sorting
    a dozen rows, and the page runs twelve of these queries.
    """
    rows = model.objects.filter(career=career).order_by()
    if related:
        rows = rows.select_related(*related)
    if only:
        rows = rows.only(*only)
    return sorted(rows, key=key)


def guide_at_occupation_slug(slug: str) -> Career | None:
    """The published guide of the occupation at `slug`, for a guide whose own
    address differs (the hand-written clerk guide is 43-4051's)."""
    return Career.objects.published().filter(occupation__slug=slug).only("slug").first()


def career_for(user, slug: str) -> Career:
    """The guide at `slug` with its occupation's columns (not its `facts`, which
    only a page that is not cached yet reads).

    Raises Career.DoesNotExist for unknown slugs and, for everyone but staff, drafts.
    """
    if user.is_authenticated and user.is_staff:
        return _with_occupation(Career.objects.all()).get(slug=slug)
    # Every signed-in page of a guide asks for this row (anonymous readers mostly
    # get the cached page); the worker keeps it as long as it keeps a cached page.
    return recent_local(
        f"career:{slug}",
        lambda: _with_occupation(Career.objects.published()).get(slug=slug),
    )


def _with_occupation(careers):
    return careers.select_related("occupation").defer(
        "occupation__facts", "occupation__skill_profile"
    )


def related_guides(occupation: Occupation) -> list[Career]:
    """The published guides of the occupation's related occupations, in O*NET's
    order, in one query."""
    codes = occupation.facts.get("related") or []
    if not codes:
        return []
    careers = (
        Career.objects.published()
        .filter(occupation__code__in=codes)
        .select_related("occupation")
        .only("slug", "title", "summary", "status", "occupation__code")
        .order_by()
    )
    position = {code: index for index, code in enumerate(codes)}
    return sorted(careers, key=lambda career: position[career.occupation.code])


def guide_for(career: Career) -> Guide:
    """The hand-written guide with everything its page shows, in a fixed number of
    queries.

    Plain queries, not prefetch_related: the page is the site's heaviest and the
    prefetch machinery cost more than the queries themselves. A guide joined to an
    occupation lists the occupation's related guides (reading its facts costs one
    query more); one that is not keeps staff's hand-made links.
    """
    if career.occupation_id:
        related = related_guides(career.occupation)
    else:
        # Only what the related cards show, not every related guide's full text.
        related = [
            link.related
            for link in _rows(
                RelatedCareer, career, "related", only=RELATED_CARD_FIELDS
            )
        ]
    return Guide(
        career=career,
        industries=_rows(CareerIndustry, career, "industry"),
        responsibilities=_rows(Responsibility, career),
        skills=_rows(
            CareerSkill,
            career,
            "skill",
            key=lambda item: (-item.importance, item.order, item.pk),
        ),
        education_options=_rows(EducationOption, career),
        steps=_rows(Step, career),
        salary_levels=_rows(SalaryLevel, career),
        path_levels=_rows(PathLevel, career),
        pros=_rows(Pro, career),
        cons=_rows(Con, career),
        faqs=_rows(FAQ, career),
        related=related,
        sections=_rows(GuideSection, career),
    )
