"""A page's table of contents, read from its finished HTML: the h2 and h3 headings with an id.

One rule for every engine: the MkDocs adapter gives these entries to MkDocs,
and ``make export`` copies this file beside the exported site as a
Python-Markdown extension (``makeExtension``), so an engine that builds the
export (Zensical) makes the same contents from the same headings. It imports
nothing from the hub, so the copy works on its own.
"""

from __future__ import annotations

import html as html_text
import re
from typing import Any

# A page with more sections than this lists only its sections (h2) in its contents, not their parts (h3):
# Material draws the contents twice on every page, so long ones are kept short.
TOC_FULL_LIMIT = 12

_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


# Words still in English on a page in another language (the hub's fragments.py): kept marked as English in the
# contents, where the build makes the marks lang="en" again.
_IN_ENGLISH = re.compile(r'<span lang="en" dir="ltr">([^<]*)</span>')


def headings(html: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of the h2 and h3 headings, in order, the text plain (not HTML)."""
    return [(int(level), anchor, html_text.unescape(_TAG.sub("", _IN_ENGLISH.sub("\ufdd0\\1\ufdd1", text))).strip())
            for level, anchor, text in _HEADING.findall(html)]


def _escape(text: str) -> str:
    """As markupsafe.escape writes it (quotes too), so the contents are the same bytes as before."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """Table-of-contents entries in Python-Markdown's nested ``toc_tokens`` form (which MkDocs uses too)."""
    tokens: list[dict[str, Any]] = []
    for level, anchor, name in headings(html):
        escaped = _escape(name)
        token = {"level": level, "id": anchor, "name": escaped, "html": escaped, "data-toc-label": "",
                 "children": []}
        if level == 3 and tokens:
            tokens[-1]["children"].append(token)
        elif level == 2:
            tokens.append(token)
    if len(tokens) > TOC_FULL_LIMIT:
        for token in tokens:
            token["children"] = []
    return tokens


def makeExtension(**kwargs: Any) -> Any:
    """The Python-Markdown extension: a page of finished HTML gets its contents from its headings."""
    from markdown import Extension  # noqa: PLC0415 - only an engine building the export needs Markdown here
    from markdown.postprocessors import Postprocessor  # noqa: PLC0415

    class HeadingsToc(Postprocessor):
        def run(self, text: str) -> str:
            # A page made from data is one block of HTML, where Markdown's own contents find no
            # heading; a hand-written page keeps Markdown's contents, as MkDocs shows them.
            if not getattr(self.md, "toc_tokens", None):
                self.md.toc_tokens = toc_tokens(text)  # type: ignore[attr-defined]
            return text

    class HeadingsTocExtension(Extension):
        def extendMarkdown(self, md: Any) -> None:
            md.postprocessors.register(HeadingsToc(md), "hub_toc", 1)  # after raw HTML is put back (30)

    return HeadingsTocExtension(**kwargs)
