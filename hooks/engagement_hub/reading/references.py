"""Rules that link one record to another: ids must be unique and must exist.

JSON Schema checks each file alone; these checks need several files at once,
so they run after every file has passed its schema.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from .model import DEFAULT_CHANNEL_KINDS, DEFAULT_MAKER_KINDS, Kind
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
    values, strategy, pledges = docs["values"], docs["strategy"], docs.get("pledges")
    problems: list[Problem] = []
    value_ids = {v["id"] for v in values.data["values"]}
    goals = strategy.data["goals"]
    goal_ids = {g["id"] for g in goals}
    measures = {g["id"]: {m["id"] for m in g.get("measures", ())} for g in goals}

    problems += unique(values, values.data["values"], ("values",), "value")
    problems += unique(strategy, goals, ("goals",), "goal")
    problems += unique(strategy, goals, ("goals",), "goal", key="number")
    for gi, goal in enumerate(goals):
        problems += unique(strategy, goal.get("measures", []), ("goals", gi, "measures"), "measure")
        for vi, ref in enumerate(goal["values"]):
            problems += refers(strategy, ("goals", gi, "values", vi), f"Goal '{goal['id']}'", ref,
                               "value", "data/values.yml", value_ids)

    if pledges is not None:
        problems += _pledge_references(pledges, value_ids, goal_ids)
    members = docs.get("members")
    if members is not None:
        problems += unique(members, members.data["members"], ("members",), "member")
    if pledges is not None:
        member_ids = [x["id"] for x in members.data["members"]] if members is not None else []
        for pi, pledge in enumerate(pledges.data["pledges"]):
            if "member" in pledge["made_by"]:
                problems += refers(pledges, ("pledges", pi, "made_by", "member"), f"Pledge '{pledge['id']}'",
                                   pledge["made_by"]["member"], "member", "data/members.yml", member_ids)
    problems += unique(docs["channels"], docs["channels"].data["channels"], ("channels",), "channel")
    problems += _kind_references(docs["channels"], "kinds", "channels", "kind", "channel kind", DEFAULT_CHANNEL_KINDS)
    if "involvement" in docs and "representation" in docs["involvement"].data:
        involvement = docs["involvement"]
        problems += unique(involvement, involvement.data["representation"], ("representation",), "committee seat")
    problems += _year_references(docs, years, goal_ids, measures)
    return problems


def _kind_references(doc: Document, kinds_key: str, items_key: str, kind_field: str, kind: str,
                     defaults: tuple[Kind, ...]) -> list[Problem]:
    """Each record's kind is one the file lists under ``kinds_key``, or one of the hub's defaults."""
    listed = doc.data.get(kinds_key)
    problems = unique(doc, listed, (kinds_key,), kind) if listed else []
    known = sorted(k["id"] for k in listed) if listed else [k.id for k in defaults]
    for index, item in enumerate(doc.data[items_key]):
        path: tuple[str | int, ...] = (items_key, index, *kind_field.split("."))
        ref = item
        for part in kind_field.split("."):
            ref = ref[part]
        if ref in known:
            continue
        close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        hint += (f"Use one of the {plural(kind)} listed under {kinds_key}: in this file, or add one there."
                 if listed else f"Use one of the hub's {plural(kind)}, or list your own under {kinds_key}: "
                 "in this file, each with an id, a name and a description.")
        problems.append(doc.problem(path, f"'{item['id']}' has the {kind} '{ref}', which is not a known {kind}.",
                                    expected=f"one of: {', '.join(known)}", found=ref, hint=hint))
    return problems


def _pledge_references(pledges: Document, value_ids: set[str], goal_ids: set[str]) -> list[Problem]:
    problems = unique(pledges, pledges.data["pledges"], ("pledges",), "pledge")
    problems += _kind_references(pledges, "maker_kinds", "pledges", "made_by.kind", "maker kind", DEFAULT_MAKER_KINDS)
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
    return problems


FIRST_REPORTING_YEAR, LAST_REPORTING_YEAR = 2000, 2100  # common.schema.json's year_label, for a year as a number


def _year_references(docs: dict[str, Document], years: list[Document], goal_ids: set[str],
                     measures: dict[str, set[str]]) -> list[Problem]:
    problems: list[Problem] = []
    calendar = docs["organisation"].data.get("reporting_year", {}).get("starts_month", 4) == 1
    seen_years: dict[str, str] = {}
    for doc in years:
        label = str(doc.data["year"])  # a calendar year may be written as a bare number, 2025
        expected_name = label.replace("/", "-") + ".yml"
        if calendar != ("/" not in label):
            problems.append(doc.problem(
                ("year",), f"'{label}' is not named as this organisation's reporting years are.",
                expected=f"a year written like {'2025' if calendar else '2025/26'}", found=label,
                hint=("reporting_year.starts_month in data/organisation.yml is 1, so years are calendar years: "
                      "write the year alone, and name the file like 2025.yml."
                      if calendar else
                      "Years that start in any month but January are written like 2025/26 (set "
                      "reporting_year.starts_month to 1 in data/organisation.yml for calendar years).")))
        elif not FIRST_REPORTING_YEAR <= int(label[:4]) <= LAST_REPORTING_YEAR:
            # As the schema bounds a year written as a number; a year such as 9999/00 would end in 10000,
            # which no date can hold, and crashed the preview that shows draft years.
            problems.append(doc.problem(
                ("year",), f"'{label}' starts in the year {label[:4]}; reporting years here start between "
                f"{FIRST_REPORTING_YEAR} and {LAST_REPORTING_YEAR}.",
                expected=f"a year from {FIRST_REPORTING_YEAR} to {LAST_REPORTING_YEAR}", found=label,
                hint="Check the year."))
        elif not doc.file.endswith("/" + expected_name):
            problems.append(doc.problem(("year",), f"The year '{label}' does not match the file name.",
                                        expected=f"a file named data/progress/{expected_name}",
                                        found=doc.file.rsplit("/", 1)[-1],
                                        hint="Rename the file or correct the year so they agree."))
        elif not calendar and int(label[5:]) != (int(label[:4]) + 1) % 100:
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
