"""Presentation helpers for the tracker's stats and exports."""

from django import template

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.4 → "40%"; None (nothing to divide by) → "—"."""
    if value is None or value == "":
        return "—"
    return f"{round(value * 100)}%"


@register.filter
def days(value) -> str:
    """A number of days, whole when it is whole: 3 → "3 days", 2.5 → "2.5 days"."""
    if value is None or value == "":
        return "—"
    figure = f"{value:g}" if float(value).is_integer() else f"{value:.1f}"
    return f"{figure} day{'' if float(value) == 1 else 's'}"
