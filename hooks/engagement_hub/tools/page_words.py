"""Plain language on every built page, not only in data/.

`make check` reads data/ alone; the words our templates and content/ pages
add (headings, notes, the accessibility statement) reach readers too. This
reads the text of each built page (its main content and footer) with the same
rules (engagement_hub.readability), leaves out sentences that come from data/
(make check reports those, with their line), and names the template or
content file the rest came from. `make build` prints the warnings; they never
stop a build.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..pages.pages import build_pages
from ..reading import readability as rd
from ..reading.load import load

# Elements whose text is one block: a sentence never runs from one into the next.
_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption",
           "blockquote", "div", "section", "article", "br", "ul", "ol", "table", "tr", "summary"}
# Code, navigation and the names of laws and reports (<cite>) are not ours to reword.
_SKIPPED = {"script", "style", "code", "pre", "svg", "noscript", "nav", "template", "cite"}


class _Text(HTMLParser):
    """Blocks of text inside the main content (<article id="main-content">) and the site footer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buffer: list[str] = []
        self._inside = 0  # depth inside the article or footer
        self._skipping = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.blocks.append(text)
        self._buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._inside:
            self._inside += tag in ("article", "footer")
            if tag in ("code", "a") and not self._skipping:
                # Code (left out) or a link may start a sentence with a small letter: mark where it began.
                self._buffer.append(rd.CODE)
            if tag in _SKIPPED:
                self._skipping += 1
            elif tag in _BLOCKS:
                self._flush()
        elif (tag == "article" and ("id", "main-content") in attrs) or tag == "footer":
            self._inside = 1

    def handle_endtag(self, tag: str) -> None:
        if not self._inside:
            return
        if tag in _SKIPPED:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in _BLOCKS:
            self._flush()
        if tag in ("article", "footer"):
            self._inside -= 1
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._inside and not self._skipping:
            self._buffer.append(data)


def text_blocks(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.blocks


def _key(sentence: str) -> str:
    return " ".join(w.lower() for w in rd.words(sentence))


@dataclass(frozen=True)
class PageWarning:
    source: str  # the template or content file the words came from
    address: str  # the built page, e.g. "accessibility/"
    message: str
    quote: str

    def human(self) -> str:
        return (f"WARNING: {self.source} (page /{self.address})\n  {self.message}\n  found: \"{self.quote}\"\n"
                "  how to fix: Split it into two or three shorter sentences, or use everyday words.")


def data_sentences(root: Path) -> set[str]:
    """Every sentence of public text in data/, as words: these are make check's to report."""
    found = set()
    data = root / "data"
    for path in sorted([*data.glob("*.yml"), *data.glob("progress/*.yml")]):
        doc, errors = rd.read_yaml(path.read_bytes(), path.relative_to(root).as_posix())
        if not errors:
            found |= {_key(s) for _, text in rd._texts(doc.data, ()) for s in rd.sentences(text)}
    return found


def page_problems(html: str, source: str, address: str, from_data: set[str]) -> list[PageWarning]:
    """Long sentences and hard blocks of text on one built page that did not come from data/."""
    problems = []
    for block in text_blocks(html):
        own = [s for s in rd.sentences(block) if _key(s) not in from_data]
        for sentence in own:
            count = len(rd.words(sentence))
            if count > rd.LONG_SENTENCE_WORDS:
                problems.append(PageWarning(source, address, f"A sentence here has {count} words "
                                            f"(aim for {rd.LONG_SENTENCE_WORDS} or fewer).", rd._quote(sentence)))
        text = " ".join(own)
        if len(rd.words(text)) >= rd.MIN_WORDS_FOR_SCORE and (score := rd.reading_ease(text)) < rd.LOW_READING_EASE:
            problems.append(PageWarning(source, address, f"This text has a Flesch reading ease of {score:.0f} "
                                        f"(aim for {rd.LOW_READING_EASE:.0f} or more).", rd._quote(text)))
    return problems


def _address(src: str) -> str:
    """A source file's page address: "strategy/x.md" -> "strategy/x/", "index.md" -> ""."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def site_problems(root: Path, site_dir: Path) -> list[PageWarning]:
    """Warnings for every built page, each naming the template or content file behind it."""
    sources = {_address(p.src): f"theme_overrides/hub/{p.template}" for p in build_pages(load(root))}
    content = root / "content"
    for path in content.rglob("*.md"):
        sources.setdefault(_address(path.relative_to(content).as_posix()), f"content/{path.relative_to(content)}")
    from_data = data_sentences(root)
    problems = []
    for address, source in sorted(sources.items()):
        built = site_dir / address / "index.html"
        if built.is_file():
            problems += page_problems(built.read_text(encoding="utf-8"), source, address, from_data)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--site", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    problems = site_problems(args.root, args.site)
    for problem in problems:
        print(problem.human() + "\n", file=sys.stderr)
    if problems:
        print(f"{len(problems)} plain-language warnings in the built pages' own words.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
