"""Hand-written pages in content/ that cannot be read as UTF-8 text.

An editor that saves in Windows' old encoding (a curly apostrophe, an accented
name) makes a page MkDocs, the macros and the navigation cannot read. Both
`make check` and the build name the page, the line and the column of the first
byte that cannot be read, instead of stopping with a Python traceback.
"""

from __future__ import annotations

from pathlib import Path

from ..reading.problems import Problem


def unreadable_pages(content_dir: Path) -> list[Problem]:
    """A problem for each Markdown page under ``content_dir`` that is not UTF-8 text."""
    problems = []
    for path in sorted(content_dir.rglob("*.md")) if content_dir.is_dir() else []:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            problems.append(Problem(
                f"content/{path.relative_to(content_dir).as_posix()}", line, column, "(page text)",
                "The page is not saved as UTF-8 text, so some characters cannot be read.",
                expected="UTF-8 text", found=f"the byte {raw[error.start]:#04x}",
                hint="Save the file with UTF-8 encoding; retype curly quotes, dashes or accented letters on this line."))
    return problems
