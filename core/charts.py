"""Geometry for the server-rendered SVG charts; templates draw what these return.

Every chart on the site comes with a title, a description and a table or text
alternative in its template, so the numbers never live only in a picture.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_label: str
    y: float  # top of the row
    width: float  # length of the bar in chart units

    @property
    def value_x(self) -> float:
        return self.width + 8


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    bar_height: int
    label_gap: int


def horizontal_bar_chart(
    items: list[tuple[str, float, str]],
    *,
    width: int = 480,
    bar_height: int = 22,
    row_gap: int = 14,
    label_gap: int = 22,
    max_value: float | None = None,
) -> BarChart:
    """Lay out (label, value, value label) rows as labelled horizontal bars.

    Each row's label sits above its bar so long labels fit on narrow screens.
    Bars leave room at the right for the value label.
    """
    largest = max_value or max((value for _, value, _ in items), default=0) or 1
    plot_width = width * 0.75
    row_height = label_gap + bar_height + row_gap
    bars = [
        Bar(
            label=label,
            value=value,
            value_label=value_label,
            y=index * row_height,
            width=round(max(value, 0) / largest * plot_width, 1),
        )
        for index, (label, value, value_label) in enumerate(items)
    ]
    return BarChart(
        bars=bars,
        width=width,
        height=max(len(items) * row_height - row_gap, 1),
        bar_height=bar_height,
        label_gap=label_gap,
    )


@dataclass(frozen=True)
class Column:
    label: str
    value: float
    centre: float  # where the column's label and value are centred
    left: float
    y: float  # top of the column
    height: float


@dataclass(frozen=True)
class ColumnChart:
    columns: list[Column]
    width: int
    height: int
    column_width: float
    plot_top: int
    plot_bottom: int


def column_chart(
    items: list[tuple[str, float]],
    *,
    width: int = 480,
    plot_height: int = 140,
    value_space: int = 20,
    label_space: int = 22,
) -> ColumnChart:
    """Lay out (label, value) pairs as vertical columns, left to right, with room
    above for each value and below for each label."""
    largest = max((value for _, value in items), default=0) or 1
    slot = width / max(len(items), 1)
    column_width = round(slot * 0.6, 1)
    plot_bottom = value_space + plot_height
    columns = []
    for index, (label, value) in enumerate(items):
        height = round(max(value, 0) / largest * plot_height, 1)
        centre = index * slot + slot / 2
        columns.append(
            Column(
                label=label,
                value=value,
                centre=round(centre, 1),
                left=round(centre - column_width / 2, 1),
                y=round(plot_bottom - height, 1),
                height=height,
            )
        )
    return ColumnChart(
        columns=columns,
        width=width,
        height=plot_bottom + label_space,
        column_width=column_width,
        plot_top=value_space,
        plot_bottom=plot_bottom,
    )


def position_percent(value: float, low: float, high: float) -> float:
    """Where value sits between low and high, as a percentage clamped to 0-100."""
    if high <= low:
        return 50.0
    return min(max((value - low) / (high - low) * 100, 0), 100)


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    x: float
    y: float


@dataclass(frozen=True)
class LineChart:
    points: list[Point]
    width: int
    height: int
    plot_left: int
    plot_top: int
    plot_bottom: int
    gridlines: list[tuple[int, float]]  # (value, y) for each labelled level

    @property
    def path(self) -> str:
        """The polyline's points attribute."""
        return " ".join(f"{point.x},{point.y}" for point in self.points)


def line_chart(
    items: list[tuple[str, float]],
    *,
    width: int = 480,
    plot_height: int = 160,
    max_value: float = 100,
    plot_left: int = 36,
    top_space: int = 16,
    label_space: int = 24,
    gridline_step: int = 25,
) -> LineChart:
    """Lay out (label, value) pairs left to right as a line on a 0-max scale,
    evenly spaced, with horizontal gridlines every `gridline_step`."""
    plot_bottom = top_space + plot_height
    plot_width = width - plot_left - 16
    step = plot_width / (len(items) - 1) if len(items) > 1 else 0
    points = [
        Point(
            label=label,
            value=value,
            x=round(
                plot_left + (index * step if len(items) > 1 else plot_width / 2), 1
            ),
            y=round(
                plot_bottom - min(max(value, 0), max_value) / max_value * plot_height, 1
            ),
        )
        for index, (label, value) in enumerate(items)
    ]
    gridlines = [
        (level, round(plot_bottom - level / max_value * plot_height, 1))
        for level in range(0, int(max_value) + 1, gridline_step)
    ]
    return LineChart(
        points=points,
        width=width,
        height=plot_bottom + label_space,
        plot_left=plot_left,
        plot_top=top_space,
        plot_bottom=plot_bottom,
        gridlines=gridlines,
    )
