"""Equality that implies the same HTML: the preview's test for "nothing on this page changed".

Python's == says 1 == 1.0 == True, 0.0 == -0.0 and Markup("<b>") == "<b>", yet
each pair is drawn differently on a page. The preview reuses a page's HTML
when its inputs compare equal, so it compares them with ``same``: equal
values of the very same types, all the way down, floats by how they are
written. Unchanged records are the very same objects between rebuilds
(memory.py), so a list of thousands is compared at a glance.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any


def same(a: Any, b: Any) -> bool:
    """True only if ``a`` and ``b`` would be drawn identically by any template."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is str or kind is int or kind is bool or a is None:
        return a == b
    if kind is float:
        return repr(a) == repr(b)
    if kind is list or kind is tuple:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if kind is dict:
        return (len(a) == len(b) and list(a) == list(b)  # the same keys in the same order
                and all(same(x, y) for x, y in zip(a.values(), b.values(), strict=True)))
    if dataclasses.is_dataclass(kind):
        return all(same(getattr(a, name), getattr(b, name)) for name in _fields(kind))
    return a == b


@cache
def _fields(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


class Exactly:
    """A value wrapped so that == means ``same``, for comparing tuples of inputs in one go."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Exactly) and same(self.value, other.value)

    def __hash__(self) -> int:
        return hash(type(self.value))
