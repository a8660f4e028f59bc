"""What a preview remembers from one rebuild to the next: every speed-up's state, in one object.

`make serve` reloads the data on every save. Most of the data did not change,
so the reader, the checks, the model and the open data keep what they made
last time and reuse it when its inputs are the same. All of that lives here,
in one object the adapter passes in, never in module globals: a build given a
fresh ``Memory`` (or none) shares nothing with any other build, so the
speed-ups can be switched off (``HUB_SPEEDUPS=0``) and a test can compare a
preview with a build that is fresh in every sense.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reading.source import Document

SAFE_TEXT_LIMIT = 100_000  # texts remembered as safe before the set starts again


@dataclass
class Memory:
    """Everything the speed-ups keep between loads (see each field)."""

    unchanged: dict[str, tuple[bytes, Document]] = field(default_factory=dict)
    """The last good reading of each data file, by its exact bytes: an unchanged file is not read again."""
    safe_text: set[str] = field(default_factory=set)
    """Texts already found free of unsafe links and images."""
    kept: dict[str, dict[Any, Any]] = field(default_factory=dict)
    """The pledges and channels of the last load, so equal ones are the very same objects (compared at a glance)."""
    made_from: dict[str, dict[int, tuple[Any, Any]]] = field(default_factory=dict)
    """id of each pledge's record as read from its file -> (that record, the pledge made of it)."""
    built: dict[str, tuple[Document, Any]] = field(default_factory=dict)
    """The strategy and each year as made from their files last time, by file: the document they were made
    from (the same object while the file is unchanged) and what was made of it."""
    placed: dict[int, tuple[Any, list[Any]]] = field(default_factory=dict)
    """id of a pledge -> (that pledge, the years whose reports list it, as made or completed, and how).
    Kept for the years in ``placed_years`` (each year's first day, last day and label)."""
    placed_years: tuple[Any, ...] = ()
    newest: dict[int, tuple[Any, str]] = field(default_factory=dict)
    """id of a pledge or channel -> (that record, its newest date)."""
    row_texts: dict[tuple[Any, ...], tuple[str, str]] = field(default_factory=dict)
    """Each open data row's CSV line and JSON text, keyed on its exact values."""
    made: dict[str, tuple[list[dict[str, Any]], tuple[str, str, str], str, str]] = field(default_factory=dict)
    """Each open data file as last written, with the rows and publisher it was written from."""
    rows_for: list[Any] = field(default_factory=lambda: [None, {}])
    """The last hub seen and its open data rows by dataset (the open data page counts them, the files hold them)."""

    def remember_safe(self, text: str) -> None:
        if len(self.safe_text) > SAFE_TEXT_LIMIT:
            self.safe_text.clear()
        self.safe_text.add(text)
