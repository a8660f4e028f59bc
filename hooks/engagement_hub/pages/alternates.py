"""Where a page is in each of the site's languages: the English site at the top, each other
language in a folder named by its code (/cy/, /ur/), every page at the same address within it.

The language switcher, the head's hreflang links and the sitemap all ask here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..reading.languages import SOURCE, Language


@dataclass(frozen=True)
class Alternate:
    language: Language
    href: str
    """Relative to the page, so the site works from any address or folder."""
    absolute: str
    """With the site's address (site_url), or '' when the data gives none."""
    current: bool
    built: bool = True
    """False in a preview (`make serve`), which builds only its own language: a link there would not be found."""


def prefix(language: Language) -> str:
    """The folder a language's site is in, from the English site's root: '' or 'cy/'."""
    return "" if language.code == SOURCE else f"{language.code}/"


def alternates(url: str, current: Language, languages: tuple[Language, ...], site_url: str = "",
               preview: bool = False) -> list[Alternate]:
    """The page at ``url`` (relative to its own language's root, e.g. 'strategy/') in every language.

    ``site_url`` is the English site's address; empty, and the absolute addresses are too. ``preview``:
    only ``current`` is built (``mkdocs serve``), so the others are named but not ``built``."""
    url = url.lstrip("/")
    if len(languages) < 2:
        return []
    # From the page up to the English root: one step per folder of its address, plus its language's folder.
    depth = url.count("/") + (0 if current.code == SOURCE else 1)
    up = "../" * depth
    base = site_url.rstrip("/") + "/" if site_url else ""
    return [Alternate(language, (up + prefix(language) + url) or "./",
                      base + prefix(language) + url if base else "", language.code == current.code,
                      not preview or language.code == current.code)
            for language in languages]
