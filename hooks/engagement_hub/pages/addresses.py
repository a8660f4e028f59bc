"""Where each page lives, and relative links between pages.

Links are relative so the site works at any address (a GitHub Pages project
site lives under /repository-name/). The rule matches MkDocs with
use_directory_urls: ``a/b.md`` is served at ``a/b/`` and ``a/index.md`` at ``a/``.
"""

from __future__ import annotations

import posixpath


def url_of(src: str) -> str:
    """The directory-style address of a source page, relative to the site root."""
    if src.endswith("index.md"):
        return src[: -len("index.md")]
    if src.endswith(".md"):
        return src[:-3] + "/"
    return src


def relative(from_src: str, to: str) -> str:
    """A link from one page to a page source, asset path or page#anchor."""
    target, _, anchor = to.partition("#")
    target_url = url_of(target) if target else url_of(from_src)
    base = url_of(from_src)
    rel = posixpath.relpath(target_url or ".", base.rstrip("/") or ".") if base else (target_url or ".")
    if (not target_url or target_url.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")
