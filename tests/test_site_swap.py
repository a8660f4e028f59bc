"""Builds that cannot lose the site: concurrent `make build`s are serialised, and a kill at any moment
leaves a complete site/.

The real `make build` runs in a scratch copy of the project. Several builds are
started at once; builds are killed (SIGKILL, the whole process group) while
MkDocs is writing; and the publishing step is interrupted in process at each
of its steps. After each, site/ must be a complete site: every page of a good
build present.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, fixture_project
from engagement_hub.output import sitedir

BIN = Path(sys.executable).parent


def make_build_process(project: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "HUB_PREVIEW")}
    return subprocess.Popen(["make", "--no-print-directory", "-o", ".venv/.site-deps", "build", f"BIN={BIN}"],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def pages(project: Path) -> set[str]:
    site = project / "site"
    return {str(p.relative_to(site)) for p in site.rglob("index.html")} if site.is_dir() else set()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The fixture trust (never data/, which a fork replaces): the page counts below are its own.
    project = fixture_project("trust", tmp_path_factory.mktemp("swap") / "project")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    # The site as it was before builds went into .site-builds: a real folder, swapped out whole.
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old layout", encoding="utf-8")
    build = make_build_process(project)
    _, err = build.communicate(timeout=300)
    assert build.returncode == 0, err
    assert (project / "site").is_symlink()
    return project


@pytest.fixture(scope="module")
def complete(project: Path) -> set[str]:
    found = pages(project)
    assert len(found) > 20 and "index.html" in found
    return found


def test_concurrent_builds_all_succeed_and_leave_one_complete_site(project: Path, complete: set[str]) -> None:
    runs = [make_build_process(project) for _ in range(3)]
    results = [(run.communicate(timeout=600), run.returncode) for run in runs]
    assert [code for _, code in results] == [0, 0, 0], [err for (_, err), _ in results]
    assert pages(project) == complete
    assert len(list((project / sitedir.BUILDS).iterdir())) == 1, "older builds are tidied away"


def test_a_build_killed_while_writing_leaves_the_site_complete(project: Path, complete: set[str]) -> None:
    published = (project / "site").resolve()
    run = make_build_process(project)
    builds = project / sitedir.BUILDS
    # Wait (without a clock) until the new build has started writing pages, then kill make and its children.
    while run.poll() is None and not any(p != published and any(p.rglob("*.html")) for p in builds.iterdir()):
        time.sleep(0.02)  # polling for a state, not timing anything
    assert run.poll() is None, "the build ended before it could be killed"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert (project / "site").resolve() == published
    assert pages(project) == complete
    again = make_build_process(project)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert pages(project) == complete
    assert len(list(builds.iterdir())) == 1, "the killed build's folder is removed by the next build"


class Killed(BaseException):
    """Stands for SIGKILL at one step of publishing."""


STEPS = ["symlink_to", "replace", "tidy"]


@pytest.mark.parametrize("step", STEPS)
def test_publishing_interrupted_at_any_step_leaves_a_complete_site(project: Path, complete: set[str],
                                                                   monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    new = project / sitedir.BUILDS / f"interrupted-{step}"
    shutil.copytree((project / "site").resolve(), new)

    def killed(*args: object, **kwargs: object) -> None:
        raise Killed

    if step == "symlink_to":
        monkeypatch.setattr(Path, "symlink_to", killed)
    elif step == "replace":
        monkeypatch.setattr(sitedir.os, "replace", killed)
    with pytest.raises(Killed) if step != "tidy" else contextlib.nullcontext():
        sitedir.publish(project, new)
    if step == "tidy":
        monkeypatch.setattr(sitedir, "_remove", killed)
        with pytest.raises(Killed):
            sitedir.tidy(project)
    monkeypatch.undo()
    assert pages(project) == complete
    sitedir.tidy(project)
    assert pages(project) == complete


def test_the_check_for_a_complete_site_can_fail(tmp_path: Path, complete: set[str]) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("half", encoding="utf-8")
    assert pages(tmp_path) != complete
    assert pages(tmp_path / "missing") == set()
