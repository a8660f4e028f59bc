"""`make check`: check data/, and the macros in content/ pages, without building the site.

Fast enough to run on every save. Prints plain-English problems; with
GITHUB_ACTIONS=true (or --format github) it also prints workflow commands so
errors appear on the changed lines of a pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..output.content import content_problems
from ..output.site import content_page_problems
from ..pages.pages import build_pages
from ..pages.record import frozen_problems
from ..reading import model as m
from ..reading.builddate import BuildDateError, build_date
from ..reading.htmltags import document_tags
from ..reading.languages import languages
from ..reading.load import checked_documents, language_texts
from ..reading.multilingual import coverage_report
from ..reading.problems import Problem, report
from ..reading.readability import readability_problems
from ..reading.source import Document
from ..reading.spreadsheet import document_formulas
from ..reading.statement import statement_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository folder (default: here)")
    parser.add_argument("--format", choices=["text", "github"],
                        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    parser.add_argument("--debug", action="store_true", help="show a Python traceback for unexpected failures")
    parser.add_argument("--build-date", default=None, metavar="YYYY-MM-DD",
                        help="the day to check dates against (default: $HUB_BUILD_DATE, else today)")
    args = parser.parse_args(argv)
    try:
        today = build_date(args.build_date)
    except BuildDateError as error:
        print(str(error), file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        hub, docs, years, problems = checked_documents(args.root, today)
        if hub is not None:  # valid data: the statement's review date and content/'s macros (errors), plain language
            pages = {page.src: page for page in build_pages(hub, today)}  # the addresses content/ must not take
            problems = sorted(problems + statement_problems(args.root, today) + content_problems(args.root, hub)
                              + content_page_problems(Path(args.root) / "content", pages,
                                                      tuple(lang.code for lang in languages(docs["organisation"].data)))
                              + readability_problems(args.root)
                              # Texts a spreadsheet would run, and HTML the site will not use: warnings only.
                              + [warning for doc in (*docs.values(), *years)
                                 for warning in document_formulas(doc) + document_tags(doc)])
            # Published years are frozen (record.py): the check compares them with their snapshots.
            problems = sorted(problems + frozen_problems(args.root, hub, docs, years))
        coverage = _coverage(args.root, docs, years, problems)
    except Exception:
        if args.debug:
            raise
        print("The check itself failed unexpectedly. Run `make check ARGS=--debug` and report the output.",
              file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    if args.format == "github":
        for problem in problems:
            print(problem.github())
    if problems:
        print(report(problems), file=sys.stderr)
    if hub is None or any(p.severity == "error" for p in problems):
        if coverage:
            print(f"\nTranslations:\n{coverage}", file=sys.stderr)
        return 1
    print(f"The data is valid: {summary(hub)} (checked in {elapsed:.2f} s).")
    if coverage:
        print(f"Translations:\n{coverage}")
    return 0


def _coverage(root: Path, docs: dict[str, Document], years: list[Document], problems: list[Problem]) -> str:
    """How much of each language is translated, once the English it translates has been read without error."""
    if "organisation" not in docs or any(
            p.severity == "error" and not p.file.startswith(("data/translations/", "locale/"))
            and not p.path.endswith("minimum_coverage") for p in problems):
        return ""
    texts, _ = language_texts(root, docs, years)
    return coverage_report(texts)


def summary(hub: m.Hub) -> str:
    """What the data holds, in words: only the sections it has ('1 reporting year'; never '0 pledges' for
    a group that makes none)."""
    counts = [(len(hub.strategy.goals), "goal", "goals"), (len(hub.values), "value", "values"),
              *([(len(hub.pledges), "pledge", "pledges")] if hub.has_pledges else []),
              (len(hub.channels), "channel", "channels"),
              *([(len(hub.members), "member", "members")] if hub.members is not None else []),
              *([(len(hub.opportunities), "opportunity", "opportunities")] if hub.opportunities else []),
              *([(len(hub.years), "reporting year", "reporting years")] if hub.has_progress else [])]
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)


if __name__ == "__main__":
    sys.exit(main())
