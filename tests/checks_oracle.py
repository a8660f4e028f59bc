"""The oracle for tests/test_fast_checks.py: the walks of ``fields.field_problems`` and ``load._unsafe_text``
as they were at commit cf4b6f9, before they were made faster.

Kept unchanged (the checks they call on each value are the hub's own) so the faster walks can be
checked to report exactly the same problems, in the same order. Not used by the hub.
"""

from __future__ import annotations

from typing import Any

from engagement_hub.preview.memory import Memory
from engagement_hub.reading.fields import MAX_NUMBER, _string_problems, number_problem, text_problem
from engagement_hub.reading.load import _LINK_OR_IMAGE, _text_problems
from engagement_hub.reading.problems import Path, Problem
from engagement_hub.reading.source import Document


def field_problems(doc: Document, node: Any, path: Path = (), checked: set[int] | frozenset[int] = frozenset()
                   ) -> list[Problem]:
    """Every value in a document that no field may hold, with file, line and field."""
    problems: list[Problem] = []
    # Each entry carries the name of the field it sits under, so a value's checks need no search of its path.
    stack: list[tuple[Path, str, Any]] = [(path, next((p for p in reversed(path) if isinstance(p, str)), ""), node)]
    good_keys: set[str] = set()  # the same few field names repeat thousands of times: each is checked once
    while stack:
        at, name, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and key not in good_keys:
                    if message := text_problem(key)[0]:
                        problems.append(doc.problem((*at, key), "A field name: " + message,
                                                    hint="Retype the field name."))
                    else:
                        good_keys.add(key)
                stack.append(((*at, key), key if isinstance(key, str) else name, item))
        elif isinstance(value, list):
            stack.extend(((*at, index), name, item) for index, item in enumerate(value) if id(item) not in checked)
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, (int, float)):
            if message := number_problem(value):
                problems.append(doc.problem(at, message, expected=f"a number between -{MAX_NUMBER:,} and {MAX_NUMBER:,}",
                                            found=str(value)[:40], hint="Write the number in figures."))
        elif isinstance(value, str):
            problems += _string_problems(doc, at, name, value)
    return problems


def _unsafe_text(doc: Document, node: Any, path: tuple[str | int, ...], memory: Memory,
                 checked: set[int] | frozenset[int] = frozenset()) -> list[Problem]:
    """Links and images in any text field, refused where they could harm or track a reader."""
    problems: list[Problem] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [(path, node)]
    while stack:  # a loop, not recursion: 100x data has a hundred thousand values
        at, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*at, key), item) for key, item in reversed(value.items()))  # reversed: read in order
        elif isinstance(value, list):
            stack.extend(((*at, index), item) for index, item in reversed(list(enumerate(value)))
                         if id(item) not in checked)
        elif isinstance(value, str) and value not in memory.safe_text and _LINK_OR_IMAGE.search(value):
            problems += _text_problems(doc, at, value, memory)
    return problems
