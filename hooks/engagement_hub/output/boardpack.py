"""The board pack: each published year's report as an A4 PDF, for the Trust Board's papers.

The PDF is the year's web page printed by headless Chromium, so the board
reads exactly what the public reads, laid out by the print stylesheet
(hub-print.css). The PDFs go outside the site folder because a PDF records
when it was made, and the site must be the same bytes on every build.

Run with ``make board-pack``, which builds the site to print first, apart from the published one and
with each year's goal reports all on its page (site.PRINT_ENV): online, a report of more than
paging.YEAR_GOALS goals continues on numbered pages, and the PDF must be one document with every goal.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from ..reading.load import load
from ..reading.problems import DataError
from .chromium import FLAGS, find_chromium, serve
from .pdfua import make_accessible
from .site import PRINT_ENV

# What year.html draws where a report continues on further pages: a page with it is not the whole report.
CONTINUES = 'class="hub-reports-continue"'


def print_to_pdf(chromium: str, url: str, pdf: Path) -> None:
    """One page to PDF with Chromium's own print engine, without its date and address header."""
    with tempfile.TemporaryDirectory(prefix="hub-chromium-") as profile:
        subprocess.run(
            # The document outline gives the PDF a bookmark for each heading, so a board member can jump to a goal.
            [chromium, *FLAGS, "--no-first-run", f"--user-data-dir={profile}", "--no-pdf-header-footer",
             "--generate-pdf-document-outline", "--virtual-time-budget=5000", f"--print-to-pdf={pdf}", url],
            check=True, capture_output=True, timeout=180)


def split_reports(site_dir: Path, labels: list[str]) -> str:
    """Why the years ``labels`` (one or more) cannot be printed from ``site_dir``, and what to do instead."""
    reports = f"the report for {labels[0]} continues" if len(labels) == 1 else \
        f"the reports for {', '.join(labels[:-1])} and {labels[-1]} continue"
    return (f"In {site_dir}, {reports} on further pages, so a PDF printed from it would miss goals. "
            f"Print from a build made with {PRINT_ENV}=1, as make board-pack does.")


def make_board_packs(root: Path, site_dir: Path, out_dir: Path, chromium: str, draft: str = "") -> list[Path]:
    """A PDF for every published year in the built site, or for the one draft year asked for (from a preview
    build, marked DRAFT on every page); returns the files written."""
    hub = load(root, include_drafts=bool(draft))
    years = hub.years
    if draft:
        years = tuple(y for y in years if y.slug == draft.replace("/", "-") and y.status == "draft")
        if not years:
            raise FileNotFoundError(f"There is no draft year {draft} in data/progress/ to print.")
    missing = [y.label for y in years if not (site_dir / "progress" / y.slug / "index.html").is_file()]
    if missing:
        raise FileNotFoundError(f"{site_dir} has no page for {', '.join(missing)}: build the site first (make build).")
    split = [y.label for y in years if CONTINUES in (site_dir / "progress" / y.slug / "index.html").read_text("utf-8")]
    if split:
        raise FileNotFoundError(split_reports(site_dir, split))
    out_dir.mkdir(parents=True, exist_ok=True)
    base, server = serve(site_dir)
    written = []
    try:
        for year in years:
            pdf = out_dir / f"board-pack-{year.slug}.pdf"
            print_to_pdf(chromium, f"{base}progress/{year.slug}/", pdf)
            draft_words = " (draft)" if year.status == "draft" else ""
            make_accessible(pdf, f"{hub.organisation.name}: {hub.strategy.title}, progress in {year.label}{draft_words}")
            written.append(pdf)
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print each published year's report to an A4 PDF.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (holding data/)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--out", type=Path, default=Path("board-pack"), help="where to write the PDFs")
    parser.add_argument("--draft", default="", help="print this draft year (from a preview build) instead")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("Chromium is not installed, so no PDF was made. Run `make system-deps` to install Debian's chromium.",
              file=sys.stderr)
        return 1
    try:
        written = make_board_packs(args.root, args.site, args.out, chromium, args.draft)
    except DataError as error:
        print(f"No board pack was made because of problems in the data:\n\n{error}", file=sys.stderr)
        return 1
    except FileNotFoundError as error:
        print(str(error), file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"Chromium could not print the report:\n{error.stderr.decode(errors='replace')[-2000:]}",
              file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired:
        print("Chromium took too long to print the report.", file=sys.stderr)
        return 1
    if not written:
        print("No published year yet, so there is no board pack to make.")
    for pdf in written:
        print(f"Wrote {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
