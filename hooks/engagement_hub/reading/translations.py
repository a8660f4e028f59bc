"""Translations of the data: data/translations/CODE.yml, one file per language, checked and applied.

A translation file follows the English files' shape, with each record named by its id:

    reviewed: false          # not checked by a native speaker (the default for every entry below)
    machine: true            # translated by machine (the default for every entry below)
    strategy.yml:
      goals:
        build-a-culture-of-involvement:
          title:
            text: Meithrin diwylliant o gynnwys
            english: Build a culture of involvement

``text`` is the translation; ``english`` is a copy of the English it was made from, so the check
can tell when the English has changed since (the translation is then *stale*). An entry may say
``reviewed:`` and ``machine:`` for itself. Only text is translated (translatable.py): an id, number,
date or link written here is refused, as is a file, record or field the English does not have.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from typing import Any

from .problems import Problem
from .source import Document
from .translatable import Key, Level, Unit, units

FOLDER = "translations"
ENTRY_FIELDS = ("text", "english", "reviewed", "machine")
SETTINGS = ("reviewed", "machine")
_FIXED_HINT = "Delete it: ids, numbers, dates, links and the words the hub reads as codes are never translated."


@dataclass(frozen=True)
class Entry:
    """One translated text, as the translation file gives it."""

    text: str | tuple[str, ...]
    english: str | tuple[str, ...]
    reviewed: bool
    machine: bool
    stale: bool
    """The English has changed since this was translated."""


@dataclass(frozen=True)
class Translation:
    """A language's translations of the data, by file and key (only entries that passed every check)."""

    code: str
    entries: dict[tuple[str, Key], Entry]
    reviewed: bool
    """The file's default: False unless a native speaker has checked it."""
    machine: bool


class InEnglish(str):
    """A text with no translation (or a stale one), shown in English: templates mark it lang="en"."""

    lang = "en"


class Translated(str):
    """A translated text; ``reviewed`` says whether a native speaker has checked it."""

    reviewed: bool = False
    machine: bool = False

    def __new__(cls, text: str, entry: Entry) -> Translated:
        made = super().__new__(cls, text)
        made.reviewed, made.machine = entry.reviewed, entry.machine
        return made


def _same(a: Any, b: Any) -> bool:
    """The English as copied, ignoring how lines were wrapped and spaces at the ends."""
    if isinstance(a, str) and isinstance(b, str):
        return a.split() == b.split()
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return False


def _unknown(doc: Document, path: tuple[str, ...], name: str, known: list[str], what: str) -> Problem:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"Did you mean '{close[0]}'?" if close else "Check the spelling against the English file, or delete it."
    shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
    return doc.problem(path, f"The English has no {what} '{name}' here.", expected=f"one of: {shown}" if known
                       else "nothing here", found=name, hint=hint)


def _is_text(value: Any, like: str | tuple[str, ...]) -> bool:
    if isinstance(like, str):
        return isinstance(value, str) and bool(value.strip())
    return isinstance(value, list) and bool(value) and all(isinstance(x, str) and x.strip() for x in value)


def _entry(doc: Document, path: tuple[str, ...], value: Any, unit: Unit, defaults: tuple[bool, bool],
           problems: list[Problem]) -> Entry | None:
    shape = "a text" if isinstance(unit.english, str) else "a list of texts, one '- ' line each"
    if not isinstance(value, dict):
        problems.append(doc.problem(path, "A translation is written as a block with 'text:' and 'english:' lines.",
                                    expected=f"text: (the translation, {shape}) and english: (the English it translates)",
                                    hint="Put the translation under 'text:', and a copy of the English under "
                                         "'english:', each indented two spaces more than this line."))
        return None
    found = len(problems)
    for name in value:
        if name not in ENTRY_FIELDS:
            problems.append(_unknown(doc, (*path, name), name, list(ENTRY_FIELDS), "translation field"))
    for name in ("text", "english"):
        if name not in value:
            problems.append(doc.problem(path, f"The translation has no '{name}:' line.", expected=f"'{name}:' with {shape}",
                                        hint="Add the translation under 'text:'" if name == "text" else
                                        "Copy the English you translated under 'english:', so the check can tell "
                                        "when the English changes."))
        elif not _is_text(value[name], unit.english):
            problems.append(doc.problem((*path, name), f"'{name}' is not {shape}.", expected=shape,
                                        hint="Write the text after the colon, or a '- ' line for each item, "
                                             "as the English file does."))
    for name in SETTINGS:
        if name in value and not isinstance(value[name], bool):
            problems.append(doc.problem((*path, name), f"'{name}' must be true or false.", expected="true or false",
                                        found=str(value[name])[:40], hint=f"Write '{name}: true' or '{name}: false'."))
    if len(problems) > found:
        return None
    text = value["text"] if isinstance(value["text"], str) else tuple(value["text"])
    english = value["english"] if isinstance(value["english"], str) else tuple(value["english"])
    stale = not _same(english, unit.english)
    if stale:
        problems.append(doc.problem(
            (*path, "english"), "The English has changed since this was translated.",
            expected=_short(unit.english), found=_short(english), severity="warning",
            # Often seen by whoever edited the English, who may not write this language: say that nothing breaks.
            hint="Nothing else needs to change now: until the translation is updated, this language's pages show the "
                 "new English here, marked as English. Whoever translates for you then changes 'text:' to match the "
                 f"English now in data/{unit.file}, and copies that English into 'english:'."))
    return Entry(text=text, english=english, reviewed=value.get("reviewed", defaults[0]),
                 machine=value.get("machine", defaults[1]), stale=stale)


def _short(text: str | tuple[str, ...]) -> str:
    flat = " ".join(text.split()) if isinstance(text, str) else " / ".join(" ".join(x.split()) for x in text)
    return flat if len(flat) <= 100 else flat[:97] + "..."


def _walk(doc: Document, node: dict[str, Any], path: tuple[str, ...], level: Level, file: str,
          defaults: tuple[bool, bool], entries: dict[tuple[str, Key], Entry], problems: list[Problem]) -> None:
    for name, value in node.items():
        here = (*path, name)
        child = level.children.get(name)
        if child is None:
            if name in level.fixed:
                problems.append(doc.problem(here, f"'{name}' is not text to translate: it is the same in every "
                                                  "language.", found=name, hint=_FIXED_HINT))
            else:
                problems.append(_unknown(doc, here, name, list(level.children), "field or record"))
        elif isinstance(child, Unit):
            if (entry := _entry(doc, here, value, child, defaults, problems)) is not None:
                entries[(file, child.key)] = entry
        elif not isinstance(value, dict):
            problems.append(doc.problem(here, f"'{name}' holds fields to translate, each on its own lines below it.",
                                        expected="the names of fields or records, indented under this line",
                                        found=str(value)[:40],
                                        hint="Indent the translations under this line, named as in the English file."))
        else:
            _walk(doc, value, here, child, file, defaults, entries, problems)


def read_translation(doc: Document, code: str, files: dict[str, Level]) -> tuple[Translation, list[Problem]]:
    """Check a language's translation file against the English (``files``: each file's translatable text)."""
    problems: list[Problem] = []
    data = doc.data if isinstance(doc.data, dict) else {}
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "A translation file is a list of the English files it translates.",
                                    expected="lines such as 'strategy.yml:' with the translations under them",
                                    hint="See the example in data/translations/ and the editors' guide."))
    for name in SETTINGS:
        if name in data and not isinstance(data[name], bool):
            problems.append(doc.problem((name,), f"'{name}' must be true or false.", expected="true or false",
                                        found=str(data[name])[:40], hint=f"Write '{name}: true' or '{name}: false'."))
    defaults = (data.get("reviewed") is True, data.get("machine") is True)
    entries: dict[tuple[str, Key], Entry] = {}
    for name, value in data.items():
        if name in SETTINGS:
            continue
        if name not in files:
            problems.append(_unknown(doc, (name,), name, sorted(files), "data file"))
        elif not isinstance(value, dict):
            problems.append(doc.problem((name,), "The translations of a file are written under its name, indented.",
                                        expected="fields of the English file, indented under this line",
                                        hint="Indent the translations under this line."))
        else:
            _walk(doc, value, (name,), files[name], name, defaults, entries, problems)
    return Translation(code=code, entries=entries, reviewed=defaults[0], machine=defaults[1]), problems


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def translated_data(data: Any, level: Level, file: str, translation: Translation) -> Any:
    """A copy of one English file's data with each text translated, or marked InEnglish where it is not."""
    out = copy.deepcopy(data)
    for unit in units(level):
        entry = translation.entries.get((file, unit.key))
        if entry is None or entry.stale:
            value: Any = InEnglish(unit.english) if isinstance(unit.english, str) else [
                InEnglish(x) for x in unit.english]
        elif isinstance(entry.text, str):
            value = Translated(entry.text, entry)
        else:
            value = [Translated(x, entry) for x in entry.text]
        _set(out, unit.path, value)
    return out
