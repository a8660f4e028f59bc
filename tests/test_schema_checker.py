"""The schema checker with its item names as f-strings answers exactly as fastjsonschema's own.

``schema._fast`` rewrites fastjsonschema's '"...[{data_x}]".format(**locals())' into f-strings,
which at 100x the data saves tens of thousands of copies of a large function's locals. These
tests check every schema, on every fixture file and on each fixture file with one value at a
time made wrong, against the checker fastjsonschema compiles itself: the same pass, or the same
refusal (message, field name, path and value).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest

from conftest import FIXTURES, ORG_KINDS
from engagement_hub.reading import schema
from engagement_hub.reading.load import DATA_FILES
from engagement_hub.reading.source import read_yaml

WRONG = [12345, None, "", [], {}, "not-a-date 99", True]


def fixture_files() -> list[tuple[str, Path]]:
    found = []
    for kind in ORG_KINDS:
        data = FIXTURES / kind / "data"
        found += [(name, data / file) for name, file in DATA_FILES.items() if (data / file).is_file()]
        found += [("progress", path) for path in sorted((data / "progress").glob("*.yml"))]
    return found


def answer(check: Any, data: Any) -> tuple:
    try:
        check(data)
    except fastjsonschema.JsonSchemaValueException as refused:
        return ("refused", refused.message, refused.name, refused.path, repr(refused.value))
    return ("passed",)


def paths(node: Any, at: tuple = ()) -> list[tuple]:
    """Every place in the data, each with a wrong value to put there."""
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*at, index))
    return found


def with_value(data: Any, path: tuple, value: Any) -> Any:
    changed = copy.deepcopy(data)
    parent = changed
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return changed


@pytest.mark.parametrize(("name", "path"), fixture_files(), ids=lambda item: getattr(item, "name", item))
def test_the_checker_answers_as_fastjsonschemas_own(name: str, path: Path) -> None:
    data = read_yaml(path.read_bytes(), path.name)[0].data  # as the hub reads it: dates stay text
    ours = schema._fast(name)
    theirs = fastjsonschema.compile(schema._refs_in_all_of(schema.bundled(name)))
    assert answer(ours, data) == answer(theirs, data) == ("passed",)
    places = [place for place in paths(data) if place]
    refused = 0
    for number, place in enumerate(places[:: max(1, len(places) // 150)]):
        wrong = with_value(data, place, WRONG[number % len(WRONG)])
        mine = answer(ours, wrong)
        assert mine == answer(theirs, wrong), place
        refused += mine[0] == "refused"
    assert refused  # the wrong values were met, so refusals were compared, not only passes


def test_every_name_is_rewritten_and_nothing_else() -> None:
    for name in ("pledges", "strategy", "progress", "organisation"):
        source = fastjsonschema.compile_to_code(schema._refs_in_all_of(schema.bundled(name)))
        assert ".format(**locals())" in source  # what the rewriting is for is still there to rewrite
        assert ".format(**locals())" not in schema._names_without_locals(source)
    left = ['"a\\\\n[{x}]".format(**locals())', '"{x.y}".format(**locals())', '"{{x}}".format(**locals())']
    assert [schema._names_without_locals(text) for text in left] == left
    assert schema._names_without_locals('"" + ".a[{data_x}].b".format(**locals())') == '"" + f".a[{data_x}].b"'
