"""Reading pay out of a posting's text: "$18-$22 an hour", "45k-55k", "£30,000 a
year" (with any dash). Pure functions; phrases that only look like pay (funding,
head counts, years of experience, a 401(k)) are not read as pay."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from tracker.models import PayPeriod

CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "¥": "JPY",
}
CURRENCY_CODES = [
    "USD",
    "GBP",
    "EUR",
    "CAD",
    "AUD",
    "NZD",
    "CHF",
    "INR",
    "JPY",
    "SGD",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "ZAR",
    "MXN",
    "BRL",
    "IEP",
]
# The form and the CSV import take amounts up to this; anything bigger is no pay.
LARGEST_PAY = Decimal(1_000_000_000)
CENT = Decimal("0.01")

_SYMBOL = r"(?:US\$|C\$|CA\$|A\$|AU\$|NZ\$|[$£€₹¥])"
_CODE = r"(?:" + "|".join(CURRENCY_CODES) + r")"


def _amount(n: int) -> str:
    return (
        rf"(?P<sym{n}>{_SYMBOL})?\s?(?:(?P<code{n}>{_CODE})\s?)?"
        rf"(?P<num{n}>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<cents{n}>\d{{1,2}}))?"
        rf"(?P<k{n}>\s?[kK]\b)?"
    )


_PERIOD_WORDS = {
    "hour": PayPeriod.HOUR,
    "hr": PayPeriod.HOUR,
    "h": PayPeriod.HOUR,
    "hourly": PayPeriod.HOUR,
    "week": PayPeriod.WEEK,
    "wk": PayPeriod.WEEK,
    "weekly": PayPeriod.WEEK,
    "month": PayPeriod.MONTH,
    "mo": PayPeriod.MONTH,
    "monthly": PayPeriod.MONTH,
    "year": PayPeriod.YEAR,
    "yr": PayPeriod.YEAR,
    "annum": PayPeriod.YEAR,
    "annually": PayPeriod.YEAR,
    "yearly": PayPeriod.YEAR,
    "annual": PayPeriod.YEAR,
    "pa": PayPeriod.YEAR,
    "day": None,  # no day rate in Foothold: such an amount is left unread
    "daily": None,
}

PAY_PHRASE = re.compile(
    r"(?<![\w.,$£€])(?P<lead>up to|from|starting at|starting from)?\s*"
    + _amount(1)
    + r"(?:\s*(?:-|–|—|to|and)\s*"
    + _amount(2)
    + r")?"
    + rf"(?:\s?(?P<after>{_CODE}|[€£$]))?"
    + r"(?:\s*(?:an?|per|each|/)\s*(?P<per>hour|hr|h|week|wk|month|mo|year|yr|annum|"
    r"day)\b|\s*(?P<adv>hourly|weekly|monthly|annually|yearly|daily|p\.a\.|pa\b))?",
    re.IGNORECASE,
)
# Right after an amount, these say it is not pay.
NOT_PAY_AFTER = re.compile(
    r"\s*(?:\+\s*)?(?:million|billion|mn\b|bn\b|m\b|%|percent|years?|yrs?|"
    r"employees|people|staff|users|customers|clients|members|countries|offices|"
    r"locations|hours|hrs|sign[- ]on|bonus|stipend|allowance|credit|gift|"
    r"referral|relocation|deductible|in funding|in revenue|\(k\))",
    re.IGNORECASE,
)
# Shortly before an amount, these say it is not pay.
NOT_PAY_BEFORE = re.compile(
    r"(?:raised|funding|revenue|valuation|valued at|budget|bonus(?: of)?|stipend|"
    r"allowance|reimburse\w*|401\(?k\)?|founded in|since|call|phone|tel)\W*$",
    re.IGNORECASE,
)
PAY_WORDS = re.compile(
    r"(?:salary|pay|compensation|wage|rate|earn|base|ote)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Pay:
    low: Decimal | None
    high: Decimal | None
    period: str  # a PayPeriod value
    currency: str  # a three-letter code, or "" when the posting does not say


def _number(digits: str, cents: str | None, k: str | None) -> Decimal:
    value = Decimal(f"{digits.replace(',', '')}.{cents or 0}")
    return tidy_amount(value * 1000 if k else value)


def tidy_amount(value: Decimal) -> Decimal:
    """18 rather than 18.0, 18.50 with its cents: as the form shows it back."""
    return Decimal(int(value)) if value == int(value) else value.quantize(CENT)


def guess_period(amount: Decimal, *, thousands: bool = False) -> str:
    """The period of an amount that names none, by its size."""
    if thousands or amount >= 10_000:
        return PayPeriod.YEAR
    if amount < 300:
        return PayPeriod.HOUR
    if amount < 1000:
        return PayPeriod.WEEK
    return PayPeriod.MONTH


def currency_of(symbol: str | None, code: str | None) -> str:
    if code:
        return code.upper()
    if symbol:
        return CURRENCY_SYMBOLS.get(symbol.upper(), "")
    return ""


def _read(match: re.Match, text: str) -> tuple[Pay, bool] | None:
    """The pay in one match and whether it named its period, or None if the
    phrase is not pay."""
    g = match.groupdict()
    first = _number(g["num1"], g["cents1"], g["k1"])
    second = _number(g["num2"], g["cents2"], g["k2"]) if g["num2"] else None
    # "£30-35k": the k is said once for both.
    if second is not None and g["k2"] and not g["k1"] and first < 1000:
        first *= 1000
    after = g["after"] or ""
    code = g["code1"] or g["code2"] or (after if after.isalpha() else None)
    currency = currency_of(g["sym1"] or g["sym2"] or after or None, code)
    thousands = bool(g["k1"] or g["k2"])
    before = text[max(0, match.start() - 40) : match.start()]
    if NOT_PAY_AFTER.match(text, match.end()) or NOT_PAY_BEFORE.search(
        before + (g["lead"] or "")
    ):
        return None
    # A bare number is pay only with a pay word before it, or as "45k-55k".
    bare = not currency and not (thousands and second is not None)
    if bare and not PAY_WORDS.search(before):
        return None
    word = (g["per"] or g["adv"] or "").lower().replace(".", "")
    if word and _PERIOD_WORDS.get(word) is None:
        return None
    values = [value for value in (first, second) if value is not None]
    if any(value > LARGEST_PAY for value in values) or max(values) == 0:
        return None
    low, high = (first, second) if second is not None else (first, first)
    if low > high:
        return None
    lead = (g["lead"] or "").lower()
    if second is None and lead == "up to":
        low = None
    elif second is None and lead:
        high = None
    period = (
        _PERIOD_WORDS[word] if word else guess_period(max(values), thousands=thousands)
    )
    return Pay(low=low, high=high, period=period, currency=currency), bool(word)


def find_pay(text: str) -> Pay | None:
    """The first pay phrase in the text, preferring one that names its period."""
    unnamed = None
    for match in PAY_PHRASE.finditer(text):
        try:
            read = _read(match, text)
        except InvalidOperation:
            continue
        if read is None:
            continue
        pay, named = read
        if named:
            return pay
        unnamed = unnamed or pay
    return unnamed


PERIOD_UNITS = {
    "HOUR": PayPeriod.HOUR,
    "HOURLY": PayPeriod.HOUR,
    "WEEK": PayPeriod.WEEK,
    "WEEKLY": PayPeriod.WEEK,
    "MONTH": PayPeriod.MONTH,
    "MONTHLY": PayPeriod.MONTH,
    "YEAR": PayPeriod.YEAR,
    "YEARLY": PayPeriod.YEAR,
    "ANNUAL": PayPeriod.YEAR,
    "ANNUALLY": PayPeriod.YEAR,
}


def structured_amount(value) -> Decimal | None:
    """A schema.org number (18, 18.5, "45,000"), or None if it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip().replace(",", "")
    if not re.fullmatch(r"\d{1,10}(?:\.\d{1,2})?|\d{1,10}\.\d+", text):
        return None
    amount = tidy_amount(Decimal(text))
    return amount if 0 < amount <= LARGEST_PAY else None


def structured_pay(base_salary) -> Pay | None:
    """schema.org baseSalary: a MonetaryAmount whose value is a number or a
    QuantitativeValue with minValue/maxValue/value and unitText."""
    if isinstance(base_salary, list):
        base_salary = next((s for s in base_salary if isinstance(s, dict)), None)
    if not isinstance(base_salary, dict):
        return None
    currency = str(base_salary.get("currency") or "").strip().upper()
    currency = currency if re.fullmatch(r"[A-Z]{3}", currency) else ""
    value = base_salary.get("value")
    unit = str(base_salary.get("unitText") or "")
    if isinstance(value, dict):
        unit = str(value.get("unitText") or unit)
        low = structured_amount(value.get("minValue"))
        high = structured_amount(value.get("maxValue"))
        if low is None and high is None:
            low = high = structured_amount(value.get("value"))
    else:
        low = high = structured_amount(value)
    if low is None and high is None:
        return None
    if low is not None and high is not None and low > high:
        low, high = high, low
    unit = unit.strip().upper()
    if unit:
        if unit not in PERIOD_UNITS:
            return None  # a day rate, or a unit we do not know: not guessed
        period = PERIOD_UNITS[unit]
    else:
        period = guess_period(max(v for v in (low, high) if v is not None))
    return Pay(low=low, high=high, period=period, currency=currency)
