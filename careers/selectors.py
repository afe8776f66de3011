"""Reading guides: the queries behind the careers pages."""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from careers.forms import SALARY_BANDS
from careers.models import (
    Career,
    CareerIndustry,
    CareerSkill,
    Industry,
    RelatedCareer,
)


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


def guide_for(user, slug: str) -> Career:
    """The guide with everything its page shows, fetched in a fixed number of queries.

    Raises Career.DoesNotExist for unknown slugs and, for everyone but staff, drafts.
    """
    return (
        Career.objects.visible_to(user)
        .prefetch_related(
            Prefetch(
                "industries", queryset=CareerIndustry.objects.select_related("industry")
            ),
            "responsibilities",
            Prefetch(
                "skills",
                queryset=CareerSkill.objects.select_related("skill").order_by(
                    "-importance", "order", "pk"
                ),
            ),
            "education_options",
            "steps",
            "salary_levels",
            "path_levels",
            "pros",
            "cons",
            "faqs",
            Prefetch(
                "related_links",
                queryset=RelatedCareer.objects.select_related("related"),
            ),
            "sections",
        )
        .get(slug=slug)
    )
