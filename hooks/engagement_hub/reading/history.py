"""Dates that cannot be true: pledge histories out of order or in the future, board reviews that cannot have happened.

A year's report shows each pledge as it stood on the last day of that year,
so every status a pledge has ever had must carry the date it began. These
checks run on documents that passed their schema, against the build date
(builddate.py), so the same data checks the same way on any day it is given.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import year_bounds
from .problems import Problem
from .source import Document


def pledge_problems(doc: Document, today: date) -> list[Problem]:
    """Each pledge's history: one form only, every status dated, dates in order, none after the build date."""
    problems: list[Problem] = []
    build = today.isoformat()
    for pi, pledge in enumerate(doc.data["pledges"]):
        base: tuple[str | int, ...] = ("pledges", pi)
        owner = f"Pledge '{pledge['id']}'"
        status = pledge.get("status")
        if "updates" in pledge and "update" in pledge:
            problems.append(doc.problem((*base, "update"), f"{owner} has both 'update' and 'updates'.",
                                        expected="either a list of updates or one update, not both",
                                        found="update and updates",
                                        hint="Move this update into the 'updates' list, with its status."))
            continue
        if "updates" in pledge:
            updates = pledge["updates"]
            for ui, update in enumerate(updates):
                path = (*base, "updates", ui, "date")
                if update["date"] < pledge["date"]:
                    problems.append(doc.problem(path, "The update is dated before the pledge was made.",
                                                expected=f"a date on or after {pledge['date']}",
                                                found=update["date"], hint="Check both dates."))
                if ui and update["date"] < updates[ui - 1]["date"]:
                    problems.append(doc.problem(
                        path, "The updates are not in date order: this one is dated before the one above it.",
                        expected=f"a date on or after {updates[ui - 1]['date']}", found=update["date"],
                        hint="List the updates oldest first, and check each date."))
                problems += _after_build(doc, path, update["date"], build)
            latest = updates[-1]["status"]
            if status is not None and status != latest:
                problems.append(doc.problem(
                    (*base, "status"), f"{owner} has status '{status}', but its latest update says '{latest}'.",
                    expected=f"'{latest}', or no status (the latest update's status is used)", found=status,
                    hint="Remove the status line, or add a dated update with the new status."))
        elif "update" in pledge:
            problems += _after_build(doc, (*base, "update", "date"), pledge["update"]["date"], build)
        elif status not in (None, "made"):
            problems.append(doc.problem(
                (*base, "status"), f"{owner} is marked '{status}' but no update says when.",
                expected="an 'updates' list whose latest entry has this status, with its date and what was done",
                found=status,
                hint="Add 'updates:' with an entry such as {date: 2025-05-20, status: kept, text: What was done.}; "
                     "a year's report shows the pledge as it stood on the year's last day, so the date matters."))
    return problems


def _after_build(doc: Document, path: tuple[str | int, ...], day: str, build: str) -> list[Problem]:
    if day <= build:
        return []
    return [doc.problem(path, f"The update is dated {day}, after the build date {build}: it has not happened yet.",
                        expected=f"a date on or before {build}", found=day,
                        hint="Check the date. To check as of a later day, set HUB_BUILD_DATE=YYYY-MM-DD.")]


def year_problems(doc: Document, today: date, start_month: int) -> list[Problem]:
    """A published year's board review: after the year ended, and not after the build date."""
    data: dict[str, Any] = doc.data
    reviewed = data.get("reviewed_by_board")
    problems = [doc.problem(("corrections", ci, "date"),
                            f"The correction is dated {c['date']}, after the build date {today.isoformat()}.",
                            expected=f"a date on or before {today.isoformat()}", found=c["date"],
                            hint="Date the correction the day it was made.")
                for ci, c in enumerate(data.get("corrections", [])) if c["date"] > today.isoformat()]
    if data.get("status") != "published" or not reviewed:
        return problems
    label = str(data["year"])
    last = year_bounds(label, start_month)[1]
    path = ("reviewed_by_board",)
    if reviewed <= last:
        return [*problems, doc.problem(path, f"The board cannot have reviewed {label}'s report on {reviewed}: "
                                  f"the year ran until {last}.",
                            expected=f"a date after {last}", found=reviewed,
                            hint="Check the date of the board meeting that reviewed this report.")]
    if reviewed > today.isoformat():
        return [*problems, doc.problem(path, f"{label} is published with a board review on {reviewed}, "
                                  f"after the build date {today.isoformat()}.",
                            expected=f"a date on or before {today.isoformat()}", found=reviewed,
                            hint="Publish a year only after the board has reviewed it: set status: draft until "
                                 "then, or correct the date.")]
    return problems


def date_problems(docs: dict[str, Document], years: list[Document], today: date) -> list[Problem]:
    """Every date check over documents that each passed their schema and cross-references."""
    start_month = docs["organisation"].data.get("reporting_year", {}).get("starts_month", 4)
    problems = pledge_problems(docs["pledges"], today) if "pledges" in docs else []
    for doc in years:
        problems += year_problems(doc, today, start_month)
    return problems
