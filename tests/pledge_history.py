"""A pledge's history read straight from its YAML, independently of the hub's own code, for tests to compare with.

Both forms are read: a list of dated ``updates``, or the older ``status`` with one ``update``.
"""

from __future__ import annotations

from typing import Any

FINISHED = ("kept", "not-kept")


def history(pledge: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(date, status, text) of each update, oldest first."""
    if "updates" in pledge:
        return [(str(u["date"]), u["status"], u["text"]) for u in pledge["updates"]]
    if "update" in pledge:
        return [(str(pledge["update"]["date"]), pledge.get("status", "made"), pledge["update"]["text"])]
    return []


def stood(pledge: dict[str, Any], day: str) -> tuple[str, str, str] | None:
    """(status, update date, update text) at the end of ``day``; None if not yet made."""
    if str(pledge["date"]) > day:
        return None
    known = [u for u in history(pledge) if u[0] <= day]
    return (known[-1][1], known[-1][0], known[-1][2]) if known else ("made", "", "")


def latest(pledge: dict[str, Any]) -> tuple[str, str, str]:
    return stood(pledge, "9999-12-31") or ("made", "", "")


def finished_since(pledge: dict[str, Any], day: str) -> str:
    """The day the pledge became finished and stayed so, as of ``day``; '' if it was not finished then."""
    since = ""
    for date, status, _ in reversed([u for u in history(pledge) if u[0] <= day]):
        if status not in FINISHED:
            break
        since = date
    return since
