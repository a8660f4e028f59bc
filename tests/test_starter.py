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


def new_site(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.newsite", "--root", str(project), *args],
                          env=build_env(), capture_output=True, text=True, timeout=60, check=False)


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=project,
                          capture_output=True, text=True, timeout=60, check=True).stdout


def committed_project(dest: Path) -> Path:
    """A copy of the project as a fork is: a git working copy with everything committed."""
    project = copy_project(dest)
    (project / "starter").symlink_to(ROOT / "starter")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the fork")
    return project


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_new_site_gives_a_minimal_site_that_checks_and_builds(tmp_path: Path) -> None:
    project = committed_project(tmp_path / "project")
    result = new_site(project)
    assert result.returncode == 0, result.stderr
    assert "make check" in result.stdout and "git checkout -- data content/about.md" in result.stdout
    check = subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                           env=build_env(), capture_output=True, text=True, timeout=60, check=False)
    assert check.returncode == 0, check.stderr
    said = check.stdout + check.stderr
    assert "WARNING" not in said and "warning" not in said, said  # the starter passes with nothing to fix
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
    project = committed_project(tmp_path / "project")
    result = new_site(project, "--build-date", "2027-03-04")
    assert result.returncode == 0, result.stderr
    statement = yaml.safe_load((project / "data" / "accessibility.yml").read_text(encoding="utf-8"))
    assert str(statement["last_reviewed"]) == str(statement["prepared"]) == "2027-03-04"


def test_new_site_refuses_to_replace_what_git_could_not_bring_back(tmp_path: Path) -> None:
    """An edit not yet committed, a file just added, or the starter filled in and run again: refused, each
    named, and nothing replaced; --force replaces them, as asked."""
    project = committed_project(tmp_path / "project")
    values = project / "data" / "values.yml"
    values.write_text(values.read_text(encoding="utf-8") + "# our own words\n", encoding="utf-8")
    (project / "data" / "brand").mkdir(exist_ok=True)
    (project / "data" / "brand" / "our-logo.svg").write_text("<svg/>", encoding="utf-8")
    before = files(project / "data"), (project / "content" / "about.md").read_bytes()
    refused = new_site(project)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "  data/values.yml\n" in refused.stderr and "  data/brand/our-logo.svg\n" in refused.stderr
    assert "Nothing was replaced" in refused.stderr and "ARGS=--force" in refused.stderr
    assert (files(project / "data"), (project / "content" / "about.md").read_bytes()) == before

    forced = new_site(project, "--force")
    assert forced.returncode == 0, forced.stderr
    assert not (project / "data" / "brand" / "our-logo.svg").exists()
    assert (project / "data" / "values.yml").read_bytes() == (ROOT / "starter" / "data" / "values.yml").read_bytes()
    again = new_site(project)  # the starter, filled in or not, is not committed yet
    assert again.returncode == 1 and "  data/organisation.yml\n" in again.stderr


def test_new_site_refuses_a_folder_git_does_not_keep(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")  # no .git: nothing could undo the replacement
    (project / "starter").symlink_to(ROOT / "starter")
    before = files(project / "data")
    refused = new_site(project)
    assert refused.returncode == 1 and "not a git repository" in refused.stderr and "Traceback" not in refused.stderr
    assert files(project / "data") == before
    assert new_site(project, "--force").returncode == 0


def test_new_site_goes_ahead_when_only_other_files_changed(tmp_path: Path) -> None:
    """The negative: work outside data/ and content/about.md is not what new-site replaces."""
    project = committed_project(tmp_path / "project")
    (project / "content" / "extra.md").write_text("# Our page\n", encoding="utf-8")
    (project / "README.md").write_text("ours\n", encoding="utf-8")
    assert new_site(project).returncode == 0
    assert (project / "content" / "extra.md").is_file()
