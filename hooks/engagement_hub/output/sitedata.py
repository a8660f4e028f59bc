"""The whole site as plain data, for any engine: pages with their HTML or Markdown, titles,
contents, the menu, assets and open data.

The MkDocs adapter (hooks/hub.py) and the export (export.py) both take the site
from ``HubSite``; this is the export's view of it, complete in one value, so
another engine needs nothing from the hub but this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..reading.logo import site_path
from ..reading.problems import Problem
from .site import HubSite, content_pages


@dataclass(frozen=True)
class PageData:
    """One page of the site."""

    src: str
    """Its source path, as MkDocs names it: 'strategy/index.md'."""
    title: str
    description: str
    html: str = ""
    """A page made from data: its finished body HTML."""
    markdown: str = ""
    """A hand-written page: its Markdown, macros already replaced by HTML, without front matter."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Its front matter (a hand-written page's own, or search and robots settings)."""
    toc: list[dict[str, Any]] = field(default_factory=list)
    """A page made from data: its contents, in Python-Markdown's ``toc_tokens`` form."""
    chrome: dict[str, str] = field(default_factory=dict)
    """What the footer needs: the feedback links, with the page named."""
    in_nav: bool = True


@dataclass(frozen=True)
class SiteData:
    name: str
    site_url: str
    copyright: str
    nav: list[Any]
    """The menu, in MkDocs' nav form: titles (HTML-escaped) to sources or lists of entries."""
    pages: tuple[PageData, ...]
    files: dict[str, str | bytes]
    """Generated files besides pages, by path: the brand stylesheet, the open data, the logo and favicon."""
    problems: tuple[Problem, ...] = ()
    """Macros that could not be expanded, by page."""
    brand: tuple[tuple[str, str], ...] = ()
    """The theme settings the organisation's images fill, with their paths in the site: (("logo", ...), ...)."""
    logo_alt: str = ""
    feed: str = ""
    """The Atom feed's path, when the site has one (there is something to announce); linked from every page."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A Markdown file's front matter (as MkDocs reads it) and the rest."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return yaml.safe_load(text[4:end]) or {}, text[end + 5:]
    return {}, text


def site_data(site: HubSite, content_dir: Path) -> SiteData:
    """Every page of ``site`` (made from data, and hand-written in ``content_dir``) as plain data."""
    pages = []
    problems: list[Problem] = []
    generated = site.generated_files()
    for src, page in site.pages.items():
        body = site.render(src)
        meta, _ = split_front_matter(generated[src])
        pages.append(PageData(src=src, title=page.title, description=page.description, html=body, meta=meta,
                              toc=site.toc_tokens(body), chrome=site.page_chrome(src, page.title),
                              in_nav=site.in_nav(src)))
    titles = {src: title for title, src in content_pages(content_dir)}  # the menu's titles
    for path in sorted(content_dir.rglob("*.md")):
        src = path.relative_to(content_dir).as_posix()
        if src in site.pages:
            continue
        meta, text = split_front_matter(path.read_text(encoding="utf-8"))
        expanded, found = site.expand_macros(text, src)
        problems += found
        title = str(meta.get("title") or titles.get(src) or path.stem)
        pages.append(PageData(src=src, title=title, description=str(meta.get("description", "")),
                              markdown=expanded, meta=meta, chrome=site.page_chrome(src, title),
                              in_nav=src in titles))
    files = {path: text for path, text in generated.items() if path not in site.pages}
    org = site.hub.organisation
    return SiteData(name=org.short_name, site_url=org.site_url, copyright=site.copyright, nav=site.nav,
                    pages=tuple(pages), files=files, problems=tuple(problems),
                    brand=tuple((key, site_path(name)) for key, name in site.brand_files.items()),
                    logo_alt=org.logo_alt, feed=site.feed_path)

