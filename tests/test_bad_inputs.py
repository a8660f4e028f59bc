"""Every mistake in tests/bad_inputs/ ends in a located, plain-English message, never a traceback.

Each case is applied to a scratch copy of the example data, then checked twice:
in process, for the exact file, line and field, and through the real
`python -m engagement_hub.tools.check` command a comms officer runs as `make check`,
for the exit code, the words they read and the GitHub annotation on their line.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from engagement_hub.reading.load import check
from engagement_hub.reading.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
TRUST_DATA = ROOT / "tests" / "fixtures" / "trust" / "data"  # the cases patch the fixture trust, never data/
CASES_DIR = Path(__file__).parent / "bad_inputs"
MEMORY_LIMIT = 1024 * 1024 * 1024  # the check must refuse an alias bomb well within 1 GiB


@dataclass
class Case:
    name: str
    spec: dict[str, Any]

    @property
    def expect(self) -> dict[str, Any]:
        return self.spec["expect"]

    def apply(self, root: Path) -> int | None:
        """Make the mistake in a copy of the data; returns the line the message must name."""
        target = root / self.spec["file"]
        if self.spec.get("delete"):
            target.unlink()
            return self.expect.get("line")
        if "content" in self.spec:
            new, start = self.spec["content"], 1
            for placeholder, (text, times) in self.spec.get("expand", {}).items():
                new = new.replace(placeholder, text * times)
        else:
            old = target.read_text(encoding="utf-8")
            find = self.spec["find"]
            assert find in old, f"{self.name}: the example data no longer contains {find!r}; update the case"
            at = old.index(find)
            new = old[:at] + self.spec["replace"] + old[at + len(find):]
            start = old[:at].count("\n") + 1
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(new.encode(self.spec.get("encoding", "utf-8")))
        if "at" in self.expect:
            assert self.expect["at"] in new, f"{self.name}: expect.at is not in the changed file"
            return new[: new.index(self.expect["at"])].count("\n") + 1
        return start + self.expect["line"] - 1


def load_cases() -> list[Case]:
    cases = [Case(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")))
             for path in sorted(CASES_DIR.glob("*.yml"))]
    return cases


CASES = load_cases()


def scratch_data(tmp_path: Path) -> Path:
    root = tmp_path / "hub"
    shutil.copytree(TRUST_DATA, root / "data")
    return root


def matching(problems: list[Problem], case: Case, line: int) -> list[Problem]:
    file = case.expect.get("file", case.spec["file"])
    words = case.expect["message"].lower()
    return [p for p in problems
            if p.file == file and p.line == line and p.path == case.expect["field"]
            and words in f"{p.message} {p.hint}".lower()]


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(root), *args],
                          check=False, env=env, capture_output=True, text=True, timeout=60,
                          preexec_fn=limit_memory)


def test_the_corpus_is_big_enough_and_well_formed() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        assert {"about", "file", "expect"} <= set(case.spec), case.name
        assert {"field", "message"} <= set(case.expect), case.name
        assert ("line" in case.expect) != ("at" in case.expect), case.name
        assert sum(k in case.spec for k in ("find", "content", "delete")) == 1, case.name


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_where_it_is(case: Case, tmp_path: Path) -> None:
    root = scratch_data(tmp_path)
    line = case.apply(root)

    hub, problems = check(root)
    assert hub is None, "the mistake was not noticed"
    found = matching(problems, case, line)
    assert found, (f"expected {case.expect.get('file', case.spec['file'])}, line {line}, field "
                   f"{case.expect['field']!r}, words {case.expect['message']!r}; got:\n"
                   + "\n".join(p.human() for p in problems))
    assert problems == sorted(problems)
    assert all(p.hint for p in problems), "every problem says how to fix it"

    result = run_check(root, "--format", "github")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    problem = found[0]
    assert problem.message in " ".join(result.stderr.split()), result.stderr
    assert f"{problem.file}, line {problem.line}, column {problem.column}" in result.stderr
    assert f"::error file={problem.file},line={problem.line},col={problem.column}," in result.stdout


def test_every_mistake_in_one_run_is_reported_at_once_sorted_by_file_and_line(tmp_path: Path) -> None:
    """A comms officer fixes everything in one go, not one error per run."""
    # One schema or syntax case per file (reference rules only run once every file reads cleanly).
    chosen: dict[str, Case] = {}
    for case in CASES:
        if case.spec.get("combine") and case.spec["file"] not in chosen:
            chosen[case.spec["file"]] = case
    assert len(chosen) >= 4
    root = scratch_data(tmp_path)
    lines = {name: case.apply(root) for name, case in chosen.items()}

    hub, problems = check(root)
    assert hub is None
    for name, case in chosen.items():
        assert matching(problems, case, lines[name]), f"{case.name} was not reported alongside the others"
    keys = [(p.file, p.line, p.column) for p in problems]
    assert keys == sorted(keys)
    assert len({p.file for p in problems}) >= len(chosen)

    result = run_check(root)
    assert result.returncode == 1
    reported = re.findall(r"^ERROR: (\S+), line (\d+), column (\d+)$", result.stderr, re.MULTILINE)
    assert [(f, int(line), int(col)) for f, line, col in reported] == keys
    assert f"{len(problems)} problems in the data." in result.stderr
