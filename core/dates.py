"""The dates people may enter, defined once: years 1970 to 2100.

Python's dates end at 9999-12-31, so a follow-up or interview near that end made
the calendar feed and snoozing overflow. No real job search needs more than this
range, and every value inside it leaves room for the arithmetic done on it (an
interview's end, a snooze, a time-zone shift). Model fields use the validator, so
forms and the CSV import give the same field error."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError

EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2100, 12, 31)
DATE_RANGE_MESSAGE = f"Enter a date from {EARLIEST_DATE.year} to {LATEST_DATE.year}."


def validate_date_in_range(value: date | datetime) -> None:
    """Refuse a date (or date and time) outside 1970 to 2100, with a field error."""
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(DATE_RANGE_MESSAGE, code="date_range")


def date_input_range() -> dict[str, str]:
    """The min and max attributes of a date box, so browsers offer the same range."""
    return {"min": EARLIEST_DATE.isoformat(), "max": LATEST_DATE.isoformat()}


def datetime_input_range() -> dict[str, str]:
    """The min and max attributes of a datetime-local box."""
    return {
        "min": f"{EARLIEST_DATE.isoformat()}T00:00",
        "max": f"{LATEST_DATE.isoformat()}T23:59",
    }


def add_or_clamp(value, delta: timedelta):
    """`value + delta`, or the last (first) value Python can hold instead of an
    OverflowError: rows saved before the range was enforced may sit at the edge."""
    try:
        return value + delta
    except OverflowError:
        edge = type(value).max if delta > timedelta(0) else type(value).min
        if isinstance(value, datetime):
            edge = edge.replace(tzinfo=value.tzinfo)
        return edge
