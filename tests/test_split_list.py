"""A comma inside a one-line [ ] list of texts starts a new item: `make check` warns where an item looks like the
rest of the one before it (reading/splitlist.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TRUST, build_env
from engagement_hub.preview.memory import Memory
from engagement_hub.reading.load import _read, check
from engagement_hub.reading.source import read_yaml
from engagement_hub.reading.splitlist import split_list_problems, text_list_fields


def warnings_for(text: str) -> list:
    raw = text.encode()
    doc, problems = read_yaml(raw, "data/x.yml")
    assert not problems, problems
    return split_list_problems(doc, raw)


def test_the_text_list_fields_come_from_the_schemas() -> None:
    fields = text_list_fields()
    assert {"support", "address", "what_you_can_expect", "developed_with", "responsibilities"} <= fields
    assert not {"values", "goals", "channels", "id", "text"} & fields  # lists of ids, and plain texts


@pytest.mark.parametrize("field", sorted(text_list_fields()))
def test_every_text_list_field_warns_of_a_split_item(field: str) -> None:
    found = warnings_for(f"things:\n  - {field}: [Payment for time, set by each study]\n")
    assert [(p.line, p.path, p.severity) for p in found] == [(2, f"things[0].{field}[1]", "warning")]
    assert "set by each study" in found[0].message and '"Payment for time, set by each study"' in found[0].hint


@pytest.mark.parametrize("text", [
    "support:\n  - Payment for time\n  - set by each study\n",  # one item per line: each line is meant
    'support: ["Payment for time, set by each study"]\n',  # quoted: one item
    "support: [Payment for time, Travel costs paid]\n",  # two items, each with its capital
    "values: [inclusive, dignity-and-respect]\n",  # ids are all small letters
    "support: [Payment for time,\n  set by each study]\n",  # a list over several lines: the author chose the breaks
])
def test_no_warning_where_each_item_is_meant(text: str) -> None:
    assert warnings_for(text) == []


def test_the_check_can_fail() -> None:
    assert warnings_for("support: [Surveys in large print, easy read or other languages on request]\n")


def test_a_preview_gives_the_warning_again_for_an_unchanged_file(tmp_path: Path) -> None:
    path = tmp_path / "channels.yml"
    shutil.copy(TRUST / "data" / "channels.yml", path)
    path.write_text(path.read_text().replace('["Payment for time, set by each study"]',
                                             "[Payment for time, set by each study]"))
    memory = Memory()
    first = _read(path, "data/channels.yml", "channels", memory)
    again = _read(path, "data/channels.yml", "channels", memory)  # read from the preview's memory
    assert first[0] is not None and again[0] is first[0]
    assert [p.path for p in first[1]] == [p.path for p in again[1]] == ["channels[5].support[1]"]


def test_make_check_warns_and_still_passes(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(TRUST, project)
    channels = project / "data" / "channels.yml"
    channels.write_text(channels.read_text().replace('["Payment and expenses, set by each research team"]',
                                                     "[Payment and expenses, set by each research team]"))
    result = subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                            capture_output=True, text=True, env=build_env(), check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout + result.stderr
    assert "data/channels.yml, line 83" in out and "channels[6].support[1]" in out and "Traceback" not in out
    hub, problems = check(project)
    assert hub is not None and [p.severity for p in problems if "each comma" in p.message] == ["warning"]
