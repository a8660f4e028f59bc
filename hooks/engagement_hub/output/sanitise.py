"""Hand-written content/ pages under the same rule as data: HTML passes the sanitiser.

A content page is Markdown, which may hold raw HTML, and Python-Markdown's
attr_list adds any attribute written in { }. After Markdown (and the hub's
macros) have made the page's HTML, nh3 keeps only the tags and attributes a
prose page needs, links only to https://, http://, mailto:, tel: or this site,
and images only from this site: no script, no event handler, no request to
another site. Material's bundle would fetch Mermaid from a CDN for any element
with the class ``mermaid``, so that class is dropped.

A site that needs raw HTML on a page names the page in mkdocs.yml under
``extra: trusted_html:`` (see docs/how-it-works.md, "Safe by construction"); nothing is trusted by default.
"""

from __future__ import annotations

import re

import nh3

from ..reading.text import ALLOWED_SCHEMES

_TAGS = (nh3.ALLOWED_TAGS - {"center", "strike", "tt", "acronym"}) | {"section", "nav", "main"}
_GLOBAL = {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"}  # tabindex: scrollable tables
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL,
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "align"},
    "time": {"datetime"},
    "data": {"value"},
    "abbr": {"title"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
# Classes that make Material's JavaScript load code from another site.
_THIRD_PARTY_CLASSES = {"mermaid"}
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        # Only an image from this site: no scheme, no //host, no backslash a browser reads as /.
        squeezed = re.sub(r"[\x00-\x20]", "", value)
        return None if _SCHEME.match(squeezed) or squeezed.startswith(("//", "/\\")) or "\\" in squeezed else value
    if attribute == "class":
        kept = [name for name in value.split() if name.lower() not in _THIRD_PARTY_CLASSES]
        return " ".join(kept) or None
    return value


def sanitise(html: str) -> str:
    """A content page's HTML with only safe, first-party markup left."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"aria-"},
        url_schemes=ALLOWED_SCHEMES,
        attribute_filter=_attribute,
        link_rel=None,
        strip_comments=True,
    )
