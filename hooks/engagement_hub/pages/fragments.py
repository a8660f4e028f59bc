"""Text in another language than the page's, marked as such in the HTML.

On a Welsh page, a text with no translation yet is shown in English: a screen reader must read it
with English pronunciation (``lang="en"``) and the reader is told, in Welsh, why it is in English. A
translation nobody has checked is said to be one. Templates need not know: each text from the data
carries what it is (translations.InEnglish, translations.Translated), the template engine marks it
where it is written out (``finalize``), and the drawn page is then read once (``apply``): in the
page's text a mark becomes a ``<span lang="en">`` (``<tspan>`` in a chart); in a tag's attributes, a title, a script or a
style, where no element may go, the mark is simply removed.

A hand-written page is English on every other language's site, inside ``<div lang="en">``; a
translated name a macro puts into its prose is marked the other way (``HERE`` ... ``HERE_END``) and
becomes a span in the page's own language.

The marks are Unicode noncharacters (U+FDD0 to U+FDD4), which data may not contain (fields.py refuses
them as invisible), so a mark is never data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..reading.languages import Language
from ..reading.translations import InEnglish, Translated

OPEN, CLOSE, UNCHECKED = "\ufdd0", "\ufdd1", "\ufdd2"
HERE, HERE_END = "\ufdd3", "\ufdd4"  # a text in the page's own language, inside one marked English
_MARKS = re.compile(f"[{OPEN}{CLOSE}{UNCHECKED}{HERE}{HERE_END}]")
_PIECES = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
# Where no element may go: an SVG's <desc> (a chart's description) is text only, like a <title>.
_RAW = re.compile(r"<(/?)(title|desc|script|style|textarea)\b", re.IGNORECASE)
_SVG = re.compile(r"<(/?)svg\b", re.IGNORECASE)


def finalize(value: Any) -> Any:
    """Jinja's finalize: every ``{{ value }}`` passes here; a text from the data gets its marks."""
    kind = type(value)
    if kind is InEnglish:
        return OPEN + value + CLOSE
    if kind is Translated and not value.reviewed:
        return UNCHECKED + value
    return value


def wrap(render: Callable[[str], Markup], element: str) -> Callable[[str], Markup]:
    """A Markdown filter whose output, for an untranslated text, is one element in English."""
    def marked(text: str) -> Markup:
        html = render(text)
        if type(text) is InEnglish:
            return Markup(f'<{element} lang="en" dir="ltr">') + html + Markup(f"</{element}>")
        if type(text) is Translated and not text.reviewed:
            return Markup(UNCHECKED) + html
        return html
    return marked


@dataclass(frozen=True)
class Marked:
    html: str
    in_english: bool
    unchecked: bool


def apply(html: str, language: Language | None = None) -> Marked:
    """The page with its marks made into lang="en" spans, and spans in ``language`` (the page's) for text marked
    as in it (or removed where no element may go)."""
    if not _MARKS.search(html):
        return Marked(html, False, False)
    pieces = _PIECES.split(html)
    raw = svg = False
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag or comment
            if match := _RAW.match(piece):
                raw = not match.group(1)
            elif match := _SVG.match(piece):
                svg = not match.group(1)
            pieces[index] = _MARKS.sub("", piece)
        elif raw:
            pieces[index] = _MARKS.sub("", piece)
        else:
            element = "tspan" if svg else "span"  # a chart's text is SVG, where the element for a part is tspan
            # English reads left to right, also on a right-to-left page (a tspan has no dir: a chart is ltr).
            opening = f'<{element} lang="en">' if svg else f'<{element} lang="en" dir="ltr">'
            here = "" if language is None else f'<{element} lang="{language.code}">' if svg else \
                f'<{element} lang="{language.code}" dir="{language.dir}">'
            pieces[index] = piece.replace(OPEN, opening).replace(CLOSE, f"</{element}>") \
                .replace(UNCHECKED, "").replace(HERE, here).replace(HERE_END, f"</{element}>" if here else "")
    return Marked("".join(pieces), OPEN in html, UNCHECKED in html)


def strip(text: str) -> str:
    """The marks removed, for what is not HTML (a feed, a calendar, a file)."""
    return _MARKS.sub("", text)
