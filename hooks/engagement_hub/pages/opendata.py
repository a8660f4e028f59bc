"""The hub's data as open data: CSV and JSON files made at build time.

Anyone can check the organisation's claims, or reuse the figures, without scraping
pages. Column names are part of the public interface: they are listed here
once, documented on the open data page, and must not change without notice.
Each table has a CSV file (UTF-8, comma-separated, one header row) and a JSON
file with the same columns, where list columns are arrays and numbers are
numbers. Text is exactly as written in data/, Markdown included.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..preview.memory import Memory
from ..reading import model as m
from ..reading import opportunities as op
from . import progress as pr
from .words import ENGLISH_WORDS, Words

FOLDER = "open-data"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, markdown, number, integer, date, boolean, ids, year
    description: str


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[m.Hub, Memory], list[dict[str, Any]]]  # the memory a preview keeps (pledges_by_year uses it)

    @property
    def csv_path(self) -> str:
        return f"{FOLDER}/{self.name}.csv"

    @property
    def json_path(self) -> str:
        return f"{FOLDER}/{self.name}.json"


KIND_WORDS = {
    "text": "text",
    "markdown": "text, may contain Markdown",
    "number": "number (decimal point, no thousands separator)",
    "integer": "whole number",
    "date": "date, YYYY-MM-DD",
    "boolean": "true or false",
    "ids": "ids; in CSV separated by spaces, in JSON a list",
    "year": "reporting year, such as %(example)s",  # kind_words() names the example as the organisation does
    "datetime": "date, YYYY-MM-DD, or date and UK time with its offset from UTC, such as 2027-01-31T17:00:00+00:00",
}


def kind_words(hub: m.Hub, words: Words = ENGLISH_WORDS) -> dict[str, str]:
    """What each kind of column holds, with the example year named the way this organisation names its years
    (2025 for calendar years, 2025/26 for years starting in another month), in the page's language."""
    example = "2025" if hub.organisation.calendar_years else "2025/26"
    return {kind: words.gettext(text) % {"example": example} if kind == "year" else words.gettext(text)
            for kind, text in KIND_WORDS.items()}


def _c(name: str, kind: str, description: str) -> Column:
    return Column(name, kind, description)


def _goals(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"goal_id": g.id, "number": g.number, "title": g.title, "summary": g.summary,
             "description": g.description, "value_ids": list(g.value_ids)} for g in hub.strategy.goals]


def _measures(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"goal_id": g.id, "measure_id": x.id, "name": x.name, "unit": x.unit, "better": x.better,
             "baseline": x.baseline, "baseline_year": x.baseline_year, "target": x.target,
             "target_year": x.target_year, "notes": x.notes}
            for g in hub.strategy.goals for x in g.measures]


def _years(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    rows = []
    for y in hub.years:
        first, last = pr.year_bounds(y.label, hub.organisation.year_start_month)
        rows.append({"year": y.label, "status": y.status, "first_day": first, "last_day": last,
                     "reviewed_by_board": y.reviewed_by_board, "reviewed_by": pr.reviewer(y, hub.organisation),
                     "summary": y.summary,
                     "people_involved": y.figures.people_involved if y.figures else None,
                     "activities": y.figures.activities if y.figures else None})
    return rows


def _progress(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"year": y.label, "goal_id": g.goal_id, "status": g.status, "status_words": hub.strategy.status_words[g.status],
             "narrative": g.narrative} for y in hub.years for g in y.goals]


def _measure_values(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    rows = []
    for y in hub.years:
        for goal in hub.strategy.goals:
            entry = y.for_goal(goal.id)
            for measure in goal.measures:
                if entry and measure.id in entry.measures:
                    rows.append({"year": y.label, "goal_id": goal.id, "measure_id": measure.id,
                                 "value": entry.measures[measure.id]})
    return rows


def _highlights(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"year": y.label, "goal_id": g.goal_id, "highlight": h} for y in hub.years for g in y.goals
            for h in g.highlights]


def _you_said_we_did(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"year": y.label, "goal_id": f.goal_id, "you_said": f.you_said, "we_did": f.we_did}
            for y in hub.years for f in y.you_said_we_did]


def _communities(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"year": y.label, "community": c.name, "people": c.people, "under_represented": c.under_represented}
            for y in hub.years if y.figures for c in y.figures.communities]


def _pledges(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"pledge_id": p.id, "text": p.text, "made_by": p.made_by, "made_by_kind": p.made_by_kind,
             "date": p.date, "value_ids": list(p.value_ids), "goal_id": p.goal_id, "status": p.status,
             "update_date": p.update_date, "update_text": p.update_text} for p in hub.pledges]


def _pledge_updates(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"pledge_id": p.id, "date": u.date, "status": u.status, "text": u.text}
            for p in hub.pledges for u in p.history]


def _pledges_by_year(hub: m.Hub, memory: Memory) -> list[dict[str, Any]]:
    """Each year's report's pledges, as the report shows them: the same lists its page is drawn from."""
    by_year = pr.pledges_by_year(hub, memory)
    rows = []
    for year in hub.years:
        made, completed = by_year[year.label]
        for listed, pledges in (("new", made), ("completed", completed)):
            rows += [{"year": year.label, "listed_as": listed, "pledge_id": p.id, "status": p.status,
                      "update_date": p.update_date, "update_text": p.update_text} for p in pledges]
    return rows


def _members(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    """Each member and the pledges the members page lists under it (named by id, or by its exact name)."""
    return [{"member_id": x.id, "name": x.name, "kind": x.kind, "url": x.url, "joined": x.joined,
             "pledge_ids": [p.id for p in hub.pledges_by_member(x)]}
            for x in sorted(hub.members or (), key=lambda x: x.name)]


def _values(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    return [{"value_id": v.id, "name": v.name, "family": v.family, "summary": v.summary,
             "description": v.description, "source_title": v.source_title, "source_url": v.source_url}
            for v in hub.values]


def _channels(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    none = m.Join()
    return [{"channel_id": c.id, "name": c.name, "kind": c.kind, "description": c.description,
             "reaches": c.reaches, "url": c.url, "involves": c.involves, "support": "; ".join(c.support),
             "join_url": (c.join or none).url, "join_email": (c.join or none).email,
             "join_phone": (c.join or none).phone, "join_contact": (c.join or none).contact} for c in hub.channels]


def _opportunities(hub: m.Hub, _memory: Memory) -> list[dict[str, Any]]:
    rows = []
    for o in hub.opportunities:
        outcome = o.outcome or m.Outcome("", "")
        rows.append({"opportunity_id": o.id, "title": o.title, "kind": o.kind, "summary": o.summary,
                     "who_for": o.who_for, "announced": o.announced, "opens": op.iso(o.opens),
                     "closes": op.iso(o.closes, end=True), "events": len(o.events),
                     "first_event_starts": op.iso(o.events[0].start) if o.events else "",
                     "how_to_take_part": o.how_to_take_part, "join_url": o.join.url, "join_email": o.join.email,
                     "join_phone": o.join.phone, "join_contact": o.join.contact, "support": "; ".join(o.support),
                     "goal_ids": list(o.goal_ids), "channel_ids": list(o.channel_ids),
                     "outcome_published": outcome.published, "outcome_summary": outcome.summary,
                     "outcome_year": outcome.year, "outcome_url": outcome.url})
    return rows


YEAR = _c("year", "year", "The reporting year.")
GOAL = _c("goal_id", "text", "The goal's id, as in goals.")

DATASETS: tuple[Dataset, ...] = (
    Dataset("goals", "Goals", "The strategy's goals.", (
        _c("goal_id", "text", "A short, stable id for the goal."),
        _c("number", "integer", "The goal's number in the strategy."),
        _c("title", "text", "The goal's title."),
        _c("summary", "text", "One sentence about the goal."),
        _c("description", "markdown", "What the goal means."),
        _c("value_ids", "ids", "The values behind the goal, as in values."),
    ), _goals),
    Dataset("measures", "Measures", "How each goal is measured: baseline, target and which way is better.", (
        GOAL,
        _c("measure_id", "text", "A short, stable id for the measure."),
        _c("name", "text", "What is measured."),
        _c("unit", "text", "The unit, such as % or staff."),
        _c("better", "text", "higher or lower: which way counts as better."),
        _c("baseline", "number", "The value at the start."),
        _c("baseline_year", "year", "The year of the baseline."),
        _c("target", "number", "The value aimed for."),
        _c("target_year", "year", "The year the target should be met by."),
        _c("notes", "text", "Notes on how the measure is counted; may be empty."),
    ), _measures),
    Dataset("years", "Reporting years", "Each published reporting year, with its involvement figures.", (
        YEAR,
        _c("status", "text", "published (or draft, in previews only)."),
        _c("first_day", "date", "The first day of the reporting year."),
        _c("last_day", "date", "The last day of the reporting year."),
        _c("reviewed_by_board", "date", "When the report was reviewed; may be empty."),
        _c("reviewed_by", "text", "Who reviewed the report (for a draft, who will), as its page says."),
        _c("summary", "markdown", "The year in a few sentences."),
        _c("people_involved", "integer", "People involved during the year; empty if not reported."),
        _c("activities", "integer", "Involvement activities during the year; empty if not reported."),
    ), _years),
    Dataset("progress", "Progress on each goal", "Each goal's status and narrative in each reporting year.", (
        YEAR, GOAL,
        _c("status", "text", "not-started, on-track, at-risk, off-track or achieved."),
        _c("status_words", "text", "The status as shown on the site."),
        _c("narrative", "markdown", "What happened during the year."),
    ), _progress),
    Dataset("measure-values", "Measure values", "Each measure's value in each reporting year.", (
        YEAR, GOAL,
        _c("measure_id", "text", "The measure's id, as in measures."),
        _c("value", "number", "The value reported for the year."),
    ), _measure_values),
    Dataset("highlights", "Highlights", "The highlights reported for each goal in each year.", (
        YEAR, GOAL, _c("highlight", "text", "One highlight."),
    ), _highlights),
    Dataset("you-said-we-did", "You said, we did", "What people told us, and what changed as a result.", (
        YEAR,
        _c("goal_id", "text", "The goal it relates to, as in goals; may be empty."),
        _c("you_said", "text", "What people told us."),
        _c("we_did", "markdown", "What we did about it."),
    ), _you_said_we_did),
    Dataset("communities", "Communities reached", "People involved from each community, by year.", (
        YEAR,
        _c("community", "text", "The community."),
        _c("people", "integer", "People involved from it during the year."),
        _c("under_represented", "boolean", "Whether the community is often under-represented."),
    ), _communities),
    Dataset("pledges", "Pledges", "Every pledge, who made it and whether it was kept.", (
        _c("pledge_id", "text", "A short, stable id for the pledge."),
        _c("text", "markdown", "The promise."),
        _c("made_by", "text", "Who made it."),
        _c("made_by_kind", "text", "The kind of pledge maker, as listed on the page of pledges by who made them."),
        _c("date", "date", "When it was made."),
        _c("value_ids", "ids", "The values it lives, as in values."),
        _c("goal_id", "text", "The goal it supports, as in goals; may be empty."),
        _c("status", "text", "made, in-progress, kept or not-kept."),
        _c("update_date", "date", "The date of the latest update; may be empty."),
        _c("update_text", "markdown", "The latest update; may be empty."),
    ), _pledges),
    Dataset("pledge-updates", "Pledge updates", "Every pledge's dated history: each update, oldest first.", (
        _c("pledge_id", "text", "The pledge, as in pledges."),
        _c("date", "date", "The day of the update; the status holds from this day."),
        _c("status", "text", "made, in-progress, kept or not-kept, from this day."),
        _c("text", "markdown", "What was done."),
    ), _pledge_updates),
    Dataset("pledges-by-year", "Pledges in each year's report",
            "The pledges each year's report lists, as they stood on the year's last day.", (
        YEAR,
        _c("listed_as", "text", "new (made during the year) or completed (kept or not kept during the year)."),
        _c("pledge_id", "text", "The pledge, as in pledges."),
        _c("status", "text", "Its status on the year's last day: made, in-progress, kept or not-kept."),
        _c("update_date", "date", "The date of its latest update by the year's last day; may be empty."),
        _c("update_text", "markdown", "That update; may be empty."),
    ), _pledges_by_year),
    Dataset("values", "Values", "The values we work by.", (
        _c("value_id", "text", "A short, stable id for the value."),
        _c("name", "text", "The value's name."),
        _c("family", "text", "The family the value belongs to, as the values page groups them."),
        _c("summary", "text", "One sentence about the value."),
        _c("description", "markdown", "What the value means."),
        _c("source_title", "text", "Where the value comes from."),
        _c("source_url", "text", "A link to the source; may be empty."),
    ), _values),
    Dataset("members", "Members", "The organisations that are members, and the pledges each has made.", (
        _c("member_id", "text", "A short, stable id for the member."),
        _c("name", "text", "The member's name."),
        _c("kind", "text", "The kind of member, as the members page groups them."),
        _c("url", "text", "A link to the member's website; may be empty."),
        _c("joined", "date", "When it became a member."),
        _c("pledge_ids", "ids", "The pledges it has made, as in pledges; may be empty."),
    ), _members),
    Dataset("channels", "Ways to get involved", "The channels through which people can take part.", (
        _c("channel_id", "text", "A short, stable id for the channel."),
        _c("name", "text", "The channel's name."),
        _c("kind", "text", "The kind of channel, as the Get involved page groups them."),
        _c("description", "markdown", "What it is."),
        _c("reaches", "text", "Who it reaches."),
        _c("url", "text", "A link to it; may be empty."),
        _c("involves", "markdown", "What taking part involves; may be empty."),
        _c("support", "text", "The support offered, separated by semicolons; may be empty."),
        _c("join_url", "text", "Where to join online; may be empty."),
        _c("join_email", "text", "An email address to join or ask; may be empty."),
        _c("join_phone", "text", "A phone number to join or ask; may be empty."),
        _c("join_contact", "text", "A named person to contact; may be empty."),
    ), _channels),
    Dataset("opportunities", "Opportunities to take part",
            "Consultations, surveys, events and recruitment: when each is open, and what happened.", (
        _c("opportunity_id", "text", "A short, stable id for the opportunity."),
        _c("title", "text", "Its title."),
        _c("kind", "text", "consultation, survey, event or recruitment."),
        _c("summary", "markdown", "What it is about."),
        _c("who_for", "text", "Who it is for."),
        _c("announced", "date", "When it was first published."),
        _c("opens", "datetime", "When it opens (the start of the day if no time is given)."),
        _c("closes", "datetime", "When it closes (the end of the day if no time is given)."),
        _c("events", "integer", "How many events (meetings, sessions) it has."),
        _c("first_event_starts", "datetime", "When its first event starts; empty if it has none."),
        _c("how_to_take_part", "markdown", "How to take part."),
        _c("join_url", "text", "Where to take part online; may be empty."),
        _c("join_email", "text", "An email address to take part or ask; may be empty."),
        _c("join_phone", "text", "A phone number to take part or ask; may be empty."),
        _c("join_contact", "text", "A named person to contact; may be empty."),
        _c("support", "text", "The support offered, separated by semicolons."),
        _c("goal_ids", "ids", "The goals it serves, as in goals."),
        _c("channel_ids", "ids", "The channels it reaches people through, as in channels."),
        _c("outcome_published", "date", "When we said what happened; empty until then."),
        _c("outcome_summary", "markdown", "What we heard and what we did; may be empty."),
        _c("outcome_year", "year", "The year report with its results; may be empty."),
        _c("outcome_url", "text", "A link to the full results; may be empty."),
    ), _opportunities),
)
BY_NAME = {d.name: d for d in DATASETS}


def csv_cell(value: Any) -> str:
    """One value as CSV text: numbers without noise, lists space-separated, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def to_csv(dataset: Dataset, rows: Iterable[dict[str, Any]], memory: Memory | None = None) -> str:
    memory = memory or Memory()
    return _csv_text(dataset, [_row_texts(dataset, row, memory) for row in rows])


def _csv_text(dataset: Dataset, texts: list[tuple[str, str]]) -> str:
    return _csv_line([c.name for c in dataset.columns]) + "".join(csv_line for csv_line, _ in texts)


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def to_json(dataset: Dataset, rows: list[dict[str, Any]], hub: m.Hub, memory: Memory | None = None) -> str:
    memory = memory or Memory()
    return _json_text(dataset, [_row_texts(dataset, row, memory) for row in rows], hub)


def _json_text(dataset: Dataset, texts: list[tuple[str, str]], hub: m.Hub) -> str:
    document = {
        "title": dataset.title,
        "description": dataset.description,
        "publisher": hub.organisation.name,
        "licence": {"name": hub.organisation.licence_name, "url": hub.organisation.licence_url},
        "columns": [{"name": c.name, "type": c.kind, "description": c.description} for c in dataset.columns],
        "rows": None,
    }
    head = json.dumps(document, ensure_ascii=False, indent=2)
    assert head.endswith('"rows": null\n}')
    if not texts:
        return head[: -len("null\n}")] + "[]\n}\n"
    return head[: -len("null\n}")] + "[\n    " + ",\n    ".join(json_text for _, json_text in texts) + "\n  ]\n}\n"


def _row_texts(dataset: Dataset, row: dict[str, Any], memory: Memory) -> tuple[str, str]:
    """A row's CSV line and its text in the indented JSON file, each written once and kept.

    A preview rewrites these files on every save and most rows did not change;
    writing thousands of rows out again costs more than looking them up. The
    JSON text is exactly what json.dumps(document, indent=2) writes: a row two
    levels in is its own text indented by four.
    """
    key = (dataset.name, *(_exactly(row[c.name]) for c in dataset.columns))
    known = memory.row_texts
    if (texts := known.get(key)) is None:
        if len(known) > 200_000:
            known.clear()
        ordered = {c.name: row[c.name] for c in dataset.columns}
        texts = known[key] = (_csv_line([csv_cell(v) for v in ordered.values()]),
                                   json.dumps(ordered, ensure_ascii=False, indent=2).replace("\n", "\n    "))
    return texts


def _exactly(value: Any) -> Any:
    """A key equal only for values written out the same way (in Python 1 == 1.0 == True, and 0.0 == -0.0)."""
    kind = type(value)
    if kind is str:  # most cells; no other kind of value gives a plain string key
        return value
    if kind is list:
        return ("list", *map(_exactly, value))
    if kind is float:
        return ("float", repr(value))
    return (kind, value)


# Datasets that belong to a section an organisation may leave out: no section, no file.
_PROGRESS = {"years", "progress", "measure-values", "highlights", "you-said-we-did", "communities"}


def datasets_for(hub: m.Hub) -> list[Dataset]:
    """The datasets this organisation's data calls for: none for pledges, progress, measures, opportunities or
    members it leaves out."""
    def wanted(name: str) -> bool:
        if name in ("pledges", "pledge-updates"):
            return hub.has_pledges
        if name == "pledges-by-year":
            return hub.has_pledges and hub.has_progress
        if name == "measures":
            return hub.has_measures
        if name == "measure-values":  # a year's figures need measures to be figures of
            return hub.has_measures and hub.has_progress
        if name == "opportunities":  # none without data/opportunities.yml
            return bool(hub.opportunities)
        if name == "members":  # none without data/members.yml; a file with no rows for an empty list
            return hub.members is not None
        return hub.has_progress if name in _PROGRESS else True
    return [d for d in DATASETS if wanted(d.name)]


def topics(hub: m.Hub, words: Words = ENGLISH_WORDS) -> list[str]:
    """What the open data covers, in words, for the open data page: only the sections the data has."""
    return [words.gettext("our strategy"), words.gettext("values"),
            *([words.gettext("pledges")] if hub.has_pledges else []),
            *([words.gettext("members")] if hub.members is not None else []), words.gettext("ways to get involved"),
            *([words.gettext("progress")] if hub.has_progress else [])]


def downloads_for(hub: m.Hub, *names: str, memory: Memory | None = None,
                  words: Words = ENGLISH_WORDS) -> list[Dataset]:
    """The datasets a page offers in its 'Download the data' section: of those the data calls for, the ones
    with rows (a file of column names alone is listed on the open data page, not offered as the page's facts)."""
    offered = {d.name for d in datasets_for(hub)}
    return in_language([BY_NAME[name] for name in names if name in offered and rows_of(BY_NAME[name], hub, memory)],
                       words)


def in_language(datasets: list[Dataset], words: Words) -> list[Dataset]:
    """The datasets as a page describes them, in its language; each text here is a message
    (wordtables.DEFAULT_TEXTS). datapackage.json and the schemas use the same messages (datapackage.py)."""
    if words is ENGLISH_WORDS:
        return datasets
    return [replace(d, title=words.gettext(d.title), description=words.gettext(d.description),
                    columns=tuple(replace(c, description=words.gettext(c.description)) for c in d.columns))
            for d in datasets]


def texts() -> list[str]:
    """Every text that describes a dataset or a kind of column, for the catalogue's template."""
    return [*KIND_WORDS.values(),
            *(text for d in DATASETS for text in (d.title, d.description)),
            *(c.description for d in DATASETS for c in d.columns)]


def files(hub: m.Hub, memory: Memory | None = None) -> dict[str, str]:
    """Every open data file, by its path in the site.

    A preview rebuilds on every save; writing out thousands of pledges again for an edited
    year summary costs more than comparing the rows (bench/ measures it), so each file is
    kept in ``memory`` with the rows and publisher it was written from.
    """
    memory = memory or Memory()
    out: dict[str, str] = {}
    publisher = (hub.organisation.name, hub.organisation.licence_name, hub.organisation.licence_url)
    for dataset in datasets_for(hub):
        rows = rows_of(dataset, hub, memory)
        made = memory.made.get(dataset.name)
        if made is None or made[0] != rows or made[1] != publisher:
            texts = [_row_texts(dataset, row, memory) for row in rows]
            made = memory.made[dataset.name] = (rows, publisher, _csv_text(dataset, texts), _json_text(dataset, texts, hub))
        out[dataset.csv_path], out[dataset.json_path] = made[2], made[3]
    return out


def row_counts(hub: m.Hub, memory: Memory | None = None) -> dict[str, int]:
    memory = memory or Memory()
    return {d.name: len(rows_of(d, hub, memory)) for d in datasets_for(hub)}


def rows_of(dataset: Dataset, hub: m.Hub, memory: Memory | None = None) -> list[dict[str, Any]]:
    """A dataset's rows for this hub, made once: the open data page counts them and the files hold them."""
    memory = memory or Memory()
    if memory.rows_for[0] is not hub:
        memory.rows_for[:] = [hub, {}]
    made: dict[str, list[dict[str, Any]]] = memory.rows_for[1]
    if dataset.name not in made:
        made[dataset.name] = dataset.rows(hub, memory)
    return made[dataset.name]


def downloads(*names: str) -> list[Dataset]:
    """The datasets a page offers in its 'Download the data' section."""
    return [BY_NAME[name] for name in names]
