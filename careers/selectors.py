"""Reading guides: the queries behind the careers pages."""

from dataclasses import dataclass
from operator import attrgetter

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from careers.models import (
    FAQ,
    Career,
    CareerIndustry,
    CareerSkill,
    Con,
    EducationOption,
    GuideSection,
    Industry,
    Occupation,
    PathLevel,
    Pro,
    RelatedCareer,
    Responsibility,
    SalaryLevel,
    Step,
)

# The median-salary filter: key, then (label, lowest, below), None for no bound.
SALARY_BANDS = {
    "under-35k": ("Under $35,000", None, 35_000),
    "35k-50k": ("$35,000 to $50,000", 35_000, 50_000),
    "50k-75k": ("$50,000 to $75,000", 50_000, 75_000),
    "75k-plus": ("$75,000 and over", 75_000, None),
}


def listed_industries() -> list[Industry]:
    """Industries that at least one published guide ranks, for the filter."""
    return list(
        Industry.objects.filter(
            Exists(
                CareerIndustry.objects.filter(
                    industry=OuterRef("pk"), career__status=Career.Status.PUBLISHED
                )
            )
        )
    )


def search_careers(criteria: dict) -> QuerySet[Career]:
    """Published guides matching the search form's criteria, sorted as asked."""
    careers = Career.objects.published().prefetch_related(
        Prefetch(
            "industries", queryset=CareerIndustry.objects.select_related("industry")
        )
    )
    if query := criteria.get("q"):
        careers = careers.filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Exists(
                CareerSkill.objects.filter(
                    career=OuterRef("pk"), skill__name__icontains=query
                )
            )
        )
    if industry := criteria.get("industry"):
        careers = careers.filter(
            Exists(
                CareerIndustry.objects.filter(
                    career=OuterRef("pk"), industry__slug=industry
                )
            )
        )
    if education := criteria.get("education"):
        careers = careers.filter(typical_education=education)
    if band := criteria.get("salary"):
        _, low, high = SALARY_BANDS[band]
        if low is not None:
            careers = careers.filter(median_salary__gte=low)
        if high is not None:
            careers = careers.filter(median_salary__lt=high)
    match criteria.get("sort"):
        case "salary":
            careers = careers.order_by(
                F("median_salary").desc(nulls_last=True), "title"
            )
        case "growth":
            careers = careers.order_by(
                F("growth_percent").desc(nulls_last=True), "title"
            )
        case _:
            careers = careers.order_by("title")
    return careers


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
    return (
        Career.objects.visible_to(user)
        .select_related("occupation")
        .defer("occupation__facts")
        .get(slug=slug)
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
