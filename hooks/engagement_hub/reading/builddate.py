"""The build date: the one "today" every date check compares against.

Checks such as "a pledge update cannot be dated after the build" or "the
accessibility statement was reviewed in the last 12 months" depend on the
day they run. Taking that day from one place, which a test or a rebuild of
an old commit can fix with ``HUB_BUILD_DATE=YYYY-MM-DD`` (or
``make check ARGS=--build-date=YYYY-MM-DD``), keeps them reproducible. Without either, the build date is today's date in
the UK (Europe/London: a build just after midnight in summer time already
counts as the new day).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

ENV = "HUB_BUILD_DATE"
UK = ZoneInfo("Europe/London")


class BuildDateError(ValueError):
    """The build date given is not a real YYYY-MM-DD date; the message says so in plain English."""


def parse_build_date(text: str, source: str = ENV) -> date:
    """A YYYY-MM-DD date, or BuildDateError naming where the bad value came from."""
    try:
        if len(text.strip()) != 10:
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BuildDateError(f"The build date in {source} is '{text}', which is not a date. "
                             "Expected a real date written YYYY-MM-DD, like 2026-04-30, "
                             f"or leave {source} unset to use today's date.") from None


def uk_date(instant: datetime) -> date:
    """The calendar date in the UK at a moment in time (which must carry its offset)."""
    if instant.tzinfo is None:
        raise ValueError("uk_date needs a time with its offset from UTC")
    return instant.astimezone(UK).date()


def build_date(given: str | None = None, environ: Mapping[str, str] | None = None,
               now: datetime | None = None) -> date:
    """The date the site or check is made for: ``given``, else $HUB_BUILD_DATE, else today in the UK."""
    if given:
        return parse_build_date(given, "--build-date")
    env = os.environ if environ is None else environ
    if value := env.get(ENV, "").strip():
        return parse_build_date(value)
    return uk_date(now or datetime.now(UTC))
