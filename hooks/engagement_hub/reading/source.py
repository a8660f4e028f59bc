"""Read one YAML file into plain data, remembering where every field is.

PyYAML alone loses line numbers once data is built, and it quietly gets
several things wrong for people who are not programmers: it keeps the last
of two duplicate keys, turns ``yes`` into ``True`` and ``9:30`` into 570,
and expands alias bombs without limit. This module walks the composed node
tree itself so each of those becomes a problem with a line number.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .blocktext import block_mistake, enclosing_header, swallowed_fields
from .hiddenbreaks import HIDDEN_BREAK, hidden_breaks
from .hiddenbreaks import LINE_KEY as _LINE_KEY  # the key a line sets, to name a line that cannot be parsed
from .problems import Path, Problem, field_path

try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5_000_000
MAX_DEPTH = 20  # hub files nest six deep at most
_QUOTES = ("'", '"')
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_YAML_TAG = "tag:yaml.org,2002:"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_TAG_WORDS = {"!!null": "empty value", "!!bool": "yes or no", "!!int": "whole number", "!!float": "number"}
_SCALAR = yaml.ScalarNode
_FIELD_LINE = re.compile(r"^\s*(- )?[A-Za-z_][\w-]*:(\s|$)")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")


# PyYAML's own table of what a plain value may mean (null, bool, int, float, timestamp, merge...), by its first
# character. Every other plain value is text, which is what nearly every value in hub data is.
_IMPLICIT = _Loader.yaml_implicit_resolvers


class _FastLoader(_Loader):
    """PyYAML's loader with a cheaper resolver, which gives every node the tag PyYAML's would.

    PyYAML's resolver is Python called for every node; it was the largest single cost of reading
    100x data. Hub data has no path resolvers and PyYAML no wildcard ones (``_CHEAP`` below), so a
    node's tag depends only on its kind and, for a plain value, on the regexps PyYAML files under the
    value's first character: the same regexps are tried here in the same order, and the rest skipped.
    """

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0] and value[:1] in _IMPLICIT:  # type: ignore[index]
                for tag, regexp in _IMPLICIT[value[:1]]:  # type: ignore[index]
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    # Only path resolvers, which hub data does not use, need to know where a node is.
    def descend_resolver(self, current_node: yaml.Node | None, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_CHEAP = not _Loader.yaml_path_resolvers and None not in _IMPLICIT
_Reader = _FastLoader if _CHEAP else _Loader


# YAML ends a line at each of these (and at a lone carriage return); an editor such as GitHub's counts
# only line feeds, so a problem reported by YAML's count would point below the mistake.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """The text's lines as YAML counts them (``str.splitlines`` also splits at characters YAML refuses)."""
    # Nearly every file ends lines with line feeds alone, and str.split is many times faster than a regexp.
    lines = _YAML_BREAK.split(text) if _has_yaml_only_break(text) else text.split("\n")
    return lines[:-1] if lines and not lines[-1] else lines


def _has_yaml_only_break(text: str) -> bool:
    """Whether YAML ends a line anywhere other than at a line feed (each ``in`` is a fast scan, unlike a regexp)."""
    return "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text


class EditorLines:
    """Turns a line and column as YAML counts them into the line and column an editor shows."""

    def __init__(self, text: str) -> None:
        self.starts: list[tuple[int, int]] = [(1, 0)]  # for each YAML line: its editor line, and column before it
        line, line_start = 1, 0
        for match in _YAML_BREAK.finditer(text):
            end = match.end()
            if "\n" in match.group():
                line, line_start = line + 1, end
            self.starts.append((line, end - line_start))

    @staticmethod
    def needed(text: str) -> bool:
        return _has_yaml_only_break(text) and HIDDEN_BREAK.search(text) is not None

    def position(self, line: int, column: int) -> tuple[int, int]:
        if not 1 <= line <= len(self.starts):
            return line, column
        editor_line, before = self.starts[line - 1]
        return editor_line, before + column


def editor_line(text: str, line: int) -> int:
    """A line as YAML counts it, numbered as the editor shows it, for a line named in a message's words.

    A problem's own line is translated once the file is read (``read_yaml``); a second line written
    into the message ("first on line 4") is text by then, so it must be translated when it is written.
    """
    return EditorLines(text).position(line, 1)[0] if EditorLines.needed(text) else line


@dataclass
class Document:
    """A YAML file's data, with the line and column of every field."""

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)
    flow: set[Path] = field(default_factory=set)
    """Mappings written inline in { }, where a comma in unquoted text starts a new field."""
    blocks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Texts written after '|': the line and column of their first line, which the text follows line by line."""
    editor: EditorLines | None = None
    """Set when YAML counts lines differently from an editor; positions above are as YAML counts them."""

    def where(self, path: Path, offset: int | None = None) -> tuple[int, int]:
        """The nearest known position for a field, walking up to its parent if needed.

        With an offset into a text written after '|', the line inside the text
        where that character is, so a bad link in a long paragraph is easy to find.
        """
        path = tuple(path)
        if offset is not None and path in self.blocks:
            value = self.data
            for part in path:
                value = value[part]
            before = value[:offset]
            line, column = self.blocks[path]
            last = before.rfind("\n")
            return self._editor((line + before.count("\n"), column + offset - (last + 1)))
        while path:
            if path in self.positions:
                return self._editor(self.positions[path])
            path = path[:-1]
        return self._editor(self.positions.get((), (1, 1)))

    def _editor(self, where: tuple[int, int]) -> tuple[int, int]:
        return self.editor.position(*where) if self.editor else where

    def problem(self, path: Path, message: str, *, expected: str = "", found: str = "",
                hint: str = "", severity: str = "error", offset: int | None = None) -> Problem:
        line, column = self.where(path, offset)
        return Problem(self.file, line, column, field_path(path), message, expected, found, hint, severity)


_QUOTE_ENDS_EARLY = re.compile(r"""(^|[\s{\[,:-])(["'])[^"'\n]*\2[^\s,\]}#\n]""")
_QUOTE_HINT = ("Put the whole text in double quotes. Inside double quotes write \\\" for a quote mark; "
               "inside single quotes write an apostrophe twice, as in 'It''s'.")


_SQUEEZED = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w-]*):(?!//)(\S.*)$")


def _no_space_after_colon(text: str, line: int) -> tuple[int, int, str, str] | None:
    """'name:Diversity' on the line of a syntax error or the one before: YAML needs 'name: Diversity'."""
    lines = yaml_lines(text)
    for number in (line, line - 1):
        if 0 < number <= len(lines) and (match := _SQUEEZED.match(lines[number - 1])):
            return number, len(match.group(1)) + 1, match.group(2), match.group(3).strip()
    return None


def _code_point(character: int | str) -> str:
    return f"U+{character if isinstance(character, int) else ord(character[:1] or chr(0)):04X}"


def _value_on(line_text: str) -> str:
    """The value part of a 'field: value' or '- value' line, as the author typed it."""
    stripped = line_text.strip()
    while stripped.startswith("- "):
        stripped = stripped[2:].lstrip()
    match = re.match(r"^[^'\"#\[\]{}]*?:\s+(.*)$", stripped)
    return match.group(1) if match else stripped


def _syntax_message(error: yaml.MarkedYAMLError, text: str) -> tuple[str, str]:
    """Turn PyYAML's parser words into what a comms officer can act on.

    PyYAML describes the parser's state ("while scanning a simple key"); the
    author needs to know which character on their line caused it, so the
    line itself is looked at for the usual causes.
    """
    words = f"{error.context or ''} {error.problem or ''}"
    mark = error.problem_mark
    lines = yaml_lines(text)
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    value = _value_on(line_text)
    first = value[:1]
    if "quoted scalar" in words:
        return ("A quote mark is opened but never closed.",
                "Add the closing quote mark (\" or ') at the end of the text.")
    if "alias" in words or (first == "*" and "undefined alias" not in words):
        return ("Text that starts with * is read by YAML as a reference to another part of the file.",
                f"Put the text in quotes: \"{value}\".")
    if "undefined alias" in words or "anchor" in words:
        return ("Text that starts with * or & is read by YAML as a reference to another part of the file.",
                f"Put the text in quotes: \"{value}\".")
    if "cannot start any token" in words and first in "@`%|>!&":
        return (f"Text cannot start with {first} unless it is in quotes.",
                f"Put the text in quotes: \"{value}\".")
    if _QUOTE_ENDS_EARLY.search(line_text) and ("flow" in words or "expected" in words):
        return ("A quote mark ends the text early: YAML reads from one quote mark to the next as the text, "
                "and more text follows it.", _QUOTE_HINT)
    if "block scalar" in words:
        return ("After | or > nothing may follow on the same line: the text starts on the next line.",
                "Move the text to the next line, indented two spaces more than the field name.")
    if "flow sequence" in words:
        return ("A list written in square brackets [ ] is not closed, or a comma or bracket is out of place.",
                "Check that every [ has a matching ] on the same line. If the text starts with [, put it in quotes.")
    if "flow mapping" in words:
        return ("A block written in curly brackets { } is not closed, or a comma or bracket is out of place.",
                "Check that every { has a matching }. Text containing a comma or colon needs quotes.")
    if "mapping values are not allowed" in words:
        return ("A colon (:) appears where YAML does not expect one.",
                "If the text contains a colon, put the whole text in quotes. Otherwise check the indentation.")
    if first in "\"'" and ("expected <block end>" in words or "did not find expected key" in words):
        return ("The text starts with a quote mark, so YAML expects it to end at the next quote mark, "
                "but more text follows it.", _QUOTE_HINT)
    if first in "[{" and ("expected <block end>" in words or "did not find expected key" in words):
        return (f"Text that starts with {first} is read by YAML as a list or block, not as text.",
                f"Put the text in quotes: \"{value}\".")
    if "block sequence" in words or "did not find expected '-'" in words:
        return ("The indentation is wrong: this line is not lined up with the list it belongs to.",
                "Start every item in a list with '- ' at the same indentation, and line up each item's "
                "fields with its first field.")
    if "expected <block end>" in words or "did not find expected key" in words or "expected ':'" in words:
        return ("The indentation is wrong, or a line is not a 'field: value' pair.",
                "Line each field up with the fields around it, using spaces (two per level).")
    if "found character" in words and "\\t" in words:
        return ("A tab character is used for indentation.", "Replace tabs with spaces.")
    if "mapping keys are not allowed" in words or first == "?":
        return ("A question mark followed by a space means something special to YAML.",
                f"Put the text in quotes: \"{value}\".")
    if "control characters are not allowed" in words or "special characters are not allowed" in words:
        return ("The line contains an invisible control character, often pasted in from another program.",
                "Delete the line and type it again.")
    return (f"YAML could not read this line ({words.strip()}).",
            "Compare the line with the examples in the editors' guide (content/guide/index.md); "
            "text with special characters needs quotes.")


class _Scan:
    """Read a file's YAML events once, before building anything.

    libyaml composes nodes recursively in C, so a file of a few hundred
    kilobytes of '[' can crash Python outright; events come one at a time, so
    counting depth here makes any file safe. Following the events also tells
    which field YAML was reading when it met a syntax error, which its own
    message does not say.
    """

    def __init__(self) -> None:
        self.frames: list[list[Any]] = []  # [is_mapping, last key or item index, expecting a key, is a field name]
        self.too_deep: tuple[int, int] | None = None
        self.runaway: tuple[int, int, int, Path] | None = None  # a quote that swallowed the lines after it
        self.fields: dict[int, Path] = {}  # each line's field or list item, by 0-based line, as far as read

    @property
    def path(self) -> Path:
        return tuple(frame[1] for frame in self.frames if frame[1] is not None and frame[1] != -1)

    def run(self, text: str) -> None:
        lines = yaml_lines(text)
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.ScalarEvent) and event.style in ("'", '"') and not self.runaway:
                self._check_runaway(event, lines)
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                if not self.frames.pop()[3]:  # after a list or block used as a field name comes its value
                    self._after_value()
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent,
                                    yaml.SequenceStartEvent)):
                top = self.frames[-1] if self.frames else None
                opens = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
                is_key = bool(top and top[0] and top[2])
                if is_key:  # a field name
                    top[1], top[2] = getattr(event, "value", None), False
                    self.fields[event.start_mark.line] = self.path  # '- id: |': the field, after its item
                    if not opens:
                        continue
                elif top and not top[0]:
                    top[1] += 1
                    self.fields[event.start_mark.line] = self.path
                if opens:
                    # A list or block as a field name is refused later, but it nests like any other.
                    self.frames.append([isinstance(event, yaml.MappingStartEvent), None if
                                        isinstance(event, yaml.MappingStartEvent) else -1, True, is_key])
                    if len(self.frames) > MAX_DEPTH:
                        self.too_deep = (event.start_mark.line + 1, event.start_mark.column + 1)
                        return
                else:
                    self._after_value()

    def _check_runaway(self, event: yaml.ScalarEvent, lines: list[str]) -> None:
        """A quoted text running over lines that look like fields was never closed where it should be."""
        first, last = event.start_mark.line, event.end_mark.line
        if last > first and any(_FIELD_LINE.match(line) for line in lines[first + 1: last + 1]):
            top = self.frames[-1] if self.frames else None
            path = self.path if not (top and top[0] and top[2]) else (*self.path, event.value)
            if top and not top[0]:
                path = (*self.path[:-1], top[1] + 1) if top[1] is not None else path
            self.runaway = (first + 1, event.start_mark.column + 1, last + 1, path)

    def _after_value(self) -> None:
        if self.frames and self.frames[-1][0]:
            self.frames[-1][2] = True


# Where a line's block collections may start: its indentation, then any '- ', '? ', ': ', '---',
# anchor or tag written before the first key or value (as in '- - id: x').
_LINE_PREFIX = re.compile(r"^ *(?:(?:-+|[?:]|[&!][^ \t\n]*)[ \t]+)*", re.MULTILINE)
# The same after each line feed: a regexp that starts with a plain character is searched for quickly,
# where '^' is tried at every character of the file.
_NEXT_LINE_PREFIX = re.compile(r"\n( *(?:(?:-+|[?:]|[&!][^ \t\n]*)[ \t]+)*)")
_PREFIX_PART = re.compile(r"[^ \t]+")
_FLOW_CHARS = re.compile(r"""[\[\]{}'"#]""")
LINE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # libyaml ends a line at each of these too


def depth_bound(text: str) -> int:
    """An upper bound on how deep the file's collections nest, from its raw text alone.

    Walking every YAML event to count depth (``_Scan``) costs as much as
    reading the file, and only a file near the limit needs it. Block
    collections nest by indentation: a nested one starts further right than
    its parent, or (a list under a field) at the same column, so at most two
    per column where a collection could start. Flow collections nest by
    brackets: every '[' or '{' that could open one counts, and a ']' or '}'
    takes one back only when nothing between them could be quoted text or a
    comment, where a bracket means nothing. Overcounting only costs time.
    """
    for mark in LINE_BREAKS:
        if mark in text:
            text = text.replace(mark, "\n")
    columns: set[int] = set()
    prefixes = set(_NEXT_LINE_PREFIX.findall(text))
    prefixes.add(_LINE_PREFIX.match(text).group())  # type: ignore[union-attr] # it matches the empty string
    for prefix in prefixes:
        columns.add(len(prefix))
        columns.update(part.start() for part in _PREFIX_PART.finditer(prefix))
    if "[" not in text and "{" not in text:  # no flow collection at all; most files (an apostrophe is a match below)
        return 2 * len(columns)
    depth = deepest = open_here = 0
    for match in _FLOW_CHARS.finditer(text):
        at = match.start()
        before = text[at - 1] if at else "\n"
        char = match.group()
        if char in "[{":
            if before in " \t\n[{,:?-":  # anywhere else it is plain text, or a syntax error is met first
                depth += 1
                open_here += 1
                deepest = max(deepest, depth)
        elif char in "]}":
            if open_here:
                depth -= 1
                open_here -= 1
        elif not before.isalnum():  # a quote or comment may start here: brackets after it may be text
            open_here = 0
    return 2 * len(columns) + deepest


def read_yaml(text_or_bytes: bytes | str, file: str) -> tuple[Document, list[Problem]]:
    """Parse YAML into a Document, collecting every reading problem instead of raising.

    Lines and columns are the editor's: YAML also ends lines at NEL (U+0085), the line and
    paragraph separators (U+2028, U+2029) and a lone carriage return, which editors show
    within a line, so where the file has one, every position is translated.
    """
    doc, problems, text = _read_yaml(text_or_bytes, file)
    if text and EditorLines.needed(text):
        editor = EditorLines(text)
        problems = [dataclasses.replace(p, line=line, column=column) for p in problems
                    for line, column in [editor.position(p.line, p.column)]]
        doc.editor = editor
        if problems:  # YAML's complaint may be the work of a break the editor does not show: named first
            problems = hidden_breaks(text, file, problems) + problems
    return doc, problems




def _read_yaml(text_or_bytes: bytes | str, file: str) -> tuple[Document, list[Problem], str]:
    """``read_yaml`` with lines and columns as YAML counts them, and the text read."""
    problems: list[Problem] = []
    doc = Document(file=file, data=None, positions={(): (1, 1)})

    def add(line: int, column: int, message: str, hint: str, path: str = "(the whole file)") -> None:
        problems.append(Problem(file, line, column, path, message, hint=hint))

    text = ""
    raw = text_or_bytes
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_BYTES:
        add(1, 1, f"The file is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,}).",
            "Split the data, or check that nothing was pasted in by mistake.")
        return doc, problems, text
    if raw.startswith(b"\xef\xbb\xbf"):
        add(1, 1, "The file starts with an invisible byte-order mark (BOM), which some editors add.",
            "Save the file as 'UTF-8' without BOM, or copy its text into GitHub's web editor and save.")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        add(line, column, "The file is not saved as UTF-8 text, so some characters cannot be read.",
            "Save the file with UTF-8 encoding; retype curly quotes, dashes or accented letters on this line.")
        return doc, problems, text

    lines = yaml_lines(text)  # split once: at 100x the data a split costs as much as a check
    tab_lines = [n for n, line in enumerate(lines, 1) if "\t" in line[: len(line) - len(line.lstrip())]] \
        if "\t" in text else []
    for n in tab_lines[:20]:
        # The file cannot be read, so no field path is known; the key written on the line is the next best name.
        key = _LINE_KEY.match(lines[n - 1])
        if not key and (header := enclosing_header(lines, n - 1)) is not None:  # a line of a text after | or >
            add(n, 1, f"This line of the text written after {header.marker} on line {editor_line(text, header.line + 1)} "
                "is indented with a tab character. YAML only allows spaces, in a text too.",
                "Delete the tab and indent the line with spaces, lined up with the text's other lines.",
                f"{header.key} (on line {editor_line(text, header.line + 1)})" if header.key else "(the whole file)")
            continue
        add(n, 1, "This line is indented with a tab character. YAML only allows spaces.",
            "Delete the tab and indent with spaces, two per level.",
            f"{key.group(1)} (on this line)" if key else "(the whole file)")
    if tab_lines:
        return doc, problems, text

    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines):
        add(1, 1, "The file is empty.", "Restore the file's content from the last version in GitHub's history.")
        return doc, problems, text

    if depth_bound(text) <= MAX_DEPTH and (quick := _read_quickly(doc, text, lines)) is not None:
        return doc, problems + quick, text
    scan = _Scan()

    def runaway_quote() -> bool:
        if not scan.runaway:
            return False
        line, column, last, path = scan.runaway
        add(line, column, f"A quote mark opened here is not closed on this line, so YAML read the lines after it, "
            f"up to line {editor_line(text, last)}, as part of this text.",
            "Add the closing quote mark at the end of the text on this line.", field_path(path))
        return True

    try:
        scan.run(text)
        if runaway_quote():
            return doc, problems, text
        if scan.too_deep:
            add(*scan.too_deep, f"Fields are nested more than {MAX_DEPTH} levels deep, which no hub file needs.",
                "Check the indentation and the brackets [ ] and { } on this line.", field_path(scan.path))
            return doc, problems, text
        loader = _Reader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        # An unclosed quote or bracket is reported where it was opened, which is where the mistake is.
        opened = any(word in f"{error.context}" for word in ("quoted scalar", "flow sequence", "flow mapping"))
        mark = error.context_mark if opened and error.context_mark else error.problem_mark
        if runaway_quote():
            return doc, problems, text
        message, hint = _syntax_message(error, text)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        path = scan.path
        if broken := block_mistake(lines, line - 1, lambda n: editor_line(text, n)):
            # YAML stumbled after a text written after | or > ended too early: the mistake is where it ended.
            line, column, message, hint = broken.line + 1, broken.column, broken.message, broken.hint
            path = scan.fields.get(broken.header.line, path)  # the text's own field, wherever YAML stopped
        elif squeezed := _no_space_after_colon(text, line):
            line, column, name, value = squeezed
            message = f"'{name}:{value}' needs a space after the colon, or YAML does not see the field '{name}'."
            hint = f"Write it as '{name}: {value}'."
            # The field sits beside the last one YAML read, in the same block.
            in_block = scan.frames and scan.frames[-1][0] and scan.frames[-1][1] is not None
            path = (*path[:-1], name) if in_block else (*path, name)
        if line > len(lines):  # libyaml reports a file cut short at the line after its last
            line, column = len(lines), len(lines[-1]) + 1
        add(line, column, message, hint, field_path(path))
        return doc, problems, text
    except yaml.reader.ReaderError as error:
        before = text.encode("utf-8")[: error.position].decode("utf-8", "ignore")
        before_lines = _YAML_BREAK.split(before)
        add(len(before_lines), len(before_lines[-1]) + 1,
            f"The line contains an invisible control character ({_code_point(error.character)}), "
            "often pasted in from another program.",
            "Delete the line and type it again, or paste it as plain text.")
        return doc, problems, text
    except yaml.YAMLError as error:
        add(1, 1, f"YAML could not read the file ({error}).", "Check the file against the examples.")
        return doc, problems, text

    if node is None:
        add(1, 1, "The file is empty.", "Restore the file's content from the last version in GitHub's history.")
        return doc, problems, text
    doc.data = _Walker(doc, problems, lines, "*" in text, text).build(node, ())
    return doc, problems, text


def _read_quickly(doc: Document, text: str, lines: list[str]) -> list[Problem] | None:
    """Read a file known to nest no deeper than the limit without first walking its events.

    Nearly every file is well formed, and for those the walk of events in
    ``_Scan`` finds nothing. None means the file needs that walk after all, to
    explain a syntax error in the author's words or to check a quoted text that
    runs over several lines; ``doc`` is then left as it was.
    """
    loader = _Reader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    problems: list[Problem] = []
    if node is None:
        problems.append(Problem(doc.file, 1, 1, "(the whole file)", "The file is empty.",
                                hint="Restore the file's content from the last version in GitHub's history."))
        return problems
    quick = Document(file=doc.file, data=None, positions=dict(doc.positions))
    walker = _Walker(quick, problems, lines, "*" in text, text)
    data = walker.build(node, ())
    if walker.unchecked:
        return None
    doc.data, doc.positions, doc.raw, doc.flow, doc.blocks = data, quick.positions, quick.raw, quick.flow, quick.blocks
    return problems


class _Walker:
    """Builds Python data from YAML nodes, recording positions and refusing traps."""

    def __init__(self, doc: Document, problems: list[Problem], lines: list[str], may_alias: bool = True,
                 text: str = "") -> None:
        self.lines = lines
        self.text = text
        """The file's text, to number a line named in a message as the editor does (``editor_line``)."""
        self.doc = doc
        self.problems = problems
        self.may_alias = may_alias
        """False for a file with no '*' in it, which can have no alias: no node can then be met twice."""
        self.seen: set[int] = set()
        self.alias_reported = False
        self.constructor = yaml.constructor.SafeConstructor()
        self.unchecked = False
        """A quoted text over several lines, or a part of the file skipped, which ``_Scan`` should look at."""

    def build(self, node: yaml.Node, path: Path) -> Any:
        if self.may_alias:
            if id(node) in self.seen:
                if not self.alias_reported:
                    self.alias_reported = True
                    # An alias shares its anchor's node, so only the field (not the item) has its own line.
                    where = path[:-1] if path and isinstance(path[-1], int) else path
                    self.problems.append(self.doc.problem(
                        where, "This uses a YAML anchor (&) and alias (*), which hub data does not allow.",
                        hint="Write the text out in full in each place it is needed."))
                return None
            self.seen.add(id(node))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in (_MAP, _SEQ):
            self.unchecked = True
            return self._refuse_tag(node, path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            positions = self.doc.positions
            for index, child in enumerate(node.value):
                child_path = (*path, index)
                mark = child.start_mark
                positions[child_path] = (mark.line + 1, mark.column + 1)
                items.append(child.value if self._plain_text(child) else self.build(child, child_path))
            return items
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if node.flow_style:
            self.doc.flow.add(path)
        positions = self.doc.positions
        plain_text, quick = self._plain_text, not self.may_alias
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            position = (mark.line + 1, mark.column + 1)
            # Nearly every field: an unquoted name met once, nothing to check. Written out, not a call to
            # _plain_text, as at 100x the data this line runs a hundred thousand times.
            if (quick and key_node.__class__ is _SCALAR and key_node.tag == _STR and not key_node.style
                    and key_node.value not in result):
                child_path = (*path, key_node.value)
                positions[child_path] = position
                if value_node.__class__ is _SCALAR and value_node.tag == _STR and not value_node.style:
                    result[key_node.value] = value_node.value  # an unquoted text: what _plain_text passes most
                else:
                    result[key_node.value] = value_node.value if plain_text(value_node) else self.build(
                        value_node, child_path)
                continue
            if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
                self.unchecked = True
            elif key_node.style in _QUOTES:
                self._runaway(key_node)
            if key_node.tag == _MERGE:
                self.doc.positions[(*path, "<<")] = position
                self.problems.append(self.doc.problem(
                    (*path, "<<"), "This uses a YAML merge key (<<), which hub data does not allow.",
                    hint="Write each field out in full."))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.doc.file, *position, field_path(path),
                                             "A field name must be plain text.",
                                             hint="Write the field as 'name: value'."))
                continue
            key = key_node.value
            child_path = (*path, key)
            if key in result:
                self.unchecked = True
                first = self.doc.positions[child_path]
                self.problems.append(Problem(
                    self.doc.file, *position, field_path(child_path),
                    f"The field '{key}' appears twice here (first on line {editor_line(self.text, first[0])}). "
                    "YAML would silently keep only the second one, losing the first.",
                    hint="Delete one of them, or merge their text into one."))
                continue
            self.doc.positions[child_path] = position
            result[key] = self.build(value_node, child_path)
        return result

    def _plain_text(self, node: yaml.Node) -> bool:
        """A text on one line, not '|', that ``build`` would return as it is, with nothing to check or record."""
        return (node.__class__ is _SCALAR and node.tag == _STR and not self.may_alias
                and (not node.style or (node.style in _QUOTES and node.end_mark.line == node.start_mark.line)))

    def _runaway(self, node: yaml.ScalarNode) -> None:
        """A quoted text that swallowed lines looking like fields: ``_Scan`` says where it went wrong."""
        first, last = node.start_mark.line, node.end_mark.line
        if last > first and any(_FIELD_LINE.match(line) for line in self.lines[first + 1: last + 1]):
            self.unchecked = True

    def _comment_after(self, path: Path) -> str:
        """The comment that took a field's whole value: in 'primary: #005eb8' the colour is a comment."""
        line, column = self.doc.positions.get(path, (0, 0))
        if not 0 < line <= len(self.lines):
            return ""
        rest = self.lines[line - 1][column - 1:].partition(":")[2].strip()
        return rest if rest.startswith("#") else ""

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.style in _QUOTES:
            self._runaway(node)
        if node.tag in (_STR, _TIMESTAMP):
            if node.style == "|" and node.start_mark.line + 1 < len(self.lines):
                first = self.lines[node.start_mark.line + 1]
                self.doc.blocks[path] = (node.start_mark.line + 2, len(first) - len(first.lstrip(" ")) + 1)
            if node.style in ("|", ">"):
                self._swallowed(node, path)
            return node.value
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[1] in {
                "null", "bool", "int", "float"}:
            try:
                value = self.constructor.construct_object(node, deep=True)
            except (ValueError, KeyError):  # a tag the value does not fit, as in '!!int yes'
                tag = "!!" + node.tag[len(_YAML_TAG):]
                self.problems.append(self.doc.problem(
                    path, f"The YAML tag '{tag}' says this is a {_TAG_WORDS[tag]}, but '{node.value}' is not one.",
                    found=node.value, hint="Remove the tag (the word starting with ! before the value)."))
                return None
            if not node.style and not isinstance(value, str):
                self.doc.raw[path] = node.value or self._comment_after(path)
            if node.tag.endswith(":int") and (_LEADING_ZERO.match(node.value) or _SEXAGESIMAL.match(node.value)):
                self.problems.append(self.doc.problem(
                    path, f"'{node.value}' would be read as the number {value}, which is probably not what you meant.",
                    expected="text in quotes, or a number without leading zeros or colons",
                    found=node.value, hint=f"Put it in quotes: \"{node.value}\"."))
            return value
        return self._refuse_tag(node, path)

    def _swallowed(self, node: yaml.ScalarNode, path: Path) -> None:
        """A field such as 'about: |' indented like the text above it, which YAML silently reads as more text."""
        owner = path[-1] if path and isinstance(path[-1], str) else None
        for index, name in swallowed_fields(self.lines, node.start_mark.line, node.end_mark.line):
            self.problems.append(Problem(
                self.doc.file, index + 1, len(self.lines[index]) - len(self.lines[index].lstrip(" ")) + 1,
                field_path(path),
                f"'{name}:' is indented like the text written after {node.style} above it, so YAML reads it as "
                f"more of that text{f' (the text of {owner!r})' if owner else ''}, not as the field '{name}'.",
                hint=f"If '{name}' is a field, move it left to line up with "
                     f"{f'{owner!r}' if owner else 'the field above'} on line "
                     f"{editor_line(self.text, node.start_mark.line + 1)}, and indent its own text under it."))

    def _refuse_tag(self, node: yaml.Node, path: Path) -> None:
        """Tags such as !!python/object ask a YAML reader to build objects or run code."""
        tag = "!!" + node.tag[len(_YAML_TAG):] if node.tag.startswith(_YAML_TAG) else node.tag
        self.problems.append(self.doc.problem(
            path, f"The YAML tag '{tag}' is not allowed in hub data.",
            found=tag, hint="Remove the tag (the word starting with ! before the value)."))
