"""content/ pages that are not UTF-8 text, as a problem with its line rather than a crash.

MkDocs, the navigation (the page's title) and `make check` all read a page as UTF-8; a page saved
in another encoding (Windows' old one, from a desktop editor) stopped each of them with a traceback,
and stopped `make serve` with the browser left on the last page.
"""

from __future__ import annotations

from pathlib import Path

from ..reading.problems import Problem


def unreadable_pages(content_dir: Path) -> list[Problem]:
    """One problem for each Markdown page in ``content_dir`` that is not UTF-8, at its first bad character."""
    problems = []
    for path in sorted(content_dir.rglob("*.md")) if content_dir.is_dir() else []:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            problems.append(Problem(
                f"content/{path.relative_to(content_dir).as_posix()}", line, column, "(the whole file)",
                "The page is not saved as UTF-8 text, so some characters cannot be read.",
                hint="Save the file with UTF-8 encoding; retype curly quotes, dashes or accented letters on this line."))
    return problems
