"""Geometry for server-rendered SVG charts: numbers in, coordinates out.

The templates draw these with plain ``<rect>``, ``<polyline>`` and ``<text>`` (see
``templates/moderate/_charts.html``), so the charts need no JavaScript and no CDN. Coordinates are
in the SVG's own units (its ``viewBox``); CSS scales the drawing to the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_date

from ..i18n import lm_
from .calibration import ThresholdRow
from .stats import OUTCOMES, Stats

WIDTH = 720
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 30


@dataclass(frozen=True)
class Tick:
    value: float
    position: float  # y for a value axis, x for a category or threshold axis
    text: str


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Column:
    label: str
    total: float
    segments: list[Segment]


@dataclass(frozen=True)
class ColumnChart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    columns: list[Column]
    y_ticks: list[Tick]
    x_ticks: list[Tick]


def _day(day) -> str:
    """An axis label ("5 Dec"): Babel's CLDR pattern, not glibc's strftime('%-d')."""
    return format_date(day, "d MMM", locale="en")


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 5 x 10^k that is at least ``raw``."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw * (1 - 1e-9):
            return multiple * power
    return 10 * power


def value_axis(
    largest: float, top: float, bottom: float, ticks: int = 4, whole: bool = True
) -> tuple[float, list[Tick]]:
    """A round axis maximum at or above ``largest`` and its ticks, mapped onto [bottom, top]."""
    step = nice_step(max(largest, 1e-9) / ticks)
    if whole:
        step = max(1.0, step)
    maximum = step * max(1, math.ceil(largest / step - 1e-9))
    count = round(maximum / step)
    scale = (bottom - top) / maximum
    return maximum, [
        Tick(i * step, bottom - i * step * scale, _number(i * step)) for i in range(count + 1)
    ]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def label_every(count: int, room: int = 12) -> int:
    """Label every n-th category so that at most about ``room`` labels are shown."""
    return max(1, math.ceil(count / room))


def stacked_columns(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[float]]],
    height: int = 260,
    width: int = WIDTH,
) -> ColumnChart:
    """One column per label, stacking each series (key, label, values) from the bottom up."""
    left, top, right, bottom = LEFT, TOP, width - RIGHT, height - BOTTOM
    totals = [sum(values[i] for _, _, values in series) for i in range(len(labels))]
    maximum, y_ticks = value_axis(max(totals, default=0), top, bottom)
    slot = (right - left) / max(1, len(labels))
    bar = slot * 0.72
    scale = (bottom - top) / maximum
    every = label_every(len(labels))
    columns, x_ticks = [], []
    for i, label in enumerate(labels):
        x = left + i * slot + (slot - bar) / 2
        y = bottom
        segments = []
        for key, name, values in series:
            value = values[i]
            if value:
                h = value * scale
                y -= h
                segments.append(Segment(key, name, value, x, y, bar, h))
        columns.append(Column(label, totals[i], segments))
        if i % every == 0:
            x_ticks.append(Tick(i, x + bar / 2, label))
    return ColumnChart(width, height, left, top, right, bottom, columns, y_ticks, x_ticks)


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    points: list[tuple[float, float, float]]  # x, y, value

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.points)


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    lines: list[Line]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    marker: Tick | None = None  # a vertical line, e.g. the current threshold


def line_chart(
    xs: Sequence[float],
    series: Sequence[tuple[str, str, Sequence[float | None]]],
    x_range: tuple[float, float],
    x_ticks: Sequence[tuple[float, str]],
    y_max: float | None = None,
    whole: bool = True,
    marker: tuple[float, str] | None = None,
    height: int = 240,
    width: int = WIDTH,
) -> LineChart:
    """Lines over a numeric x axis; a None value leaves a point out."""
    left, top, right, bottom = LEFT, TOP, width - RIGHT, height - BOTTOM
    largest = max((v for _, _, values in series for v in values if v is not None), default=0)
    maximum, y_ticks = value_axis(y_max if y_max is not None else largest, top, bottom, whole=whole)
    low, high = x_range
    span = (high - low) or 1.0

    def x_of(value: float) -> float:
        return left + (value - low) / span * (right - left)

    def y_of(value: float) -> float:
        return bottom - value / maximum * (bottom - top)

    lines = [
        Line(
            key,
            label,
            [(x_of(x), y_of(v), v) for x, v in zip(xs, values, strict=True) if v is not None],
        )
        for key, label, values in series
    ]
    ticks = [Tick(x, x_of(x), text) for x, text in x_ticks]
    mark = Tick(marker[0], x_of(marker[0]), marker[1]) if marker else None
    return LineChart(width, height, left, top, right, bottom, lines, y_ticks, ticks, mark)


@dataclass(frozen=True)
class BarRow:
    label: str
    total: float
    y: float
    height: float
    segments: list[Segment]


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: float
    right: float
    rows: list[BarRow]
    x_ticks: list[Tick]
    percent: bool


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[tuple[str, str, float]]]],
    percent: bool = False,
    row_height: int = 30,
    label_width: int = 150,
    width: int = WIDTH,
) -> BarChart:
    """Horizontal bars, one per row (label, [(key, name, value)]); ``percent`` scales each row
    to 100 %."""
    left, right = label_width, width - RIGHT - 40
    height = TOP + row_height * len(rows) + BOTTOM
    totals = [sum(v for _, _, v in parts) for _, parts in rows]
    maximum = 100.0 if percent else value_axis(max(totals, default=0), 0, 1)[0]
    # An axis from left (0) to right (maximum): value_axis maps "bottom" to zero.
    _, ticks = value_axis(maximum, top=right, bottom=left)
    x_ticks = [Tick(t.value, t.position, f"{t.text}%" if percent else t.text) for t in ticks]
    result = []
    for i, ((label, parts), total) in enumerate(zip(rows, totals, strict=True)):
        y = TOP + i * row_height + row_height * 0.15
        h = row_height * 0.7
        x = left
        segments = []
        for key, name, value in parts:
            if value and total:
                scaled = value / total * 100 if percent else value
                w = scaled / maximum * (right - left)
                segments.append(Segment(key, name, value, x, y, w, h))
                x += w
        result.append(BarRow(label, total, y, h, segments))
    return BarChart(width, height, left, right, result, x_ticks, percent)


# --- The charts of the stats and calibration pages ----------------------------------------


def outcome_columns(stats: Stats) -> ColumnChart:
    labels = [_day(day.day) for day in stats.per_day]
    series = [
        (key, name, [day.counts[key] for day in stats.per_day]) for key, name in OUTCOMES.items()
    ]
    return stacked_columns(labels, series)


def queue_line(stats: Stats) -> LineChart:
    every = label_every(len(stats.queue))
    return line_chart(
        xs=list(range(len(stats.queue))),
        series=[("queue", lm_("In review at the end of the day"), [d.size for d in stats.queue])],
        x_range=(0, max(1, len(stats.queue) - 1)),
        x_ticks=[(i, _day(d.day)) for i, d in enumerate(stats.queue) if i % every == 0],
    )


def moderator_bars(stats: Stats) -> BarChart:
    return stacked_bars(
        [
            (
                m.moderator,
                [
                    ("approved", lm_("Approved"), m.approved),
                    ("rejected", lm_("Rejected"), m.rejected),
                ],
            )
            for m in stats.per_moderator
        ]
    )


def agreement_bars(stats: Stats) -> BarChart:
    rows = [stats.agreement_overall, *stats.agreement] if stats.agreement else []
    return stacked_bars(
        [
            (
                a.label.replace("_", " "),
                [
                    ("agreed", lm_("Rejected (agreed)"), a.rejected),
                    ("overruled", lm_("Approved (overruled)"), a.approved),
                ],
            )
            for a in rows
        ],
        percent=True,
    )


def calibration_lines(rows: Sequence[ThresholdRow], current: float | None) -> LineChart:
    def percent(value: float | None) -> float | None:
        return None if value is None else 100 * value

    return line_chart(
        xs=[row.threshold for row in rows],
        series=[
            ("missed", lm_("Harmful auto-published"), [percent(r.missed_share) for r in rows]),
            ("needless", lm_("Harmless sent to review"), [percent(r.needless_share) for r in rows]),
        ],
        x_range=(0.0, 1.0),
        x_ticks=[(t / 10, f"{t / 10:.1f}") for t in range(0, 11)],
        y_max=100,
        marker=(current, f"current {current:.2f}") if current is not None else None,
    )
