"""Hand-written pages in content/ that cannot be read as UTF-8 text.

An editor that saves in Windows' old encoding (a curly apostrophe, an accented
name) makes a page MkDocs, the macros and the navigation cannot read. Both
`make check` and the build name the page, the line and the column of the first
byte that cannot be read, instead of stopping with a Python traceback.
"""

from __future__ import annotations

from pathlib import Path

from ..reading.encoding import not_utf8
from ..reading.problems import Problem


def unreadable_pages(content_dir: Path) -> list[Problem]:
    """A problem for each Markdown page under ``content_dir`` that is not UTF-8 text."""
    found = (not_utf8(path.read_bytes(), f"content/{path.relative_to(content_dir).as_posix()}", "(page text)")
             for path in (sorted(content_dir.rglob("*.md")) if content_dir.is_dir() else []))
    return [problem for problem in found if problem is not None]
