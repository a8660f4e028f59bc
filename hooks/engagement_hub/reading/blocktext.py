"""Texts written after | or >: finding the line whose indentation broke one, and saying so in plain words.

YAML ends such a text, silently, at the first line indented less than the text's first line. It then
fails on whatever it meets next, often a line or two further down, in words about keys and block ends
that do not say a text was involved; or, when the line happens to look like a field, it reads on without
complaint. This module looks at the lines themselves to find where the text really went wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# A line that starts a text after | or >: 'purpose: |', '  - text: >-', '- |'; a comment may follow.
_HEADER = re.compile(r"""^(?P<lead> *(?:- +)*)(?:(?P<key>[A-Za-z_][\w -]*?|'[^']*'|"[^"]*") *: +)?"""
                     r"""(?P<marker>[|>])[-+1-9]*[ ]*(?:#.*)?$""")
# Lines that may rightly follow a text, less indented than it: a field, a list item, a comment, a document mark.
_ENDS_TEXT = re.compile(r"""^ *(?:(?:- +)*(?:[A-Za-z_][\w-]*|'[^']*'|"[^"]*") *:(?: |$)|-(?: |$)|#|---|\.\.\.)""")
# A field name alone on its line, or opening a text of its own ('about: |').
_SWALLOWED_FIELD = re.compile(r"^(?P<name>[a-z][a-z0-9_]*):(?P<marker> +[|>][-+1-9]*)? *$")


@dataclass(frozen=True)
class Header:
    """The line a text after | or > starts on."""

    line: int  # 0-based, as in the list of lines
    key: str | None  # None for a list item ('- |')
    marker: str  # | or >
    parent: int  # the text's lines must be indented more than this column (the field name's, or the dash's)

    def owner(self) -> str:
        return f"'{self.key}:'" if self.key else "the '-'"


@dataclass(frozen=True)
class BlockMistake:
    """A line that broke a text after | or >, with what to tell the author (lines 0-based)."""

    line: int
    column: int
    header: Header
    message: str
    hint: str


def header_at(lines: list[str], index: int) -> Header | None:
    match = _HEADER.match(lines[index])
    if not match:
        return None
    lead, key = match.group("lead"), match.group("key")
    if key:
        parent = len(lead)
    elif "-" in lead:
        parent = lead.rstrip().rfind("-")
    else:
        return None  # a whole file that is one text: not a hub file
    return Header(index, key.strip("'\"") if key else None, match.group("marker"), parent)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def block_mistake(lines: list[str], error: int, number: Callable[[int], int] = lambda n: n) -> BlockMistake | None:
    """The line that ended the nearest text after | or > above line ``error`` (0-based) too early, if any.

    ``number`` turns a 0-based line into the line number the editor shows, for lines named in the words.
    Only the nearest text is looked at: YAML reads top to bottom and stops at the first thing it cannot read.
    """
    header = next((h for index in range(min(error, len(lines)) - 1, -1, -1)
                   if (h := header_at(lines, index)) is not None), None)
    if header is None:
        return None
    first, depth = -1, 0  # the text's first line that is not blank, which sets its indentation, and that
    for index in range(header.line + 1, min(error, len(lines) - 1) + 1):
        line = lines[index]
        if not line.strip():
            continue
        indent = _indent(line)
        if first < 0 and indent > header.parent:
            first, depth = index, indent
            continue
        if first >= 0 and indent >= depth:
            continue
        if indent <= header.parent:
            if _ENDS_TEXT.match(line):
                return None  # the text ended where it should; YAML's trouble is elsewhere
            return BlockMistake(
                index, indent + 1, header,
                f"Every line of a text written after {header.marker} must be indented more than "
                f"{header.owner()} on line {number(header.line + 1)}. This line is not, so YAML does not "
                "read it as part of the text.",
                f"Start this line, and every line of the text, {header.parent + 2} spaces in: two more than "
                f"{header.owner()}.")
        return BlockMistake(
            index, indent + 1, header,
            f"Every line of a text written after {header.marker} must be indented at least as far as the "
            f"text's first line (line {number(first + 1)}). This line is indented less, so YAML cannot tell "
            "where the text ends.",
            f"Start this line {depth} spaces in, lined up with line {number(first + 1)}.")
    return None


def enclosing_header(lines: list[str], index: int) -> Header | None:
    """The text after | or > that line ``index`` (0-based) would belong to, judging by the lines above it."""
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if (header := header_at(lines, above)) is not None:
            inside = all(not lines[i].strip() or _indent(lines[i]) > header.parent
                         for i in range(above + 1, index))
            return header if inside else None
        if line.strip() and _ENDS_TEXT.match(line) and not line.startswith(" "):
            return None  # a field at the left edge: whatever is above it is finished
    return None


def swallowed_fields(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """Lines (0-based) of the text between lines ``start`` and ``end`` that can only be a field.

    'about: |' indented like the text above it is read by YAML as more of that text, silently: the field,
    and its own text, vanish into the one above. Only what is never a sentence counts: a name opening a
    text of its own, a name with an underscore ('patients_told_us:'), or a name alone with more indented
    lines under it. 'including:' alone, before a list at its own indentation, is prose.
    """
    body = [i for i in range(start + 1, min(end, len(lines) - 1) + 1) if lines[i].strip()]
    if not body:
        return []
    indent = _indent(lines[body[0]])
    found = []
    for place, i in enumerate(body):
        match = _SWALLOWED_FIELD.match(lines[i][indent:]) if _indent(lines[i]) == indent else None
        if match is None:
            continue
        nested = place + 1 < len(body) and _indent(lines[body[place + 1]]) > indent
        if match.group("marker") or "_" in match.group("name") or nested:
            found.append((i, match.group("name")))
    return found
