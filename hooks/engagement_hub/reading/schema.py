"""Check each data file against its JSON Schema and explain every mismatch.

The schemas in ``schemas/`` are the single statement of what each file may
hold: editors use them for autocompletion and this module for the build.
fastjsonschema checks valid data quickly; only when it finds a mistake does
jsonschema run, because jsonschema can list every mistake at once.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import hashlib
import json
import marshal
import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

import fastjsonschema

from ..preview.cache import cache_dir
from .problems import Problem
from .source import Document
from .text import link_problem

if TYPE_CHECKING:  # imported when first needed: valid data never needs it, and it is slow to import
    import jsonschema

SCHEMA_DIR = FsPath(__file__).parents[1] / "schemas"  # beside the folders: data files name this path for editors
_COMMON = "common.schema.json#/$defs/"


@cache
def bundled(name: str) -> dict[str, Any]:
    """The named schema with the shared definitions copied in, so it stands alone."""
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (("#/$defs/" + v[len(_COMMON):]) if k == "$ref" and isinstance(v, str)
                        and v.startswith(_COMMON) else rewrite(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        return node

    result = rewrite(copy.deepcopy(schema))
    result.pop("$id", None)
    result["$defs"] = {**rewrite(common), **result.get("$defs", {})}
    return _end_anchored(result)


_DOLLAR = re.compile(r"(?<!\\)\$")


def end_anchored(pattern: str) -> str:
    """A pattern whose $ means the end of the text for both validators.

    In Python's re (used by jsonschema) $ also matches before a final newline,
    so 'abc\n' passed ^[a-z]+$; fastjsonschema turns every $ into \\Z. With
    (?!\n) in front, both read $ as JSON Schema (ECMA-262) means it: the very end.
    """
    return _DOLLAR.sub(r"(?!\\n)$", pattern)


def _end_anchored(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (end_anchored(v) if k == "pattern" and isinstance(v, str) else _end_anchored(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_end_anchored(v) for v in node]
    return node


def _refs_in_all_of(node: Any) -> Any:
    """Move a $ref that has sibling keywords into allOf.

    fastjsonschema follows draft 4 here and ignores every keyword next to a
    $ref, so ``{"$ref": "...text_list", "minItems": 1}`` let an empty list
    through; inside allOf both keywords apply, as draft 2020-12 says.
    """
    if isinstance(node, dict):
        node = {k: _refs_in_all_of(v) for k, v in node.items()}
        if "$ref" in node and len(node) > 1:
            node = {**{k: v for k, v in node.items() if k != "$ref"}, "allOf": [{"$ref": node["$ref"]}]}
        return node
    if isinstance(node, list):
        return [_refs_in_all_of(v) for v in node]
    return node


# fastjsonschema names each list item it checks with '"...[{data_x}]".format(**locals())': at 100x the data that
# is tens of thousands of copies of a large function's locals. An f-string names it alike without the copy;
# only literals whose every brace holds a plain variable name, with no backslash, are rewritten.
_NAME_BY_LOCALS = re.compile(r'"((?:[^"\\{}\n]|\{[A-Za-z_]\w*\})*)"\.format\(\*\*locals\(\)\)')
# JSON Schema counts 4.0 as an integer, so both checkers let 'starts_month: 4.0' through to code that needs a
# whole number (calendar.monthrange), which then failed. A field the schemas call an integer takes only a
# whole number as written: fastjsonschema's test for an integral float is taken out of its checker, and the
# full checker (for messages) is given the same meaning of "integer" (_full).
_INTEGRAL_FLOAT = re.compile(r" and not \(isinstance\((\w+), float\) and \1\.is_integer\(\)\)")
_CHECKER_FORM = "names as f-strings; integers without floats"  # part of the cache key: change it with the rewriting


def _names_without_locals(source: str) -> str:
    return _INTEGRAL_FLOAT.sub("", _NAME_BY_LOCALS.sub(lambda match: f'f"{match.group(1)}"', source))


@cache
def _fast(name: str) -> Any:
    return _compiled(_refs_in_all_of(bundled(name)))


def _compiled(schema: dict[str, Any]) -> Any:
    """fastjsonschema's checker for a schema, compiled once and kept for later builds.

    Generating and compiling the checker's source takes longer than checking
    the example data with it, so the compiled code is kept in the hub's cache
    folder, named by the schema and the library and Python versions it was
    made with.
    """
    folder = cache_dir("schemas")
    made_with = f"{sys.version}\n{fastjsonschema.VERSION}\n{_CHECKER_FORM}\n{json.dumps(schema, sort_keys=True)}"
    path = folder / (hashlib.sha256(made_with.encode()).hexdigest()[:32] + ".marshal") if folder else None
    try:
        code = marshal.loads(path.read_bytes()) if path else None
    except (OSError, ValueError, EOFError, TypeError):
        code = None
    if code is None:
        code = compile(_names_without_locals(fastjsonschema.compile_to_code(schema)), "<schema checker>", "exec")
        if path:
            with contextlib.suppress(OSError):
                partial = path.with_suffix(f".{os.getpid()}.tmp")
                partial.write_bytes(marshal.dumps(code))
                partial.replace(path)
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # the checker fastjsonschema generated from our own schema
    return namespace["validate"]


@cache
def _full(name: str) -> jsonschema.Draft202012Validator:
    import jsonschema  # noqa: PLC0415 - only data with a mistake needs it, and it is slow to import

    whole = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool))
    return jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=whole)(bundled(name))


def validate(doc: Document, name: str) -> list[Problem]:
    """Every way the document breaks its schema, in words for comms staff."""
    try:
        _fast(name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException as refused:
        fast_error = refused
    problems: dict[Problem, None] = {}
    for error in _full(name).iter_errors(doc.data):
        problems.update(dict.fromkeys(_explain(error, doc)))
    if not problems:  # one answer: a value either validator refuses is refused, never let through
        path = tuple(int(p) if isinstance(p, str) and p.isdigit() else p
                     for p in (getattr(fast_error, "path", None) or ["data"])[1:])
        problems[doc.problem(path, "This is not written in the form the hub expects.",
                             found=describe(getattr(fast_error, "value", None)),
                             hint="Compare with the examples in the editors' guide (content/guide/index.md).")] = None
    return list(problems)


# Keywords a top-level list may carry and still be checked one record at a time: each record is
# checked against "items" alone, and any records at all meet "minItems: 1".
_PER_RECORD = {"type", "items", "minItems", "title", "description"}


def validate_changed(doc: Document, name: str, kept: set[int]) -> list[Problem]:
    """``validate``, when only the records not in ``kept`` (by id) may have changed since a clean check.

    Saving one pledge re-reads only the records the edit touched (see
    ``reread.read_changed``); checking the thousands of untouched ones again
    is most of the check's time. Only the new records (and one old record
    where a list has none) are checked; if anything is wrong, the whole
    document is checked, so every problem is reported in the same words.
    """
    schema = bundled(name)
    lists = schema.get("properties", {})
    if not isinstance(doc.data, dict) or any(
            isinstance(value, list) and (not isinstance(lists.get(key), dict) or set(lists[key]) - _PER_RECORD
                                         or lists[key].get("minItems", 1) > 1)
            for key, value in doc.data.items()):
        return validate(doc, name)
    part = {key: ([item for item in value if id(item) not in kept] or value[:1]) if isinstance(value, list)
            else value for key, value in doc.data.items()}
    try:
        _fast(name)(part)
        return []
    except fastjsonschema.JsonSchemaException:
        return validate(doc, name)


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list (lines starting with '- ')",
    "object": "a block of fields ('name: value' lines, indented under this one)",
    "null": "nothing",
}


def describe(value: Any) -> str:
    """Name a value's kind as a person would see it in the file."""
    if value is None:
        return "nothing (the field is empty)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return f"the text '{short}'"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a block of fields"
    return type(value).__name__


def _expected_type(schema_type: Any) -> str:
    types = schema_type if isinstance(schema_type, list) else [schema_type]
    return " or ".join(_TYPE_WORDS.get(t, t) for t in types)


def _trap_hint(raw: str | None, value: Any) -> str:
    if raw is None:
        return ""
    if isinstance(value, bool):
        return (f"YAML reads a bare {raw} as true/false. If you meant the word, put it in quotes: \"{raw}\".")
    if value is None and raw.startswith("#"):
        return (f"YAML reads everything after # as a comment, so this field is empty. "
                f"Put the value in quotes: \"{raw}\".")
    if value is None:
        return "The field has no value. Write the value after the colon, or delete the field."
    return f"YAML read {raw} as the number {value}. If you meant the text, put it in quotes: \"{raw}\"."


def _id_hint(value: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return f"Write it as '{slug}'." if slug else ""


def _year_hint(value: str) -> str:
    if match := re.fullmatch(r"\s*([0-9]{4})\s*[-\u2013/ ]\s*(?:[0-9]{2})?([0-9]{2})\s*", value):
        return f"Write it as {match.group(1)}/{match.group(2)}, with a slash."
    return ""


def _date_hint(value: str) -> str:
    if match := re.fullmatch(r"\s*([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})\s*", value):
        year, month, day = match.groups()
        return f"Write it as {year}-{int(month):02d}-{int(day):02d}."
    if match := re.fullmatch(r"\s*([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})\s*", value):
        day, month, year = match.groups()
        return f"Write it as {year}-{int(month):02d}-{int(day):02d} (year, month, day)."
    return "Write the full date as year-month-day, YYYY-MM-DD, for example 2025-05-11."


def _colour_hint(value: str) -> str:
    return "Write # and exactly six digits or letters a to f, in quotes, e.g. \"#005eb8\"."


# The value rewritten in the expected form, where the intent is clear enough to guess, for each shared
# form in common.schema.json, keyed on the form's name there: rewording a description keeps its hint.
FORM_HINTS: dict[str, Callable[[str], str]] = {
    "id": _id_hint, "year_label": _year_hint, "date": _date_hint, "when": _date_hint, "colour": _colour_hint,
}


def form_of(schema: dict[str, Any]) -> str:
    """The name of the shared form (a definition in common.schema.json) that ``schema`` is, or ''."""
    return next((name for name, shared in bundled("common")["$defs"].items() if shared == schema), "")


def _pattern_hint(form: str, value: str) -> str:
    hint = FORM_HINTS.get(form)
    return (hint(value) if hint else "") or "Follow the form shown under 'expected'."


def _split_by_comma(doc: Document, path: tuple[Any, ...], block: dict[str, Any], name: str) -> Problem | None:
    """The field name that is really the end of a text cut off by a comma inside { }.

    In ``{date: 2025-05-20, text: Five events, attended by 214 people.}`` YAML
    ends the text at the comma and reads the rest as a field with no value.
    """
    if tuple(path) not in doc.flow or block.get(name) is not None:
        return None
    names = list(block)
    before = names[names.index(name) - 1] if names.index(name) > 0 else ""
    if not isinstance(block.get(before), str) and not re.search(r"\s", name):
        return None
    whole = f"{block[before]}, {name}" if isinstance(block.get(before), str) else name
    quoted = whole.replace('"', '\\"')
    field = f"{before}: " if before else ""
    return doc.problem(
        (*path, before) if before else (*path, name),
        f"This text has a comma inside {{ }}, so YAML ended the text at the comma and read "
        f"'{name}' as the name of another field.",
        expected="text with a comma in quotes", found=f"{field}{whole}".strip(),
        hint=f'Put the text in quotes: {field}"{quoted}"')


def _shape_hint(schema_type: Any, value: Any) -> str:
    """Why YAML built a different shape from what the author meant, where a common slip explains it."""
    types = schema_type if isinstance(schema_type, list) else [schema_type]
    if "string" in types and isinstance(value, dict) and len(value) == 1:
        (key, inner), = value.items()
        if isinstance(inner, (str, int, float)) and not isinstance(inner, bool):
            return (f"A colon followed by a space makes YAML read '{key}: {inner}' as a field. "
                    f"If it is text, put it in quotes: \"{key}: {inner}\".")
    if {"integer", "number"} & set(types) and isinstance(value, str):
        digits = re.sub(r"[^0-9.]", "", value)
        return (f"Write just the number, with no words, commas or spaces, e.g. {digits}." if digits
                else "Write the number in figures, e.g. 12.")
    if "array" in types and isinstance(value, dict):
        return "Write the items as a list: each on its own line starting with '- ', or in brackets: [one, two]."
    if "array" in types and isinstance(value, str) and value.lstrip().startswith("-"):
        return "Each item in a list needs a space after its dash: '- item', not '-item'."
    if "array" in types and isinstance(value, (str, int, float)):
        return "Write each item on its own line starting with '- ', indented under the field name."
    if "object" in types and isinstance(value, list):
        return "Remove the '- ' in front of the fields: this block holds fields, not a list of items."
    if "string" in types and isinstance(value, list):
        return ("This holds a list, but one piece of text is expected. Remove the '- ' at the start of the line, "
                "or join the items into one text.")
    return ""


def _explain(error: jsonschema.ValidationError, doc: Document) -> list[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    described = schema.get("description", "")
    form = form_of(schema)
    value = error.instance
    kind = error.validator

    if kind == "required":
        missing = [name for name in error.validator_value if isinstance(value, dict) and name not in value]
        # A misspelt field is reported once, as unknown with "Did you mean", not also as missing.
        unknown = [k for k in (value or {}) if k not in schema.get("properties", {})] if schema.get(
            "additionalProperties") is False else []
        missing = [name for name in missing if not difflib.get_close_matches(name, unknown, n=1)]
        return [doc.problem(path, f"The required field '{name}' is missing.",
                            expected=f"a '{name}:' line in this block",
                            hint=f"Add '{name}:' with its value, lined up with the other fields here.")
                for name in missing]
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        out = []
        for name in (value or {}):
            if name in known:
                continue
            if split := _split_by_comma(doc, path, value, name):
                out.append(split)
                continue
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else "Check the spelling, or delete the field."
            out.append(doc.problem((*path, name), f"The field '{name}' is not one the hub knows here.",
                                   expected="one of: " + ", ".join(known), found=name, hint=hint))
        return out
    if kind == "type" and isinstance(value, (int, float)) and not isinstance(value, bool) and "pattern" in schema:
        # An unquoted date or year read as a number: say the form, not "put it in quotes".
        return [doc.problem(path, "This is not written in the form the hub expects.", expected=described,
                            found=describe(value), hint=_pattern_hint(form, str(doc.raw.get(path, value))))]
    if kind == "type" and isinstance(value, float) and value.is_integer() and "integer" in str(error.validator_value):
        return [doc.problem(path, "This should be a whole number, written without a decimal point.",
                            expected="a whole number", found=str(doc.raw.get(path, value)),
                            hint=f"Write it as {int(value)}.")]
    if kind == "type":
        return [doc.problem(path, f"This should be {_expected_type(error.validator_value)}.",
                            expected=_expected_type(error.validator_value), found=describe(value),
                            hint=_trap_hint(doc.raw.get(path), value) or _shape_hint(error.validator_value, value)
                            or "Compare with the examples in the editors' guide (content/guide/index.md).")]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(value), options, n=1)
        hint = (_trap_hint(doc.raw.get(path), value) if isinstance(value, bool) else "") or (
            f"Did you mean '{close[0]}'?" if close else "Use one of the words listed, exactly as written.")
        return [doc.problem(path, "This is not one of the allowed words.", expected="one of: " + ", ".join(options),
                            found=describe(value), hint=hint)]
    if kind == "pattern":
        refused = link_problem(value) if form == "url" else ""
        return [doc.problem(path, refused or "This is not written in the form the hub expects.",
                            expected=described or f"text matching {error.validator_value}",
                            found=describe(value), hint=_pattern_hint(form, value))]
    if kind in ("minItems", "maxItems"):
        return [doc.problem(path, f"This list needs at least {error.validator_value} item(s).",
                            expected=f"at least {error.validator_value} item(s)", found=describe(value),
                            hint="Add items as lines starting with '- '.")]
    if kind == "minLength":
        return [doc.problem(path, "This text is empty.", expected="some text", found="empty text",
                            hint="Write the text, or delete the field if it is optional.")]
    if kind == "uniqueItems":
        return [doc.problem(path, "This list has the same entry twice.", found=describe(value),
                            hint="Delete the repeated entry.")]
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return [doc.problem(path, f"This number must be {word} {error.validator_value}.",
                            expected=f"{word} {error.validator_value}", found=describe(value),
                            hint="Check the number.")]
    if kind == "propertyNames":
        return [doc.problem(path, "A field name here is not a valid id.", expected=described or "a valid id",
                            found=describe(value), hint="Use lower-case letters, numbers and hyphens.")]
    return [doc.problem(path, error.message, hint="Compare with the examples in the editors' guide (content/guide/index.md).")]
