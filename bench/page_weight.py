"""Where a page's bytes go: its HTML split into the parts a reader's browser receives, largest first.

`make bench` holds every page to 200 KB of HTML at 100x; this says what fills the page that is over it
(or any page), so a change can be weighed before it is made. Each part is measured as BeautifulSoup writes
it out again, which is within a few bytes of the file; parts of one kind (the 40 goal reports, say) are
added together and counted.

    .venv/bin/python bench/page_weight.py --scale 100                  # the largest page at 100x
    .venv/bin/python bench/page_weight.py --site site --page progress/2025-26/
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup, Tag

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402
from project import copy_project  # noqa: E402


def _size(node: Tag) -> int:
    return len(str(node).encode("utf-8"))


def _name(node: Tag) -> str:
    """A part's kind: its element and first class, as a CSS selector would name it."""
    classes = node.get("class") or []
    return node.name + (f".{classes[0]}" if classes else f"#{node['id']}" if node.get("id") else "")


def parts(html: str) -> list[tuple[str, int, int]]:
    """(part, bytes, how many) for the page, largest first: the head, the header, Material's menu and its
    contents (each table of contents separately), each kind of block in the article, and the rest."""
    soup = BeautifulSoup(html, "html.parser")
    sizes: Counter[str] = Counter()
    counts: Counter[str] = Counter()

    def add(name: str, node: Tag) -> None:
        sizes[name] += _size(node)
        counts[name] += 1

    for toc in soup.select("nav.md-nav--secondary"):
        inside_menu = toc.find_parent("nav", class_="md-nav--primary") is not None
        add("page contents in the phone menu" if inside_menu else "page contents (sidebar)", toc.extract())
    for name, selector in (("head", "head"), ("header", "header.md-header"), ("menu", "nav.md-nav--primary"),
                           ("footer", "footer")):
        for node in soup.select(selector):
            add(name, node.extract())
    article = soup.select_one("article")
    if article is not None:
        for child in article.find_all(recursive=False):
            add(f"article: {_name(child)}", child)
        article.extract()
    rest = len(str(soup).encode("utf-8"))
    found = [(name, sizes[name], counts[name]) for name in sizes] + [("everything else", rest, 1)]
    return sorted(found, key=lambda part: -part[1])


def largest_page(site: Path) -> Path:
    return max(site.rglob("index.html"), key=lambda p: p.stat().st_size)


def report(page: Path, site: Path) -> str:
    html = page.read_text(encoding="utf-8")
    total = len(html.encode("utf-8"))
    lines = [f"{page.parent.relative_to(site).as_posix()}/: {total / 1024:.0f} KB of HTML"]
    for name, size, count in parts(html):
        times = f" ({count})" if count > 1 else ""
        lines.append(f"  {size / 1024:7.1f} KB  {name}{times}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100, help="build the example at this multiple (default 100)")
    parser.add_argument("--site", type=Path, help="a site already built, instead of building one")
    parser.add_argument("--page", default="", help="the page's address, e.g. progress/2025-26/ (default: largest)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hub-weight-") as tmp:
        site = args.site
        if site is None:
            project = copy_project(Path(tmp) / "project", with_data=args.scale == 1)
            if args.scale != 1:
                synthetic.generate(args.scale, project / "data")
                synthetic.use_example_about(project)
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                           cwd=project, env=env, check=True)
        page = site / args.page / "index.html" if args.page else largest_page(site)
        if not page.is_file():
            raise SystemExit(f"There is no page {args.page!r} in {site}.")
        print(report(page, site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
