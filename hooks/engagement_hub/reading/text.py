"""Turn text from YAML into HTML that is safe to put on a public page.

Data is written by people, not trusted: Markdown is rendered, then every tag
and attribute passes through nh3 (the Ammonia sanitiser), so raw HTML or
script in data never reaches a page live. Links are checked earlier, at load
time, so a ``javascript:`` link is an error the author sees, not a silent
removal.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "code", "br", "blockquote", "abbr"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
_LINK_TARGETS = [
    re.compile(r"\]\(\s*<?([^)\s>]*)"),  # [text](target)
    re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)", re.MULTILINE),  # [ref]: target
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"),  # <scheme:autolink>
    re.compile(r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*([^"'\s>]*)""", re.IGNORECASE),
]
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*)\s*:")
_CONTROL = re.compile(r"[\x00-\x20]+")


def link_targets_at(text: str) -> list[tuple[str, int]]:
    """Every link or image address, with where it starts in the text, in order."""
    found = [(match.group(1), match.start(1)) for pattern in _LINK_TARGETS for match in pattern.finditer(text)]
    return sorted(found, key=lambda item: item[1])


def link_problem(target: str) -> str:
    """Why a link target is refused, or an empty string when it is allowed."""
    # Browsers decode '&#106;avascript&colon;' and ignore tabs inside 'java\tscript:', so check what they see.
    squeezed = _CONTROL.sub("", html.unescape(target))
    match = _SCHEME.match(squeezed)
    if match and match.group(1).lower() not in ALLOWED_SCHEMES:
        return (f"The link '{target[:60]}' uses '{match.group(1)}:', which is not allowed. "
                "Links may only start https://, http://, mailto: or tel:, or be a path on this site.")
    if not match and (squeezed.startswith("//") or "\\" in squeezed):
        return f"The link '{target[:60]}' is not a full web address. Write it starting https://."
    if not match and ".." in squeezed.split("/"):
        return f"The link '{target[:60]}' points outside the site with '..'. Use a full https:// address."
    return ""


_IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b", re.IGNORECASE)


def image_problem(text: str) -> str:
    """Images in data would load from wherever they point, so they are not allowed."""
    if _IMAGE.search(text):
        return "Images are not allowed in data text: they could load from another website and track readers."
    return ""


def image_offset(text: str) -> int:
    """Where the first image starts in the text (0 when there is none)."""
    match = _IMAGE.search(text)
    return match.start() if match else 0


@lru_cache(maxsize=8192)
def _render(text: str, inline: bool) -> str:
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# Every ASCII character Markdown or its attr_list extension could read as syntax.
_MARKDOWN_SYNTAX = re.compile(r"""[\\`*_{}\[\]()#+\-.!|~:<>&"'=]""")


def markdown_literal(text: str) -> Markup:
    """Plain text to place inside Markdown, which Markdown shows exactly as written.

    Escaping HTML is not enough there: Markdown reads the escaped text again, so
    ``*x*{onfocus=...}`` became an element with an attribute. Each syntax
    character becomes a numeric character reference, which Markdown leaves
    alone and the browser shows as the character; line breaks become spaces.
    """
    return Markup(_MARKDOWN_SYNTAX.sub(lambda match: f"&#{ord(match.group())};", " ".join((text or "").split())))


def markdown_html(text: str) -> Markup:
    """Block Markdown from data as sanitised HTML, ready for a template."""
    return Markup(_render(text or "", False))


def inline_html(text: str) -> Markup:
    """One paragraph of Markdown as sanitised inline HTML (no wrapping <p>)."""
    return Markup(_render(text or "", True))
