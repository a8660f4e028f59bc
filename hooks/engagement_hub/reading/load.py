"""Load every file in data/, check it, and build the Hub the pages are made from.

All problems from all files are gathered before anything is built, so one
run tells comms staff everything that needs fixing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ..preview import collector
from ..preview.memory import Memory
from . import model as m
from . import opportunities as op
from .builddate import build_date
from .contrast import brand_problems
from .fields import field_problems, is_url_field
from .history import date_problems
from .languages import ENGLISH, SOURCE, Language, language_problems
from .logo import logo_problems
from .multilingual import LanguageText, documents_in, read_languages
from .problems import DataError, Problem
from .references import check_references
from .reread import read_changed
from .review import review_problems
from .schema import validate, validate_changed
from .source import MAX_BYTES, Document, read_yaml
from .splitlist import split_list_problems
from .symlinks import symlink_problems
from .text import image_offset, image_problem, link_problem, link_targets_at

DATA_FILES = {
    "organisation": "organisation.yml",
    "values": "values.yml",
    "strategy": "strategy.yml",
    "pledges": "pledges.yml",
    "channels": "channels.yml",
    "involvement": "involvement.yml",
    "accessibility": "accessibility.yml",
    "opportunities": "opportunities.yml",
    "members": "members.yml",
}
PROGRESS_DIR = "progress"
# Files an organisation may leave out: the site then has no section for them (no page, menu entry or download).
OPTIONAL_FILES = {"pledges", "involvement", "opportunities", "members"}


def _read(path: Path, label: str, schema: str | None, memory: Memory) -> tuple[Document | None, list[Problem]]:
    """One data file read and checked; ``schema`` None for a file whose shape another module checks."""
    if path.is_symlink() or any(parent.is_symlink() for parent in path.parents[:2]):
        return None, []  # refused, and never opened, by symlink_problems
    if not path.is_file():
        return None, [Problem(label, 1, 1, "(the whole file)", f"The file {label} is missing.",
                              hint="Restore it from the repository's history, or copy it from the example data.")]
    if path.stat().st_size > MAX_BYTES:  # refuse before reading a huge file into memory
        return None, [Problem(label, 1, 1, "(the whole file)",
                              f"The file is too large ({path.stat().st_size:,} bytes; the limit is {MAX_BYTES:,}).",
                              hint="Split the data, or check that nothing was pasted in by mistake.")]
    raw = path.read_bytes()
    kept = memory.unchanged.get(label)
    if kept and kept[0] == raw:
        return kept[1], split_list_problems(kept[1], raw)
    checked: set[int] = set()
    if kept and (edited := read_changed(kept[0], kept[1], raw)) is not None:
        doc, problems = edited, []
        # Records carried over from the last good reading are the very same objects; their text was checked.
        checked = {id(item) for items in kept[1].data.values() if isinstance(items, list) for item in items}
    else:
        doc, problems = read_yaml(raw, label)
    if problems and doc.data is None:
        return None, problems
    # A field the reader already explained (say '0123' read as 83) needs no second message from the schema.
    explained = {p.path for p in problems}
    in_fields = [p for p in field_problems(doc, doc.data, (), checked) if p.path not in explained]
    # Nor does a web address its field's own check refused (url_problem): one mistake, one message, which
    # names what is wrong with the address rather than the pattern it missed.
    explained |= {p.path for p in in_fields if is_url_field(p.path.rsplit(".", 1)[-1])}
    if schema is not None:
        found = validate_changed(doc, schema, checked) if checked else validate(doc, schema)
        problems += [p for p in found if p.path not in explained]
    problems += _unsafe_text(doc, doc.data, (), memory, checked)
    problems += in_fields
    if not problems:  # a preview (`make serve`) reloads on every save: an unchanged file is not read again
        memory.unchanged[label] = (raw, doc)
    return (None if problems else doc), problems + split_list_problems(doc, raw)


# Only a text holding one of these can hold a link or an image; one search finds out.
_LINK_OR_IMAGE = re.compile(r"[:(<!\[\]]")


def _unsafe_text(doc: Document, node: Any, path: tuple[str | int, ...], memory: Memory,
                 checked: set[int] | frozenset[int] = frozenset()) -> list[Problem]:
    """Links and images in any text field, refused where they could harm or track a reader."""
    problems: list[Problem] = []
    _unsafe_in(doc, node, path, memory, checked, problems)
    return problems


def _unsafe_in(doc: Document, value: Any, at: tuple[str | int, ...], memory: Memory,
               checked: set[int] | frozenset[int], problems: list[Problem]) -> None:
    """``_unsafe_text``'s walk, in the order of the file: recursive, as hub files nest at most MAX_DEPTH deep.

    At 100x the data there are a hundred thousand texts, nearly all without a link: each is settled in the
    loop, with no path made for it and no call."""
    if isinstance(value, dict):
        children: Any = value.items()
    elif isinstance(value, list):
        children = ((index, item) for index, item in enumerate(value) if id(item) not in checked)
    else:
        if isinstance(value, str) and value not in memory.safe_text and _LINK_OR_IMAGE.search(value):
            problems += _text_problems(doc, at, value, memory)
        return
    for key, item in children:
        if item.__class__ is str:
            if item not in memory.safe_text and _LINK_OR_IMAGE.search(item):
                problems += _text_problems(doc, (*at, key), item, memory)
        elif isinstance(item, (dict, list, str)):
            _unsafe_in(doc, item, (*at, key), memory, checked, problems)


def _text_problems(doc: Document, path: tuple[str | int, ...], text: str, memory: Memory) -> list[Problem]:
    problems = []
    if message := image_problem(text):
        at = image_offset(text)
        problems.append(doc.problem(path, message, found=text[at:at + 80], hint="Remove the image.", offset=at))
    for target, at in link_targets_at(text):
        if message := link_problem(target):
            problems.append(doc.problem(path, message, expected="an https://, http://, mailto: or tel: link",
                                        found=target[:80], hint="Change or remove the link.", offset=at))
    if not problems:  # an edited file is read again on every save; all but the edited text were checked before
        memory.remember_safe(text)
    return problems


def data_paths(data: Path) -> list[Path]:
    """Every file ``read_documents`` reads from a data/ folder that holds it, in the order it reads them."""
    return [data / name for name in DATA_FILES.values() if (data / name).exists()] + progress_paths(data)


def progress_paths(data: Path) -> list[Path]:
    """The year files in data/progress/, in order. Any case: a file named 2025-26.YML is read, not left out."""
    found = (data / PROGRESS_DIR).iterdir() if (data / PROGRESS_DIR).is_dir() else ()
    return sorted(p for p in found if p.suffix.lower() in (".yml", ".yaml"))


def read_documents(root: Path, today: date | None = None, memory: Memory | None = None) -> tuple[
        dict[str, Document], list[Document], list[Problem]]:
    """Every data file read and checked against its schema, with all problems found.

    ``today`` (the build date) turns on the checks that depend on it, such as a closed
    opportunity that has long said nothing of what happened. ``memory``: see memory.py."""
    memory = memory or Memory()
    data = root / "data"
    docs: dict[str, Document] = {}
    problems: list[Problem] = symlink_problems(root)
    for name, filename in DATA_FILES.items():
        if name in OPTIONAL_FILES and not (data / filename).exists():
            continue
        doc, found = _read(data / filename, f"data/{filename}", name, memory)
        problems += found
        if doc is not None:
            docs[name] = doc
    if "organisation" in docs:  # brand colours must be readable before they colour every page
        problems += brand_problems(docs["organisation"]) + language_problems(docs["organisation"])
        problems += logo_problems(docs["organisation"], data)
        problems += review_problems(docs["organisation"])
    years = []
    for path in progress_paths(data):
        doc, found = _read(path, f"data/{PROGRESS_DIR}/{path.name}", "progress", memory)
        problems += found
        if doc is not None:
            years.append(doc)
    if not [p for p in problems if p.severity == "error"]:
        problems += check_references(docs, years)
        problems += op.channel_problems(docs["channels"])
        if "opportunities" in docs:
            problems += op.opportunity_problems(
                docs["opportunities"], goal_ids={g["id"] for g in docs["strategy"].data["goals"]},
                channel_ids={c["id"] for c in docs["channels"].data["channels"]},
                year_labels={y.data["year"] for y in years}, today=today)
    if not [p for p in problems if p.severity == "error"]:  # dates that cannot be true (history.py)
        problems += date_problems(docs, years, today or build_date())
    return docs, years, problems


def check(root: Path, today: date | None = None, memory: Memory | None = None) -> tuple[m.Hub | None, list[Problem]]:
    """Load the data, returning the Hub (or None) and every problem found (for the build date ``today``).

    ``memory`` is what a preview kept from its last load (see memory.py); without it nothing is reused.
    """
    hub, _, _, problems = checked_documents(root, today, memory)
    return hub, problems


def checked_documents(root: Path, today: date | None = None, memory: Memory | None = None
                      ) -> tuple[m.Hub | None, dict[str, Document], list[Document], list[Problem]]:
    """As ``check``, with the documents too, for checks that name lines (published years, record.py)."""
    memory = memory or Memory()
    # Reading makes hundreds of thousands of small objects and no cycles: see collector.
    with collector.paused():
        docs, years, problems = read_documents(Path(root), today, memory)
        if not [p for p in problems if p.severity == "error"]:  # translations are checked against valid English
            problems += language_texts(Path(root), docs, years, memory)[1]
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            return None, docs, years, sorted(problems)
        return build_hub(docs, years, memory), docs, years, sorted(problems)


def language_texts(root: Path, docs: dict[str, Document], years: list[Document], memory: Memory | None = None
                   ) -> tuple[list[LanguageText], list[Problem]]:
    """Each language's translations (data/translations/, locale/), checked against the valid English data."""
    memory = memory or Memory()
    return read_languages(root, docs, years, lambda path, label: _read(path, label, None, memory))


def load_checked(root: Path, *, include_drafts: bool = False,
                 today: date | None = None, memory: Memory | None = None) -> tuple[m.Hub, list[Problem]]:
    """The Hub for a site build and any warnings; raises DataError listing every error."""
    hub, problems = check(root, today, memory)
    if hub is None:
        raise DataError(problems)
    if not include_drafts:
        hub = without_drafts(hub)
    return hub, problems


def load_language(root: Path, code: str = SOURCE, *, include_drafts: bool = False, today: date | None = None,
                  memory: Memory | None = None) -> tuple[m.Hub, list[Problem], tuple[Language, ...], LanguageText | None]:
    """As ``load_checked``, in the language ``code``: the Hub with its text translated (English where it is
    not), the warnings, every language of the site (English first), and the language's translations."""
    hub, docs, years, problems = checked_documents(root, today, memory)
    if hub is None:
        raise DataError(problems)
    texts = language_texts(Path(root), docs, years)[0]
    every = (ENGLISH, *(text.language for text in texts))
    text = next((t for t in texts if t.language.code == code), None)
    if code != SOURCE:
        if text is None:
            raise DataError([docs["organisation"].problem(
                ("languages",), f"The site was asked for in '{code}', a language this file does not list.",
                expected="one of: " + ", ".join(language.code for language in every),
                hint=f"Add '- code: {code}' under languages:, or build one of the languages listed.")])
        hub = build_hub(*documents_in(text, docs, years))  # a memory of its own: these are other objects
    if not include_drafts:
        hub = without_drafts(hub)
    return hub, problems, every, text


def load(root: Path, *, include_drafts: bool = False) -> m.Hub:
    """The Hub for a site build; raises DataError listing every problem."""
    return load_checked(root, include_drafts=include_drafts)[0]


_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def newest_date(hub: m.Hub, memory: Memory | None = None) -> str:
    """The latest date written anywhere in the data, as YYYY-MM-DD (or '' if there is none).

    A site built from the same data should be the same site whenever it is
    built, so dates the engine would take from the clock (the sitemap's) can
    come from here instead.
    """
    rest = [getattr(hub, f.name) for f in dataclasses.fields(hub) if f.name not in _RECORD_LISTS]
    newest = _newest(rest)
    # A preview reloads on every save: pledges and channels that did not change are the very same
    # objects as last time (see _kept), and their newest dates are remembered.
    memory = memory or Memory()
    before, now = memory.newest, {}
    for name in _RECORD_LISTS:
        for record in getattr(hub, name):
            kept = before.get(id(record))
            if kept is None or kept[0] is not record:
                kept = (record, _newest([record]))
            now[id(record)] = kept
            newest = max(newest, kept[1])
    memory.newest = now
    return newest


_RECORD_LISTS = ("pledges", "channels")


def _newest(todo: list[Any]) -> str:
    newest = ""
    while todo:  # a loop, not recursion: a preview runs this on every save
        node = todo.pop()
        kind = type(node)
        if isinstance(node, str):
            if len(node) == 10 and node > newest and _DATE.match(node):
                newest = node
        elif isinstance(node, date):  # an opportunity's days are read into dates (see opportunities.parse_when)
            newest = max(newest, node.isoformat())
        elif isinstance(node, (tuple, list)):
            todo.extend(node)
        elif isinstance(node, dict):
            todo.extend(node.values())
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            todo.extend(getattr(node, name) for name in _field_names(kind))
    return newest


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per type (they never change)."""
    return tuple(f.name for f in dataclasses.fields(kind))


def without_drafts(hub: m.Hub) -> m.Hub:
    """The public build leaves draft years out so a board can review them first."""
    return dataclasses.replace(hub, years=tuple(y for y in hub.years if y.status != "draft"))


def _t(items: Any) -> tuple[str, ...]:
    return tuple(items or ())


def build_hub(docs: dict[str, Document], years: list[Document], memory: Memory | None = None) -> m.Hub:
    """Typed objects from documents that passed every check."""
    memory = memory or Memory()
    o = docs["organisation"].data
    c = o["contact"]
    helpline = c.get("helpline", {})
    words = {k: v for k, v in o.get("words", {}).items() if k in _WORDS}
    organisation = m.Organisation(
        name=o["name"], short_name=o["short_name"], purpose=o["purpose"], strapline=o["strapline"],
        about=o.get("about", ""), site_url=o.get("site_url", ""),
        contact=m.Contact(email=c["email"], phone=c.get("phone", ""), address=_t(c.get("address")), team=c.get("team", ""),
                          helpline_name=helpline.get("name", ""), helpline_phone=helpline.get("phone", ""),
                          helpline_hours=helpline.get("hours", ""), feedback_url=c.get("feedback_url", "")),
        licence_name=o["licence"]["name"], licence_url=o["licence"]["url"],
        year_start_month=o.get("reporting_year", {}).get("starts_month", 4),
        brand=m.Brand(**o["brand"]) if "brand" in o else m.Brand(), words=m.Words(**words),
        logo_file=o.get("logo", {}).get("file", ""), logo_alt=o.get("logo", {}).get("alt", ""),
        favicon_file=o.get("favicon", ""),
        last_reviewed=o.get("content_review", {}).get("last_reviewed", ""),
        next_review_due=o.get("content_review", {}).get("next_review_due", ""),
    )
    # Every field of a value is text, where == means the same words: an equal value from the last load is safe.
    values = _kept(memory, "values", (
        m.Value(id=v["id"], name=v["name"], family=v["family"], summary=v["summary"], description=v["description"],
                what_you_can_expect=_t(v["what_you_can_expect"]), source_title=v["source"]["title"],
                source_url=v["source"].get("url", ""))
        for v in docs["values"].data["values"]))
    strategy = _from_document(memory, docs["strategy"], _strategy)
    pledges = _kept(memory, "pledges", _made(memory, "pledges", docs["pledges"].data["pledges"] if "pledges" in docs
                                             else (), _pledge))
    channels = _kept(memory, "channels", (
        m.Channel(id=x["id"], name=x["name"], kind=x["kind"], description=x["description"], reaches=x["reaches"],
                  url=x.get("url", ""), join=m.Join(**x["join"]) if "join" in x else None,
                  involves=x.get("involves", ""), support=_t(x.get("support")))
        for x in docs["channels"].data["channels"]))
    i = docs["involvement"].data if "involvement" in docs else {}
    pp = i.get("patient_partner")
    involvement = m.Involvement(
        patient_partner=m.PatientPartner(
            summary=pp["summary"], responsibilities=_t(pp["responsibilities"]),
            person_specification=tuple(m.SpecSection(heading=x["heading"], items=_t(x["items"]))
                                       for x in pp["person_specification"]),
            our_commitments=_t(pp["our_commitments"]), recognition=_t(pp["recognition"])) if pp else None,
        representation=tuple(m.Seat(id=x["id"], committee=x["committee"], organisation=x["organisation"],
                                    role=x["role"], description=x.get("description", ""))
                             for x in i["representation"]) if "representation" in i else None,
        introduction=i.get("introduction", ""), raise_an_issue=i.get("raise_an_issue", ""))
    a = docs["accessibility"].data
    accessibility = m.AccessibilityStatement(
        standard=a["standard"], compliance=a["compliance"], prepared=a["prepared"], last_reviewed=a["last_reviewed"],
        last_tested=a["last_tested"], tested_by=a["tested_by"], how_tested=a["how_tested"],
        formats_contact_days=a["formats_contact_days"],
        known_issues=tuple(m.KnownIssue(**k) for k in a["known_issues"]),
        disproportionate_burden=_t(a.get("disproportionate_burden")), outside_scope=_t(a.get("outside_scope")),
        kind=a.get("statement", "public-sector"))
    return m.Hub(
        organisation=organisation, values=values, strategy=strategy, pledges=pledges, channels=channels,
        channels_introduction=docs["channels"].data.get("introduction", ""),
        pledges_introduction=docs["pledges"].data.get("introduction", "") if "pledges" in docs else "",
        has_pledges="pledges" in docs,
        members=tuple(m.Member(id=x["id"], name=x["name"], kind=x["kind"], joined=x["joined"], url=x.get("url", ""))
                      for x in docs["members"].data["members"]) if "members" in docs else None,
        members_introduction=docs["members"].data.get("introduction", "") if "members" in docs else "",
        channel_kinds=_kinds(docs["channels"].data.get("kinds")) or m.DEFAULT_CHANNEL_KINDS,
        maker_kinds=(_kinds(docs["pledges"].data.get("maker_kinds")) if "pledges" in docs else ()) or m.DEFAULT_MAKER_KINDS,
        values_introduction=docs["values"].data.get("introduction", ""),
        involvement=involvement, accessibility=accessibility,
        opportunities=tuple(op.build(x) for x in docs["opportunities"].data["opportunities"])
        if "opportunities" in docs else (),
        opportunities_introduction=docs["opportunities"].data.get("introduction", "") if "opportunities" in docs else "",
        years=tuple(sorted((_from_document(memory, doc, _year) for doc in years), key=lambda y: y.label)))


_WORDS = {f.name for f in dataclasses.fields(m.Words)}


def _kinds(items: list[dict[str, str]] | None) -> tuple[m.Kind, ...]:
    return tuple(m.Kind(id=k["id"], name=k["name"], description=k["description"]) for k in items or ())


def _kept(memory: Memory, kind: str, items: Iterator[Any]) -> tuple[Any, ...]:
    """The items, each replaced by an equal one from the last load where there is one.

    A preview reloads on every save, and the pages it compares (HubSite.changed_pages) hold
    lists of thousands of pledges: with the unchanged ones the very same objects as before,
    comparing two lists is a glance, not a field-by-field read.
    """
    before = memory.kept.get(kind, {})
    now: dict[Any, Any] = {}
    kept = tuple(now.setdefault(item, before.get(item, item)) for item in items)
    memory.kept[kind] = now
    return kept


def _made(memory: Memory, kind: str, records: list[dict[str, Any]], make: Callable[[dict[str, Any]], Any]
          ) -> Iterator[Any]:
    """What ``make`` makes of each record: last load's very object for a record carried over unchanged.

    An edited file is read again record by record (reread.py), and the records it did not touch are the
    very same objects as last time; on a preview's save, thousands of pledges are not made again."""
    before = memory.made_from.get(kind, {})
    now: dict[int, tuple[dict[str, Any], Any]] = {}
    for record in records:
        kept = before.get(id(record))
        if kept is None or kept[0] is not record:
            kept = (record, make(record))
        now[id(record)] = kept
        yield kept[1]
    memory.made_from[kind] = now


def _pledge(p: dict[str, Any]) -> m.Pledge:
    return m.Pledge.with_history(pledge_history(p), id=p["id"], text=p["text"], made_by=p["made_by"]["name"],
                                 made_by_kind=p["made_by"]["kind"], date=p["date"], value_ids=_t(p["values"]),
                                 goal_id=p.get("goal", ""), member_id=p["made_by"].get("member", ""))


def pledge_history(p: dict[str, Any]) -> tuple[m.PledgeUpdate, ...]:
    """A pledge's dated history: its list of updates, or the older single update with the pledge's status.

    Checks (history.py) have made sure the two forms agree and every status other than 'made' has a date.
    """
    if "updates" in p:
        return tuple(m.PledgeUpdate(u["date"], u["status"], u["text"]) for u in p["updates"])
    if "update" in p:
        return (m.PledgeUpdate(p["update"]["date"], p.get("status", "made"), p["update"]["text"]),)
    return ()


def _strategy(doc: Document) -> m.Strategy:
    s = doc.data
    goals = tuple(sorted((
        m.Goal(id=g["id"], number=g["number"], title=g["title"], summary=g["summary"], description=g["description"],
               patients_told_us=_t(g.get("patients_told_us")), commitments=_t(g["commitments"]),
               value_ids=_t(g["values"]), measures_listed="measures" in g,
               measures=tuple(m.Measure(id=x["id"], name=x["name"], unit=x["unit"], baseline=x["baseline"]["value"],
                                        baseline_year=str(x["baseline"]["year"]), target=x["target"]["value"],
                                        target_year=str(x["target"]["year"]), better=x["better"], notes=x.get("notes", ""))
                              for x in g.get("measures", ())))
        for g in s["goals"]), key=lambda goal: goal.number))
    return m.Strategy(title=s["title"], start=s["period"]["start"], end=s["period"].get("end"),
                      introduction=s["introduction"], how_developed=s["how_developed"],
                      developed_with=_t(s["developed_with"]), goals=goals,
                      parent_strategy=s.get("parent_strategy", ""), why_it_matters=s.get("why_it_matters", ""),
                      delivery=s.get("delivery", ""), review=s.get("review", ""),
                      statuses=_statuses(s.get("statuses", {})))


def _from_document(memory: Memory, doc: Document, build: Callable[[Document], Any]) -> Any:
    """What ``build`` makes of a document: last load's very object when the document is the same one (an
    unchanged file is read once, memory.unchanged), so a preview compares the strategy and each year's report
    at a glance, not field by field, on every page that shows them (sameness.same)."""
    kept = memory.built.get(doc.file)
    if kept is None or kept[0] is not doc:
        kept = memory.built[doc.file] = (doc, build(doc))
    return kept[1]


def _year(doc: Document) -> m.Year:
    y = doc.data
    figures = y.get("involvement")
    return m.Year(
        label=str(y["year"]), slug=str(y["year"]).replace("/", "-"), status=y["status"], summary=y["summary"],
        reviewed_by_board=y.get("reviewed_by_board", ""), reviewed_by=y.get("reviewed_by", ""),
        corrections=tuple(m.Correction(date=c["date"], what=c["what"], why=c["why"])
                          for c in y.get("corrections", [])),
        board_paper=m.BoardPaper(**{**paper, "date": paper.get("date") or y.get("reviewed_by_board", "")})
        if (paper := y.get("board_paper")) else None,
        goals=tuple(m.GoalProgress(goal_id=g["goal"], status=g["status"], narrative=g["narrative"],
                                   measures=dict(g.get("measures", {})), highlights=_t(g.get("highlights")))
                    for g in y["goals"]),
        you_said_we_did=tuple(m.Feedback(you_said=f["you_said"], we_did=f["we_did"], goal_id=f.get("goal", ""))
                              for f in y.get("you_said_we_did", [])),
        figures=m.Figures(people_involved=figures["people_involved"], activities=figures["activities"],
                          communities=tuple(m.Community(name=c["community"], people=c["people"],
                                                        under_represented=c.get("under_represented", False))
                                            for c in figures.get("communities_reached", [])))
        if figures else None)


def _statuses(given: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    """Each goal status's word and meaning: the data's where it gives them, the hub's defaults otherwise."""
    return tuple((key, given.get(key, {}).get("label", word), given.get(key, {}).get("meaning", m.STATUS_MEANINGS[key]))
                 for key, word in m.STATUS_WORDS.items())
