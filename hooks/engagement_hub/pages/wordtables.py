"""The core's tables of words (a status's name, a kind's heading), translated for a page's language.

Templates look words up in these tables by the code the data holds (``STATUS_WORDS["on-track"]``);
each word is a message in the interface catalogue (messages.py puts every one in messages.pot), so
a site in Welsh shows Welsh status words with no change to a template.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..reading import model as m
from ..reading.translations import InEnglish, Translated
from . import datapackage as dp
from . import opendata as od
from . import progress as pr
from .words import Words

TABLES: dict[str, dict[str, str]] = {
    "STATUS_WORDS": m.STATUS_WORDS, "PLEDGE_STATUS_WORDS": m.PLEDGE_STATUS_WORDS,
    "PURPOSE_WORDS": m.PURPOSE_WORDS, "MAKER_KIND_WORDS": m.MAKER_KIND_WORDS,
    "CHANNEL_KIND_WORDS": m.CHANNEL_KIND_WORDS, "VALUE_FAMILY_WORDS": m.VALUE_FAMILY_WORDS,
    "OPPORTUNITY_KIND_WORDS": m.OPPORTUNITY_KIND_WORDS, "OPPORTUNITY_STATE_WORDS": m.OPPORTUNITY_STATE_WORDS,
    "MOVEMENT_WORDS": pr.MOVEMENT_WORDS, "FIGURE_WORDS": pr.FIGURE_WORDS,
}


def translated(gettext: Callable[[str], str]) -> dict[str, dict[str, str]]:
    """Every table with its words in the language ``gettext`` translates into (English: as they are)."""
    return {name: {code: gettext(word) for code, word in table.items()} for name, table in TABLES.items()}


# The hub's own wording of what data may word for itself (kinds, statuses): messages too, used only where
# the data gives none (in_language).
# The organisation's own words for parts of the site (organisation.yml words:), as the hub words them by default.
ORGANISATION_DEFAULTS = tuple(getattr(m.Words(), f.name) for f in dataclasses.fields(m.Words))
DEFAULT_TEXTS = (*m.STATUS_MEANINGS.values(), *ORGANISATION_DEFAULTS,
                 *(kind.description for kind in (*m.DEFAULT_MAKER_KINDS, *m.DEFAULT_CHANNEL_KINDS)),
                 *od.texts(), *dp.texts())  # what the open data page, downloads and datapackage.json say of the files


def words() -> list[str]:
    """Every word in the tables, for the catalogue's template."""
    return sorted({word for table in TABLES.values() for word in table.values()} | set(DEFAULT_TEXTS))


def in_language(hub: m.Hub, words: Words) -> m.Hub:
    """``hub`` with the words of its kinds, statuses and parts of the site in the language of ``words``. The data may word
    them itself; a word the translations do not reach (a plain ``str``, neither translated nor marked)
    is the hub's own default wording, a message in the catalogue, or else English from the data,
    marked as English (translations.InEnglish)."""
    defaults = {*m.STATUS_WORDS.values(), *m.STATUS_MEANINGS.values(), *ORGANISATION_DEFAULTS,
                *(text for kind in (*m.DEFAULT_MAKER_KINDS, *m.DEFAULT_CHANNEL_KINDS)
                  for text in (kind.name, kind.description))}

    def said(text: str) -> str:
        if type(text) is not str or not text:
            return text  # translated, or already marked as English, by the data's translations
        return words.gettext(text) if text in defaults else InEnglish(text)

    def kinds(given: tuple[m.Kind, ...]) -> tuple[m.Kind, ...]:
        return tuple(m.Kind(k.id, said(k.name), said(k.description)) for k in given)

    statuses = tuple((key, said(word), said(meaning)) for key, word, meaning in hub.strategy.statuses)
    org = hub.organisation
    org_words = dataclasses.replace(org.words, **{f.name: said(getattr(org.words, f.name))
                                                  for f in dataclasses.fields(m.Words)})
    return dataclasses.replace(hub, strategy=dataclasses.replace(hub.strategy, statuses=statuses),
                               maker_kinds=kinds(hub.maker_kinds), channel_kinds=kinds(hub.channel_kinds),
                               organisation=dataclasses.replace(org, words=org_words),
                               years=tuple(_reviewer_in_language(y, words) for y in hub.years))


def _reviewer_in_language(year: m.Year, words: Words) -> m.Year:
    """The year with who reviewed it in the page's language. `make publish-year` copies the organisation's words
    into the year; when those were the hub's default ("the Trust Board"), the catalogue words them, as it did
    before the year was published, unless the data's translations give the year's own."""
    given = year.reviewed_by
    if not given or isinstance(given, Translated) or str(given) not in ORGANISATION_DEFAULTS:
        return year
    said = words.gettext(str(given))
    return year if said == given and type(said) is type(given) else dataclasses.replace(year, reviewed_by=said)
