"""The core's tables of words (a status's name, a kind's heading), translated for a page's language.

Templates look words up in these tables by the code the data holds (``STATUS_WORDS["on-track"]``);
each word is a message in the interface catalogue (messages.py puts every one in messages.pot), so
a site in Welsh shows Welsh status words with no change to a template.
"""

from __future__ import annotations

from collections.abc import Callable

from ..reading import model as m
from . import progress as pr

TABLES: dict[str, dict[str, str]] = {
    "STATUS_WORDS": m.STATUS_WORDS, "PLEDGE_STATUS_WORDS": m.PLEDGE_STATUS_WORDS,
    "PURPOSE_WORDS": m.PURPOSE_WORDS, "MAKER_KIND_WORDS": m.MAKER_KIND_WORDS,
    "CHANNEL_KIND_WORDS": m.CHANNEL_KIND_WORDS, "VALUE_FAMILY_WORDS": m.VALUE_FAMILY_WORDS,
    "OPPORTUNITY_KIND_WORDS": m.OPPORTUNITY_KIND_WORDS, "OPPORTUNITY_STATE_WORDS": m.OPPORTUNITY_STATE_WORDS,
    "MOVEMENT_WORDS": pr.MOVEMENT_WORDS,
}


def translated(gettext: Callable[[str], str]) -> dict[str, dict[str, str]]:
    """Every table with its words in the language ``gettext`` translates into (English: as they are)."""
    return {name: {code: gettext(word) for code, word in table.items()} for name, table in TABLES.items()}


def words() -> list[str]:
    """Every word in the tables, for the catalogue's template."""
    return sorted({word for table in TABLES.values() for word in table.values()})
