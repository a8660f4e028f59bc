"""Warnings for text a spreadsheet could run as a formula when it opens the open-data CSV files.

Spreadsheets read a cell that starts with =, +, -, @ (or a tab or carriage
return before one) as a formula, which can fetch from the web or run commands
on the reader's machine. The CSV keeps the text exactly as written, as open
data must, so `make check` warns the author instead, and the Open data page
tells readers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .problems import Problem
from .source import Document, read_yaml

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _texts(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def document_formulas(doc: Document) -> list[Problem]:
    return [doc.problem(path, f"This text starts with '{text[0]}', so a spreadsheet that opens the open-data CSV "
                              "files may treat it as a formula.",
                        found=text[:40], hint="Start the text with a word or a number instead, if you can.",
                        severity="warning")
            for path, text in _texts(doc.data, ()) if text.startswith(FORMULA_STARTS)]


def formula_problems(root: Path) -> list[Problem]:
    """Warnings for every data file; files that cannot be read are left to the data check."""
    data = Path(root) / "data"
    problems = []
    for path in sorted([*data.glob("*.yml"), *data.glob("progress/*.yml")]):
        if path.is_symlink():
            continue
        doc, errors = read_yaml(path.read_bytes(), path.relative_to(root).as_posix())
        if not errors:
            problems += document_formulas(doc)
    return problems
