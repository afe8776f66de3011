"""The industries each occupation works in, as rows the careers list filters on.

The names come from the occupation's facts (BLS OEWS industry profiles, largest
employer first); they share the Industry table with the hand-written guides'
industries, so one filter serves both. load_catalogue calls
`occupation_industries_link` after writing occupations.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils.text import slugify

from careers.models import Industry, Occupation, OccupationIndustry

# How many of an occupation's largest employing industries the filter knows.
TOP_INDUSTRIES = 5


def top_industries(facts: dict) -> list[dict]:
    """The occupation's largest employing industries, largest first."""
    rows = [row for row in facts.get("industries") or [] if row.get("name")]
    rows.sort(key=lambda row: -(row.get("employment") or 0))
    return rows[:TOP_INDUSTRIES]


@transaction.atomic(savepoint=False)
def occupation_industries_link(*, occupations: Iterable[Occupation]) -> None:
    """Replace the industry links of the occupations with their top industries."""
    occupations = list(occupations)
    wanted = {
        occupation.pk: top_industries(occupation.facts) for occupation in occupations
    }
    slugs = {
        row["name"]: slugify(row["name"])[:120]
        for rows in wanted.values()
        for row in rows
    }
    # By slug, so a hand-written guide's industry of the same name is the same row.
    existing = set(
        Industry.objects.filter(slug__in=slugs.values()).values_list("slug", flat=True)
    )
    Industry.objects.bulk_create(
        Industry(name=name, slug=slug)
        for name, slug in sorted(slugs.items())
        if slug not in existing
    )
    industries = Industry.objects.in_bulk(slugs.values(), field_name="slug")
    OccupationIndustry.objects.filter(occupation__in=occupations).delete()
    OccupationIndustry.objects.bulk_create(
        OccupationIndustry(
            occupation_id=pk,
            industry=industries[slugs[row["name"]]],
            rank=rank,
            employment=row.get("employment"),
        )
        for pk, rows in wanted.items()
        for rank, row in enumerate(rows)
    )
