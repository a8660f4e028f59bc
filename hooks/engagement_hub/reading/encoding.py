"""A file that is not UTF-8 text, named at the line and column of its first unreadable byte.

Editors that save in Windows' old encoding (a curly apostrophe, an accented name) are the
usual cause; the person fixing it needs the line, not Python's byte offset.
"""

from __future__ import annotations

from .problems import Problem

HINT = "Save the file with UTF-8 encoding; retype curly quotes, dashes or accented letters on this line."


def not_utf8(raw: bytes, file: str, path: str) -> Problem | None:
    """A problem at the first byte of ``raw`` that is not UTF-8, or None when all of it is."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(file, line, column, path, "The file is not saved as UTF-8 text, so some characters cannot be read.",
                       expected="UTF-8 text", found=f"the byte {raw[error.start]:#04x}", hint=HINT)
    return None
