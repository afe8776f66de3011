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
    related_links: list[RelatedCareer]
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


def guide_for(user, slug: str) -> Guide:
    """The guide with everything its page shows, fetched in a fixed number of queries.

    Raises Career.DoesNotExist for unknown slugs and, for everyone but staff, drafts.
    Plain queries, not prefetch_related: the page is the site's heaviest and the
    prefetch machinery cost more than the queries themselves.
    """
    # The occupation comes in the same query for "careers like this" (its
    # similar list); not its facts, which are large and this page does not show.
    career = (
        Career.objects.visible_to(user)
        .select_related("occupation")
        .defer("occupation__facts", "occupation__skill_profile")
        .get(slug=slug)
    )
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
        # Only what the related cards show, not every related guide's full text.
        related_links=_rows(
            RelatedCareer,
            career,
            "related",
            only=RELATED_CARD_FIELDS,
        ),
        sections=_rows(GuideSection, career),
    )
