"""Re-reading a data file after an edit: only the records the edit touched.

A preview reads every data file again on each save. ``source.read_yaml`` reads a
whole file; this module is the speed-up beside it, kept apart so the reader
stays one job: when an edit's lines lie inside one list of records, only those
records are read (by ``read_yaml``, with every check) and spliced into the last
good reading.
"""

from __future__ import annotations

import re
from typing import Any

from .problems import Path
from .source import LINE_BREAKS, MAX_DEPTH, Document, depth_bound, read_yaml

_ITEM_LINE = re.compile(r"^( *)- ")


def read_changed(before: bytes, old: Document, after: bytes) -> Document | None:
    """The Document for ``after``, an edit of ``before`` (read as ``old`` without problems), or None.

    Saving one pledge in a file of thousands would otherwise read them all
    again. When the lines that differ lie inside one list of records, only the
    records they touch are read (by ``read_yaml``, with every check) and put in
    place of the old ones; lines and positions after them move with the edit.
    None means the edit is not of that shape, or those records have a problem:
    read the whole file, which explains any problem in full.
    """
    try:
        old_text, new_text = before.decode("utf-8"), after.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if (not isinstance(old.data, dict) or old_text.startswith("\ufeff")
            or any(mark in old_text or mark in new_text for mark in LINE_BREAKS)):
        return None
    old_lines, new_lines = old_text.split("\n"), new_text.split("\n")
    first = 0
    limit = min(len(old_lines), len(new_lines))
    while first < limit and old_lines[first] == new_lines[first]:
        first += 1
    if first == limit:
        return None
    tail = 0
    while tail < limit - first and old_lines[-1 - tail] == new_lines[-1 - tail]:
        tail += 1
    old_end = len(old_lines) - tail  # lines [first, old_end) of the old text became [first, new_end)
    shift = len(new_lines) - len(old_lines)
    for key, items in old.data.items():
        if not isinstance(items, list) or len(items) < 2:
            continue
        starts = [old.positions.get((key, n), (0, 0)) for n in range(len(items))]
        if not starts[0][0] - 1 <= first:
            continue
        start = max(n for n in range(len(items)) if starts[n][0] - 1 <= first)
        after_items = [n for n in range(start + 1, len(items)) if starts[n][0] - 1 >= old_end]
        if not after_items:
            return None
        stop = after_items[0]
        top, bottom = starts[start][0] - 1, starts[stop][0] - 1  # window: old lines [top, bottom)
        column = starts[start][1] - 3  # where the '- ' of each record is
        if column < 0 or any(
                not (m := _ITEM_LINE.match(lines[at])) or len(m.group(1)) != column or starts[n][1] - 3 != column
                for lines, at, n in ((old_lines, top, start), (old_lines, bottom, stop),
                                     (new_lines, top, start), (new_lines, bottom + shift, stop))):
            return None
        window = "\n".join(new_lines[top: bottom + shift]) + "\n"
        if depth_bound(window) + 1 > MAX_DEPTH:
            return None
        part, problems = read_yaml(window, old.file)
        if problems or not isinstance(part.data, list) or not part.data:
            return None
        return _spliced(old, key, start, stop, top, bottom, shift, part)
    return None


def _spliced(old: Document, key: str, start: int, stop: int, top: int, bottom: int, shift: int,
             part: Document) -> Document:
    """``old`` with records [start, stop) (old lines [top, bottom)) replaced by the records read into ``part``."""
    more = len(part.data) - (stop - start)

    def moved(path: Path, where: tuple[int, int]) -> tuple[Path, tuple[int, int]] | None:
        if len(path) > 1 and path[0] == key and isinstance(path[1], int):
            if start <= path[1] < stop:
                return None
            if path[1] >= stop:
                path = (key, path[1] + more, *path[2:])
        line, col = where
        return path, ((line + shift) if line - 1 >= bottom else line, col)

    def relocated(table: dict[Path, tuple[int, int]], new: dict[Path, tuple[int, int]]) -> dict:
        if not shift and not more:  # the edit kept its lines and records (most edits of a text): nothing moves
            out = dict(table)
            for path in [path for path in table
                         if len(path) > 1 and path[0] == key and isinstance(path[1], int) and start <= path[1] < stop]:
                del out[path]
        else:
            out = _moved(table)
        for path, (line, col) in new.items():
            if path:
                out[(key, path[0] + start, *path[1:])] = (line + top, col)
        return out

    def _moved(table: dict[Path, tuple[int, int]]) -> dict:
        out = {}
        for path, where in table.items():  # ``moved`` written out: a large file has ~100,000 positions
            line = where[0]
            if line <= top:  # above the edit: nothing moves
                out[path] = where
                continue
            to = path
            if len(path) > 1 and path[0] == key and isinstance(path[1], int):
                if start <= path[1] < stop:
                    continue
                if more and path[1] >= stop:
                    to = (key, path[1] + more, *path[2:])
            out[to] = (line + shift, where[1]) if shift and line - 1 >= bottom else where
        return out

    def renamed(paths: set[Path] | dict[Path, str], new: set[Path] | dict[Path, str]) -> Any:
        keep = {}
        for path in paths:
            got = moved(path, (0, 0))
            if got is not None:
                keep[got[0]] = paths[path] if isinstance(paths, dict) else None
        for path in new:
            if path:
                keep[(key, path[0] + start, *path[1:])] = new[path] if isinstance(new, dict) else None
        return keep if isinstance(paths, dict) else set(keep)

    data = dict(old.data)
    data[key] = [*old.data[key][:start], *part.data, *old.data[key][stop:]]
    return Document(file=old.file, data=data, positions=relocated(old.positions, part.positions),
                    raw=renamed(old.raw, part.raw), flow=renamed(old.flow, part.flow),
                    blocks=relocated(old.blocks, part.blocks))
