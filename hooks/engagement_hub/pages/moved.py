"""Pages that moved: a small notice at each former address of a page the site has, sending the reader on.

Board papers and printed leaflets keep a page's old address for years. The page registry
(``pages.KINDS``) names each kind's former addresses (``PageKind.former``); for each one of a
page the site has, the site gets a notice at the old address that moves the reader to the
page (a meta refresh, which needs no JavaScript) and links to it. The notice is not a page of
the site: it is in no menu, sitemap or search index, and it asks search engines not to list it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..reading.problems import Problem
from .addresses import url_of
from .pages import KINDS

NOTICE = "index.html"  # the file at a former address; a static host serves it for the address itself
REGISTRY = "hooks/engagement_hub/pages/pages.py"


@dataclass(frozen=True)
class Moved:
    address: str
    """The former address, relative to the site root: 'get-involved/patient-partners/'."""
    src: str
    """The page's source now: 'get-involved/partner-role.md'."""
    kind: str

    @property
    def file(self) -> str:
        """The notice's file in the site: 'get-involved/patient-partners/index.html'."""
        return self.address + NOTICE

    @property
    def link_src(self) -> str:
        """The notice as a page source, for relative links from it (addresses.relative)."""
        return self.address + "index.md"


def moved(pages: Mapping[str, Any]) -> list[Moved]:
    """A notice for each former address of a page in ``pages`` (by source); none for a page the site lacks."""
    return [Moved(address, kind.src, kind.name) for kind in KINDS.values() if kind.src in pages
            for address in kind.former]


def clashes(notices: list[Moved], pages: Mapping[str, Any], content_dir: Path) -> list[Problem]:
    """Former addresses another page uses now: a notice there would silently replace it, or it the notice."""
    made = {url_of(src): src for src in pages}
    written = {}
    for path in sorted(content_dir.rglob("*")) if content_dir.is_dir() else []:
        src = path.relative_to(content_dir).as_posix()
        if path.suffix == ".md":
            written[url_of(src)] = src
        elif path.name == NOTICE:
            written[src[: -len(NOTICE)]] = src
    problems = []
    for notice in notices:
        if (other := made.get(notice.address)) is not None:
            problems.append(_clash(notice, f"the page {other}, which the hub makes from data, is there now",
                                   REGISTRY, f"Take '{notice.address}' out of the former addresses of the "
                                   f"'{notice.kind}' page in {REGISTRY}, or give the other page another address."))
        if (other := written.get(notice.address)) is not None:
            problems.append(_clash(notice, f"content/{other} is published there now", f"content/{other}",
                                   f"Rename content/{other}: its address is kept for links to the old page."))
    return problems


def _clash(notice: Moved, what: str, file: str, hint: str) -> Problem:
    return Problem(file, 1, 1, "(the whole file)",
                   f"/{notice.address} is the former address of the page {notice.src}, kept so that old links "
                   f"still reach it; {what}. One would silently replace the other.",
                   expected="a former address that no page uses", hint=hint)


def addresses() -> Iterator[str]:
    """Every former address the registry names, of any kind."""
    for kind in KINDS.values():
        yield from kind.former
