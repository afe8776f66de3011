"""Where a pay sits among BLS's published percentiles for an occupation, nationally
or in one state. Pure functions on an occupation's wage facts (see
careers.occupation_pay): annual wages in dollars, hourly ones in cents.

The position is interpolated linearly in dollars between the two published
points around the pay and rounded half up to a whole percentile. Nothing is
guessed across a point BLS did not publish or top-coded: the answer then names
that point.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from careers.occupation_pay import ABOVE_TOP, NOT_PUBLISHED, figure, pay_unit

# (fact key, percentile) in order: the points BLS publishes.
POINTS = [("p10", 10), ("p25", 25), ("median", 50), ("p75", 75), ("p90", 90)]

# A period's pay times this is its yearly figure: the tracker's conventions
# (tracker.models.PERIODS_A_YEAR, which a test keeps equal), and BLS's own
# 2,080 hours for its annual figures.
PERIODS_A_YEAR = {"hour": 2080, "week": 52, "month": 12, "year": 1}
PERIOD_NAMES = {"hour": "an hourly", "week": "a weekly", "month": "a monthly"}


class Kind(StrEnum):
    PERCENTILE = "percentile"
    BELOW = "below"  # below the 10th percentile
    ABOVE = "above"  # above the 90th percentile
    UNKNOWN = "unknown"  # a point around the pay is not published or top-coded
    NOT_PLACED = "not_placed"  # the pay cannot be compared with these figures


@dataclass(frozen=True)
class Position:
    kind: Kind
    percentile: int | None = None  # for Kind.PERCENTILE
    reason: str = ""  # for Kind.UNKNOWN and Kind.NOT_PLACED, a clause of our own


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 11th, 62nd."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def point_name(point: str) -> str:
    """ "p75" → "75th percentile"."""
    return f"{ordinal(dict(POINTS)[point])} percentile"


def place(wages: dict, unit: str, amount: Decimal) -> Position:
    """The position of `amount` (dollars a year for "annual", cents an hour for
    "hourly") among the published points of `wages`."""
    figures = [figure(wages, unit, point) for point, _ in POINTS]
    values = [None if f.value is None else Decimal(f.value) for f in figures]
    if all(value is None for value in values):
        return Position(Kind.UNKNOWN, reason="BLS did not publish its percentiles")
    if values[0] is not None and amount < values[0]:
        return Position(Kind.BELOW)
    if values[-1] is not None and amount > values[-1]:
        return Position(Kind.ABOVE)
    # The highest published point at or under the amount (-1: none is).
    low = max(
        (i for i, value in enumerate(values) if value is not None and value <= amount),
        default=-1,
    )
    if low >= 0 and values[low] == amount:
        return Position(Kind.PERCENTILE, percentile=POINTS[low][1])
    # Here the next point is above the amount, or withheld: only two published
    # neighbours place it.
    after = low + 1
    if low >= 0 and values[after] is not None:
        low_pct, high_pct = POINTS[low][1], POINTS[after][1]
        share = (amount - values[low]) / (values[after] - values[low])
        exact = low_pct + share * (high_pct - low_pct)
        rounded = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return Position(Kind.PERCENTILE, percentile=rounded)
    why = ABOVE_TOP if figures[after].above_top else NOT_PUBLISHED
    return Position(Kind.UNKNOWN, reason=f"the {point_name(POINTS[after][0])} is {why}")


def comparable_amount(
    wages: dict, *, amount: Decimal, period: str, currency: str
) -> tuple[str, Decimal] | Position:
    """The pay in the unit BLS publishes for the occupation (with that unit), or
    the Position saying why it cannot be compared. `wages` is the national cell,
    which decides the unit for the states too."""
    unit = pay_unit(wages)
    if unit is None:
        return Position(
            Kind.NOT_PLACED, reason="BLS publishes no pay figures for this work"
        )
    if currency.upper() != "USD":
        return Position(
            Kind.NOT_PLACED,
            reason=f"this pay is in {currency.upper() or 'no stated currency'} and "
            "BLS figures are in US dollars",
        )
    if unit == "hourly":
        if period != "hour":
            return Position(
                Kind.NOT_PLACED,
                reason="BLS publishes only hourly figures for this work, and "
                "other pay is not turned into hours",
            )
        return unit, amount * 100
    if wages.get("unit") == "annual" and period in ("hour", "week"):
        # Teachers and others paid by the year: BLS gives no hours to count.
        return Position(
            Kind.NOT_PLACED,
            reason=f"BLS publishes only yearly figures for this work, and "
            f"{PERIOD_NAMES[period]} pay is not turned into a yearly one",
        )
    return unit, amount * PERIODS_A_YEAR[period]


def position(
    national: dict | None,
    cell: dict | None,
    *,
    amount: Decimal,
    period: str,
    currency: str,
) -> Position:
    """Where the pay sits in `cell` (the national cell or a state's), compared in
    the unit the national figures use."""
    comparable = comparable_amount(
        national or {}, amount=amount, period=period, currency=currency
    )
    if isinstance(comparable, Position):
        return comparable
    if not cell:
        return Position(
            Kind.NOT_PLACED, reason="BLS publishes no pay figures for this work there"
        )
    unit, value = comparable
    return place(cell, unit, value)


def occupation_name(title: str) -> str:
    """ "Customer Service Representatives" as a sentence says it: lower case,
    except words written in capitals such as "CNC"."""
    return " ".join(
        word if word.isupper() and len(word) > 1 else word.lower()
        for word in title.split()
    )


def sentence(found: Position, *, who: str, where: str, source: str) -> str:
    """E.g. "About the 62nd percentile for customer service representatives in
    Ohio, BLS May 2025"."""
    group = f"{who} {where}"
    match found.kind:
        case Kind.PERCENTILE:
            rank = ordinal(found.percentile)
            return f"About the {rank} percentile for {group}, {source}"
        case Kind.BELOW:
            return f"Below the 10th percentile for {group}, {source}"
        case Kind.ABOVE:
            return f"Above the 90th percentile for {group}, {source}"
        case Kind.UNKNOWN:
            return f"Cannot say for {group}: {found.reason} ({source})"
        case _:
            return f"Not compared for {group}: {found.reason} ({source})"
