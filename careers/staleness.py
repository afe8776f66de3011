"""Figures a hand-written guide states that are older than its occupation's newest
release: the ones typed into its key-fact fields and the pay and outlook figures
written into its text.

A figure is current when it matches any of the occupation's national figures
(wage percentiles and mean, employment, openings, projected change), at the
precision it is written with: "$45,000" matches a $44,770 median, "$38,400" does
not. Only sentences about pay (for dollar amounts) or the outlook (for
percentages) are read, so a course fee or a typing speed is never flagged.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from careers.figures import (
    dollars_and_cents,
    national_wages,
    oews_source,
    percent,
    projections_source,
    release_label,
)
from careers.models import Career, Occupation
from core.formatting import money

PERCENTILES = (
    ("p10", "10th percentile"),
    ("p25", "25th percentile"),
    ("median", "median"),
    ("p75", "75th percentile"),
    ("p90", "90th percentile"),
    ("mean", "mean"),
)
PAY_WORDS = frozenset(
    {
        "earn",
        "earns",
        "earned",
        "earning",
        "earnings",
        "pay",
        "paid",
        "pays",
        "salary",
        "salaries",
        "wage",
        "wages",
        "median",
        "income",
    }
)
OUTLOOK_WORDS = frozenset(
    {
        "growth",
        "grow",
        "grows",
        "growing",
        "projected",
        "projection",
        "projections",
        "outlook",
        "decline",
        "declines",
        "declining",
        "shrink",
        "employment",
        "openings",
    }
)
MONEY = re.compile(
    r"\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?P<cents>\.\d{2})?(?P<thousands>[kK]\b)?"
)
PERCENT = re.compile(r"(?P<sign>[+\-\N{MINUS SIGN}])?(?P<number>\d+(?:\.\d+)?)\s?%")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Current:
    """The occupation's national figures, as plain numbers."""

    dollars: tuple[int, ...]  # annual wage percentiles and mean
    hourly_cents: tuple[int, ...]
    growth: Decimal | None
    counts: tuple[int, ...]  # employment, openings, employment change
    pay_summary: str  # e.g. "median $44,770, … (BLS OEWS, May 2025)"
    figures: dict[str, str]  # "median" → "$44,770 (BLS OEWS, May 2025)" etc.
    oews_release: date | None


def current_figures(occupation: Occupation) -> Current:
    wages = national_wages(occupation)
    annual = wages.get("annual") or {}
    hourly = wages.get("hourly_cents") or {}
    projections = occupation.facts.get("projections") or {}
    oews, outlook = oews_source(occupation), projections_source(occupation)
    figures = {
        name: f"{money(annual[key])} ({oews})"
        for key, name in PERCENTILES
        if annual.get(key) is not None
    }
    if occupation.growth_percent is not None:
        figures["growth"] = f"{percent(occupation.growth_percent)} ({outlook})"
    if occupation.annual_openings is not None:
        figures["openings"] = f"{occupation.annual_openings:,} a year ({outlook})"
    summary = []
    if annual.get("median") is not None:
        summary.append(f"median {money(annual['median'])}")
    elif hourly.get("median") is not None:
        summary.append(f"median {dollars_and_cents(hourly['median'])} an hour")
    if annual.get("p10") is not None and annual.get("p90") is not None:
        summary.append(
            f"10th–90th percentile {money(annual['p10'])}–{money(annual['p90'])}"
        )
    counts = [
        occupation.employment,
        wages.get("employment"),
        occupation.annual_openings,
        projections.get("employment_start"),
        projections.get("employment_end"),
        abs(projections["change"]) if projections.get("change") is not None else None,
    ]
    return Current(
        dollars=tuple(annual[key] for key, _ in PERCENTILES if annual.get(key)),
        hourly_cents=tuple(hourly[key] for key, _ in PERCENTILES if hourly.get(key)),
        growth=occupation.growth_percent,
        counts=tuple(count for count in counts if count is not None),
        pay_summary=(", ".join(summary) + f" ({oews})") if summary else "not published",
        figures=figures,
        oews_release=_release_date(release_label(occupation, "oews")),
    )


def _release_date(label: str) -> date | None:
    try:
        return datetime.strptime(label, "%B %Y").date()
    except ValueError:
        return None


def _rounded(value, step: int) -> Decimal:
    return (Decimal(value) / step).quantize(Decimal(1), ROUND_HALF_UP) * step


def _precision(number: int, cap: int) -> int:
    """The power of ten a written figure is rounded to: 45,000 → 1,000."""
    step = 1
    while step < cap and number % (step * 10) == 0:
        step *= 10
    return step


def _matches_count(written: int, candidates: Iterable[int], cap: int = 1000) -> bool:
    if written == 0:
        return False
    step = _precision(written, cap)
    return any(_rounded(candidate, step) == written for candidate in candidates)


def money_is_current(written: Decimal, current: Current) -> bool:
    """A dollar amount written in a guide matches a current national wage figure."""
    if written != written.to_integral_value():  # "$21.53": an hourly figure
        return int(written * 100) in current.hourly_cents
    whole = int(written)
    if whole < 1000:  # "$22 an hour"
        hourly = current.hourly_cents
        return any(_rounded(cents, 100) == whole * 100 for cents in hourly)
    return _matches_count(whole, current.dollars)


def percent_is_current(written: Decimal, sign: str, current: Current) -> bool:
    """A percentage matches the projected change at its written precision; the
    sign counts only when it is written ("+4%")."""
    if current.growth is None:
        return False
    growth = Decimal(current.growth)
    if sign and (sign == "+") != (growth >= 0):
        return False
    exponent = Decimal(1).scaleb(written.as_tuple().exponent)
    return abs(growth).quantize(exponent, ROUND_HALF_UP) == written


@dataclass(frozen=True)
class StaleFigure:
    where: str  # the field or the part of the guide, e.g. "FAQ “How much …?”"
    figure: str  # as written
    current: str  # the newest release's value, with its source
    context: str = ""  # the sentence it was written in


def _sentences(text: str) -> Iterable[str]:
    for line in text.splitlines():
        yield from (part.strip() for part in SENTENCE_END.split(line) if part.strip())


def figures_in_text(where: str, text: str, current: Current) -> list[StaleFigure]:
    """The dollar amounts in sentences about pay and the percentages in sentences
    about the outlook that match none of the current figures."""
    stale = []
    for sentence in _sentences(text):
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        if words & PAY_WORDS:
            for match in MONEY.finditer(sentence):
                amount = Decimal(match["amount"].replace(",", ""))
                amount += Decimal(match["cents"] or 0)
                if match["thousands"]:
                    amount *= 1000
                if not money_is_current(amount, current):
                    stale.append(
                        StaleFigure(where, match[0], current.pay_summary, sentence)
                    )
        if words & OUTLOOK_WORDS:
            for match in PERCENT.finditer(sentence):
                if not percent_is_current(
                    Decimal(match["number"]), match["sign"] or "", current
                ):
                    now = current.figures.get("growth", "not published")
                    stale.append(StaleFigure(where, match[0], now, sentence))
    return stale


def figures_in_fields(career: Career, current: Current) -> list[StaleFigure]:
    """The key-fact fields typed into the guide that are older than the release."""
    stale = []
    money_fields = [
        ("median_salary", "median"),
        ("salary_low", "10th percentile"),
        ("salary_high", "90th percentile"),
    ]
    for name, nearest in money_fields:
        value = getattr(career, name)
        if value is not None and not money_is_current(Decimal(value), current):
            stale.append(
                StaleFigure(
                    _label(name),
                    money(value, career.currency),
                    current.figures.get(nearest, current.pay_summary),
                )
            )
    growth = career.growth_percent
    if growth is not None and (current.growth is None or growth != current.growth):
        stale.append(
            StaleFigure(
                _label("growth_percent"),
                percent(growth),
                current.figures.get("growth", "not published"),
            )
        )
    openings = career.annual_openings
    if openings is not None and not _matches_count(openings, current.counts):
        stale.append(
            StaleFigure(
                _label("annual_openings"),
                f"{openings:,}",
                current.figures.get("openings", "not published"),
            )
        )
    as_of, release = career.salary_as_of, current.oews_release
    if as_of is not None and release is not None and as_of < release:
        stale.append(
            StaleFigure(_label("salary_as_of"), f"{as_of:%B %Y}", f"{release:%B %Y}")
        )
    return stale


def _label(field_name: str) -> str:
    return str(Career._meta.get_field(field_name).verbose_name).capitalize()


def _quoted(kind: str, name: str) -> str:
    return f"{kind} “{name}”"


def guide_texts(career: Career) -> list[tuple[str, str]]:
    """Every piece of the guide's own text, named by where it is.

    Salary by experience level is left out: those are the guide's own estimates
    per level, not a national figure a release could update.
    """
    texts = [
        ("Summary", career.summary),
        ("What the job is", career.overview),
        ("Salary note", career.salary_note),
        ("Growth label", career.growth_label),
        ("Education note", career.education_note),
    ]
    texts += [(_quoted("Section", s.heading), s.body) for s in career.sections.all()]
    texts += [
        (_quoted("FAQ", faq.question), f"{faq.question}\n{faq.answer}")
        for faq in career.faqs.all()
    ]
    texts += [(_quoted("Step", step.title), step.body) for step in career.steps.all()]
    texts += [
        (_quoted("Pro", pro.title), f"{pro.title}. {pro.body}")
        for pro in career.pros.all()
    ]
    texts += [
        (_quoted("Con", con.title), f"{con.title}. {con.body}")
        for con in career.cons.all()
    ]
    texts += [
        (_quoted("Career path level", level.title), level.description)
        for level in career.path_levels.all()
    ]
    texts += [("Responsibility", item.text) for item in career.responsibilities.all()]
    texts += [
        (_quoted("Education option", option.title), option.description)
        for option in career.education_options.all()
    ]
    return [(where, text) for where, text in texts if text]


def stale_figures(career: Career) -> list[StaleFigure]:
    """Every figure the guide states that its occupation's newest release has
    replaced; none when the guide is not joined to an occupation."""
    occupation = career.occupation
    if occupation is None:
        return []
    current = current_figures(occupation)
    stale = figures_in_fields(career, current)
    for where, text in guide_texts(career):
        stale += figures_in_text(where, text, current)
    return stale


TEXT_LISTS = (
    "sections",
    "faqs",
    "steps",
    "pros",
    "cons",
    "path_levels",
    "responsibilities",
    "education_options",
)


def guides_to_check() -> QuerySet[Career]:
    """The hand-written guides joined to an occupation, with their text lists.

    Generated guides are composed from the occupation's facts when shown, so
    they cannot fall behind a release.
    """
    return (
        Career.objects.filter(source=Career.Source.EDITORIAL, occupation__isnull=False)
        .select_related("occupation")
        .prefetch_related(*TEXT_LISTS)
    )


def guides_with_stale_figures() -> list[int]:
    """The ids of the guides that state a figure older than the newest release."""
    return [career.pk for career in guides_to_check() if stale_figures(career)]
