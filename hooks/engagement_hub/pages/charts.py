"""The geometry of the hub's charts, worked out once so templates only draw it.

Charts are static SVG written into the page at build time: no JavaScript, no
requests to anyone else, and the same bytes on every build. Every number is
rounded here, so a chart never depends on floating-point noise. Each chart
carries its own text alternative (``title`` and ``description``); the page
shows the same numbers in a table beside it.

Colours come from the Okabe-Ito palette, which people with the common forms of
colour blindness can tell apart. Nothing relies on colour alone: the measured
line is solid with round markers, the target is dashed and labelled in words,
and last year's bars are hatched where this year's are solid, so a chart
printed in greyscale still reads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..reading import model as m
from . import progress as pr

# Okabe & Ito (2008), "Color Universal Design": safe for colour-blind readers.
MEASURED = "#0072b2"  # blue, 5.0:1 on white
TARGET = "#d55e00"  # vermilion, 3.9:1 on white (graphics need 3:1)
PREVIOUS = "#e69f00"  # orange, used hatched so it differs in shape as well as colour
COLOURS = {"measured": MEASURED, "target": TARGET, "previous": PREVIOUS}  # the chart templates' one palette

WIDTH = 640


def _r(value: float) -> float:
    """Coordinates to one decimal place: enough for a screen, stable across builds."""
    return round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` gridlines."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= raw)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    label: str  # the year
    value: str  # the number as shown in the table
    draft: bool = False


@dataclass(frozen=True)
class TrendChart:
    """A measure's value by year, with its target as a dashed line."""

    id: str
    title: str
    description: str
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    y_ticks: tuple[Tick, ...]
    markers: tuple[Marker, ...]
    path: str
    target_y: float
    target_label: str


def trend_chart(measure: m.Measure, points: list[pr.TrendPoint], chart_id: str) -> TrendChart:
    """A line chart of one measure over every reporting year, starting at zero."""
    height, left, top, right, bottom = 280, 56.0, 28.0, WIDTH - 24.0, 280 - 48.0
    known = [p.value for p in points if p.value is not None]
    step = nice_step(max([*known, measure.target, 1]))
    top_value = step * math.ceil(max([*known, measure.target]) * 1.08 / step) or step

    def y_of(value: float) -> float:
        return _r(bottom - (bottom - top) * value / top_value)

    columns = max(len(points) - 1, 1)
    x_of = [_r(left + 24 + (right - left - 48) * i / columns) for i in range(len(points))]
    if len(points) == 1:
        x_of = [_r((left + right) / 2)]
    markers = tuple(Marker(x_of[i], y_of(p.value), p.year, pr.number(p.value), p.draft)
                    for i, p in enumerate(points) if p.value is not None)
    path, pen_down = [], False
    for i, p in enumerate(points):
        if p.value is None:
            pen_down = False
            continue
        path.append(f"{'L' if pen_down else 'M'}{x_of[i]:g} {y_of(p.value):g}")
        pen_down = True
    ticks = tuple(Tick(y_of(step * i), pr.number(step * i)) for i in range(round(top_value / step) + 1))
    target_label = f"Target {pr.number(measure.target)} by {measure.target_year}"
    return TrendChart(
        id=chart_id, title=f"{measure.name}, by year", width=WIDTH, height=height,
        description=trend_description(measure, points),
        left=left, top=top, right=right, bottom=bottom, y_ticks=ticks, markers=markers,
        path=" ".join(path), target_y=y_of(measure.target), target_label=target_label)


def trend_description(measure: m.Measure, points: list[pr.TrendPoint]) -> str:
    """The chart in words: what it shows and where the measure has got to.

    The numbers for every year are in the table right after the chart, so the
    description does not read them all out a second time.
    """
    words = f"Line chart of {measure.name.lower()} ({measure.unit}) by year, {measure.better} is better."
    known = [p for p in points if p.value is not None]
    if len(known) > 1:
        first, last = known[0], known[-1]
        words += (f" It went from {pr.number(first.value)} ({first.year}) to {pr.number(last.value)} "
                  f"({last.year}{' (draft)' if last.draft else ''}).")
    return (f"{words} The target, shown as a dashed line, is {pr.number(measure.target)} by {measure.target_year}. "
            "The figures are in the table below.")


@dataclass(frozen=True)
class Label:
    """A bar's direct label, placed just past its end."""

    x: float | int
    y: float | int
    text: str  # "2025/26: 31%"


@dataclass(frozen=True)
class BarGroup:
    name: str
    label_y: float | int
    previous: Label | None
    current: Label


@dataclass(frozen=True)
class ProgressChart:
    """How far each measure has come from its baseline towards its target.

    The bars of each year are one path apiece, and the labels share their
    styling through groups: at dozens of measures a rectangle and a fully
    styled label per bar made the year page too heavy for a phone.
    """

    id: str
    title: str
    description: str
    width: int
    height: int
    left: float | int
    groups: tuple[BarGroup, ...]
    previous_bars: str  # SVG path data: last year's bars, drawn hatched
    current_bars: str  # this year's bars, drawn solid
    grid: str  # path data for the vertical gridlines
    ticks: tuple[Tick, ...]
    target_x: float | int
    axis_y: int


@dataclass(frozen=True)
class ProgressRow:
    """One measure's distance travelled, in the table beside the chart."""

    measure: m.Measure
    goal: m.Goal
    previous: float | None
    current: float | None

    @property
    def previous_text(self) -> str:
        return percent(self.previous)

    @property
    def current_text(self) -> str:
        return percent(self.current)


def share_of_way(measure: m.Measure, value: float | None) -> float | None:
    """Per cent of the way from baseline to target; 100 means the target is met."""
    if value is None or measure.target == measure.baseline:
        return None
    return round(100 * (value - measure.baseline) / (measure.target - measure.baseline), 1) + 0.0


def percent(value: float | None) -> str:
    return "–" if value is None else f"{pr.number(value)}%".replace("-", "−")


def progress_rows(goals: tuple[m.Goal, ...], year: m.Year, previous: m.Year | None) -> list[ProgressRow]:
    rows = []
    for goal in goals:
        now = year.for_goal(goal.id)
        before = previous.for_goal(goal.id) if previous else None
        for measure in goal.measures:
            current = share_of_way(measure, now.measures.get(measure.id) if now else None)
            prior = share_of_way(measure, before.measures.get(measure.id) if before else None)
            if current is not None:
                rows.append(ProgressRow(measure, goal, prior, current))
    return rows


def _px(value: float) -> float | int:
    """A coordinate as written into the SVG: whole pixels without a trailing ".0"."""
    value = _r(value)
    return int(value) if value.is_integer() else value


def _bar(y: float, width: float, left: float, height: float) -> str:
    """One bar as path data; a bar of no length is left out, as an empty rectangle would be."""
    return f"M{left:g} {y:g}h{width:g}v{height:g}H{left:g}z" if width > 0 else ""


def progress_chart(rows: list[ProgressRow], year: m.Year, previous: m.Year | None, chart_id: str) -> ProgressChart:
    """Horizontal bars, one pair per measure: last year hatched, this year solid, target at 100%."""
    left, scale_width, bar, gap = 24.0, 460.0, 14.0, 4.0
    highest = max([100.0, *(r.current or 0 for r in rows), *(r.previous or 0 for r in rows)])

    def w(value: float | None) -> float:
        return _r(scale_width * max(value or 0, 0) / highest)

    groups, before, now, y = [], [], [], 8.0
    for row in rows:
        label_y = y + 14
        bar_y = label_y + 6
        prev = None
        if previous is not None:
            before.append(_bar(bar_y, w(row.previous), left, bar))
            prev = Label(_px(left + w(row.previous) + 6), _px(bar_y + 11), f"{previous.label}: {percent(row.previous)}")
            bar_y += bar + gap
        now.append(_bar(bar_y, w(row.current), left, bar))
        current = Label(_px(left + w(row.current) + 6), _px(bar_y + 11), f"{year.label}: {percent(row.current)}")
        groups.append(BarGroup(row.measure.name, _px(label_y), prev, current))
        y = bar_y + bar + 14
    height = int(y + 24)
    ticks = tuple(Tick(_px(left + scale_width * v / highest), "100% = target" if v == 100 else f"{v}%")
                  for v in range(0, int(highest) + 1, 25))
    return ProgressChart(
        id=chart_id, title=f"Progress towards each target in {year.label}",
        description=progress_description(rows, year, previous),
        width=WIDTH, height=height, left=_px(left), groups=tuple(groups),
        previous_bars="".join(before), current_bars="".join(now),
        grid="".join(f"M{t.position:g} 4V{height - 20}" for t in ticks), ticks=ticks,
        target_x=_px(left + scale_width * 100 / highest), axis_y=height - 20)


def progress_description(rows: list[ProgressRow], year: m.Year, previous: m.Year | None) -> str:
    """What the chart shows and what it says, in words; the numbers themselves are in the table after it.

    Repeating every number here made screen readers read them twice and, at
    dozens of measures, doubled the weight of the chart.
    """
    count = len(rows)
    reached = sum(1 for r in rows if r.current is not None and r.current >= 100)
    halfway = sum(1 for r in rows if r.current is not None and r.current >= 50)
    words = (f"Bar chart of how far each of {count} measure{'s' if count != 1 else ''} has moved from its baseline "
             f"(0%) towards its target (100%) in {year.label}")
    if previous is not None:
        words += f", with {previous.label} as hatched bars beside {year.label} as solid bars"
        compared = [r for r in rows if r.previous is not None]
        closer = sum(1 for r in compared if r.current is not None and r.current > r.previous)
        words += f". {closer} of {len(compared)} measures moved closer to their target since {previous.label}"
    words += (f". {halfway} of {count} {'is' if halfway == 1 else 'are'} at least halfway to the target, and "
              f"{reached} {'has' if reached == 1 else 'have'} reached it. The figures are in the table below.")
    return words
