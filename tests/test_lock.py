"""The supply chain is locked: every package pinned with hashes, the locks in step
with the `.in` files people edit, and every install (make, the publish workflow)
going through the lock with `--require-hashes`.

The checks are plain functions run on the real files and on broken copies, so
each one is shown to be able to fail.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_entries(text: str) -> list[tuple[str, str, int]]:
    """(name, version, number of hashes) for each requirement in a lock."""
    entries: list[tuple[str, str, int]] = []
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = REQUIREMENT.match(block)
        if match:
            entries.append((canonical(match[1]), match[2], block.count("--hash=sha256:")))
    return entries


def lock_problems(in_text: str, lock_text: str) -> list[str]:
    """Why a lock cannot be installed with --require-hashes or is out of step with its .in file."""
    problems = [f"{name} has no hash" for name, _, hashes in lock_entries(lock_text) if hashes == 0]
    locked: dict[str, set[str]] = {}
    for name, version, _ in lock_entries(lock_text):
        locked.setdefault(name, set()).add(version)
    for raw in in_text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        match = REQUIREMENT.match(line)
        if not match:
            problems.append(f"{line!r} is not pinned with ==")
            continue
        name, version = canonical(match[1]), match[2]
        if version not in locked.get(name, set()):
            problems.append(f"{name}=={version} is in the .in file but the lock has {sorted(locked.get(name, set()))}")
    return problems


LOCKS = [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")]


@pytest.mark.parametrize(("source", "lock"), LOCKS)
def test_lock_is_hashed_and_in_step(source: str, lock: str) -> None:
    in_text = (ROOT / source).read_text(encoding="utf-8")
    if source == "requirements-dev.in":
        in_text += (ROOT / "requirements.in").read_text(encoding="utf-8")
    lock_text = (ROOT / lock).read_text(encoding="utf-8")
    assert lock_problems(in_text, lock_text) == [], f"run `make lock` ({lock} is out of step with {source})"
    assert len(lock_entries(lock_text)) > 20, "the lock should pin the transitive packages too"


def test_site_and_dev_locks_agree() -> None:
    site = {(name, version) for name, version, _ in lock_entries((ROOT / "requirements.txt").read_text(encoding="utf-8"))}
    dev = {(name, version) for name, version, _ in lock_entries((ROOT / "requirements-dev.txt").read_text(encoding="utf-8"))}
    assert site <= dev, f"versions only in the site lock: {sorted(site - dev)}"


def test_mkdocs_stays_below_2() -> None:
    version = dict((n, v) for n, v, _ in lock_entries((ROOT / "requirements.txt").read_text(encoding="utf-8")))["mkdocs"]
    assert int(version.split(".")[0]) < 2


def test_lock_checker_can_fail() -> None:
    good = "nh3==0.3.7 \\\n    --hash=sha256:" + "a" * 64 + "\n"
    assert lock_problems("nh3==0.3.7\n", good) == []
    assert lock_problems("nh3==0.3.7\n", "nh3==0.3.7\n") == ["nh3 has no hash"]
    assert lock_problems("nh3==0.3.8\n", good) == ["nh3==0.3.8 is in the .in file but the lock has ['0.3.7']"]
    assert lock_problems("icalendar==7.3.0\n", good) == ["icalendar==7.3.0 is in the .in file but the lock has []"]
    assert lock_problems("nh3>=0.3\n", good) == ["'nh3>=0.3' is not pinned with =="]


def installs_locked(makefile: str) -> bool:
    """Every pip install in the Makefile reads a lock with --require-hashes."""
    installs = [line for line in makefile.splitlines() if "pip install" in line]
    return bool(installs) and all("--require-hashes" in line for line in installs)


def test_make_installs_with_require_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert installs_locked(makefile)
    assert "-r requirements.txt" in makefile and "-r requirements-dev.txt" in makefile
    assert not installs_locked(makefile.replace("--require-hashes", ""))


def test_publish_installs_only_through_make() -> None:
    """The nightly publish sets up Python through `make`, so through the lock; no pip of its own."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(run.startswith("make ") for run in runs)
    assert not any("pip " in run or "uv " in run for run in runs)
