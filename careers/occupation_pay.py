"""Pay figures of a generated guide: formatting in the unit BLS publishes, the
percentile chart and pay by state.

Works on an occupation's `facts` (see careers.catalogue.records): annual wages in
dollars, hourly ones in cents; a value BLS did not publish is None and named in
`not_published`, a top-coded one is None and named in `above_top`.
"""

from dataclasses import dataclass

from core.charts import BarChart, horizontal_bar_chart

NOT_PUBLISHED = "not published"
ABOVE_TOP = "above the highest published figure"

PERCENTILES = [
    ("p10", "10th percentile"),
    ("p25", "25th percentile"),
    ("median", "Median (50th percentile)"),
    ("p75", "75th percentile"),
    ("p90", "90th percentile"),
]

# The chart names states by their postal abbreviation so that 54 rows fit a phone;
# each bar's title and the table beside the chart give the full name.
POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO",
    "09": "CT", "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI",
    "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
    "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH",
    "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
    "54": "WV", "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip


def dollars(amount: int) -> str:
    return f"${amount:,}"


def hourly(cents: int) -> str:
    return f"${cents / 100:,.2f}"


@dataclass(frozen=True)
class Figure:
    """One published (or withheld) pay figure, ready to print and to sort."""

    text: str  # "$44,770", "not published" or "above the highest published figure"
    value: float | None  # for bars and sorting; None when not a number
    above_top: bool = False


def pay_unit(wages: dict | None) -> str | None:
    """ "annual" or "hourly": the unit the occupation's pay is shown in."""
    if not wages or wages.get("unit") in (None, "none"):
        return None
    return "hourly" if wages["unit"] == "hourly" else "annual"


def figure(wages: dict, unit: str, point: str) -> Figure:
    """The `point` ("median", "p10" …) of `wages` in `unit` ("annual"/"hourly")."""
    values = wages.get("annual" if unit == "annual" else "hourly_cents") or {}
    amount = values.get(point)
    if amount is not None:
        text = dollars(amount) if unit == "annual" else hourly(amount)
        return Figure(text=text, value=amount)
    if f"{unit}.{point}" in wages.get("above_top", []):
        return Figure(text=ABOVE_TOP, value=None, above_top=True)
    return Figure(text=NOT_PUBLISHED, value=None)


def per(unit: str) -> str:
    return "a year" if unit == "annual" else "an hour"


@dataclass(frozen=True)
class PercentileRow:
    label: str
    annual: Figure | None
    hourly: Figure | None


@dataclass(frozen=True)
class Percentiles:
    unit: str  # the unit the chart and key facts use
    rows: list[PercentileRow]
    chart: BarChart
    has_annual: bool
    has_hourly: bool


def percentiles(wages: dict | None) -> Percentiles | None:
    """The national 10th to 90th percentiles, charted in the occupation's unit."""
    unit = pay_unit(wages)
    if unit is None:
        return None
    has_annual = bool(wages.get("annual"))
    has_hourly = bool(wages.get("hourly_cents"))
    rows = [
        PercentileRow(
            label=label,
            annual=figure(wages, "annual", point) if has_annual else None,
            hourly=figure(wages, "hourly", point) if has_hourly else None,
        )
        for point, label in PERCENTILES
    ]
    shown = [figure(wages, unit, point) for point, _ in PERCENTILES]
    chart = horizontal_bar_chart(
        [
            (label, shown_figure.value or 0, shown_figure.text)
            for (_, label), shown_figure in zip(PERCENTILES, shown, strict=True)
        ]
    )
    return Percentiles(
        unit=unit, rows=rows, chart=chart, has_annual=has_annual, has_hourly=has_hourly
    )


@dataclass(frozen=True)
class StateBar:
    code: str
    postal: str
    name: str
    y: float
    width: float
    text: str

    @property
    def value_x(self) -> float:
        return BAR_LEFT + self.width + 6


@dataclass(frozen=True)
class StateChart:
    bars: list[StateBar]
    width: int
    height: int
    row_height: int
    bar_left: int
    bar_height: int


@dataclass(frozen=True)
class StateRow:
    code: str
    name: str
    employment: str
    employment_value: int | None
    median: Figure
    p10: Figure
    p90: Figure


@dataclass(frozen=True)
class StatePay:
    unit: str
    rows: list[StateRow]
    chart: StateChart


CHART_WIDTH = 360
BAR_LEFT = 34
PLOT_WIDTH = 220
ROW_HEIGHT = 20
BAR_HEIGHT = 12


def state_pay(states: list[dict], unit: str | None) -> StatePay | None:
    """Employment and pay in every state and territory BLS publishes, by name."""
    if not states or unit is None:
        return None
    rows = []
    for state in states:
        employment = state.get("employment")
        rows.append(
            StateRow(
                code=state["code"],
                name=state["name"],
                employment=f"{employment:,}" if employment is not None else "",
                employment_value=employment,
                median=figure(state, unit, "median"),
                p10=figure(state, unit, "p10"),
                p90=figure(state, unit, "p90"),
            )
        )
    largest = max((row.median.value or 0 for row in rows), default=0) or 1
    bars = [
        StateBar(
            code=row.code,
            postal=POSTAL.get(row.code, row.code),
            name=row.name,
            y=index * ROW_HEIGHT,
            width=round((row.median.value or 0) / largest * PLOT_WIDTH, 1),
            text=row.median.text,
        )
        for index, row in enumerate(rows)
    ]
    chart = StateChart(
        bars=bars,
        width=CHART_WIDTH,
        height=len(bars) * ROW_HEIGHT,
        row_height=ROW_HEIGHT,
        bar_left=BAR_LEFT,
        bar_height=BAR_HEIGHT,
    )
    return StatePay(unit=unit, rows=rows, chart=chart)
