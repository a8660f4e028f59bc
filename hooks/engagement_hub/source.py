"""Read one YAML file into plain data, remembering where every field is.

PyYAML alone loses line numbers once data is built, and it quietly gets
several things wrong for people who are not programmers: it keeps the last
of two duplicate keys, turns ``yes`` into ``True`` and ``9:30`` into 570,
and expands alias bombs without limit. This module walks the composed node
tree itself so each of those becomes a problem with a line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Path, Problem, field_path

try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5_000_000
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")


@dataclass
class Document:
    """A YAML file's data, with the line and column of every field."""

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)

    def where(self, path: Path) -> tuple[int, int]:
        """The nearest known position for a field, walking up to its parent if needed."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, path: Path, message: str, *, expected: str = "", found: str = "",
                hint: str = "", severity: str = "error") -> Problem:
        line, column = self.where(path)
        return Problem(self.file, line, column, field_path(path), message, expected, found, hint, severity)


def _syntax_message(error: yaml.MarkedYAMLError) -> tuple[str, str]:
    """Turn PyYAML's parser words into what a comms officer can act on."""
    text = f"{error.context or ''} {error.problem or ''}"
    if "quoted scalar" in text:
        return ("A quote mark is opened but never closed.",
                "Add the closing quote mark (\" or ') at the end of the text.")
    if "mapping values are not allowed" in text:
        return ("A colon (:) appears where YAML does not expect one.",
                "If the text contains a colon, put the whole text in quotes. Otherwise check the indentation.")
    if "expected <block end>" in text or "did not find expected key" in text or "expected ':'" in text:
        return ("The indentation is wrong, or a line is not a 'field: value' pair.",
                "Line each field up with the fields around it, using spaces (two per level).")
    if "did not find expected '-'" in text or "block sequence" in text:
        return ("A list item is not lined up with the items around it.",
                "Start every item in a list with '- ' at the same indentation.")
    if "found character" in text and "\\t" in text:
        return ("A tab character is used for indentation.", "Replace tabs with spaces.")
    if "unhashable" in text or "found unacceptable" in text:
        return (f"YAML could not read this line ({text.strip()}).", "Check for stray characters.")
    return (f"YAML could not read this line ({text.strip()}).",
            "Compare the line with the examples in CONTRIBUTING.md; text with special characters needs quotes.")


def read_yaml(text_or_bytes: bytes | str, file: str) -> tuple[Document, list[Problem]]:
    """Parse YAML into a Document, collecting every reading problem instead of raising."""
    problems: list[Problem] = []
    doc = Document(file=file, data=None, positions={(): (1, 1)})

    def add(line: int, column: int, message: str, hint: str, path: str = "(the whole file)") -> None:
        problems.append(Problem(file, line, column, path, message, hint=hint))

    raw = text_or_bytes
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_BYTES:
        add(1, 1, f"The file is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,}).",
            "Split the data, or check that nothing was pasted in by mistake.")
        return doc, problems
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
        return doc, problems

    tab_lines = [n for n, line in enumerate(text.splitlines(), 1) if "\t" in line[: len(line) - len(line.lstrip())]]
    for n in tab_lines[:20]:
        add(n, 1, "This line is indented with a tab character. YAML only allows spaces.",
            "Delete the tab and indent with spaces, two per level.")
    if tab_lines:
        return doc, problems

    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        add(1, 1, "The file is empty.", "Restore the file's content from the last version in GitHub's history.")
        return doc, problems

    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark if "quoted scalar" in f"{error.context}" and error.context_mark else error.problem_mark
        message, hint = _syntax_message(error)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        add(line, column, message, hint)
        return doc, problems
    except yaml.YAMLError as error:
        add(1, 1, f"YAML could not read the file ({error}).", "Check the file against the examples.")
        return doc, problems

    if node is None:
        add(1, 1, "The file is empty.", "Restore the file's content from the last version in GitHub's history.")
        return doc, problems
    doc.data = _Walker(doc, problems).build(node, ())
    return doc, problems


class _Walker:
    """Builds Python data from YAML nodes, recording positions and refusing traps."""

    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.seen: set[int] = set()
        self.alias_reported = False
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path) -> Any:
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
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                child_path = (*path, index)
                self.doc.positions[child_path] = (child.start_mark.line + 1, child.start_mark.column + 1)
                items.append(self.build(child, child_path))
            return items
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
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
                first = self.doc.positions[child_path]
                self.problems.append(Problem(
                    self.doc.file, *position, field_path(child_path),
                    f"The field '{key}' appears twice here (first on line {first[0]}). "
                    "YAML would silently keep only the second one, losing the first.",
                    hint="Delete one of them, or merge their text into one."))
                continue
            self.doc.positions[child_path] = position
            result[key] = self.build(value_node, child_path)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.tag in (_STR, _TIMESTAMP):
            return node.value
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[1] in {
                "null", "bool", "int", "float"}:
            value = self.constructor.construct_object(node, deep=True)
            if not node.style and not isinstance(value, str):
                self.doc.raw[path] = node.value
            if node.tag.endswith(":int") and (_LEADING_ZERO.match(node.value) or _SEXAGESIMAL.match(node.value)):
                self.problems.append(self.doc.problem(
                    path, f"'{node.value}' would be read as the number {value}, which is probably not what you meant.",
                    expected="text in quotes, or a number without leading zeros or colons",
                    found=node.value, hint=f"Put it in quotes: \"{node.value}\"."))
            return value
        self.problems.append(self.doc.problem(
            path, f"The YAML tag '{node.tag}' is not allowed in hub data.",
            found=node.tag, hint="Remove the tag (the word starting with ! before the value)."))
        return None
