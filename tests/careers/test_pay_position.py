"""Where a pay sits among BLS's percentiles: linear in dollars between the
published points, rounded half up, and never guessed across a withheld point."""

import copy
from decimal import Decimal

import pytest

from careers.catalogue.records import occupation_row
from careers.occupation_pay import POSTAL
from careers.pay_position import (
    PERIODS_A_YEAR,
    Kind,
    Position,
    occupation_name,
    ordinal,
    place,
    position,
    sentence,
)
from careers.states import STATES
from tests.factories import _pack
from tracker.models import PERIODS_A_YEAR as TRACKER_PERIODS


def facts(code: str) -> dict:
    records, reference = _pack()
    return occupation_row(copy.deepcopy(records[code]), reference).fields["facts"]


def state(facts: dict, code: str) -> dict:
    return next(cell for cell in facts["states"] if cell["code"] == code)


CSR = "43-4051.00"  # customer service representatives: annual and hourly
TEACHERS = "25-1011.00"  # business teachers, postsecondary: annual only
ACTORS = "27-2011.00"  # hourly only
ATHLETES = "27-2021.00"  # annual only; California's 90th is top-coded
CHIEF_EXECUTIVES = "11-1011.00"  # Massachusetts withheld; a wider BLS group


def usd(national, cell, amount, period="year"):
    return position(
        national, cell, amount=Decimal(amount), period=period, currency="USD"
    )


@pytest.mark.parametrize(
    ("amount", "percentile"),
    [(31750, 10), (36870, 25), (44770, 50), (51780, 75), (63590, 90)],
)
def test_at_each_published_point_it_is_that_percentile(amount, percentile):
    wages = facts(CSR)["wages"]
    assert place(wages, "annual", Decimal(amount)) == Position(
        Kind.PERCENTILE, percentile=percentile
    )


@pytest.mark.parametrize(
    ("amount", "percentile"),
    [
        # Ohio: median $45,610, 75th $52,510. 50 + 3,312 / 6,900 * 25 = 62.
        (48922, 62),
        # 62.5 exactly rounds up, just under it rounds down.
        (49060, 63),
        (49059, 62),
        # 10th $31,340, 25th $37,440: 10 + 3,050 / 6,100 * 15 = 17.5 → 18.
        (34390, 18),
        # 75th $52,510, 90th $63,210: 75 + 5,350 / 10,700 * 15 = 82.5 → 83.
        (57860, 83),
    ],
)
def test_between_points_it_is_interpolated_in_dollars(amount, percentile):
    ohio = state(facts(CSR), "39")
    assert place(ohio, "annual", Decimal(amount)).percentile == percentile


def test_below_the_10th_and_above_the_90th_are_said_so():
    wages = facts(CSR)["wages"]
    assert place(wages, "annual", Decimal(31749)).kind == Kind.BELOW
    assert place(wages, "annual", Decimal(0)).kind == Kind.BELOW
    assert place(wages, "annual", Decimal(63591)).kind == Kind.ABOVE


def test_a_top_coded_state_point_is_said_never_guessed():
    california = state(facts(ATHLETES), "06")
    assert "annual.p90" in california["above_top"]

    beyond_75th = place(california, "annual", Decimal(200_000))
    # Under the 75th the top-coded 90th does not matter: median $79,040, 75th
    # $149,490: 50 + 20,960 / 70,450 * 25 = 57.4.
    under_75th = place(california, "annual", Decimal(100_000))

    assert beyond_75th == Position(
        Kind.UNKNOWN,
        reason="the 90th percentile is above the highest published figure",
    )
    assert under_75th.percentile == 57


def test_a_suppressed_state_point_is_said_never_guessed():
    massachusetts = state(facts(CHIEF_EXECUTIVES), "25")
    ohio = copy.deepcopy(state(facts(CSR), "39"))
    ohio["annual"]["p75"] = None
    ohio["not_published"].append("annual.p75")

    no_10th = copy.deepcopy(ohio)
    no_10th["annual"]["p10"] = None

    assert place(massachusetts, "annual", Decimal(200_000)) == Position(
        Kind.UNKNOWN, reason="BLS did not publish its percentiles"
    )
    assert place(no_10th, "annual", Decimal(30_000)) == Position(
        Kind.UNKNOWN, reason="the 10th percentile is not published"
    )
    # Between the median and the missing 75th: not placed...
    assert place(ohio, "annual", Decimal(48_922)) == Position(
        Kind.UNKNOWN, reason="the 75th percentile is not published"
    )
    # ...and not across it either, though the 90th is there.
    assert place(ohio, "annual", Decimal(60_000)).kind == Kind.UNKNOWN
    # Away from the gap the published points still place it.
    assert place(ohio, "annual", Decimal(34_390)).percentile == 18
    assert place(ohio, "annual", Decimal(70_000)).kind == Kind.ABOVE


def test_an_hourly_pay_is_compared_by_the_year_where_bls_publishes_both():
    csr = facts(CSR)
    # $21.53 an hour is $44,782.40 a year: just over the median of $44,770.
    found = usd(csr["wages"], csr["wages"], "21.53", period="hour")
    monthly = usd(csr["wages"], csr["wages"], "4000", period="month")  # 48,000
    assert found.percentile == 50
    assert monthly.percentile == 62  # 50 + 3,230 / 7,010 * 25 = 61.5


def test_annual_only_occupations_are_never_converted_from_hours():
    teachers = facts(TEACHERS)["wages"]
    assert teachers["unit"] == "annual"

    hourly = usd(teachers, teachers, "50", period="hour")
    weekly = usd(teachers, teachers, "1900", period="week")
    yearly = usd(teachers, teachers, "99080")
    # 12 months of $8,000: 25th $64,150, median $99,080: 25 + 22.8 = 47.8.
    monthly = usd(teachers, teachers, "8000", period="month")

    assert hourly == Position(
        Kind.NOT_PLACED,
        reason="BLS publishes only yearly figures for this work, and an hourly "
        "pay is not turned into a yearly one",
    )
    assert weekly.kind == Kind.NOT_PLACED
    assert "a weekly pay" in weekly.reason
    assert yearly.percentile == 50
    assert monthly.percentile == 48


def test_hourly_only_occupations_compare_hourly_pay_in_cents():
    actors = facts(ACTORS)["wages"]
    assert actors["unit"] == "hourly"
    # $25 an hour: 25th $20.34, median $29.05: 25 + 466 / 871 * 25 = 38.4.
    assert usd(actors, actors, "25", period="hour").percentile == 38
    yearly = usd(actors, actors, "52000")
    assert yearly.kind == Kind.NOT_PLACED
    assert "only hourly figures" in yearly.reason


def test_other_currencies_and_missing_figures_are_not_compared():
    csr = facts(CSR)["wages"]
    euros = position(csr, csr, amount=Decimal(45_000), period="year", currency="EUR")
    nowhere = usd(csr, None, "45000")
    no_pay = usd(None, None, "45000")
    assert euros == Position(
        Kind.NOT_PLACED,
        reason="this pay is in EUR and BLS figures are in US dollars",
    )
    assert nowhere.kind == Kind.NOT_PLACED
    assert no_pay.kind == Kind.NOT_PLACED


def test_the_sentence_names_the_work_the_place_and_the_release():
    found = Position(Kind.PERCENTILE, percentile=62)
    text = sentence(
        found,
        who=occupation_name("Customer Service Representatives"),
        where="in Ohio",
        source="BLS May 2025",
    )
    assert text == (
        "About the 62nd percentile for customer service representatives in Ohio, "
        "BLS May 2025"
    )
    assert sentence(
        Position(Kind.BELOW), who="actors", where="in Ohio", source="BLS May 2025"
    ) == ("Below the 10th percentile for actors in Ohio, BLS May 2025")
    assert occupation_name("CNC Tool Programmers") == "CNC tool programmers"


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (62, "62nd"), (90, "90th")],
)  # fmt: skip
def test_ordinals(number, text):
    assert ordinal(number) == text


def test_the_yearly_conventions_are_the_trackers():
    trackers = {str(period): n for period, n in TRACKER_PERIODS.items()}
    assert trackers == PERIODS_A_YEAR


def test_the_states_are_the_packs():
    _, reference = _pack()
    assert dict(STATES) == reference.states
    assert set(dict(STATES)) == set(POSTAL)
