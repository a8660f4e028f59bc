"""The README is a newcomer's page: its two-command quick start works, it names every dependency with a
reason, and every file it points to exists."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
from pathlib import Path

from test_preview_errors import free_port, until

from conftest import ROOT

README = ROOT / "README.md"


def quick_start(readme: str) -> list[str]:
    """The commands of the first code block under '## Quick start', comments left off."""
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block, "the quick start has no ```sh code block"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]


def dependency_rows(readme: str) -> str:
    """The first column of the README's dependency table, lower-cased."""
    section = readme.split("## Dependencies, and why each is there", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line.split("|")[1].lower() for line in section.splitlines() if line.startswith("| "))


def declared_dependencies(root: Path) -> list[str]:
    """Every package the project asks for by name: the .in files and package.json's devDependencies."""
    names = []
    for name in ("requirements.in", "requirements-dev.in"):
        for text in (root / name).read_text(encoding="utf-8").splitlines():
            line = text.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                names.append(re.split(r"[=<>!~\[ ]", line, maxsplit=1)[0])
    names += json.loads((root / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    return names


def unexplained(readme: str, names: list[str]) -> list[str]:
    rows = dependency_rows(readme)
    return [name for name in names if not re.search(rf"(?<![\w@/-]){re.escape(name.lower())}(?![\w-])", rows)]


def missing_files(readme: str, root: Path) -> list[str]:
    """Relative links in the README that name nothing in the repository."""
    links = re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", readme)
    return [link for link in links if not (root / link).exists()]


def test_the_quick_start_is_two_commands_one_to_preview_and_one_to_test() -> None:
    assert quick_start(README.read_text(encoding="utf-8")) == ["make serve", "make test"]


def test_the_quick_start_check_fails_on_a_third_command() -> None:
    readme = "## Quick start\n\n```sh\nmake serve  # preview\npip install x\nmake test\n```\n"
    assert quick_start(readme) == ["make serve", "pip install x", "make test"]


def test_ci_runs_the_readmes_test_command_on_a_fresh_clone() -> None:
    """CI's script (.ci/run) is the README's second command, so the quick start is what CI proves."""
    commands = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert commands == [quick_start(README.read_text(encoding="utf-8"))[1]]
    plan = subprocess.run(["make", "--no-print-directory", "-n", "test"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True).stdout
    assert "-m pytest" in plan  # it runs every test, after setting up what they need


def test_the_readmes_first_command_builds_and_previews_the_site() -> None:
    """`make serve`, run as the README says, serves the site's home page."""
    port = free_port()
    env = {**os.environ}
    env.pop("HUB_PREVIEW", None)
    server = subprocess.Popen(["make", "--no-print-directory", "serve", f"PORT={port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        home = until(server, f"http://127.0.0.1:{port}/", lambda html: "<h1" in html)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    assert "<main" in home


def test_every_dependency_is_in_the_readme_with_a_reason() -> None:
    readme = README.read_text(encoding="utf-8")
    names = declared_dependencies(ROOT)
    assert len(names) > 10
    assert unexplained(readme, names) == []
    section = readme.split("## Dependencies, and why each is there", 1)[1]
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith(("| package", "| ---")):
            assert len(line.split("|")[2].split()) >= 2, f"no reason given: {line}"


def test_a_dependency_missing_from_the_readme_is_found() -> None:
    readme = README.read_text(encoding="utf-8")
    assert unexplained(readme, ["leftpad", "jinja2", "axe-core"]) == ["leftpad"]
    assert unexplained(readme, ["mkdocs"]) == []
    # a name inside another's is not enough: 'mkdocs' in 'mkdocs-material' alone would not count
    assert unexplained("## Dependencies, and why each is there\n| mkdocs-material 9 | theme |\n", ["mkdocs"]) == ["mkdocs"]


def test_every_file_the_readme_links_to_exists() -> None:
    readme = README.read_text(encoding="utf-8")
    assert missing_files(readme, ROOT) == []
    assert missing_files("see [the notes](docs/nowhere.md)", ROOT) == ["docs/nowhere.md"]


def test_the_readme_is_a_short_page_for_newcomers() -> None:
    """Detail lives in docs/, CONTRIBUTING.md and the guide; the README stays a page a newcomer reads whole."""
    assert len(README.read_text(encoding="utf-8")) < 10_000
