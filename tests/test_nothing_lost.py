"""Nothing lost: a failed build leaves the published site alone, and builds are repeatable.

`make build` builds into .site-new and swaps it in only on success. These
tests run the real `make build` in a scratch copy of the project (with this
test run's Python environment; `make -o` stops make setting up a new one),
break the data or a page, and compare every byte of site/ before and after.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, fixture_project, run_build

BIN = Path(sys.executable).parent


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under a folder, by path, with a hash of its bytes."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "HUB_PREVIEW")}
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.site-deps", "build", f"BIN={BIN}"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch project with the Makefile, after one successful `make build`."""
    project = fixture_project("trust", tmp_path_factory.mktemp("nothing-lost") / "project")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    result = make_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file()
    return project


def replace_in(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


BREAKAGES = {
    # A data mistake stops the build before any page is written.
    "unknown value id": ("data/strategy.yml", "values: [partnership, working-together-for-patients,",
                         "values: [partnership, kindness,", "lists value 'kindness'"),
    # A wrong macro in a hand-written page stops it halfway, after other pages were written.
    "bad macro in a page": ("content/about.md", '{{ value_pledges("compassion") }}',
                            '{{ value_pledges("compasion") }}', "Did you mean 'compassion'?"),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_a_failed_build_leaves_site_exactly_as_it_was(built: Path, breakage: str) -> None:
    file, old, new, words = BREAKAGES[breakage]
    before = fingerprint(built / "site")
    original = replace_in(built / file, old, new)
    try:
        result = make_build(built)
    finally:
        (built / file).write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert words in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert fingerprint(built / "site") == before
    assert not (built / ".site-new").exists() and not (built / ".site-old").exists()


def test_a_good_build_after_a_failed_one_replaces_the_site(built: Path) -> None:
    """The swap really publishes: a fixed mistake reaches site/ on the next build."""
    before = fingerprint(built / "site")
    original = replace_in(built / "data/organisation.yml", "strapline: Patients, carers and communities",
                          "strapline: Patients, carers and local communities")
    try:
        result = make_build(built)
        assert result.returncode == 0, result.stderr
        assert "Patients, carers and local communities" in (built / "site" / "index.html").read_text(encoding="utf-8")
        assert fingerprint(built / "site") != before
    finally:
        (built / "data/organisation.yml").write_text(original, encoding="utf-8")
        assert make_build(built).returncode == 0


def differences(first: Path, second: Path) -> list[str]:
    a, b = fingerprint(first), fingerprint(second)
    return sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path) -> None:
    project = fixture_project("trust", tmp_path / "project")
    assert run_build(project, tmp_path / "one").returncode == 0
    assert run_build(project, tmp_path / "two").returncode == 0
    assert differences(tmp_path / "one", tmp_path / "two") == []


def test_builds_on_different_days_are_byte_identical(tmp_path: Path) -> None:
    """The same data built tomorrow (or by a CI runner in another time zone) gives the same site."""
    project = fixture_project("trust", tmp_path / "project")
    today = run_build(project, tmp_path / "today", TZ="UTC")
    assert today.returncode == 0, today.stderr
    later = run_build(project, tmp_path / "later", SOURCE_DATE_EPOCH="2000000000", TZ="Pacific/Kiritimati")
    assert later.returncode == 0, later.stderr
    assert differences(tmp_path / "today", tmp_path / "later") == []
