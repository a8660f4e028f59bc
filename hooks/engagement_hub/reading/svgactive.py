"""Whether an SVG holds anything a browser runs when the file is opened on its own.

The site publishes the logo and favicon unchanged under assets/brand/, so a script
in one runs with the site's origin. A search for '<script' alone misses the same
script behind an XML namespace prefix (<svg:script>), a character reference
(&#106;avascript:), a tab inside the scheme (java&#x09;script:, which browsers
ignore), an entity declared in the file's DOCTYPE, or an XSLT stylesheet that
writes script. Each is read the way the browser reads it before the search.
"""

from __future__ import annotations

import re

_ACTIVE = re.compile(r"<(?:[\w.-]+:)?(?:script|foreignObject|iframe|embed|object)\b|\son[a-z]+\s*=|<\?xml-stylesheet",
                     re.IGNORECASE)
_CHAR_REF = re.compile(r"&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));?", re.IGNORECASE)
_REFERENCE = re.compile(r"&([\w.-]+);")
_ENTITY = re.compile(r"""<!ENTITY\s+([\w.-]+)\s+(?:"([^"]*)"|'([^']*)')""")
# Browsers drop tabs, line breaks and leading control characters from a URL before reading its scheme.
_URL_IGNORED = re.compile(r"[\x00-\x20]")
_MAX_EXPANDED = 1_000_000  # a logo is a few kilobytes; entities that grow past this are refused, not expanded


def _char(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""


def _expanded(text: str, entities: dict[str, str]) -> str | None:
    """``text`` with each entity reference replaced by its value, or None once it would pass _MAX_EXPANDED
    (checked piece by piece, so an entity bomb is never built)."""
    pieces, size, at = [], 0, 0
    for match in _REFERENCE.finditer(text):
        value = entities.get(match.group(1), match.group(0))
        size += match.start() - at + len(value)
        if size > _MAX_EXPANDED:
            return None
        pieces += [text[at:match.start()], value]
        at = match.end()
    return "".join([*pieces, text[at:]])


def runs_script(text: str) -> bool:
    """True when the SVG ``text`` holds script, an event handler or a javascript: link, however written."""
    entities = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ENTITY.finditer(text)}
    for _ in range(4 if entities else 0):  # entities may name entities; four levels is more than a logo uses
        expanded = _expanded(text, entities)
        if expanded is None:
            return True  # refused as a script would be: nothing that size is a logo
        text = expanded
    text = _CHAR_REF.sub(_char, text)
    return bool(_ACTIVE.search(text)) or "javascript:" in _URL_IGNORED.sub("", text).lower()
