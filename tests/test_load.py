"""Loading and checking data/: the example is valid, and broken references or
missing fields are reported with the file, line and field a comms officer needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import TRUST, TRUST_DATA
from engagement_hub.preview.memory import Memory
from engagement_hub.reading import load
from engagement_hub.reading.load import check


def example(name: str):
    return yaml.safe_load((TRUST_DATA / name).read_text(encoding="utf-8"))


def test_example_data_loads_with_every_record() -> None:
    hub, problems = check(TRUST)
    assert problems == []
    assert [g.id for g in hub.strategy.goals] == [g["id"] for g in example("strategy.yml")["goals"]]
    assert {v.id for v in hub.values} == {v["id"] for v in example("values.yml")["values"]}
    assert len(hub.pledges) == len(example("pledges.yml")["pledges"])
    assert len(hub.channels) == len(example("channels.yml")["channels"])
    published = sorted(p.stem for p in (TRUST_DATA / "progress").glob("*.yml"))
    assert [y.slug for y in hub.years] == published


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, name: str, needle: str) -> int:
    """The last line holding the needle (for a duplicate, the second one is the mistake)."""
    lines = (project / "data" / name).read_text(encoding="utf-8").splitlines()
    return max(number for number, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize(("name", "old", "new", "needle", "field", "words"), [
    ("strategy.yml", "values: [diversity, inclusive, everyone-counts]",
     "values: [diversity, kindness, everyone-counts]", "values: [diversity, kindness",
     "goals[2].values[1]", ["kindness", "data/values.yml"]),
    ("pledges.yml", "    goal: promote-health-equity\n    updates:\n      - {date: 2025-01-15",
     "    goal: equity\n    updates:\n      - {date: 2025-01-15", "goal: equity",
     "pledges[0].goal", ["equity", "promote-health-equity"]),
    ("values.yml", "  - id: inclusive\n", "  - id: diversity\n", "  - id: diversity",
     "values[2].id", ["diversity", "two values"]),
    ("channels.yml", "    reaches: People using a particular service right now\n", "", "- id: clinic-recruitment",
     "channels[1]", ["reaches"]),
    ("progress/2025-26.yml", "  - goal: work-in-partnership\n    status: on-track",
     "  - goal: work-in-partnership\n    status: going-well", "status: going-well",
     "goals[3].status", ["going-well", "on-track"]),
])
def test_a_mistake_names_file_line_and_field(project: Path, name: str, old: str, new: str, needle: str,
                                             field: str, words: list[str]) -> None:
    edit(project, name, old, new)
    hub, problems = check(project)
    assert hub is None
    assert problems, "the mistake was not reported"
    found = [p for p in problems if p.path == field]
    assert found, f"no problem names {field}: {[p.human() for p in problems]}"
    problem = found[0]
    assert problem.file == f"data/{name}"
    assert problem.line == line_of(project, name, needle)
    message = problem.human()
    for word in words:
        assert word.lower() in message.lower(), message


def test_a_mistake_saved_during_a_preview_is_reported_as_a_fresh_read_reports_it(project: Path) -> None:
    """A preview re-reads and re-checks only the pledge an edit touched; a mistake in it must still be
    reported in full, with the same words, lines and fields as a build from scratch."""
    memory = Memory()
    assert check(project, memory=memory)[1] == []  # the preview's last good reading
    edit(project, "pledges.yml", "    goal: promote-health-equity\n    updates:\n",
         "    goal: promote-health-equity\n    status: maybe\n    colour: red\n    updates:\n")
    hub, quick = check(project, memory=memory)
    assert hub is None
    assert check(project) == (None, quick)  # no memory: everything read afresh
    assert len(quick) == 2 and "pledges[0].status" in {p.path for p in quick}, [p.human() for p in quick]


def _newest_written(root: Path) -> str:
    """The latest YYYY-MM-DD anywhere in the data files, read straight from the YAML text."""
    found = [m for path in (root / "data").rglob("*.yml")
             for m in re.findall(r"\b(\d{4}-\d{2}-\d{2})\b", path.read_text(encoding="utf-8"))]
    return max(found)


def test_the_site_is_dated_by_the_newest_date_in_the_data_through_every_reload(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sitemap's date comes from the data; a preview reloading in one process must follow each edit."""
    monkeypatch.setenv("HUB_BUILD_DATE", "2100-01-01")  # so that an update in 2099 is not in the future
    memory = Memory()  # one preview's memory, through every reload

    def newest() -> str:
        return load.newest_date(load.load_checked(project, include_drafts=True, memory=memory)[0], memory)

    assert newest() == _newest_written(project)
    pledges = project / "data" / "pledges.yml"
    original = pledges.read_text(encoding="utf-8")
    update = re.search(r"(- \{date: )2026-04-15", original)  # a pledge's latest news
    assert update is not None
    pledges.write_text(original.replace(update.group(0), update.group(1) + "2099-12-31", 1), encoding="utf-8")
    assert newest() == "2099-12-31"
    pledges.write_text(original, encoding="utf-8")
    assert newest() == _newest_written(project) < "2099-12-31"


@pytest.mark.parametrize("kind", ["trust", "network", "group"])
def test_data_paths_names_every_file_the_hub_reads_and_no_other(kind: str, tmp_path: Path) -> None:
    """bench's load floor reads ``data_paths``: the same files as the hub, optional ones only where present."""
    import shutil

    root = tmp_path / kind
    shutil.copytree(TRUST.parent / kind, root)
    progress = root / "data" / "progress"
    if progress.is_dir():  # a year file whose name ends in capitals is read too
        first = min(progress.iterdir())
        (progress / "2030-31.YAML").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    docs, years, _ = load.read_documents(root)
    read = sorted(doc.file for doc in [*docs.values(), *years])
    listed = sorted(p.relative_to(root).as_posix() for p in load.data_paths(root / "data"))
    assert listed == read
    assert ("data/progress/2030-31.YAML" in listed) == progress.is_dir()
