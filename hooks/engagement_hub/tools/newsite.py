"""`make new-site`: start a site for your own organisation from the starter data set.

Replaces data/ and content/about.md with the starter in starter/: a minimal
site that passes `make check` and builds, with placeholder words to replace
and none of the example organisation's ids. The accessibility statement's
dates are set to today, so the yearly review check starts from now.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from ..reading.builddate import BuildDateError, build_date

STARTER = "starter"
DATES = re.compile(r"^(prepared|last_reviewed|last_tested): [0-9]{4}-[0-9]{2}-[0-9]{2}$", re.MULTILINE)


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
    args = parser.parse_args(argv)
    try:
        today = build_date(args.build_date).isoformat()
        replaced = new_site(args.root, today)
    except (BuildDateError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Replaced {' and '.join(replaced)} with the starter for a new organisation.\n"
          "Next: fill in every file in data/ (start with data/organisation.yml), run `make check`,\n"
          "then `make serve` to see your site. To undo: git checkout -- data content/about.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
