"""Warnings for text a spreadsheet could run as a formula when it opens the open-data CSV files.

Spreadsheets read a cell that starts with =, +, -, @ (or a tab or carriage
return before one) as a formula, which can fetch from the web or run commands
on the reader's machine. The CSV keeps the text exactly as written, as open
data must, so `make check` warns the author instead, and the Open data page
tells readers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .problems import Problem
from .source import Document

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def texts(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text in a document's data, with its field path, in the order of the file."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def document_formulas(doc: Document) -> list[Problem]:
    return [doc.problem(path, f"This text starts with '{text[0]}', so a spreadsheet that opens the open-data CSV "
                              "files may treat it as a formula.",
                        found=text[:40], hint="Start the text with a word or a number instead, if you can.",
                        severity="warning")
            for path, text in texts(doc.data, ()) if text.startswith(FORMULA_STARTS)]
