"""Column charts for the tracker's stats; the horizontal bars come from
`config.charts`. Templates draw the shapes, each with a title, a description and
a table of the same numbers."""

from dataclasses import dataclass


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
