"""Reading one spreadsheet cell for the import: choices, dates, amounts, links.

Each reader returns the value or raises ValueError with a message written for
the person fixing their file."""

import contextlib
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tracker.models import (
    EmploymentType,
    PayPeriod,
    Priority,
    Source,
    Status,
    WorkMode,
)


def key(text: str) -> str:
    """Headings and choice names compared without case, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def choices_lookup(choices, aliases: dict[str, str]) -> dict[str, Any]:
    """Find a choice by its value or label (compared by key), or by an alias."""
    lookup = {}
    for value, label in choices:
        lookup[key(str(value))] = value
        lookup[key(label)] = value
    lookup.update(aliases)
    return lookup


STATUSES = choices_lookup(
    Status.choices,
    {
        "wishlist": Status.SAVED,
        "notapplied": Status.SAVED,
        "sent": Status.APPLIED,
        "submitted": Status.APPLIED,
        "screen": Status.SCREENING,
        "phonescreen": Status.SCREENING,
        "interview": Status.INTERVIEWING,
        "interviewed": Status.INTERVIEWING,
        "offered": Status.OFFER,
        "hired": Status.ACCEPTED,
        "unsuccessful": Status.REJECTED,
        "notselected": Status.REJECTED,
        "withdrew": Status.WITHDRAWN,
    },
)
SOURCES = choices_lookup(
    Source.choices,
    {
        "linkedin": Source.JOB_BOARD,
        "indeed": Source.JOB_BOARD,
        "glassdoor": Source.JOB_BOARD,
        "jobsite": Source.JOB_BOARD,
        "companywebsite": Source.COMPANY_SITE,
        "careerspage": Source.COMPANY_SITE,
        "website": Source.COMPANY_SITE,
        "referred": Source.REFERRAL,
        "agency": Source.RECRUITER,
    },
)
WORK_MODES = choices_lookup(
    WorkMode.choices, {"onsite": WorkMode.ON_SITE, "office": WorkMode.ON_SITE}
)
PRIORITIES = choices_lookup(Priority.choices, {"medium": Priority.NORMAL})
PAY_PERIODS = choices_lookup(
    PayPeriod.choices,
    {
        "hourly": PayPeriod.HOUR,
        "perhour": PayPeriod.HOUR,
        "hr": PayPeriod.HOUR,
        "weekly": PayPeriod.WEEK,
        "perweek": PayPeriod.WEEK,
        "monthly": PayPeriod.MONTH,
        "permonth": PayPeriod.MONTH,
        "yearly": PayPeriod.YEAR,
        "annual": PayPeriod.YEAR,
        "annually": PayPeriod.YEAR,
        "peryear": PayPeriod.YEAR,
        "perannum": PayPeriod.YEAR,
    },
)
EMPLOYMENT_TYPES = choices_lookup(
    EmploymentType.choices,
    {
        "fulltime": EmploymentType.FULL_TIME,
        "permanent": EmploymentType.FULL_TIME,
        "parttime": EmploymentType.PART_TIME,
        "contractor": EmploymentType.CONTRACT,
        "temp": EmploymentType.TEMPORARY,
        "intern": EmploymentType.INTERNSHIP,
    },
)
YES_NO = {"yes": True, "y": True, "true": True, "1": True}
YES_NO |= {"no": False, "n": False, "false": False, "0": False, "": False}

NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")
DATE_FORMATS = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
]
LARGEST_SALARY = 2_147_483_647


def date_order(values: list[str]) -> str | None:
    """Day-first ("dmy") or month-first ("mdy") for the file's numeric dates, when
    some date settles it (13/04 can only be day-first); None when nothing does."""
    day_first = month_first = False
    for value in values:
        if match := NUMERIC_DATE.match(value.strip()):
            first, second = int(match[1]), int(match[2])
            day_first |= first > 12 >= second
            month_first |= second > 12 >= first
    if day_first != month_first:
        return "dmy" if day_first else "mdy"
    return None


def parse_date(value: str, *, order: str | None = None) -> date:
    """A date in a common format; raises ValueError with a message for people.
    (Whether it is in the range people may enter is the model's check.)"""
    text = value.strip()
    # A date and time from a spreadsheet: keep the date.
    text = re.sub(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}.*$", r"\1", text)
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(",", " "))
    text = re.sub(r"\bSept\b", "Sep", " ".join(text.split()), flags=re.IGNORECASE)
    if match := NUMERIC_DATE.match(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 100 else 0
        readings = {
            "dmy": (year, second, first),
            "mdy": (year, first, second),
        }
        valid = {}
        for name, parts in readings.items():
            with contextlib.suppress(ValueError):  # 31/02 is no date either way
                valid[name] = date(*parts)
        if len(set(valid.values())) == 2:
            if order in valid:
                return valid[order]
            raise ValueError(
                f"“{value}” could be {valid['dmy']:%-d %B} or "
                f"{valid['mdy']:%-d %B}: write it as {valid['dmy']:%Y-%m-%d} "
                "(year-month-day)"
            )
        if valid:
            return next(iter(valid.values()))
        raise ValueError(f"“{value}” is not a real date")
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise ValueError(f"“{value}” is not a date we can read; use 2025-03-31")


def choice(value: str, lookup: dict, *, choices):
    if (found := lookup.get(key(value))) is not None:
        return found
    allowed = ", ".join(str(label) for _, label in choices)
    raise ValueError(f"“{value}” is not one of: {allowed}")


# A plain amount: digits, in groups of three when a separator is used (comma,
# space, no-break space or apostrophe, the same one throughout), then at most two
# decimals after a point. A currency symbol may stand before or after it.
AMOUNT = re.compile(
    r"(?P<whole>\d+|\d{1,3}(?P<sep>[, \u00a0\u202f'’])\d{3}(?:(?P=sep)\d{3})*)"
    r"(?:\.(?P<cents>\d{1,2}))?",
    re.ASCII,
)


def _without_currency_symbol(text: str) -> str:
    if text[:1] and unicodedata.category(text[0]) == "Sc":
        text = text[1:].lstrip()
    if text[-1:] and unicodedata.category(text[-1]) == "Sc":
        text = text[:-1].rstrip()
    return text


def salary(value: str) -> Decimal:
    """A plain amount, cents kept (an hourly rate has them); anything else, such
    as a range, a minus sign, an exponent or "45k", is refused, never guessed."""
    match = AMOUNT.fullmatch(_without_currency_symbol(value.strip()))
    if match is None:
        raise ValueError(
            f"“{value}” is not a plain amount; write it like 45000 or 45,000"
        )
    whole = re.sub(r"\D", "", match["whole"])
    amount = Decimal(f"{whole}.{match['cents'] or 0}")
    if amount > LARGEST_SALARY:
        shown = value if len(value) <= 20 else f"{value[:12]}…({len(value)} characters)"
        raise ValueError(f"“{shown}” is more than {LARGEST_SALARY:,}")
    # Quantized only once known to be small: a long number would overflow it.
    return amount.quantize(Decimal("0.01"))


def with_scheme(value: str) -> str:
    """A link as it will be stored: `https://` in front when it has no scheme.
    (Whether it is a web address is the model's check, on this stored value.)"""
    return value if not value or "://" in value else f"https://{value}"
