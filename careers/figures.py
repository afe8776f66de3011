"""Occupation figures as the careers pages print them."""

from decimal import Decimal

from core.formatting import money


def dollars_and_cents(cents: int) -> str:
    return f"${cents // 100:,}.{cents % 100:02d}"


def median_pay(pay_unit: str, annual: int | None, hourly_cents: int | None) -> str:
    """The national median in the unit BLS publishes it in ("" when unpublished)."""
    if pay_unit in ("both", "annual") and annual is not None:
        return f"{money(annual)} a year"
    if pay_unit == "hourly" and hourly_cents is not None:
        return f"{dollars_and_cents(hourly_cents)} an hour"
    return ""


def growth(percent: float | Decimal | None) -> str:
    """Projected ten-year change with its sign: "+3.1%", "-5.5%" ("" if unknown)."""
    if percent is None:
        return ""
    value = Decimal(str(percent)).quantize(Decimal("0.1"))
    sign = "+" if value > 0 else ("\u2212" if value < 0 else "")
    return f"{sign}{abs(value)}%"
