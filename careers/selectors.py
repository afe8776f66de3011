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
    PathLevel,
    Pro,
    RelatedCareer,
    Responsibility,
    SalaryLevel,
    Step,
)


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
    career = Career.objects.visible_to(user).get(slug=slug)
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
