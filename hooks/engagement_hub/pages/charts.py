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

Charts are laid out for the width they get, not scaled as one picture: an SVG
without a viewBox keeps one user unit to one CSS pixel, so its text is always
the size the stylesheet gives it (at least 14 CSS px) at any width or zoom.
Across, positions are percentages of the width; down, CSS pixels. Names that
may wrap (measure names) are HTML, above each bar.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from ..reading import model as m
from . import progress as pr
from .fragments import finalize
from .words import ENGLISH_WORDS, Words

# Okabe & Ito (2008), "Color Universal Design": safe for colour-blind readers.
MEASURED = "#0072b2"  # blue, 5.0:1 on white
TARGET = "#d55e00"  # vermilion, 3.9:1 on white (graphics need 3:1)
PREVIOUS = "#e69f00"  # orange, used hatched so it differs in shape as well as colour
# The chart templates' one palette: the three data colours, and the NHS greys and white they sit on (the same
# as hub.css's --hub-border and --hub-grey). Stylesheets override these in dark and forced-colours modes.
COLOURS = {"measured": MEASURED, "target": TARGET, "previous": PREVIOUS, "previous_edge": "#8a4b00",
           "grid": "#d8dde0", "muted": "#4c6272", "text": "#212b32", "ground": "#ffffff"}

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
    target: bool = False  # the progress chart's 100%: where the target is met, labelled so


@dataclass(frozen=True)
class Marker:
    x: float  # per cent of the chart's width
    y: float  # CSS px from the top
    label: str  # the year
    value: str  # the number as shown in the table
    draft: bool = False
    baseline: bool = False
    minor: bool = False  # a middle point: its number is left to the table on narrow screens
    lower: bool = False  # its year sits on a second row on narrow screens, so neighbours do not overlap


@dataclass(frozen=True)
class Segment:
    """One stretch of the measured line, between two years that both have a value."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class TrendChart:
    """A measure's value by year, with its target as a dashed line."""

    id: str
    title: str
    description: str
    height: int
    top: float
    bottom: float
    y_ticks: tuple[Tick, ...]
    markers: tuple[Marker, ...]
    segments: tuple[Segment, ...]
    target_y: float
    target_label: str


# Across: the first and last years sit this far (per cent) inside the edges, leaving room for their labels.
PLOT_LEFT, PLOT_RIGHT = 14.0, 90.0
CROWDED = 4  # more points than this and a narrow screen staggers the years and drops the middle numbers


def trend_chart(measure: m.Measure, points: list[pr.TrendPoint], chart_id: str,
                words: Words = ENGLISH_WORDS) -> TrendChart:
    """A line chart of one measure over every reporting year, starting at zero."""
    crowded = len(points) > CROWDED
    height, top = (300 if crowded else 280), 28.0
    bottom = float(height - (84 if crowded else 48))
    known = [p.value for p in points if p.value is not None]
    step = nice_step(max([*known, measure.target, 1]))
    top_value = step * math.ceil(max([*known, measure.target]) * 1.08 / step) or step

    def y_of(value: float) -> float:
        return _r(bottom - (bottom - top) * value / top_value)

    columns = max(len(points) - 1, 1)
    x_of = [_r(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * i / columns) for i in range(len(points))]
    if len(points) == 1:
        x_of = [_r((PLOT_LEFT + PLOT_RIGHT) / 2)]
    markers = tuple(Marker(x_of[i], y_of(p.value), p.year, words.number(p.value), p.draft, p.baseline,
                           minor=crowded and 0 < i < len(points) - 1, lower=crowded and i % 2 == 1)
                    for i, p in enumerate(points) if p.value is not None)
    segments = tuple(Segment(x_of[i - 1], y_of(a.value), x_of[i], y_of(b.value))
                     for i, (a, b) in enumerate(itertools.pairwise(points), start=1)
                     if a.value is not None and b.value is not None)
    ticks = tuple(Tick(y_of(step * i), words.number(step * i)) for i in range(round(top_value / step) + 1))
    target_label = words.gettext("Target %(target)s by %(year)s") % {
        "target": words.number(measure.target), "year": measure.target_year}
    return TrendChart(
        id=chart_id, title=words.gettext("%(measure)s, by year") % {"measure": finalize(measure.name)}, height=height,
        description=trend_description(measure, points, words),
        top=top, bottom=bottom, y_ticks=ticks, markers=markers, segments=segments,
        target_y=y_of(measure.target), target_label=target_label)


def trend_description(measure: m.Measure, points: list[pr.TrendPoint], words: Words = ENGLISH_WORDS) -> str:
    """The chart in words: what it shows and where the measure has got to.

    The numbers for every year are in the table right after the chart, so the
    description does not read them all out a second time.
    """
    names = {"measure": finalize(measure.name).lower(), "unit": finalize(measure.unit)}
    sentences = [words.gettext("Line chart of %(measure)s (%(unit)s) by year, higher is better.") % names
                 if measure.better == "higher" else
                 words.gettext("Line chart of %(measure)s (%(unit)s) by year, lower is better.") % names]
    known = [p for p in points if p.value is not None]
    if len(known) > 1:
        first, last = known[0], known[-1]
        sentences.append(words.gettext("It went from %(first)s (%(first_year)s) to %(last)s (%(last_year)s).") % {
            "first": words.number(first.value), "first_year": first.label,
            "last": words.number(last.value), "last_year": last.label})
    sentences.append(words.gettext("The target, shown as a dashed line, is %(target)s by %(year)s.") % {
        "target": words.number(measure.target), "year": measure.target_year})
    sentences.append(words.gettext("The figures are in the table below."))
    return " ".join(sentences)


@dataclass(frozen=True)
class Bar:
    """One year's bar for a measure and its words, shown under it."""

    width: float  # per cent of the chart's width
    text: str  # "2025/26: 31%"


@dataclass(frozen=True)
class BarGroup:
    name: str
    previous: Bar | None
    current: Bar


@dataclass(frozen=True)
class ProgressChart:
    """How far each measure has come from its baseline towards its target.

    Each measure is a row: its name and its figures in HTML, which wrap and
    follow the text size, and between them a strip of bars drawn to the width.
    """

    id: str
    title: str
    description: str
    groups: tuple[BarGroup, ...]
    ticks: tuple[Tick, ...]
    target_x: float  # per cent of the width where 100% of the way (the target) falls


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


def progress_chart(rows: list[ProgressRow], year: m.Year, previous: m.Year | None, chart_id: str,
                   words: Words = ENGLISH_WORDS) -> ProgressChart:
    """Horizontal bars, one pair per measure: last year hatched, this year solid, target at 100%."""
    highest = max([100.0, *(r.current or 0 for r in rows), *(r.previous or 0 for r in rows)])

    def w(value: float | None) -> float:
        return _r(100 * max(value or 0, 0) / highest)

    groups = tuple(BarGroup(
        row.measure.name,
        Bar(w(row.previous), f"{previous.label}: {percent(row.previous)}") if previous is not None else None,
        Bar(w(row.current), f"{year.label}: {percent(row.current)}")) for row in rows)
    ticks = tuple(Tick(w(v), words.gettext("100%% = target") % {}, target=True) if v == 100 else Tick(w(v), f"{v}%")
                  for v in range(0, int(highest) + 1, 25))
    return ProgressChart(
        id=chart_id, title=words.gettext("Progress towards each target in %(year)s") % {"year": year.label},
        description=progress_description(rows, year, previous, words), groups=groups, ticks=ticks, target_x=w(100))


def progress_description(rows: list[ProgressRow], year: m.Year, previous: m.Year | None,
                         words: Words = ENGLISH_WORDS) -> str:
    """What the chart shows and what it says, in words; the numbers themselves are in the table after it.

    Repeating every number here made screen readers read them twice and, at
    dozens of measures, doubled the weight of the chart.
    """
    count = len(rows)
    reached = sum(1 for r in rows if r.current is not None and r.current >= 100)
    halfway = sum(1 for r in rows if r.current is not None and r.current >= 50)
    sentences = [words.ngettext(
        "Bar chart of how far each of %(count)s measure has moved from its baseline (0%%) towards its target "
        "(100%%) in %(year)s.",
        "Bar chart of how far each of %(count)s measures has moved from its baseline (0%%) towards its target "
        "(100%%) in %(year)s.", count) % {"count": count, "year": year.label}]
    if previous is not None:
        sentences.append(words.gettext("It shows %(previous)s as hatched bars and %(year)s as solid bars.") % {
            "previous": previous.label, "year": year.label})
        compared = [r for r in rows if r.previous is not None]
        closer = sum(1 for r in compared if r.current is not None and r.current > r.previous)
        sentences.append(words.gettext(
            "%(closer)s of %(compared)s measures moved closer to their target since %(previous)s.") % {
            "closer": closer, "compared": len(compared), "previous": previous.label})
    # One sentence in two counted halves, each with its own plural: "2 of 5 are ..., and 1 has reached it."
    sentences.append(words.gettext("%(halfway)s, and %(reached)s.") % {
        "halfway": words.ngettext("%(halfway)s of %(count)s is at least halfway to the target",
                                  "%(halfway)s of %(count)s are at least halfway to the target", halfway)
        % {"halfway": halfway, "count": count},
        "reached": words.ngettext("%(reached)s has reached it", "%(reached)s have reached it", reached)
        % {"reached": reached}})
    sentences.append(words.gettext("The figures are in the table below."))
    return " ".join(sentences)
