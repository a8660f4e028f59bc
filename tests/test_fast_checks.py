"""The faster walks of the field checks report exactly what the loops before them reported.

``fields.field_problems`` (what no value may be) and ``load._unsafe_text`` (links and images that
could harm or track a reader) visit every value of every file; at 100x the data they were made
faster (issue 15) by settling ordinary texts in the loop. ``checks_oracle`` keeps the walks as
they were; these tests give both the same data, drawn from the values each check exists for (bad
addresses and emails, reserved ids, impossible dates, invisible characters, over-long texts, too
many '[', unsafe links and images, huge numbers), nested in blocks and lists as hub data nests,
with records already checked skipped, and compare every problem in order and what the preview's
memory learns.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import checks_oracle
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TRUST_DATA, examples
from engagement_hub.preview.memory import Memory
from engagement_hub.reading import fields, load
from engagement_hub.reading.source import Document, read_yaml

TEXTS = [
    "A plain sentence.", "Another plain one", "", "x" * (fields.MAX_TEXT + 1), "[" * (fields.MAX_BRACKETS + 1),
    "a\u200bb", "bidi \u202e text", "tab\tand\nline", "https://example.org/a", "http://example.org", "javascript:x",
    "https://exa mple.org", "mailto:a@b.org", "mailto:a@b.org?cc=c@d.org", "tel:+44 20 7946 0000", "/a/page",
    "team@example.org", "not an email", "index", "assets", "page-2", "a" * (fields.MAX_ID + 1), "ok-id",
    "2026-12-01", "2026-02-30", "2026-13-01", "abcdefghij", "[a link](https://example.org)",
    "[bad](javascript:alert(1))", "![image](https://tracker.example/p.png)", "<img src=x>", "see: this",
    "(brackets)", "a ! b", "data:text/html,x",
]
KEYS = ["text", "name", "id", "url", "feedback_url", "photo_url", "email", "date", "href", "link", "items",
        "a\u200bkey", "x" * (fields.MAX_TEXT + 1), "title"]
LEAVES = st.sampled_from(TEXTS) | st.sampled_from([True, False, None, 0, 12, -3.5, 10**13, float("inf"),
                                                   float("nan")])
DATA = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5), max_leaves=30)


def checked_ids(data: Any, every: int) -> set[int]:
    """Every ``every``-th item of every list, as records carried over from a clean reading are."""
    found: set[int] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        children = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else []
        if isinstance(value, list) and every:
            found |= {id(item) for item in value[::every]}
        stack += children
    return found


def problems_of(walk: Any, doc: Document, checked: set[int], memory: Memory | None) -> tuple:
    """The problems in order, with every field spelled out (NaN is compared by its text)."""
    found = walk(doc, doc.data, (), memory, checked) if memory is not None else walk(doc, doc.data, (), checked)
    return tuple(repr(dataclasses.astuple(problem)) for problem in found)


def compare(data: Any, every: int, safe: frozenset[str] = frozenset()) -> None:
    doc = Document(file="data/x.yml", data=data, positions={(): (1, 1)})
    checked = checked_ids(data, every)
    assert problems_of(fields.field_problems, doc, checked, None) == problems_of(
        checks_oracle.field_problems, doc, checked, None)
    ours, theirs = Memory(), Memory()
    ours.safe_text |= safe
    theirs.safe_text |= safe
    assert problems_of(load._unsafe_text, doc, checked, ours) == problems_of(
        checks_oracle._unsafe_text, doc, checked, theirs)
    assert ours.safe_text == theirs.safe_text


@settings(max_examples=examples(600), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DATA, st.sampled_from([0, 0, 1, 2]), st.frozensets(st.sampled_from(TEXTS), max_size=3))
def test_the_checks_report_as_before(data: Any, every: int, safe: frozenset[str]) -> None:
    compare(data, every, safe)


@pytest.mark.parametrize("path", sorted(TRUST_DATA.rglob("*.yml")), ids=lambda path: path.name)
def test_the_fixture_data_is_checked_as_before(path: Any) -> None:
    compare(read_yaml(path.read_bytes(), path.name)[0].data, 0)


def test_the_comparison_can_fail() -> None:
    """A walk that skips one kind of text is caught: the comparison is not vacuous."""
    data = {"items": [{"id": "index", "text": "[bad](javascript:x)"}]}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fields, "_string_problems", lambda *args: [])
        with pytest.raises(AssertionError):
            compare(data, 0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "_text_problems", lambda *args: [])
        with pytest.raises(AssertionError):
            compare(data, 0)
