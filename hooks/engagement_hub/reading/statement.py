"""The accessibility statement's review date, which the 2018 Regulations require to be kept current.

Regulation 8 of the Public Sector Bodies (Websites and Mobile Applications)
(No. 2) Accessibility Regulations 2018 asks for a statement that is "regularly
reviewed"; the government's guidance reads that as at least once a year. The
date is data, so only a check against today's date can notice it going stale:
``make check`` fails once ``last_reviewed`` is more than 12 months old.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .problems import Problem
from .source import Document, read_yaml

REVIEW_MONTHS = 12


def months_before(day: date, months: int) -> date:
    """The same day of the month ``months`` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has at least 28 days")


def review_problems(doc: Document, today: date) -> list[Problem]:
    """An error when the statement was last reviewed more than 12 months before today."""
    data = doc.data if isinstance(doc.data, dict) else {}
    try:
        reviewed = date.fromisoformat(str(data.get("last_reviewed", "")))
    except ValueError:
        return []  # the schema check has already reported a date it cannot read
    due = months_before(today, REVIEW_MONTHS)
    if reviewed >= due:
        return []
    return [doc.problem(
        ("last_reviewed",),
        f"The accessibility statement was last reviewed on {reviewed.isoformat()}, more than "
        f"{REVIEW_MONTHS} months ago. The accessibility regulations require it to be reviewed regularly.",
        expected=f"a date on or after {due.isoformat()}",
        found=reviewed.isoformat(),
        hint="Check the statement's known issues, contacts and test results are still true "
             "(retest the site if it has changed), then set last_reviewed to the date of the review.")]


def statement_problems(root: Path, today: date) -> list[Problem]:
    """The review-date check for data/accessibility.yml; a file that cannot be read is left to the data check."""
    path = Path(root) / "data" / "accessibility.yml"
    if not path.is_file():
        return []
    doc, errors = read_yaml(path.read_bytes(), "data/accessibility.yml")
    return [] if errors else review_problems(doc, today)
