"""Dates and numbers written the way each language writes them, from Unicode's CLDR through Babel.

English keeps the GOV.UK style the site has always used (11 May 2025, 12,345); Welsh writes
11 Mai 2025, Urdu 11 مئی، 2025. A number is written in the language's own digits and separators,
so a page never mixes styles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from ..reading import model as m
from ..reading import opportunities as op
from ..reading.languages import SOURCE

# English as written in the UK (CLDR's en_GB): day before month, no comma after the month.
_ENGLISH = "en_GB"


def _locale(code: str) -> str:
    return _ENGLISH if code == SOURCE else code


def long_date(iso: str | dt.date, code: str = SOURCE) -> str:
    """2025-05-11 as 11 May 2025 in English, 11 Mai 2025 in Welsh ('' for no date)."""
    if not iso:
        return ""
    day = iso if isinstance(iso, dt.date) else dt.date.fromisoformat(iso)
    return format_date(day, "long", locale=_locale(code))


def month_year(iso: str | dt.date, code: str = SOURCE) -> str:
    """2025-05-11 as May 2025 (Mai 2025)."""
    day = iso if isinstance(iso, dt.date) else dt.date.fromisoformat(iso)
    return format_date(day, "LLLL y", locale=_locale(code))


def number(value: float, code: str = SOURCE) -> str:
    """12345 as 12,345, with the language's separators."""
    return format_decimal(value, locale=_locale(code))


def when_words(when: m.When, code: str, gettext: Callable[[str], str]) -> str:
    """An opportunity's moment in the language: in English as the site has always written it
    (opportunities.when_words: 5pm on Thursday 14 January 2027); in another language
    Dydd Iau 14 Ionawr 2027, or 17:00 ar Dydd Iau 14 Ionawr 2027, the day and time as CLDR writes them."""
    if code == SOURCE:
        return op.when_words(when)
    day = format_date(when.day, "EEEE d MMMM y", locale=code)
    if not when.time:
        return day
    return gettext("%(time)s on %(day)s") % {"time": format_time(when.time, "short", locale=code), "day": day}
