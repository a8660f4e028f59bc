"""The site's content review dates (data/organisation.yml, content_review): the next review must come
after the last one. The schema checks each date alone; this checks them together."""

from __future__ import annotations

from .problems import Problem
from .source import Document


def review_problems(doc: Document) -> list[Problem]:
    data = doc.data if isinstance(doc.data, dict) else {}
    review = data.get("content_review")
    if not isinstance(review, dict):
        return []
    last, due = str(review.get("last_reviewed", "")), str(review.get("next_review_due", ""))
    if last and due and due <= last:  # ISO dates compare as text
        return [doc.problem(("content_review", "next_review_due"),
                            f"The next review ({due}) is not after the last review ({last}).",
                            expected=f"a date after {last}", found=due,
                            hint="NHS.UK reviews pages at least every 3 years; many teams review every year.")]
    return []
