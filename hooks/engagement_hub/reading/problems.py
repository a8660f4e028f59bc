"""Data problems, and the words comms staff read about them.

A problem names the file, line, column and field so a non-programmer can go
straight to the mistake in GitHub's web editor. Problems are collected, not
raised one at a time, so one run reports every mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
_PLAIN_NAME = re.compile(r"[\w<>-]+")
# Characters that would break a message's line (and so could start a GitHub workflow command such
# as ::error on a line of their own) or hide or reorder what is shown; written as \uXXXX instead.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def printable(text: str) -> str:
    """Text from the data made safe to print on one line of a terminal or a CI log."""
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def field_path(path: Path) -> str:
    """Write a path the way a person reads it: goals[2].measures[0].target."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _PLAIN_NAME.fullmatch(str(part)):
            out += f"['{part}']"  # a name with spaces, dots or nothing at all, shown where it starts and ends
        else:
            out += f".{part}" if out else str(part)
    return out or "(the whole file)"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the data, with where it is and how to fix it."""

    file: str
    line: int
    column: int
    path: str
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""
    severity: str = field(default="error", compare=False)

    def human(self) -> str:
        where = f"{printable(self.file)}, line {self.line}, column {self.column}"
        lines = [f"{self.severity.upper()}: {where}", f"  field: {printable(self.path)}", f"  {printable(self.message)}"]
        if self.expected:
            lines.append(f"  expected: {printable(self.expected)}")
        if self.found:
            lines.append(f"  found: {printable(self.found)}")
        if self.hint:
            lines.append(f"  how to fix: {printable(self.hint)}")
        return "\n".join(lines)

    def github(self) -> str:
        """A GitHub Actions workflow command, so the error sits on the changed line."""
        text = f"{self.path}: {self.message}"
        if self.hint:
            text += f" How to fix: {self.hint}"
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        level = "error" if self.severity == "error" else "warning"
        file = self.file.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        file = file.replace(":", "%3A").replace(",", "%2C")
        return f"::{level} file={file},line={self.line},col={self.column},title=Data {level}::{text}"


class DataError(Exception):
    """Raised when the data cannot be built into a site; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == "error"]
    body = "\n\n".join(p.human() for p in problems)
    summary = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the data"
    if len(errors) != len(problems):
        summary += f", {len(problems) - len(errors)} warning{'s' if len(problems) - len(errors) != 1 else ''}"
    return f"{body}\n\n{summary}." if body else summary
