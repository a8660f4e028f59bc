"""Year-on-year comparison: what moved, by how much, and whether that is better.

Boards read these numbers in print, so every comparison is worked out here
once and the templates only show it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..preview.memory import Memory
from ..reading import model as m
from ..reading.model import year_bounds  # where it lives: the checks in reading/ need it too
from .words import ENGLISH_WORDS, Words


def reviewer(year: m.Year, organisation: m.Organisation) -> str:
    """Who reviews (or reviewed) the year's report: the year's own ``reviewed_by``, which `make publish-year`
    writes, or the organisation's words.progress_reviewed_by for a draft and a year published before it did."""
    return year.reviewed_by or organisation.words.progress_reviewed_by


def number(value: float | None) -> str:
    """Numbers as a person writes them in English: 12, 12.5, 1,200 (Words.number in another language)."""
    return ENGLISH_WORDS.number(value)


@dataclass(frozen=True)
class MeasureRow:
    measure: m.Measure
    value: float | None
    previous: float | None
    change: float | None
    verdict: str  # "better", "worse", "no change" or "" when there is nothing to compare
    words: Words = field(default=ENGLISH_WORDS, repr=False)  # the page's language

    @property
    def change_text(self) -> str:
        return change_words(self.change, self.words)

    @property
    def target_met(self) -> bool:
        if self.value is None:
            return False
        if self.measure.better == "higher":
            return self.value >= self.measure.target
        return self.value <= self.measure.target


def change_words(change: float | None, words: Words = ENGLISH_WORDS) -> str:
    """+3, −1.5, "No change" or "No earlier figure", in the page's language."""
    if change is None:
        return words.gettext("No earlier figure")
    if change == 0:
        return words.gettext("No change")
    return f"{'+' if change > 0 else '−'}{words.number(abs(change))}"


def verdict(measure: m.Measure, change: float | None) -> str:
    if change is None:
        return ""
    if change == 0:
        return "no change"
    improved = change > 0 if measure.better == "higher" else change < 0
    return "better" if improved else "worse"


def measure_rows(goal: m.Goal, year: m.Year, previous: m.Year | None,
                 words: Words = ENGLISH_WORDS) -> list[MeasureRow]:
    """Each measure this year against last year (or the baseline when there is no last year)."""
    now = year.for_goal(goal.id)
    before = previous.for_goal(goal.id) if previous else None
    rows = []
    for measure in goal.measures:
        value = now.measures.get(measure.id) if now else None
        prior = before.measures.get(measure.id) if before else None
        if prior is None and previous is None:
            prior = measure.baseline
        change = None if value is None or prior is None else round(value - prior, 6)
        rows.append(MeasureRow(measure, value, prior, change, verdict(measure, change), words))
    return rows


def movement(status: str, previous_status: str | None) -> str:
    """'up', 'down', 'same' or 'new' for a goal's status since last year."""
    if previous_status is None:
        return "new"
    if "not-reported" in (status, previous_status):  # nothing to compare with
        return "unknown"
    diff = m.STATUS_RANK[status] - m.STATUS_RANK[previous_status]
    return "up" if diff > 0 else "down" if diff < 0 else "same"


MOVEMENT_WORDS = {"up": "Improved", "down": "Worsened", "same": "No change", "new": "First report",
                  "unknown": "Cannot compare"}


@dataclass(frozen=True)
class Changes:
    """What changed in a year's report, counted once here so the year page only shows the numbers."""

    improved: list[dict[str, Any]]  # goal rows whose status moved up, in goal order
    worsened: list[dict[str, Any]]
    unchanged: int  # goals whose status stayed the same
    first_reported: int  # goals reported for the first time
    measures: int  # every measure of every goal in the report
    better: int  # measures that got better, worse or did not change
    worse: int
    no_change: int
    uncompared: int  # measures with nothing to compare with
    first_goal: dict[str, Any] | None  # the first goal's row, where the measures tables start


def changes(rows: list[dict[str, Any]]) -> Changes:
    """The year's changes, from the goal rows its page shows (pages.goal_status_rows)."""
    moves = [row["movement"] for row in rows]
    verdicts = [measure.verdict for row in rows for measure in row["measures"]]
    return Changes(
        improved=[row for row in rows if row["movement"] == "up"],
        worsened=[row for row in rows if row["movement"] == "down"],
        unchanged=moves.count("same"), first_reported=moves.count("new"),
        measures=len(verdicts), better=verdicts.count("better"), worse=verdicts.count("worse"),
        no_change=verdicts.count("no change"), uncompared=sum(1 for v in verdicts if not v),
        first_goal=rows[0] if rows else None,
    )


@dataclass(frozen=True)
class TrendPoint:
    year: str
    value: float | None
    draft: bool = False  # only in previews: a year the board has not yet published
    baseline: bool = False  # the starting point the measure is judged against
    words: Words = field(default=ENGLISH_WORDS, repr=False)  # the page's language

    @property
    def label(self) -> str:
        """The year as the table names it: "2024/25 (baseline)", "2025/26 (draft)"."""
        return self.year + (" " + self.words.gettext("(baseline)") if self.baseline else "") \
            + (" " + self.words.gettext("(draft)") if self.draft else "")


def trend(measure: m.Measure, goal: m.Goal, years: tuple[m.Year, ...],
          words: Words = ENGLISH_WORDS) -> list[TrendPoint]:
    """A measure's value in every reporting year, baseline first.

    One point per year: when the baseline was measured in a reporting year, that year's point is the
    baseline (the year's own figure if it reported one), not a second point for the same year.
    """
    points = [TrendPoint(measure.baseline_year, measure.baseline, baseline=True, words=words)]
    for year in years:
        entry = year.for_goal(goal.id)
        value = entry.measures.get(measure.id) if entry else None
        if year.label == measure.baseline_year:
            points[0] = TrendPoint(year.label, measure.baseline if value is None else value,
                                   year.status == "draft", baseline=True, words=words)
            continue
        points.append(TrendPoint(year.label, value, year.status == "draft", words=words))
    return points


def pledges_by_year(hub: m.Hub, memory: Memory | None = None) -> dict[str, tuple[list[m.Pledge], list[m.Pledge]]]:
    """For each year's label: pledges made during the year, and pledges completed during it,
    each as it stood on the year's last day.

    A year's report is the record the board read, so a later update never
    changes it: a pledge made in 2024/25 and kept in 2025/26 is "in progress"
    in the 2024/25 report. A pledge is completed in the year it was finished
    (kept or not kept, see Pledge.completed_on) if it still stood finished at
    the year's end, so a pledge that was not kept
    is reported as openly as one that was. The counts on a year's page are the
    lengths of these same lists. One pass over the pledges serves every year
    (a network may hold thousands).
    """
    bounds = sorted((*year_bounds(year.label, hub.organisation.year_start_month), year.label) for year in hub.years)
    firsts = [first for first, _, _ in bounds]
    last_day = {label: last for _, last, label in bounds}
    out: dict[str, tuple[list[m.Pledge], list[m.Pledge]]] = {year.label: ([], []) for year in hub.years}

    def year_of(day: str) -> str | None:
        at = bisect.bisect_right(firsts, day) - 1
        return bounds[at][2] if at >= 0 and day <= bounds[at][1] else None

    def placed(pledge: m.Pledge) -> list[tuple[str, int, m.Pledge]]:
        """Where the pledge is listed: (year, 0 for made or 1 for completed, the pledge as it stood then)."""
        found = []
        if (label := year_of(pledge.date)) is not None:
            found.append((label, 0, pledge.as_of(last_day[label])))  # made by then
        # Completed in a year if, on its last day, the pledge stood finished and had been finished in
        # that year (a pledge kept, reopened and kept again is completed in both years).
        for label in dict.fromkeys(year_of(u.date) for u in pledge.history if u.status in m.FINISHED):
            if label is not None and (then := pledge.as_of(last_day[label])) and year_of(then.completed_on) == label:
                found.append((label, 1, then))
        return found

    # A preview reloads on every save, and the pages and the open data each ask: an unchanged pledge
    # (the very same object, load._kept) is placed as last time, when the years are the same.
    memory = memory or Memory()
    key = tuple(bounds)
    before = memory.placed if memory.placed_years == key else {}
    now: dict[int, tuple[m.Pledge, list[tuple[str, int, m.Pledge]]]] = {}
    for pledge in hub.pledges:
        kept = before.get(id(pledge))
        if kept is None or kept[0] is not pledge:
            kept = (pledge, placed(pledge))
        now[id(pledge)] = kept
        for label, column, shown in kept[1]:
            out[label][column].append(shown)  # type: ignore[arg-type]  # placed() lists only pledges made by then
    memory.placed, memory.placed_years = now, key
    return out


@dataclass(frozen=True)
class FigureRow:
    """One involvement figure this year and last, for the year-on-year table."""

    label: str
    value: int
    previous: int | None
    words: Words = field(default=ENGLISH_WORDS, repr=False)  # the page's language

    @property
    def change_text(self) -> str:
        return change_words(None if self.previous is None else self.value - self.previous, self.words)


# The involvement figures a year reports, by code; each name is a message in the catalogue (wordtables.py).
FIGURE_WORDS = {
    "people": "People involved", "activities": "Involvement activities", "communities": "Communities reached",
    "under-represented": "Often under-represented communities reached",
    "under-represented-people": "People involved from often under-represented communities",
}


def figure_values(figures: m.Figures) -> dict[str, int]:
    """Each involvement figure by its code (FIGURE_WORDS): the year-on-year table and a published year's record."""
    under = [c for c in figures.communities if c.under_represented]
    return {
        "people": figures.people_involved,
        "activities": figures.activities,
        "communities": len(figures.communities),
        "under-represented": len(under),
        "under-represented-people": sum(c.people for c in under),
    }


def involvement_rows(year: m.Year, previous: m.Year | None, words: Words = ENGLISH_WORDS) -> list[FigureRow]:
    """The year's involvement figures, including those from under-represented communities, against last year."""
    if year.figures is None:
        return []
    before = figure_values(previous.figures) if previous and previous.figures else {}
    return [FigureRow(words.gettext(FIGURE_WORDS[code]), value, before.get(code), words)
            for code, value in figure_values(year.figures).items()]
