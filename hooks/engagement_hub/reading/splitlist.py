"""A list of texts written in [ ] on one line, where a comma the author meant as part of a text started a new item.

``support: [Payment for time, set by each study]`` is two items to YAML, "Payment for time" and
"set by each study"; the author most likely meant one. Nothing can be sure of it (two short items are
just as likely), so it is a warning, given only where an item after the first starts with a small
letter, as the rest of a sentence does. Lists of ids are left alone: an id is all small letters.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from .problems import Path, Problem
from .schema import SCHEMA_DIR
from .source import Document

_TEXT_LIST = "common.schema.json#/$defs/text_list"
# Only a file with a '[' followed, on the same line, by a comma and a small letter can hold such a list:
# one search of the raw bytes spares the walk for nearly every file.
_MAYBE = re.compile(rb"\[[^\]\n]*,[ \t]*[a-z]")


@cache
def text_list_fields() -> frozenset[str]:
    """The names of the fields whose schema is a list of texts (common.schema.json's text_list), in any file."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, dict) and value.get("$ref") == _TEXT_LIST:
                    names.add(key)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in SCHEMA_DIR.glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return frozenset(names)


def split_list_problems(doc: Document, raw: bytes) -> list[Problem]:
    """A warning for each item of a one-line text list that looks like the rest of the item before it."""
    if not _MAYBE.search(raw):
        return []
    problems: list[Problem] = []
    _walk(doc, doc.data, (), text_list_fields(), problems)
    return problems


def _walk(doc: Document, value: Any, at: Path, fields: frozenset[str], problems: list[Problem]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in fields and isinstance(item, list):
                problems += _split_items(doc, (*at, key), item)
            else:
                _walk(doc, item, (*at, key), fields, problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(doc, item, (*at, index), fields, problems)


def _split_items(doc: Document, at: Path, items: list[Any]) -> list[Problem]:
    found = []
    for index in range(1, len(items)):
        before, item = items[index - 1], items[index]
        # Items of a list written one per line ('- ') each have a line of their own: only [ ] puts two on one.
        same_line = doc.positions.get((*at, index - 1), (0, 0))[0] == doc.positions.get((*at, index), (-1, 0))[0]
        if same_line and isinstance(before, str) and isinstance(item, str) and item[:1].islower():
            whole = f"{before}, {item}"
            found.append(doc.problem(
                (*at, index),
                f"In a list written in [ ] on one line, each comma starts a new item, so '{item}' is an item of "
                f"its own, not the end of '{before}'.",
                expected="each item complete; an item with a comma in quotes", found=whole[:80],
                hint=f'If it is one item, put it in quotes: "{whole}". If they are two, start the second with '
                     "a capital letter.", severity="warning"))
    return found
