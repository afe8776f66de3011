"""Figures a hand-written guide states, compared with its occupation's newest
release (43-4051: BLS OEWS May 2025, projections 2024-34)."""

from datetime import date
from decimal import Decimal

import pytest

from careers.models import Career
from careers.staleness import (
    current_figures,
    figures_in_text,
    guides_with_stale_figures,
    money_is_current,
    percent_is_current,
    stale_figures,
)
from tests.factories import CareerFactory, occupation_from_pack


@pytest.fixture
def current(db):
    return current_figures(occupation_from_pack("43-4051.00"))


@pytest.mark.parametrize(
    "amount",
    [
        "44770",  # median
        "31750",  # 10th percentile
        "36870",  # 25th percentile
        "51780",  # 75th percentile
        "63590",  # 90th percentile
        "46590",  # mean
        "45000",  # the median, rounded to the thousand
        "44800",  # … and to the hundred
        "21.53",  # the hourly median
        "22",  # … rounded to the dollar
    ],
)
def test_a_current_national_wage_figure_is_not_stale(current, amount):
    assert money_is_current(Decimal(amount), current)


@pytest.mark.parametrize("amount", ["38400", "29000", "55000", "30000", "19.50"])
def test_an_older_wage_figure_is_stale(current, amount):
    assert not money_is_current(Decimal(amount), current)


@pytest.mark.parametrize(
    ("number", "sign", "is_current"),
    [
        ("5.5", "", True),  # "a decline of 5.5%"
        ("5.5", "\N{MINUS SIGN}", True),
        ("5.5", "-", True),
        ("6", "", True),  # rounded
        ("5.5", "+", False),
        ("4", "", False),
        ("4", "+", False),
    ],
)
def test_a_percentage_matches_the_projected_change(current, number, sign, is_current):
    assert percent_is_current(Decimal(number), sign, current) is is_current


def test_only_sentences_about_pay_or_the_outlook_are_read(current):
    text = (
        "The median clerk earned $38,400 in May 2023. A course costs $2,000.\n"
        "- **Bachelor's degree:** about $40,000–$100,000+\n"
        "Projections call for growth of 4%. Type at 40 words a minute, 98% accuracy."
    )

    stale = figures_in_text("Section “Pay”", text, current)

    assert [figure.figure for figure in stale] == ["$38,400", "4%"]
    assert stale[0].context == "The median clerk earned $38,400 in May 2023."
    assert stale[0].current.startswith("median $44,770, 10th–90th percentile")
    assert stale[1].current == "\N{MINUS SIGN}5.5% (BLS projections 2024–34)"


def test_current_figures_in_the_text_are_not_flagged(current):
    text = (
        "Nationally, the median clerk earned $44,770 in May 2025, and eight in ten "
        "earned between $31,750 and $63,590. Employment is projected to decline "
        "by 5.5%, with 341,700 openings a year."
    )

    assert figures_in_text("Section", text, current) == []


def stale_guide(**fields) -> Career:
    """A hand-written guide with 2023 figures, joined to 43-4051.00."""
    career = CareerFactory(
        median_salary=38_400,
        salary_low=29_000,
        salary_high=55_000,
        growth_percent=Decimal("4.0"),
        annual_openings=348_600,
        salary_as_of=date(2023, 5, 1),
        occupation=occupation_from_pack("43-4051.00"),
        **fields,
    )
    career.faqs.create(
        question="How much do clerks earn?",
        answer="Entry-level clerks generally earn $30,000–$40,000 a year.",
    )
    career.sections.create(
        heading="Market commentary",
        anchor="market",
        body="Projections call for modest but steady growth of 4%.",
    )
    return career


def test_every_older_figure_is_listed_with_the_current_value(db):
    career = stale_guide()

    stale = {(f.where, f.figure): f.current for f in stale_figures(career)}

    assert stale == {
        ("Median salary", "$38,400"): "$44,770 (BLS OEWS, May 2025)",
        ("Salary low", "$29,000"): "$31,750 (BLS OEWS, May 2025)",
        ("Salary high", "$55,000"): "$63,590 (BLS OEWS, May 2025)",
        ("Growth outlook (%)", "4%"): "\N{MINUS SIGN}5.5% (BLS projections 2024–34)",
        ("Annual openings", "348,600"): "341,700 a year (BLS projections 2024–34)",
        ("Figures as of", "May 2023"): "May 2025",
        ("FAQ “How much do clerks earn?”", "$30,000"): stale[
            ("FAQ “How much do clerks earn?”", "$30,000")
        ],
        ("FAQ “How much do clerks earn?”", "$40,000"): stale[
            ("FAQ “How much do clerks earn?”", "$40,000")
        ],
        ("Section “Market commentary”", "4%"): (
            "\N{MINUS SIGN}5.5% (BLS projections 2024–34)"
        ),
    }


def test_a_guide_with_the_newest_figures_has_none_stale(db):
    career = CareerFactory(
        median_salary=44_770,
        salary_low=31_750,
        salary_high=63_590,
        growth_percent=Decimal("-5.5"),
        annual_openings=341_700,
        salary_as_of=date(2025, 5, 1),
        occupation=occupation_from_pack("43-4051.00"),
    )

    assert stale_figures(career) == []


def test_the_shipped_clerk_guide_is_up_to_date(joined_clerk):
    assert stale_figures(joined_clerk) == []


def test_a_guide_without_an_occupation_has_nothing_to_compare(db):
    assert stale_figures(CareerFactory(median_salary=10_000, salary_low=5_000)) == []


def test_only_hand_written_guides_with_older_figures_are_found(db):
    stale = stale_guide()
    CareerFactory(title="Unjoined", median_salary=38_400)
    generated = occupation_from_pack("43-4171.00")
    CareerFactory(
        title="Receptionists",
        source=Career.Source.GENERATED,
        occupation=generated,
        median_salary=38_400,
    )

    assert guides_with_stale_figures() == [stale.pk]
