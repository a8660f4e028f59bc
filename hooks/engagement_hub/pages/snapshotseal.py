"""Telling a hand edit of a published year's snapshot (data/published/YEAR.yml) from a change to data/.

``make publish-year`` writes a checksum of the snapshot's lines into its header. When the
lines no longer match it, the snapshot itself was edited, so ``make check`` names the
snapshot's changed line and says how to undo it, instead of blaming the year's data file
for differing from the edited snapshot. Snapshots written before the checksum existed
have none and are compared as before.
"""

from __future__ import annotations

import difflib
import hashlib
import re

from ..reading.problems import Problem

_SEAL = "# Checksum of the lines below, so `make check` can tell a hand edit: sha256:{digest}\n"
_SEAL_LINE = re.compile(r"^# Checksum of the lines below[^\n]*sha256:([0-9a-f]{64})[ \t]*\r?\n", re.MULTILINE)


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def seal(header: str, body: str) -> str:
    """The snapshot's text: its header, the checksum of ``body``, then ``body``."""
    return header + _SEAL.format(digest=_digest(body)) + body


def hand_edited(text: str) -> bool:
    """True when a sealed snapshot's lines differ from its checksum (an unsealed one cannot tell: False)."""
    found = _SEAL_LINE.search(text)
    return bool(found) and _digest(text[found.end():]) != found.group(1)


def undo_hint(file: str, slug: str, year_file: str) -> str:
    """How to undo a hand edit of a snapshot, or record a real change the right way."""
    return (f"Restore it from git: `git checkout -- {file}` (if the edit was already committed, "
            f"`git checkout origin/main -- {file}`). If the published report really was wrong, record a "
            f"correction under `corrections:` in {year_file} (date, what changed and why) and run "
            f"`make publish-year YEAR={slug}`, which writes this file again.")


def written_by(file: str, label: str) -> str:
    return (f"{file} is written by `make publish-year` and must not be edited by hand: it is the record of "
            f"what the {label} report showed when it was published.")


def edited_problem(file: str, text: str, should_be: str, label: str, slug: str, year_file: str) -> Problem:
    """The first line where a hand-edited snapshot differs from what ``make publish-year`` writes from data/."""
    have, want = text.splitlines(), should_be.splitlines()
    change = next((op for op in difflib.SequenceMatcher(a=have, b=want, autojunk=False).get_opcodes()
                   if op[0] != "equal"), ("replace", 0, 0, 0, 0))
    _, start, end, want_start, want_end = change
    found = have[start] if start < end else "nothing (a line was deleted here)"
    expected = want[want_start] if want_start < want_end else "nothing (this line was added)"
    named = have[start] if start < end else want[want_start] if want_start < want_end else ""
    key = named.split(":", 1)[0].strip() if ":" in named else "(the whole file)"
    return Problem(file, min(start, len(have) - 1) + 1 if have else 1, 1, key,
                   f"This file was edited by hand. {written_by(file, label)}",
                   expected=f"{expected.strip()} (as `make publish-year` writes it from data/)",
                   found=found.strip(), hint=undo_hint(file, slug, year_file))
