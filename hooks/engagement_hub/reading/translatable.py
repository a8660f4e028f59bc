"""Which text in the English data a translation may replace, found from the schemas.

A field is translatable when its schema says it is text or Markdown (or a list of text): names,
summaries, descriptions. Ids, numbers, dates, links, colours and the words the hub reads as codes
(a status, a kind) are the same in every language and never translated.

Each piece of text is found by a *key*: the file, then field names, with a record in a list
named by its id (or, for a record without one, by the goal it is about, or its place in the
list counting from 0), e.g. ``strategy.yml`` > ``goals`` > ``build-a-culture`` > ``title``.
A key stays the same when records are reordered or added, so a translation follows its record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .schema import bundled

TEXT_DEFS = {"text", "markdown"}
LIST_DEFS = {"text_list"}
# A record without an id is keyed by the first of these it has (a progress report's goal names its goal).
KEY_FIELDS = ("id", "goal")
# Fields whose schema says text but which are the same in every language (a phone number is written as text).
NEVER = {"phone"}

Key = tuple[str, ...]


@dataclass(frozen=True)
class Unit:
    """One translatable text in the English data: where it is, and what it says."""

    file: str  # relative to data/, e.g. strategy.yml or progress/2025-26.yml
    key: Key
    path: tuple[str | int, ...]  # where it is in the English file, e.g. ('goals', 0, 'title')
    english: str | tuple[str, ...]


@dataclass
class Level:
    """The keys at one level of a file: translatable ones lead to a Unit or a deeper Level."""

    children: dict[str, Level | Unit] = field(default_factory=dict)
    fixed: set[str] = field(default_factory=set)
    """Keys the English has here that are never translated (ids, numbers, dates, links, codes)."""


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """('text' | 'list' | 'other', the schema node with its $ref followed)."""
    seen = 0
    while "$ref" in node and seen < 10:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in TEXT_DEFS:
            return "text", node
        if name in LIST_DEFS:
            return "list", node
        node, seen = defs.get(name, {}), seen + 1
    items = node.get("items")
    if node.get("type") == "array" and isinstance(items, dict) and _resolve(items, defs)[0] == "text":
        return "list", node
    return "other", node


def _record_key(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for name in KEY_FIELDS:
            if isinstance(item.get(name), str):
                return item[name]
    return str(index)


def _walk(schema: dict[str, Any], defs: dict[str, Any], data: Any, file: str, key: Key,
          path: tuple[str | int, ...], level: Level) -> None:
    kind, node = _resolve(schema, defs)
    name = key[-1]
    if name in NEVER:
        level.fixed.add(name)
    elif kind == "text" and isinstance(data, str):
        level.children[name] = Unit(file, key, path, data)
    elif kind == "list" and isinstance(data, list) and all(isinstance(x, str) for x in data):
        level.children[name] = Unit(file, key, path, tuple(data))
    elif isinstance(data, dict) and "properties" in node:
        inner = Level()
        for child, value in data.items():
            if child in node["properties"]:
                _walk(node["properties"][child], defs, value, file, (*key, child), (*path, child), inner)
        _keep(level, name, inner, data)
    elif isinstance(data, list) and isinstance(node.get("items"), dict):
        inner = Level()
        for index, item in enumerate(data):
            record = _record_key(item, index)
            _walk(node["items"], defs, item, file, (*key, record), (*path, index), inner)
        _keep(level, name, inner, {_record_key(item, i): item for i, item in enumerate(data)})
    else:
        level.fixed.add(name)


def _keep(level: Level, name: str, inner: Level, data: dict[str, Any]) -> None:
    inner.fixed |= {str(k) for k in data} - set(inner.children)
    if inner.children:
        level.children[name] = inner
    else:
        level.fixed.add(name)


def translatable(file: str, schema_name: str, data: dict[str, Any]) -> Level:
    """Every translatable text in one English file, as a tree of keys."""
    schema = bundled(schema_name)
    defs = schema.get("$defs", {})
    top = Level()
    for name, value in data.items():
        if name in schema.get("properties", {}):
            _walk(schema["properties"][name], defs, value, file, (name,), (name,), top)
        else:
            top.fixed.add(name)
    return top


def units(level: Level) -> list[Unit]:
    """The texts under a level, in the order the English file has them."""
    out: list[Unit] = []
    todo: list[Level | Unit] = [level]
    while todo:
        node = todo.pop()
        if isinstance(node, Unit):
            out.append(node)
        else:
            todo.extend(reversed(list(node.children.values())))
    return out
