"""A guide's key figures: read from its occupation's newest release when it has one,
else from the figures typed into the guide, each naming its source and release.

Works on the fetched rows only (the guide with its occupation), so it adds no
queries to the page.
"""

from dataclasses import dataclass
from decimal import Decimal

from careers.models import Career, Occupation
from core.formatting import money

MINUS = "\N{MINUS SIGN}"


def release_label(occupation: Occupation, key: str) -> str:
    """The release a figure comes from, e.g. "May 2025" (from the loaded facts)."""
    return occupation.facts.get("releases", {}).get(key, {}).get("release", "")


def oews_source(occupation: Occupation) -> str:
    """E.g. "BLS OEWS, May 2025"."""
    release = release_label(occupation, "oews")
    return f"BLS OEWS, {release}" if release else "BLS OEWS"


def projections_source(occupation: Occupation) -> str:
    """E.g. "BLS projections 2024-34" (with the release's own dash)."""
    return f"BLS projections {release_label(occupation, 'projections')}".strip()


def percent(value) -> str:
    """-5.5 gives "-5.5%" with a true minus sign (MINUS), 4 gives "4%"."""
    number = Decimal(str(value)).normalize()
    text = f"{abs(number):f}"
    return f"{MINUS if number < 0 else ''}{text}%"


def dollars_and_cents(cents: int) -> str:
    return f"${cents // 100:,}.{cents % 100:02d}"


def national_wages(occupation: Occupation) -> dict:
    """The national OEWS cell: {"annual": {...}, "hourly_cents": {...}, ...}."""
    return occupation.facts.get("wages") or {}


@dataclass(frozen=True)
class Pay:
    """Median and a low to high range, in whole currency units a year."""

    median: int
    low: int | None
    high: int | None
    currency: str
    source: str  # "BLS OEWS, May 2025", or what staff typed with its date
    # True when low and high are the 10th and 90th percentiles.
    percentiles: bool


def pay(career: Career) -> Pay | None:
    """The guide's annual pay figures, from its occupation when that has them."""
    occupation = career.occupation
    if occupation is not None:
        annual = national_wages(occupation).get("annual") or {}
        if annual.get("median") is not None:
            return Pay(
                median=annual["median"],
                low=annual.get("p10"),
                high=annual.get("p90"),
                currency="USD",
                source=oews_source(occupation),
                percentiles=True,
            )
    if career.median_salary is None:
        return None
    source = career.salary_source
    if career.salary_as_of:
        as_of = f"{career.salary_as_of:%B %Y}"
        source = f"{source}, {as_of}" if source else as_of
    return Pay(
        median=career.median_salary,
        low=career.salary_low,
        high=career.salary_high,
        currency=career.currency,
        source=source,
        percentiles=False,
    )


@dataclass(frozen=True)
class FactCard:
    label: str
    value: str
    note: str = ""
    is_text: bool = False  # a phrase rather than a figure: set in a smaller type


def _from_occupation(career: Career, occupation: Occupation) -> list[FactCard]:
    cards = []
    wages = national_wages(occupation)
    annual = wages.get("annual") or {}
    hourly = wages.get("hourly_cents") or {}
    oews = oews_source(occupation)
    projections = projections_source(occupation)
    if annual.get("median") is not None:
        cards.append(FactCard("Median salary", money(annual["median"]), oews))
    elif hourly.get("median") is not None:
        # Published by the hour only (BLS footnote 4).
        value = f"{dollars_and_cents(hourly['median'])} an hour"
        cards.append(FactCard("Median pay", value, oews))
    if annual.get("p10") is not None and annual.get("p90") is not None:
        value = f"{money(annual['p10'])}–{money(annual['p90'])}"
        note = f"10th to 90th percentile, {oews}"
        cards.append(FactCard("Salary range", value, note))
    if occupation.growth_percent is not None:
        value = percent(occupation.growth_percent)
        note = f"Projected change, {projections}"
        cards.append(FactCard("Growth outlook", value, note))
    if occupation.annual_openings:
        value = f"{occupation.annual_openings:,}"
        cards.append(FactCard("Openings each year", value, projections))
    if occupation.typical_education:
        training = ((occupation.facts.get("projections") or {}).get("training")) or ""
        note = projections if training in ("", "None") else f"{training}; {projections}"
        cards.append(
            FactCard("Typical education", occupation.typical_education, note, True)
        )
    return cards


def _from_career(career: Career) -> list[FactCard]:
    cards = []
    figures = pay(career)
    if figures and figures.median:
        cards.append(
            FactCard(
                "Median salary", money(figures.median, figures.currency), figures.source
            )
        )
    if career.salary_low and career.salary_high:
        value = (
            f"{money(career.salary_low, career.currency)}–"
            f"{money(career.salary_high, career.currency)}"
        )
        note = career.salary_note or "Typical low to high pay"
        cards.append(FactCard("Salary range", value, note))
    if career.growth_percent is not None:
        value = percent(career.growth_percent)
        cards.append(FactCard("Growth outlook", value, career.growth_label))
    if career.annual_openings:
        value = f"{career.annual_openings:,}"
        cards.append(
            FactCard("Openings each year", value, "Projected job openings a year")
        )
    if career.typical_education:
        value = str(career.get_typical_education_display())
        cards.append(FactCard("Typical education", value, career.education_note, True))
    return cards


def key_facts(career: Career) -> list[FactCard]:
    """The figures at the top of a guide, newest release first: a guide joined to
    an occupation shows that occupation's figures, so a new release updates it."""
    if career.occupation is not None:
        return _from_occupation(career, career.occupation)
    return _from_career(career)


def median_pay(pay_unit: str, annual: int | None, hourly_cents: int | None) -> str:
    """The national median in the unit BLS publishes it in ("" when unpublished)."""
    if pay_unit in ("both", "annual") and annual is not None:
        return f"{money(annual)} a year"
    if pay_unit == "hourly" and hourly_cents is not None:
        return f"{dollars_and_cents(hourly_cents)} an hour"
    return ""


def growth(value: float | Decimal | None) -> str:
    """Projected ten-year change with its sign: "+3.1%", or "-5.5%" with a true
    minus sign; "" when unknown."""
    if value is None:
        return ""
    rounded = Decimal(str(value)).quantize(Decimal("0.1"))
    sign = "+" if rounded > 0 else (MINUS if rounded < 0 else "")
    return f"{sign}{abs(rounded)}%"
