"""`make new-site`: start a site for your own organisation from the starter data set.

Replaces data/ and content/about.md with the starter in starter/: a minimal
site that passes `make check` and builds, with placeholder words to replace
and none of the example organisation's ids. The accessibility statement's
dates are set to today, so the yearly review check starts from now.

Git is the undo, so it refuses to replace what git could not bring back: a change
to data/ or content/about.md not yet committed (the starter filled in, a logo
just added), or a folder not under git at all. ``--force`` replaces them anyway.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ..reading.builddate import BuildDateError, build_date

STARTER = "starter"
DATES = re.compile(r"^(prepared|last_reviewed|last_tested): [0-9]{4}-[0-9]{2}-[0-9]{2}$", re.MULTILINE)


REPLACED = ("data", "content/about.md")


class UnsavedWork(Exception):
    """What the starter would replace that git could not bring back; the message says what to do."""


def unsaved_work(root: Path) -> list[str]:
    """The files under data/ and content/about.md that git could not restore: changed or new since the last
    commit. Raises UnsavedWork when ``root`` is not a git working copy, so nothing could be restored."""
    try:
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "-z", "--", *REPLACED],
                                cwd=root, capture_output=True, text=True, timeout=60, check=False)
    except OSError:  # no git on this machine
        status = None
    if status is None or status.returncode:
        raise UnsavedWork(f"{root} is not a git repository, so `git checkout` could not undo make new-site: "
                          "data/ and content/about.md would be lost for good. Copy them somewhere safe, then run "
                          "make new-site ARGS=--force.")
    # Each entry: two status letters, a space, the path; a rename adds the old path as the next entry.
    entries = status.stdout.split("\0")
    changed, skip = [], False
    for entry in entries:
        if skip or not entry:
            skip = False
            continue
        changed.append(entry[3:])
        skip = entry[0] in "RC"
    return sorted(changed)


def new_site(root: Path, today: str) -> list[str]:
    """Put the starter in place under ``root``; returns what was replaced, as the reader knows it."""
    starter = root / STARTER
    if not (starter / "data").is_dir():
        raise FileNotFoundError(f"The starter data set is missing: {starter / 'data'} should hold it.")
    if (root / "data").exists():
        shutil.rmtree(root / "data")
    shutil.copytree(starter / "data", root / "data")
    shutil.copy2(starter / "about.md", root / "content" / "about.md")
    statement = root / "data" / "accessibility.yml"
    statement.write_text(DATES.sub(lambda m: f"{m.group(1)}: {today}", statement.read_text(encoding="utf-8")),
                         encoding="utf-8")
    return ["data/", "content/about.md"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-site", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository folder (default: here)")
    parser.add_argument("--build-date", help="today's date for the statement, YYYY-MM-DD (default: today)")
    parser.add_argument("--force", action="store_true",
                        help="replace data/ and content/about.md even with changes git could not bring back")
    args = parser.parse_args(argv)
    try:
        today = build_date(args.build_date).isoformat()
        unsaved = [] if args.force else unsaved_work(args.root)
        if unsaved:
            shown = "\n".join(f"  {path}" for path in unsaved[:20])
            more = f"\n  and {len(unsaved) - 20} more" if len(unsaved) > 20 else ""
            raise UnsavedWork(
                "make new-site replaces data/ and content/about.md, and these changes are not committed, so "
                f"git could not bring them back:\n{shown}{more}\nNothing was replaced. Commit them first (or "
                "copy them somewhere safe), or run make new-site ARGS=--force to replace them anyway.")
        replaced = new_site(args.root, today)
    except (BuildDateError, FileNotFoundError, UnsavedWork) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Replaced {' and '.join(replaced)} with the starter for a new organisation.\n"
          "Next: fill in every file in data/ (start with data/organisation.yml), run `make check`,\n"
          "then `make serve` to see your site. To undo: git checkout -- data content/about.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
