"""Pay with a period (issue 16): pay phrases read from a posting's text, a
JobPosting's baseSalary, and the yearly equivalent the application page shows."""

from decimal import Decimal

import pytest

from tracker.models import Application, PayPeriod
from tracker.pay import Pay, find_pay, structured_pay

D = Decimal
HOUR, WEEK, MONTH, YEAR = (
    PayPeriod.HOUR,
    PayPeriod.WEEK,
    PayPeriod.MONTH,
    PayPeriod.YEAR,
)


@pytest.mark.parametrize(
    ("phrase", "pay"),
    [
        ("$18–$22 an hour", Pay(D(18), D(22), HOUR, "USD")),
        ("$45,000 - $55,000 per year", Pay(D(45000), D(55000), YEAR, "USD")),
        ("45k–55k", Pay(D(45000), D(55000), YEAR, "")),
        ("Salary: £30-35k", Pay(D(30000), D(35000), YEAR, "GBP")),
        ("$60K - $75K", Pay(D(60000), D(75000), YEAR, "USD")),
        ("Salary: 40,000 - 50,000 GBP", Pay(D(40000), D(50000), YEAR, "GBP")),
        ("$25/hr", Pay(D(25), D(25), HOUR, "USD")),
        ("Pay: 18.50 hourly", Pay(D("18.50"), D("18.50"), HOUR, "")),
        ("up to $30 an hour", Pay(None, D(30), HOUR, "USD")),
        ("from €20 per hour", Pay(D(20), None, HOUR, "EUR")),
        ("€3,500 per month", Pay(D(3500), D(3500), MONTH, "EUR")),
        ("$1,200 a week", Pay(D(1200), D(1200), WEEK, "USD")),
        ("CA$70,000 to CA$80,000 annually", Pay(D(70000), D(80000), YEAR, "CAD")),
        ("between $20 and $24 per hour", Pay(D(20), D(24), HOUR, "USD")),
        ("USD 90,000–110,000 a year", Pay(D(90000), D(110000), YEAR, "USD")),
    ],
)
def test_pay_phrases_are_read_with_their_period(phrase, pay):
    assert find_pay(phrase) == pay


@pytest.mark.parametrize(
    "phrase",
    [
        "We raised $20 million last year.",
        "Backed by $5M in funding.",
        "Generous 401(k) match.",
        "5+ years of experience.",
        "10-15 hours per week.",
        "A team of 2,000 employees.",
        "A $500 sign-on bonus.",
        "Founded in 2015.",
        "Up to 20% bonus.",
        "$120 a day.",
        "Call 555-1234.",
        "Room 101, 3rd floor.",
    ],
)
def test_phrases_that_only_look_like_pay_are_not_read(phrase):
    assert find_pay(phrase) is None


def test_a_phrase_naming_its_period_wins_over_an_earlier_one_that_does_not():
    text = "Competitive pay: $50,000. Base salary $24 an hour for new starters."

    assert find_pay(text) == Pay(D(24), D(24), HOUR, "USD")


@pytest.mark.parametrize(
    ("base_salary", "pay"),
    [
        (
            {
                "@type": "MonetaryAmount",
                "currency": "USD",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": 18,
                    "maxValue": 22.5,
                    "unitText": "HOUR",
                },
            },
            Pay(D(18), D("22.50"), HOUR, "USD"),
        ),
        (
            {
                "currency": "gbp",
                "value": {
                    "minValue": "45,000",
                    "maxValue": "55000",
                    "unitText": "YEAR",
                },
            },
            Pay(D(45000), D(55000), YEAR, "GBP"),
        ),
        (
            {"currency": "EUR", "value": {"value": 3200, "unitText": "MONTH"}},
            Pay(D(3200), D(3200), MONTH, "EUR"),
        ),
        (
            {"currency": "USD", "value": 900, "unitText": "WEEK"},
            Pay(D(900), D(900), WEEK, "USD"),
        ),
    ],
)
def test_a_base_salary_is_read_with_its_unit(base_salary, pay):
    assert structured_pay(base_salary) == pay


@pytest.mark.parametrize(
    "base_salary",
    [
        None,
        "lots",
        {"currency": "USD", "value": {"minValue": 300, "unitText": "DAY"}},
        {"currency": "USD", "value": {"minValue": -5, "unitText": "HOUR"}},
        {"currency": "USD", "value": {"minValue": "NaN", "unitText": "HOUR"}},
        {"currency": "USD", "value": {"minValue": 1e300, "unitText": "YEAR"}},
    ],
)
def test_a_base_salary_that_is_no_pay_is_left_unread(base_salary):
    assert structured_pay(base_salary) is None


@pytest.mark.parametrize(
    ("low", "high", "period", "entered", "yearly"),
    [
        (18, 22, HOUR, "18 to 22 USD an hour", "37,440 to 45,760 USD a year"),
        (D("18.50"), None, HOUR, "from 18.50 USD an hour", "from 38,480 USD a year"),
        (900, 900, WEEK, "900 USD a week", "46,800 USD a year"),
        (None, 3000, MONTH, "up to 3,000 USD a month", "up to 36,000 USD a year"),
        (45000, 55000, YEAR, "45,000 to 55,000 USD a year", ""),
    ],
)
def test_pay_is_shown_as_entered_and_per_year(low, high, period, entered, yearly):
    application = Application(
        salary_min=low, salary_max=high, salary_period=period, salary_currency="USD"
    )

    assert application.pay_as_entered == entered
    assert application.yearly_pay == yearly
