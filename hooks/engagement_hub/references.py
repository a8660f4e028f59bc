"""Rules that link one record to another: ids must be unique and must exist.

JSON Schema checks each file alone; these checks need several files at once,
so they run after every file has passed its schema.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from .problems import Problem
from .source import Document


def _known(kind: str, file: str, ids: Iterable[str], missing: str) -> tuple[str, str]:
    ids = sorted(ids)
    close = difflib.get_close_matches(missing, ids, n=1, cutoff=0.6)
    listing = ", ".join(ids[:12]) + (", ..." if len(ids) > 12 else "")
    hint = f"Did you mean '{close[0]}'? " if close else ""
    hint += f"Use an id from {file}, or add a {kind} with this id there."
    return f"known {plural(kind)}: {listing}", hint


def plural(word: str) -> str:
    """'goal entry' -> 'goal entries', 'value' -> 'values'."""
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def unique(doc: Document, items: list[dict[str, Any]], base: tuple[str | int, ...], kind: str,
           key: str = "id") -> list[Problem]:
    """Two records with the same id would make one page overwrite another."""
    seen: dict[Any, int] = {}
    problems = []
    for index, item in enumerate(items):
        value = item.get(key)
        if value in seen:
            first_line = doc.where((*base, seen[value], key))[0]
            problems.append(doc.problem(
                (*base, index, key), f"Two {plural(kind)} have the {key} '{value}' (the first is on line {first_line}).",
                expected=f"a different {key} for each {kind}", found=str(value),
                hint=f"Give this {kind} its own {key}."))
        else:
            seen[value] = index
    return problems


def _goal_reported_twice(doc: Document, label: str) -> list[Problem]:
    """A year that reports on one goal twice would show two conflicting statuses."""
    first: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(doc.data["goals"]):
        goal = entry["goal"]
        if goal in first:
            line = doc.where(("goals", first[goal], "goal"))[0]
            problems.append(doc.problem(
                ("goals", index, "goal"), f"{label} reports on goal '{goal}' twice (the first is on line {line}).",
                expected="one entry for each goal", found=goal,
                hint="Keep one entry for this goal: merge the two, or correct the goal id."))
        else:
            first[goal] = index
    return problems


def refers(doc: Document, path: tuple[str | int, ...], owner: str, ref: str, kind: str,
           file: str, known: Iterable[str]) -> list[Problem]:
    """One reference from a record to another, explained if it points nowhere."""
    known = list(known)
    if ref in known:
        return []
    expected, hint = _known(kind, file, known, ref)
    return [doc.problem(path, f"{owner} lists {kind} '{ref}', which is not in {file} ({expected}).",
                        expected=f"a {kind} id from {file}", found=ref, hint=hint)]


def check_references(docs: dict[str, Document], years: list[Document]) -> list[Problem]:
    """Every cross-reference rule, over documents that each passed their schema."""
    values, strategy, pledges = docs["values"], docs["strategy"], docs["pledges"]
    problems: list[Problem] = []
    value_ids = {v["id"] for v in values.data["values"]}
    goals = strategy.data["goals"]
    goal_ids = {g["id"] for g in goals}
    measures = {g["id"]: {m["id"] for m in g["measures"]} for g in goals}

    problems += unique(values, values.data["values"], ("values",), "value")
    problems += unique(strategy, goals, ("goals",), "goal")
    problems += unique(strategy, goals, ("goals",), "goal", key="number")
    for gi, goal in enumerate(goals):
        problems += unique(strategy, goal["measures"], ("goals", gi, "measures"), "measure")
        for vi, ref in enumerate(goal["values"]):
            problems += refers(strategy, ("goals", gi, "values", vi), f"Goal '{goal['id']}'", ref,
                               "value", "data/values.yml", value_ids)

    problems += unique(pledges, pledges.data["pledges"], ("pledges",), "pledge")
    for pi, pledge in enumerate(pledges.data["pledges"]):
        owner = f"Pledge '{pledge['id']}'"
        for vi, ref in enumerate(pledge["values"]):
            problems += refers(pledges, ("pledges", pi, "values", vi), owner, ref, "value",
                               "data/values.yml", value_ids)
        if "goal" in pledge:
            problems += refers(pledges, ("pledges", pi, "goal"), owner, pledge["goal"], "goal",
                               "data/strategy.yml", goal_ids)
        update = pledge.get("update")
        if update and update["date"] < pledge["date"]:
            problems.append(pledges.problem(("pledges", pi, "update", "date"),
                                            "The update is dated before the pledge was made.",
                                            expected=f"a date on or after {pledge['date']}",
                                            found=update["date"], hint="Check both dates."))

    docs_channels, docs_involvement = docs["channels"], docs["involvement"]
    problems += unique(docs_channels, docs_channels.data["channels"], ("channels",), "channel")
    problems += unique(docs_involvement, docs_involvement.data["representation"], ("representation",),
                       "committee seat")

    seen_years: dict[str, str] = {}
    for doc in years:
        label = doc.data["year"]
        expected_name = label.replace("/", "-") + ".yml"
        if not doc.file.endswith("/" + expected_name):
            problems.append(doc.problem(("year",), f"The year '{label}' does not match the file name.",
                                        expected=f"a file named data/progress/{expected_name}",
                                        found=doc.file.rsplit("/", 1)[-1],
                                        hint="Rename the file or correct the year so they agree."))
        elif int(label[5:]) != (int(label[:4]) + 1) % 100:
            problems.append(doc.problem(("year",), f"'{label}' is not a reporting year.",
                                        expected="two years in a row, like 2025/26", found=label,
                                        hint="The second part is the last two digits of the next year."))
        if label in seen_years:
            problems.append(doc.problem(("year",), f"The year {label} is also in {seen_years[label]}.",
                                        hint="Keep one file per year."))
        seen_years[label] = doc.file
        problems += _goal_reported_twice(doc, label)
        for gi, entry in enumerate(doc.data["goals"]):
            goal_id = entry["goal"]
            problems += refers(doc, ("goals", gi, "goal"), f"Progress for {label}", goal_id, "goal",
                               "data/strategy.yml", goal_ids)
            for measure_id in entry.get("measures", {}):
                if goal_id in measures:
                    problems += refers(doc, ("goals", gi, "measures", measure_id), f"Goal '{goal_id}' in {label}",
                                       measure_id, "measure", f"goal '{goal_id}' in data/strategy.yml",
                                       measures[goal_id])
        for fi, item in enumerate(doc.data.get("you_said_we_did", [])):
            if "goal" in item:
                problems += refers(doc, ("you_said_we_did", fi, "goal"), f"A 'you said, we did' item in {label}",
                                   item["goal"], "goal", "data/strategy.yml", goal_ids)
    return problems
