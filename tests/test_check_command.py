"""`make check`, run for real: plain words for people, workflow annotations for GitHub.

Each test copies the project with its Makefile and runs `make check` there,
with the test's own Python environment (`make -o` keeps make from setting up
a new one), so what is asserted is what a comms officer or a pull request sees.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, fixture_project

BIN = Path(sys.executable).parent
ANNOTATION = re.compile(r"^::error file=([^,]+),line=(\d+),col=(\d+),title=Data error::(.*)$")


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    project = fixture_project("trust", tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    return project


def make_check(project: Path, *args: str, github: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "MAKEFLAGS", "MFLAGS")}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    command = ["make", "--no-print-directory", "-o", ".venv/.site-deps", "check", f"BIN={BIN}"]
    if args:
        command.append("ARGS=" + " ".join(args))
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False)


def patch(project: Path, file: str, old: str, new: str) -> int:
    """Make a mistake in the scratch data; returns the line it is on."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_valid_example_data_passes_quietly(scratch: Path) -> None:
    result = make_check(scratch, github=True)
    assert result.returncode == 0, result.stderr
    assert "The data is valid" in result.stdout
    assert "::error" not in result.stdout and "ERROR" not in result.stderr


def two_mistakes(project: Path) -> list[tuple[str, int]]:
    return [
        ("data/pledges.yml", patch(project, "data/pledges.yml", "status: in-progress", "status: in-progres")),
        ("data/values.yml", patch(project, "data/values.yml", "name: Diversity", "name: Yes")),
    ]


@pytest.mark.parametrize("how", ["GITHUB_ACTIONS=true", "--format=github"])
def test_github_annotations_sit_on_the_changed_lines(scratch: Path, how: str) -> None:
    where = two_mistakes(scratch)
    result = make_check(scratch, *(["--format=github"] if how.startswith("--") else []),
                        github=how.startswith("GITHUB"))
    assert result.returncode != 0  # make reports the check's exit code 1 as its own 2
    assert "Traceback" not in result.stdout + result.stderr
    annotations = [ANNOTATION.match(line) for line in result.stdout.splitlines() if line.startswith("::")]
    assert all(annotations), result.stdout
    assert [(a.group(1), int(a.group(2))) for a in annotations] == where
    status, name = (a.group(4) for a in annotations)
    assert status.startswith("pledges[0].updates[0].status: This is not one of the allowed words.")
    assert "Did you mean 'in-progress'?" in status
    assert name.startswith("values[0].name: This should be text.") and 'put it in quotes: "Yes"' in name
    # The plain-English report is still there for the person reading the log.
    assert "ERROR: data/pledges.yml, line" in result.stderr and "2 problems in the data." in result.stderr


def test_plain_format_has_no_annotations_even_on_github(scratch: Path) -> None:
    two_mistakes(scratch)
    result = make_check(scratch, "--format=text", github=True)
    assert result.returncode != 0  # make reports the check's exit code 1 as its own 2
    assert "::error" not in result.stdout + result.stderr
    assert "how to fix: Did you mean 'in-progress'?" in result.stderr


def test_annotation_text_is_escaped_so_it_stays_one_command(scratch: Path) -> None:
    """A % or line break in the data must not end the workflow command or forge another one."""
    line = patch(scratch, "data/organisation.yml", "about: |\n",
                 "about: |\n  [x](javascript:100%25%0A::warning file=x::forged)\n")
    result = make_check(scratch, "--format=github")
    assert result.returncode != 0  # make reports the check's exit code 1 as its own 2
    commands = [text for text in result.stdout.splitlines() if text.startswith("::")]
    assert len(commands) == 1, result.stdout
    annotation = ANNOTATION.match(commands[0])
    assert annotation and (annotation.group(1), int(annotation.group(2))) == ("data/organisation.yml", line + 1)
    assert "100%2525%250A::warning" in annotation.group(4)


def test_a_data_mistake_never_shows_a_traceback_even_with_debug(scratch: Path) -> None:
    patch(scratch, "data/strategy.yml", "title: Patient and Public Engagement Strategy",
          'title: "Patient and Public Engagement Strategy')
    for args in ((), ("--debug",)):
        result = make_check(scratch, *args)
        assert result.returncode != 0  # make reports the check's exit code 1 as its own 2
        assert "Traceback" not in result.stderr
        assert "ERROR: data/strategy.yml, line" in result.stderr


def test_check_only_reads_data(scratch: Path) -> None:
    """`make check` must not build or touch the site: it is the fast path for every save."""
    (scratch / "site").mkdir()
    (scratch / "site" / "index.html").write_text("previous site", encoding="utf-8")
    result = make_check(scratch)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in scratch.iterdir() if p.name.startswith((".site", "site"))) == ["site"]
    assert (scratch / "site" / "index.html").read_text(encoding="utf-8") == "previous site"
