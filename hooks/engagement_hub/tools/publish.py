"""`make publish-year YEAR=2025-26 [BOARD_DATE=2026-06-11]`: publish a year and freeze its report, in one step.

It sets the year's ``status: published`` (and ``reviewed_by_board`` when
BOARD_DATE is given), writes who reviewed it (``reviewed_by``, from
organisation.yml's words.progress_reviewed_by) unless the file names them,
checks all of data/ as of the build date, and writes the snapshot of what the
report shows to ``data/published/YEAR.yml`` (record.py).
Run it again after adding a correction to rewrite the snapshot. Nothing is
changed when the data has a problem.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..pages.record import corrections, read_snapshot, recorded, snapshot_file, snapshot_text, year_facts
from ..reading.builddate import BuildDateError, build_date, parse_build_date
from ..reading.load import checked_documents
from ..reading.problems import report

_STATUS = re.compile(r"^status:[ \t]*\S+[ \t]*$", re.MULTILINE)
_BOARD = re.compile(r"^reviewed_by_board:[ \t]*\S+[ \t]*$", re.MULTILINE)
_REVIEWER = re.compile(r"^reviewed_by:", re.MULTILINE)


def set_published(text: str, board_date: str | None, reviewer: str | None = None) -> str:
    """The year file's text with ``status: published``, and if given the board date and (unless the file names
    one) who reviewed it; other lines untouched."""
    text = _STATUS.sub("status: published", text, count=1)
    if board_date:
        line = f"reviewed_by_board: {board_date}"
        text = _BOARD.sub(line, text, count=1) if _BOARD.search(text) else _STATUS.sub(
            lambda found: f"{found.group(0)}\n{line}", text, count=1)
    if reviewer and not _REVIEWER.search(text):
        # A double-quoted YAML text is JSON's: any name is written safely, on one line.
        line = f"reviewed_by: {json.dumps(reviewer, ensure_ascii=False)}"
        after = _BOARD if _BOARD.search(text) else _STATUS
        text = after.sub(lambda found: f"{found.group(0)}\n{line}", text, count=1)
    return text


def publish(root: Path, slug: str, board_date: str | None, build: str | None = None) -> tuple[int, str]:
    """Publish one year; returns the exit code and what to tell the user."""
    root = Path(root)
    slug = slug.replace("/", "-")
    path = root / "data" / "progress" / f"{slug}.yml"
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2})?", slug) or not path.is_file():
        return 1, f"There is no year '{slug}' to publish: expected a file data/progress/{slug}.yml (YEAR=2025-26)."
    try:
        today = build_date(build)
        if board_date:
            parse_build_date(board_date, "BOARD_DATE")
    except BuildDateError as error:
        return 1, str(error)
    original = path.read_text(encoding="utf-8")
    if not _STATUS.search(original):
        return 1, f"data/progress/{slug}.yml has no 'status:' line at the start of a line to set to published."
    snapshot, _ = read_snapshot(root, slug)
    path.write_text(set_published(original, board_date), encoding="utf-8")
    hub, docs, years, problems = checked_documents(root, today)
    year = next((y for y in hub.years if y.slug == slug), None) if hub else None
    if hub and year and not year.reviewed_by:  # the year keeps who reviewed it, whatever the board is called later
        path.write_text(set_published(original, board_date, hub.organisation.words.progress_reviewed_by),
                        encoding="utf-8")
        hub, docs, years, problems = checked_documents(root, today)
        year = next((y for y in hub.years if y.slug == slug), None) if hub else None
    year_doc = next((doc for doc in years if doc.file.endswith(f"/{slug}.yml")), None)
    failed = hub is None or any(p.severity == "error" for p in problems)
    if not failed and year and year_doc and snapshot is not None:
        had, have = snapshot.get("corrections") or [], corrections(year_doc)
        facts = {f.key: f.value for f in recorded(year_facts(hub, year, docs, year_doc, years), snapshot["facts"])}
        if facts != {str(k): str(v) for k, v in snapshot["facts"].items()} and len(have) <= len(had):
            path.write_text(original, encoding="utf-8")
            return 1, (f"{year.label} is already published and this would change its report. Add a correction "
                       f"under `corrections:` in data/progress/{slug}.yml (date, what changed and why), then run "
                       "this again.")
    if failed or year is None or year_doc is None:
        path.write_text(original, encoding="utf-8")
        return 1, f"Nothing was published because of problems in the data:\n\n{report(problems)}"
    out = root / snapshot_file(slug)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(snapshot_text(year, year_facts(hub, year, docs, year_doc, years), year_doc), encoding="utf-8")
    return 0, (f"Published {year.label}: data/progress/{slug}.yml and {snapshot_file(slug)}. "
               "Commit both files in one pull request.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make publish-year", description=__doc__)
    parser.add_argument("year", help="the year to publish, as in its file name: 2025-26")
    parser.add_argument("--board-date", default=None, help="the date the Trust Board reviewed the report")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    args = parser.parse_args(argv)
    code, message = publish(args.root, args.year, args.board_date)
    print(message, file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())
