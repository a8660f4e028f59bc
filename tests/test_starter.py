"""`make new-site`: the starter data set gives a new organisation a minimal site that passes the check
and builds, using none of the example organisation's ids and none of a trust's words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, TRUST_DATA, build_env, copy_project, main_text, page_reader, run_build, words_not_in_data


def example_ids() -> set[str]:
    """Every id in the example organisation's data."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("id", "goal") and isinstance(value, str):
                    found.add(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in TRUST_DATA.rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def new_site(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.newsite", "--root", str(project)],
                          env=build_env(), capture_output=True, text=True, timeout=60, check=False)


def test_new_site_gives_a_minimal_site_that_checks_and_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "starter").symlink_to(ROOT / "starter")
    result = new_site(project)
    assert result.returncode == 0, result.stderr
    assert "make check" in result.stdout and "git checkout -- data content/about.md" in result.stdout
    check = subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                           env=build_env(), capture_output=True, text=True, timeout=60, check=False)
    assert check.returncode == 0, check.stderr
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    home = page_reader(tmp_path / "site")("")
    assert home.h1.get_text(strip=True) == "Your Organisation's Full Name"
    assert "Our first goal" in main_text(home)
    assert not (tmp_path / "site" / "feed.xml").exists()  # nothing to announce yet: no feed (test_feed_presence)
    written = "\n".join(p.read_text(encoding="utf-8") for p in [*(project / "data").rglob("*.yml"),
                                                                project / "content" / "about.md"])
    assert words_not_in_data(tmp_path / "site", written) == []


def test_the_starter_uses_no_example_id() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "starter").rglob("*") if p.is_file())
    used = [i for i in example_ids() if i in text]
    assert used == [], used
    assert "build-a-culture-of-involvement" in example_ids()  # the example's ids were really read


def test_the_statement_dates_start_from_the_day_of_new_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "starter").symlink_to(ROOT / "starter")
    result = subprocess.run([sys.executable, "-m", "engagement_hub.tools.newsite", "--root", str(project),
                             "--build-date", "2027-03-04"], env=build_env(), capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    statement = yaml.safe_load((project / "data" / "accessibility.yml").read_text(encoding="utf-8"))
    assert str(statement["last_reviewed"]) == str(statement["prepared"]) == "2027-03-04"
