"""A field the schemas call a whole number takes only a whole number as written: 'starts_month: 4.0' was
let through by both checkers (JSON Schema counts 4.0 as an integer) and then failed inside the check.
Every whole number in the fixture organisations' data is tried written with '.0': refused with file, line,
field and the number to write where a whole number is meant, accepted where any number is."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, fixture_project
from engagement_hub.reading.load import check

FILES = ("organisation.yml", "accessibility.yml", "strategy.yml", "values.yml", "channels.yml", "involvement.yml")


def whole_numbers(node: Any, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(node, dict):
        return [path for key, value in node.items() for path in whole_numbers(value, (*at, key))]
    if isinstance(node, list):
        return [path for index, item in enumerate(node) for path in whole_numbers(item, (*at, index))]
    return [at] if isinstance(node, int) and not isinstance(node, bool) else []


def dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


@pytest.mark.parametrize("kind", ["trust", "group", "network"])
def test_a_whole_number_written_with_a_decimal_point_is_refused_only_where_one_is_meant(tmp_path: Path,
                                                                                      kind: str) -> None:
    data_dir = FIXTURES / kind / "data"
    files = [f for f in FILES if (data_dir / f).is_file()]
    files += [f"progress/{p.name}" for p in sorted((data_dir / "progress").glob("*.yml"))][:1]
    refused, accepted = [], []
    for file in files:
        data = yaml.safe_load((data_dir / file).read_text(encoding="utf-8"))
        for path in whole_numbers(data)[:12]:
            root = fixture_project(kind, tmp_path / f"try-{len(refused) + len(accepted)}")
            changed = yaml.safe_load((data_dir / file).read_text(encoding="utf-8"))
            node = changed
            for part in path[:-1]:
                node = node[part]
            whole = node[path[-1]]
            node[path[-1]] = float(whole)
            (root / "data" / file).write_text(yaml.safe_dump(changed, sort_keys=False, allow_unicode=True),
                                              encoding="utf-8")
            hub, problems = check(root)  # never raises: a crash here is the bug this guards against
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                assert [(p.file, p.path) for p in errors] == [(f"data/{file}", dotted(path))] and errors[0].line > 0
                if "whole number" in errors[0].message:  # a year written 2024.0 is told the year's form instead
                    assert errors[0].hint == f"Write it as {whole}."
                refused.append(dotted(path))
            else:
                assert hub is not None
                accepted.append(dotted(path))
            shutil.rmtree(root)
    assert refused, f"no whole-number field of the {kind} was tried"
    if kind == "trust":  # it has both kinds: whole numbers (the reporting year's month) and measures' values
        assert "reporting_year.starts_month" in refused and accepted, (refused, accepted)
