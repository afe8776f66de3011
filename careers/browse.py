"""Browsing the published guides: the bands, labels and queries behind /careers/.

A guide with an occupation is listed with its occupation's figures (a
hand-written guide's own salary fields are ignored then); a guide without one is
listed with its own fields, and drops out of filters it has no value for (field,
job zone).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, When
from django.db.models.functions import Coalesce

from careers.models import (
    Career,
    CareerIndustry,
    Industry,
    OccupationGroup,
    OccupationIndustry,
)

# BLS's typical entry-level education categories, by our key: (BLS wording, the
# Career.Education value a guide without an occupation uses for it).
EDUCATION = {
    "none": ("No formal educational credential", Career.Education.NONE),
    "high-school": ("High school diploma or equivalent", Career.Education.HIGH_SCHOOL),
    "some-college": ("Some college, no degree", None),
    "postsecondary": ("Postsecondary nondegree award", Career.Education.POSTSECONDARY),
    "associate": ("Associate's degree", Career.Education.ASSOCIATE),
    "bachelor": ("Bachelor's degree", Career.Education.BACHELOR),
    "master": ("Master's degree", Career.Education.MASTER),
    "doctorate": ("Doctoral or professional degree", Career.Education.DOCTORATE),
}

# O*NET job zones in our words: how much preparation the work takes.
JOB_ZONES = {
    1: "Little or no preparation (days to months of training)",
    2: "Some preparation (high school, up to a year of training)",
    3: "Medium preparation (vocational training or an associate's degree)",
    4: "Considerable preparation (usually a bachelor's degree)",
    5: "Extensive preparation (usually a graduate degree)",
}

# A year of full-time work, to put an hourly-only median beside annual ones.
HOURS_A_YEAR = 2080


@dataclass(frozen=True)
class Band:
    """A range of a figure: at least `low`, below `below` (None: unbounded)."""

    key: str
    label: str
    low: int | Decimal | None
    below: int | Decimal | None

    def q(self, name: str) -> Q:
        condition = Q()
        if self.low is not None:
            condition &= Q(**{f"{name}__gte": self.low})
        if self.below is not None:
            condition &= Q(**{f"{name}__lt": self.below})
        return condition


def _bands(*bands: Band) -> dict[str, Band]:
    return {band.key: band for band in bands}


PAY_BANDS = _bands(
    Band("under-40k", "Under $40,000", None, 40_000),
    Band("40k-60k", "$40,000 to $60,000", 40_000, 60_000),
    Band("60k-80k", "$60,000 to $80,000", 60_000, 80_000),
    Band("80k-100k", "$80,000 to $100,000", 80_000, 100_000),
    Band("100k-150k", "$100,000 to $150,000", 100_000, 150_000),
    Band("150k-plus", "$150,000 and over", 150_000, None),
)
# Projected change in employment over BLS's ten-year projection.
GROWTH_BANDS = _bands(
    Band("declining", "Declining (a fall of more than 1%)", None, Decimal("-1")),
    Band("steady", "Little or no change (−1% to 1%)", Decimal("-1"), Decimal("1")),
    Band("growing", "Growing (1% to 5%)", Decimal("1"), Decimal("5")),
    Band("fast", "Growing fast (5% or more)", Decimal("5"), None),
)
OPENINGS_BANDS = _bands(
    Band("under-1k", "Under 1,000 a year", None, 1_000),
    Band("1k-5k", "1,000 to 5,000 a year", 1_000, 5_000),
    Band("5k-20k", "5,000 to 20,000 a year", 5_000, 20_000),
    Band("20k-100k", "20,000 to 100,000 a year", 20_000, 100_000),
    Band("100k-plus", "100,000 or more a year", 100_000, None),
)

SORTS = {
    "title": "Title (A to Z)",
    "pay": "Median pay (highest first)",
    "growth": "Projected growth (fastest first)",
    "openings": "Openings a year (most first)",
}
DEFAULT_SORT = "title"
PAGE_SIZE = 24


def _own_or_occupations(field: str, occupation_value) -> Case:
    return Case(
        When(occupation__isnull=True, then=F(field)),
        default=occupation_value,
    )


def listed_careers() -> QuerySet[Career]:
    """Published guides with the figures the list shows, filters and sorts on:
    `pay` (the annual median; for hourly-only occupations the hourly median
    times 2,080), `growth` and `openings`."""
    hourly_as_annual = F("occupation__median_hourly_cents") * HOURS_A_YEAR / 100
    return (
        Career.objects.published()
        .select_related("occupation__group")
        # Everything but the occupation's facts, which only its guide reads.
        .defer("occupation__facts")
        .annotate(
            pay=_own_or_occupations(
                "median_salary",
                Coalesce(F("occupation__median_annual"), hourly_as_annual),
            ),
            growth=_own_or_occupations(
                "growth_percent", F("occupation__growth_percent")
            ),
            openings=_own_or_occupations(
                "annual_openings", F("occupation__annual_openings")
            ),
        )
    )


def _education_q(key: str) -> Q:
    wording, own = EDUCATION[key]
    condition = Q(occupation__typical_education=wording)
    if own is not None:
        condition |= Q(occupation__isnull=True, typical_education=own)
    return condition


def _industry_q(slug: str) -> Q:
    return Q(
        Exists(
            OccupationIndustry.objects.filter(
                occupation=OuterRef("occupation"), industry__slug=slug
            )
        )
    ) | Q(
        Exists(
            CareerIndustry.objects.filter(career=OuterRef("pk"), industry__slug=slug)
        ),
        occupation__isnull=True,
    )


def conditions(criteria: dict) -> dict[str, Q]:
    """Each active filter as a condition on listed_careers(), by parameter name."""
    found = {}
    if field := criteria.get("field"):
        found["field"] = Q(occupation__group__slug=field)
    if education := criteria.get("education"):
        found["education"] = _education_q(education)
    if zone := criteria.get("zone"):
        found["zone"] = Q(occupation__job_zone=int(zone))
    if pay := criteria.get("pay"):
        found["pay"] = PAY_BANDS[pay].q("pay")
    if growth := criteria.get("growth"):
        found["growth"] = GROWTH_BANDS[growth].q("growth")
    if openings := criteria.get("openings"):
        found["openings"] = OPENINGS_BANDS[openings].q("openings")
    if industry := criteria.get("industry"):
        found["industry"] = _industry_q(industry)
    return found


def _all(conditions: dict[str, Q], *, but: str | None = None) -> Q:
    combined = Q()
    for name, condition in conditions.items():
        if name != but:
            combined &= condition
    return combined


def browse_careers(criteria: dict) -> QuerySet[Career]:
    """The published guides the criteria select, in the order asked for; a
    guide without the figure sorted on comes last, ties in title order."""
    careers = listed_careers().filter(_all(conditions(criteria)))
    match criteria.get("sort") or DEFAULT_SORT:
        case "title":
            order = []
        case sort:
            order = [F(sort).desc(nulls_last=True)]
    return careers.order_by(*order, "title", "pk")


def counts_without_each(criteria: dict) -> dict[str, int]:
    """For each active filter, how many guides the others alone select (in one
    query), so an empty list can say which filter to drop."""
    active = conditions(criteria)
    # Prefixed: an aggregate may not share a name with the annotations.
    counts = listed_careers().aggregate(
        **{
            f"without_{name}": Count("pk", filter=_all(active, but=name))
            for name in active
        }
    )
    return {name: counts[f"without_{name}"] for name in active}


@dataclass(frozen=True)
class Field:
    """A SOC major group people browse by, with its number of guides."""

    slug: str
    name: str
    count: int


def listed_fields() -> list[Field]:
    """The major groups with at least one published guide, with their counts."""
    groups = (
        OccupationGroup.objects.annotate(
            guides=Count(
                "occupations__career",
                filter=Q(occupations__career__status=Career.Status.PUBLISHED),
            )
        )
        .filter(guides__gt=0)
        .order_by("name")
    )
    return [Field(group.slug, group.field_name, group.guides) for group in groups]


def field_counts(criteria: dict) -> dict[str, int]:
    """Guides in each field under the criteria's other filters (the field
    filter aside), so each field link says what it would show."""
    others = _all(conditions(criteria), but="field")
    rows = (
        listed_careers()
        .filter(others, occupation__isnull=False)
        .order_by()
        .values("occupation__group__slug")
        .annotate(guides=Count("pk"))
    )
    return {row["occupation__group__slug"]: row["guides"] for row in rows}


def listed_industries() -> list[Industry]:
    """Industries at least one published guide ranks among its top ones: its
    occupation's, or for a guide without an occupation, its own."""
    published = Career.objects.published()
    return list(
        Industry.objects.filter(
            Exists(
                OccupationIndustry.objects.filter(
                    industry=OuterRef("pk"),
                    occupation__career__in=published,
                )
            )
            | Exists(
                CareerIndustry.objects.filter(
                    industry=OuterRef("pk"),
                    career__in=published.filter(occupation__isnull=True),
                )
            )
        ).order_by("name")
    )


def _band_of(bands: dict[str, Band], value) -> Band | None:
    if value is None:
        return None
    for band in bands.values():
        if (band.low is None or value >= band.low) and (
            band.below is None or value < band.below
        ):
            return band
    return None


@dataclass(frozen=True)
class Card:
    """What the list shows of one guide."""

    career: Career
    field: str
    pay: int | None
    hourly: str  # "$23.50" when BLS publishes only an hourly median
    growth: Decimal | None
    growth_band: str
    openings: int | None
    education: str


def card(career: Career) -> Card:
    """The list's card for a guide from listed_careers()."""
    occupation = career.occupation
    hourly_only = occupation is not None and occupation.pay_unit == "hourly"
    if occupation is not None:
        education = occupation.typical_education
    else:
        education = career.get_typical_education_display()
    band = _band_of(GROWTH_BANDS, career.growth)
    return Card(
        career=career,
        field=occupation.group.field_name if occupation else "",
        pay=career.pay,
        hourly=f"${occupation.median_hourly_cents / 100:,.2f}"
        if hourly_only and occupation.median_hourly_cents
        else "",
        growth=career.growth,
        growth_band=band.label.split(" (")[0] if band else "",
        openings=career.openings,
        education=education,
    )
