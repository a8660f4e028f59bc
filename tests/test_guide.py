"""The guide for comms staff: content/guide/index.md (the page guide/ on the site), linked from CONTRIBUTING.md.

Its YAML examples are valid data under the real schemas; following them, in
order, gives data that passes the check and a site that shows the change;
every error it quotes is what the check really says; and a planted mistake is
reported to GitHub on its exact line, as the pull request workflow runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, TRUST_DATA, TRUST_WORDS, fixture_project, main_text, run_build
from engagement_hub.reading.load import DATA_FILES, PROGRESS_DIR, check
from engagement_hub.reading.problems import report
from engagement_hub.reading.schema import validate
from engagement_hub.reading.source import read_yaml

GUIDE = ROOT / "content" / "guide" / "index.md"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
# The first line of every YAML example names the file it belongs in:
# "# In data/pledges.yml", or "# In data/progress/2026-27.yml, change these lines".
_NOTE = re.compile(r"^# In (?P<file>data/[\w./-]+\.yml)(?P<change>, change these lines)?$")
_SCHEMA_OF_FILE = {f"data/{file}": name for name, file in DATA_FILES.items()}


@dataclass(frozen=True)
class Example:
    """One ```yaml block in a document, and the data file it is for."""

    source: str
    line: int
    file: str
    change: bool
    text: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}"

    @property
    def schema(self) -> str:
        if self.file.startswith(f"data/{PROGRESS_DIR}/"):
            return "progress"
        return _SCHEMA_OF_FILE[self.file]


@pytest.fixture(autouse=True)
def _after_the_guides_board_meeting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide publishes a year after its board meeting, which is later than today: check as of a day after it."""
    monkeypatch.setenv("HUB_BUILD_DATE", "2027-07-01")


def fenced_blocks(text: str) -> list[tuple[int, str, str]]:
    """(line of the opening fence, info string, body) of every ``` block."""
    blocks, lines, index = [], text.splitlines(keepends=True), 0
    while index < len(lines):
        if lines[index].startswith("```"):
            start, info, body = index + 1, lines[index][3:].strip(), []
            index += 1
            while index < len(lines) and lines[index].rstrip() != "```":
                body.append(lines[index])
                index += 1
            assert index < len(lines), f"the block opened on line {start} is never closed"
            blocks.append((start, info, "".join(body)))
        index += 1
    return blocks


def yaml_blocks(path: Path) -> list[tuple[int, str]]:
    return [(line, body) for line, info, body in fenced_blocks(path.read_text(encoding="utf-8"))
            if info.split()[:1] in (["yaml"], ["yml"])]


def yaml_examples(path: Path) -> list[Example]:
    found = []
    for line, body in yaml_blocks(path):
        note = _NOTE.match(body.split("\n", 1)[0])
        if note:
            found.append(Example(path.relative_to(ROOT).as_posix(), line, note["file"], bool(note["change"]), body))
    return found


EXAMPLES = yaml_examples(GUIDE) + yaml_examples(CONTRIBUTING)


def apply_change(base: str, change: str) -> str:
    """What the guide asks for: change each top-level line to the example's, or add it after the one before."""
    lines = base.splitlines(keepends=True)
    after: int | None = None
    for new in change.splitlines(keepends=True)[1:]:
        key = re.match(r"^([a-z_]+):\s", new)
        assert key, f"a 'change these lines' example may only hold top-level 'field: value' lines: {new!r}"
        at = next((i for i, old in enumerate(lines) if old.startswith(f"{key[1]}:")), None)
        if at is None:
            at = len(lines) if after is None else after + 1
            lines.insert(at, new)
        else:
            lines[at] = new
        after = at
    return "".join(lines)


def whole_text(example: Example) -> str:
    """The example as a whole file: a change is applied to the example before it for the same file."""
    if not example.change:
        return example.text
    earlier = [e for e in EXAMPLES if e.file == example.file and e.source == example.source and e.line < example.line]
    assert earlier, f"{example}: a change needs an earlier example of {example.file} to change"
    return apply_change(whole_text(earlier[-1]), example.text)


def parsed(example: Example) -> dict[str, Any]:
    doc, problems = read_yaml(whole_text(example), f"{example} ({example.file})")
    assert not problems, report(problems)
    return doc.data


def follow(example: Example, root: Path) -> None:
    """Do to a copy of data/ what the guide says to do with the example."""
    path = root / example.file
    if example.schema == "progress":
        # A new file, or a change to the whole file.
        path.write_text(whole_text(example), encoding="utf-8")
        if parsed(example).get("status") == "published":
            # "Publishing is one command": the guide's `make publish-year`, which writes the year's snapshot.
            publish = subprocess.run(
                [sys.executable, "-m", "engagement_hub.tools.publish", path.stem, "--root", str(root)],
                env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
                capture_output=True, text=True, timeout=60, check=False)
            assert publish.returncode == 0, publish.stderr
        return
    kind = example.schema
    text = path.read_text(encoding="utf-8")
    current = yaml.safe_load(text)
    existing = {record["id"] for record in current[kind]}
    records = parsed(example)[kind]
    if not {r["id"] for r in records} & existing:
        # "Copy the example from '- id:' to the end. Paste it under the last one."
        pasted = example.text[example.text.index("  - id:"):]
        path.write_text(text + ("" if text.endswith("\n") else "\n") + pasted, encoding="utf-8")
    else:
        # A change to records that are already there: the example shows them as they should be.
        changed = {record["id"]: record for record in records}
        assert set(changed) <= existing, f"{example}: mixes new and existing {kind}"
        current[kind] = [changed.get(record["id"], record) for record in current[kind]]
        path.write_text(yaml.safe_dump(current, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


# --- Where the guide lives ------------------------------------------------------------------


def test_contributing_links_to_the_guide() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert "](content/guide/index.md)" in text
    assert "guide/" in text
    assert len(text.splitlines()) < len(GUIDE.read_text(encoding="utf-8").splitlines()) / 3, \
        "keep one copy of the guide: CONTRIBUTING.md links to it"


def test_the_guide_is_a_page_on_the_site_but_not_in_its_menus(page: Callable[[str], BeautifulSoup],
                                                              site: Path) -> None:
    soup = page("guide/")
    assert soup.find("h1").get_text(strip=True) == "How to update the website"
    assert len(soup.select("pre code.language-yaml")) == len(yaml_blocks(GUIDE)), "each example is shown as code"
    assert "Open the preview" in main_text(soup)
    for url in ("", "values/", "contact/"):  # pages every organisation's site has
        links = [a["href"] for a in page(url).select("nav a[href]")]
        assert links, url
        assert not [href for href in links if "guide/" in href], f"the guide is in the menus on /{url}"


def test_the_guide_is_left_out_of_the_site_search(site: Path) -> None:
    # Pagefind indexes only pages that carry data-pagefind-body (theme_overrides/main.html).
    assert "data-pagefind-body" in (site / "values" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in (site / "guide" / "index.html").read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_the_guide_asks_search_engines_not_to_list_it() -> None:
    front = yaml.safe_load(GUIDE.read_text(encoding="utf-8").split("---\n")[1])
    assert front["search"] == {"exclude": True}
    assert front["robots"] == "noindex"


def test_the_guide_has_no_relative_links() -> None:
    """It is read on GitHub and on the site, where relative links go to different places."""
    links = re.findall(r"\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert [link for link in links if not link.startswith(("https://", "mailto:"))] == []


def test_the_guide_covers_what_comms_staff_do() -> None:
    headings = re.findall(r"^#{2,3} (.+)$", GUIDE.read_text(encoding="utf-8"), re.MULTILINE)
    for heading in ("Make a change in GitHub's web editor", "Add a pledge", "Add a way to get involved",
                    "Publish a year's progress", "Start the year as a draft",
                    "Publish the year after it has been reviewed", "Change a value",
                    "What the check errors mean", "Open the preview", "Keep personal data out"):
        assert heading in headings


def test_the_guide_is_in_words_for_any_organisation() -> None:
    """It documents the hub for a patients' group or a network as much as a trust: none of a trust's words, in
    its text or its examples (the built guide is checked too, on the fixtures: test_fixtures, test_starter)."""
    text = GUIDE.read_text(encoding="utf-8")
    assert TRUST_WORDS.findall(text) == []
    assert "come from the example data" in text  # and its examples say whose they are


def prose(text: str) -> list[str]:
    """The guide's sentences: no front matter, code, tables or headings."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = re.sub(r"^```.*?^```[ \t]*$", "", text, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"`[^`]*`", "it", text)
    parts = re.split(r"\n\s*\n|\n(?=\s*(?:\d+\.|-) )", text)  # paragraphs and list items
    parts = [re.sub(r"^\s*(?:\d+\.|-)\s+", "", part) for part in parts if not part.lstrip().startswith(("|", "#"))]
    return [s for part in parts for s in re.split(r"(?<=[.!?])\s+", " ".join(part.split())) if re.search("[A-Za-z]", s)]


def test_the_guide_is_written_in_short_sentences() -> None:
    sentences = prose(GUIDE.read_text(encoding="utf-8"))
    words = [len(s.split()) for s in sentences]
    assert len(sentences) > 150
    assert sum(words) / len(words) <= 12, f"sentences average {sum(words) / len(words):.1f} words"
    longest = max(sentences, key=lambda s: len(s.split()))
    assert len(longest.split()) <= 30, f"a sentence is too long: {longest}"


# --- The YAML examples ----------------------------------------------------------------------


def test_every_yaml_example_says_which_file_it_is_for() -> None:
    for path in (GUIDE, CONTRIBUTING):
        for line, body in yaml_blocks(path):
            first = body.split("\n", 1)[0]
            assert _NOTE.match(first), f"{path.name}:{line} should start '# In data/<file>.yml', not {first!r}"
            file = _NOTE.match(first)["file"]
            assert file in _SCHEMA_OF_FILE or re.fullmatch(rf"data/{PROGRESS_DIR}/\d{{4}}-\d\d\.yml", file), file
    assert {e.schema for e in EXAMPLES} >= {"pledges", "channels", "progress", "values"}


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_example_is_valid_under_its_files_schema(example: Example) -> None:
    doc, problems = read_yaml(whole_text(example), example.file)
    assert not problems, report(problems)
    problems = validate(doc, example.schema)
    assert not problems, report(problems)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(TRUST_DATA, tmp_path / "data")
    return tmp_path


def check_command(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`make check`, as comms staff and the workflows run it, on a copy of the data."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "GITHUB_ACTIONS": "false", **env}
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(root)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def reported(output: str) -> set[str]:
    """Each problem or warning in the check's report, without its line and column."""
    blocks = [block.split("\n", 1) for block in output.strip().split("\n\n")]
    return {block[0].split(",")[0] + "\n" + block[1] for block in blocks if len(block) == 2}


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_following_one_example_gives_data_that_passes_the_check(example: Example, data_copy: Path) -> None:
    """Ids, goals, values and measures in the example all exist, and `make check` warns of nothing new."""
    before = check_command(data_copy)
    follow(example, data_copy)
    hub, problems = check(data_copy)
    assert hub is not None, report(problems)
    after = check_command(data_copy)
    assert after.returncode == 0, after.stderr
    assert reported(after.stderr) <= reported(before.stderr), after.stderr


def test_following_the_whole_guide_changes_the_site_as_it_says(tmp_path: Path) -> None:
    """Every example in order, as comms staff would: the check passes after each, and the site shows them."""
    project = fixture_project("trust", tmp_path / "project")
    year = None
    for example in yaml_examples(GUIDE):
        follow(example, project)
        hub, problems = check(project)
        assert hub is not None, f"after {example}:\n{report(problems)}"
        if example.schema == "progress" and parsed(example)["status"] == "draft":
            year = parsed(example)["year"]
            slug = year.replace("/", "-")
            public, preview = tmp_path / "public-draft", tmp_path / "preview-draft"
            built = run_build(project, public)
            assert built.returncode == 0, built.stderr[-3000:]
            assert run_build(project, preview, HUB_PREVIEW="1").returncode == 0
            assert not (public / "progress" / slug).exists(), "a draft year must not be on the public site"
            assert (preview / "progress" / slug / "index.html").is_file(), "a draft year shows in the preview"
    assert year, "the guide has a draft year"

    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr

    def text(url: str) -> str:
        return main_text(BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser"))

    examples = {e.schema: parsed(e) for e in yaml_examples(GUIDE)}  # the last example of each kind
    pledge = examples["pledges"]["pledges"][0]
    assert pledge["text"] in text("pledges")
    assert pledge["updates"][-1]["text"] in text("pledges")
    assert pledge["text"] in text(f"values/{pledge['values'][0]}")
    channel = examples["channels"]["channels"][0]
    assert channel["name"] in text("get-involved")
    value = examples["values"]["values"][0]
    assert value["summary"] in text(f"values/{value['id']}")
    assert examples["progress"]["status"] == "published"
    assert examples["progress"]["summary"] in text(f"progress/{year.replace('/', '-')}")


# --- The errors the guide explains ----------------------------------------------------------


def sections(text: str) -> dict[str, str]:
    """Each heading's own text, up to the next heading of any level."""
    parts = re.split(r"^(#{2,3}) (.+)$", text, flags=re.MULTILINE)
    return {parts[i + 1]: parts[i + 2] for i in range(1, len(parts) - 1, 3)}


def quoted(section: str) -> list[str]:
    """The check's words quoted in a section. Not quotes: blocks of 'Wrong:' and 'Right:' lines (advice), and
    lines to add under a field, which start with the field's name alone ('corrections:')."""
    return [body for _, info, body in fenced_blocks(section)
            if info == "text" and not body.startswith("Wrong:") and not re.match(r"[a-z_]+:\n", body)]


def _same(text: str) -> str:
    """Line numbers and list positions differ with the data, so compare without digits."""
    return re.sub(r"\d+", "#", " ".join(text.split()))


PLEDGE_TEXT = "text: We will make our wards quieter at night, so that people can rest."
# (the section that explains it, the change to the first pledge example that causes it)
MISTAKES: dict[str, tuple[str, str, str]] = {
    "the example of a problem": ("What the check errors mean", "status: made", "status: done"),
    "missing field": ("A field is missing", "    date: 2026-06-02\n", ""),
    "unknown field": ("A field name is not known", "    goal:", "    gaol:"),
    "not an allowed word": ("A word is not one of the allowed words", "status: made", "status: done"),
    "unknown id": ("An id points to nothing", "      - compassion", "      - compasion"),
    "duplicate id": ("Two records have the same id", "", ""),
    "yes needs quotes": ("Yes, no and numbers need quotes", PLEDGE_TEXT, "text: yes"),
    "number needs quotes": ("Yes, no and numbers need quotes", PLEDGE_TEXT, "text: 0700"),
    "tab": ("A tab is used for spaces", "    status: made", "\tstatus: made"),
    "unclosed quote": ("A quote mark is not closed", "text: We", 'text: "We'),
    "list not lined up": ("The spaces at the start of a line are wrong", "      - respect-and-dignity",
                          "     - respect-and-dignity"),
    "colon in text": ("The spaces at the start of a line are wrong", PLEDGE_TEXT, "text: Note: we will listen."),
    "no space after dash": ("A list item has no space after its dash", "      - compassion", "      -compassion"),
    "date form": ("A date is in the wrong form", "date: 2026-06-02", "date: 02/06/2026"),
    "year and file name": ("A year does not match its file name", "", ""),
    "javascript link": ("A link is refused", PLEDGE_TEXT, "text: We will [listen](javascript:alert)."),
    "image": ("A picture is refused", PLEDGE_TEXT,
              "text: We will listen. ![Our logo](https://www.example.org/logo.png)"),
    "field twice": ("A field appears twice", "    status: made", "    status: made\n    status: kept"),
}


def make_mistake(mistake: str, root: Path) -> None:
    _, old, new = MISTAKES[mistake]
    if mistake == "year and file name":
        draft = next(e for e in yaml_examples(GUIDE) if e.schema == "progress" and not e.change)
        (root / "data" / PROGRESS_DIR / "2026-2027.yml").write_text(draft.text, encoding="utf-8")
        return
    example = next(e for e in yaml_examples(GUIDE) if e.schema == "pledges")
    pasted = example.text[example.text.index("  - id:"):]
    assert old in pasted
    broken = pasted + pasted if mistake == "duplicate id" else pasted.replace(old, new, 1)
    path = root / "data" / "pledges.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + broken, encoding="utf-8")


def check_output(root: Path) -> str:
    hub, problems = check(root)
    assert hub is None, "the mistake was not found"
    return report(problems)


@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_guide_explains_each_mistake_with_the_checks_own_words(mistake: str, data_copy: Path) -> None:
    heading = MISTAKES[mistake][0]
    make_mistake(mistake, data_copy)
    output = check_output(data_copy)
    section = sections(GUIDE.read_text(encoding="utf-8"))[heading]
    quotes = quoted(section)
    assert quotes, f"the section '{heading}' should quote what the check says"
    assert any(all(_same(line) in _same(output) for line in quote.splitlines() if line.strip())
               for quote in quotes), f"no quote in '{heading}' is what the check says now:\n{output}"


def test_every_quoted_error_is_what_the_check_says(tmp_path: Path) -> None:
    """No quote in the guide is left behind when the check's words change."""
    outputs: dict[str, list[str]] = {}
    for index, (mistake, (heading, _, _)) in enumerate(MISTAKES.items()):
        root = tmp_path / str(index)
        shutil.copytree(TRUST_DATA, root / "data")
        make_mistake(mistake, root)
        outputs.setdefault(heading, []).append(_same(check_output(root)))
    for heading, section in sections(GUIDE.read_text(encoding="utf-8")).items():
        for quote in quoted(section):
            assert heading in outputs, f"'{heading}' quotes the check, but no test makes that mistake"
            lines = [_same(line) for line in quote.splitlines() if line.strip()]
            assert any(all(line in output for line in lines) for output in outputs[heading]), (
                f"the check no longer says this, quoted under '{heading}':\n{quote}")


# --- Annotations on the changed line ---------------------------------------------------------


def break_a_status(root: Path) -> tuple[int, int]:
    """A known bad fixture: the first pledge status in a copy of data/ set to a word that is not allowed."""
    path = root / "data" / "pledges.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number, line = next((n, text) for n, text in enumerate(lines, 1) if re.match(r"^\s+status:\s*\S", text))
    column = len(line) - len(line.lstrip()) + 1
    lines[number - 1] = line[: column - 1] + "status: finished\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number, column


@pytest.mark.parametrize("how", ["make check in GitHub Actions", "--format github"])
def test_a_mistake_is_annotated_on_its_exact_line(how: str, data_copy: Path) -> None:
    """What the pull request workflow runs: the error lands on the line of the mistake."""
    number, column = break_a_status(data_copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "GITHUB_ACTIONS": "false"}
    if how == "--format github":
        args = [sys.executable, "-m", "engagement_hub.tools.check", "--root", str(data_copy), "--format", "github"]
    else:
        # As the workflow's step runs it; GitHub's runners set GITHUB_ACTIONS=true.
        args = ["make", "--no-print-directory", "-C", str(ROOT), "check", f"ARGS=--root {data_copy}"]
        env["GITHUB_ACTIONS"] = "true"
    result = subprocess.run(args, cwd=data_copy, env=env, capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode != 0
    annotation = re.compile(
        rf"^::error file=data/pledges\.yml,line={number},col={column}(?:,title=[^:]*)?::(?P<text>.*)$", re.MULTILINE)
    match = annotation.search(result.stdout)
    assert match, f"no annotation on line {number}, column {column}:\n{result.stdout}{result.stderr}"
    assert match.group("text").startswith("pledges[") and "allowed words" in match.group("text")
    assert "made, in-progress, kept, not-kept" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_without_github_there_are_no_annotations(data_copy: Path) -> None:
    """On a computer, `make check` prints only the plain-English report."""
    break_a_status(data_copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "GITHUB_ACTIONS": "false"}
    result = subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(data_copy)], cwd=data_copy,
                            env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr
    assert "This is not one of the allowed words." in result.stderr
