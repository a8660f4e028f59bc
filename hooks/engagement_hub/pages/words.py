"""The words the core itself writes (a chart's title, "No change", "Target 40 by 2027/28"), in the
page's language, from the same catalogue as the templates' words (locale/CODE.po).

A message the catalogue has no translation for is shown in English, marked as English where it is
written (``in_english``): each run of its text between tags and placeholders is wrapped in the marks
fragments.py turns into ``<span lang="en" dir="ltr">`` (or removes, inside an attribute or a title),
so a screen reader reads it as English and the page says, in its own language, that part of it is
still in English. This holds for every message by construction, in the templates (their gettext is
``marked``) and in the core (``Words``), not message by message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from babel.numbers import format_decimal
from babel.support import NullTranslations

from ..reading.languages import SOURCE
from .fragments import CLOSE, OPEN

# What a message's English holds besides its words: HTML tags (a link inside a sentence) and
# %-placeholders, which become numbers or translated names and so are never marked as English.
_NOT_WORDS = re.compile(r"<[^>]*>|%(?:\([^)]*\))?[#0+-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
_LETTER = re.compile(r"[^\W\d_]")


def in_english(message: str) -> str:
    """``message`` with each run of its words (not its tags or placeholders) marked as English."""
    pieces = _NOT_WORDS.split(message)
    between = _NOT_WORDS.findall(message)
    out = []
    for index, piece in enumerate(pieces):
        if _LETTER.search(piece):
            # The spaces around a run stay outside its mark: inside a left-to-right span on a right-to-left
            # page, the space before a placeholder is drawn at the span's far end ("2024/25What changed since").
            core = piece.strip()
            start = piece.index(core)
            out.append(f"{piece[:start]}{OPEN}{core}{CLOSE}{piece[start + len(core):]}")
        else:
            out.append(piece)
        if index < len(between):
            out.append(between[index])
    return "".join(out)


class Marked(NullTranslations):
    """A language's translations, with each message they lack given in English, marked (``in_english``).

    ``translated`` is the set of messages (their English, the msgid) the catalogue translates; an
    entry with an empty or fuzzy translation is not among them (catalogue.translated_ids)."""

    def __init__(self, translations: NullTranslations, translated: frozenset[str]) -> None:
        super().__init__()
        self._translations = translations
        self._translated = translated

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message) if message in self._translated else in_english(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if singular in self._translated:
            return self._translations.ngettext(singular, plural, n)
        return in_english(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.ngettext(singular, plural, n)

    # Babel's aliases, which Jinja's i18n extension prefers to the names above when a class has them.
    ugettext, ungettext, upgettext, unpgettext = gettext, ngettext, pgettext, npgettext


@dataclass(frozen=True)
class Words:
    """The core's words and numbers in one language; English (``ENGLISH_WORDS``) as written.

    Equal to another Words of the same language: a preview compares each page's context with the
    last build's to skip the pages that did not change, and the catalogue is the same for one build."""

    translations: NullTranslations = field(compare=False, repr=False)
    code: str = SOURCE

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def number(self, value: float | None) -> str:
        return number(value, self.code)


def number(value: float | None, code: str = SOURCE) -> str:
    """12, 12.5, 1,200 (at most one decimal place), in the language's own digits and separators (CLDR's)."""
    if value is None:
        return "–"
    if code == SOURCE:  # the English site as it has always been written
        return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
    return format_decimal(round(value, 1), format="#,##0.#", locale=code)


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital, past any mark (fragments.py) before it."""
    at = _LETTER.search(text)
    return text if at is None else text[:at.start()] + text[at.start()].upper() + text[at.start() + 1:]


ENGLISH_WORDS = Words(NullTranslations())
