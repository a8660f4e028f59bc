"""A preview after any sequence of edits shows exactly what a fresh build shows.

`make serve` redraws only the pages ``HubSite.changed_pages`` names and keeps
the rest from the last build. Here random sequences of edits (records added,
changed and removed in every data file, hand-written pages added, retitled
and removed) are applied one after another; after each, every page the
preview would show (redrawn or kept) must equal, byte for byte, the page a
fresh build draws with nothing remembered. With the speed-ups on (one Memory
and the last site, as the preview keeps them) and off (HUB_SPEEDUPS=0).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, TRUST, TRUST_DATA, examples
from engagement_hub.output.site import HubSite
from engagement_hub.preview.memory import Memory
from engagement_hub.reading.problems import DataError

TEMPLATES = ROOT / "theme_overrides" / "hub"


def load(root: Path, memory: Memory | None) -> HubSite | None:
    try:
        return HubSite.load(root, template_dir=TEMPLATES, content_dir=root / "content", preview=True,
                            memory=memory)
    except DataError:
        return None  # the preview shows the problems and keeps its last good site


class Preview:
    """What the preview server holds: the last good site and the HTML of every page it shows."""

    def __init__(self, root: Path, speedups: bool) -> None:
        self.root, self.speedups = root, speedups
        self.memory = Memory()
        self.site: HubSite | None = None
        self.shown: dict[str, str] = {}
        self.rebuild()

    def rebuild(self) -> None:
        site = load(self.root, self.memory if self.speedups else None)
        if site is None:
            return
        changed = site.changed_pages(self.site if self.speedups else None)
        self.shown = {src: site.render(src) if src in changed else self.shown[src] for src in site.pages}
        self.site = site


def fresh(root: Path) -> HubSite | None:
    return load(root, None)


def assert_same_as_fresh(preview: Preview) -> None:
    site = fresh(preview.root)
    if site is None:
        return  # the data is wrong: both show the problems, and the preview keeps its last good pages
    assert preview.site is not None
    assert sorted(preview.shown) == sorted(site.pages)
    for src in site.pages:
        assert preview.shown[src] == site.render(src), f"{src} is stale in the preview"
    assert preview.site.nav == site.nav
    assert preview.site.generated_files() == site.generated_files()


# --- Edits, each a small change a comms officer makes to one file -------------------------------------

Edit = Callable[[Path, int, str], None]


def yaml_edit(name: str, change: Callable[[Any, int, str], None]) -> Edit:
    def apply(root: Path, n: int, word: str) -> None:
        path = root / "data" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data, n, word)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200), encoding="utf-8")
    return apply


def pick(items: list, n: int) -> Any:
    return items[n % len(items)]


def records(key: str, field: str) -> list[tuple[str, Edit]]:
    name = f"{key}.yml"

    def change(data: Any, n: int, word: str) -> None:
        pick(data[key], n)[field] = f"{pick(data[key], n)[field]} {word}"

    def add(data: Any, n: int, word: str) -> None:
        copy = deepcopy(pick(data[key], n))  # a deep copy: shared parts would be written as YAML aliases
        copy["id"] = f"{copy['id']}-{word.lower()}-{len(data[key])}"
        data[key].insert(n % (len(data[key]) + 1), copy)

    def remove(data: Any, n: int, word: str) -> None:
        if len(data[key]) > 1:
            data[key].pop(n % len(data[key]))

    return [(f"change a record in {name}", yaml_edit(name, change)), (f"add a record to {name}", yaml_edit(name, add)),
            (f"remove a record from {name}", yaml_edit(name, remove))]


def latest_year(root: Path) -> str:
    return f"progress/{max(p.name for p in (root / 'data' / 'progress').glob('*.yml'))}"


def year_edit(change: Callable[[Any, int, str], None]) -> Edit:
    def apply(root: Path, n: int, word: str) -> None:
        yaml_edit(latest_year(root), change)(root, n, word)
    return apply


def set_year_summary(data: Any, n: int, word: str) -> None:
    data["summary"] = f"{data['summary']} {word}"


def set_people(data: Any, n: int, word: str) -> None:
    if data.get("involvement"):
        data["involvement"]["people_involved"] = n % 3 * 500 + 1  # sometimes the same number again


def set_target(data: Any, n: int, word: str) -> None:
    measure = pick(pick(data["goals"], n)["measures"], n)
    value = measure["target"]["value"]
    measure["target"]["value"] = float(value) if n % 2 else int(value)  # 80 and 80.0 are equal in Python


def set_org(data: Any, n: int, word: str) -> None:
    data["strapline"] = f"{data['strapline']} {word}"


def set_intro(data: Any, n: int, word: str) -> None:
    data["introduction"] = f"{data.get('introduction') or 'Intro'} {word}"


def set_goal_title(data: Any, n: int, word: str) -> None:
    pick(data["goals"], n)["title"] = f"{pick(data['goals'], n)['title']} {word}"


def content_page(root: Path, n: int, word: str) -> None:
    """Add, retitle or remove a hand-written top-level page (its title is in the menu)."""
    path = root / "content" / f"extra-{n % 2}.md"
    if path.exists() and n % 3 == 0:
        path.unlink()
    else:
        path.write_text(f"# Extra {word}\n\nSome words.\n", encoding="utf-8")


EDITS: list[tuple[str, Edit]] = [
    *records("pledges", "text"), *records("channels", "name"), *records("values", "summary"),
    ("change a goal's title", yaml_edit("strategy.yml", set_goal_title)),
    ("write a measure's target as 80 or 80.0", yaml_edit("strategy.yml", set_target)),
    ("change the year's summary", year_edit(set_year_summary)),
    ("change the year's people involved", year_edit(set_people)),
    ("change the strapline", yaml_edit("organisation.yml", set_org)),
    ("change the channels' introduction", yaml_edit("channels.yml", set_intro)),
    ("change the involvement introduction", yaml_edit("involvement.yml", set_intro)),
    ("add, retitle or remove a content page", content_page),
]

edits = st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 50), st.sampled_from(["Alpha", "Beta", "Gamma"])),
                 min_size=1, max_size=4)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("preview") / "project"
    root.mkdir()
    # The fixture trust, whose every kind of record the edits above change (never data/, which a fork replaces).
    shutil.copytree(TRUST_DATA, root / "data")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy2(TRUST / "about.md", root / "content" / "about.md")
    return root


def scratch(clean: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(clean, into)
    return into


@pytest.mark.parametrize("speedups", [True, False], ids=["speed-ups on", "speed-ups off"])
def test_every_edit_kind_applies_and_the_preview_follows(clean: Path, tmp_path: Path, speedups: bool) -> None:
    """Each edit kind once, in order: none of them leaves a stale page."""
    root = scratch(clean, tmp_path / "p")
    preview = Preview(root, speedups)
    for number, (_, edit) in enumerate(EDITS):
        edit(root, number, "Delta")
        preview.rebuild()
        assert_same_as_fresh(preview)


@pytest.mark.parametrize("speedups", [True, False], ids=["speed-ups on", "speed-ups off"])
def test_random_edit_sequences_leave_no_page_stale(clean: Path, tmp_path_factory: pytest.TempPathFactory,
                                                   speedups: bool) -> None:
    into = tmp_path_factory.mktemp("random") / "p"

    @settings(max_examples=examples(6), deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(steps=edits)
    def run(steps: list[tuple[tuple[str, Edit], int, str]]) -> None:
        root = scratch(clean, into)
        preview = Preview(root, speedups)
        for (_, edit), n, word in steps:
            edit(root, n, word)
            preview.rebuild()
            assert_same_as_fresh(preview)

    run()


def test_adding_a_channel_redraws_the_home_page(clean: Path, tmp_path: Path) -> None:
    """The case a review found: the home page counts the ways to get involved."""
    root = scratch(clean, tmp_path / "p")
    preview = Preview(root, speedups=True)
    before = preview.shown["index.md"]
    dict(EDITS)["add a record to channels.yml"](root, 0, "Alpha")
    site = load(root, preview.memory)
    assert site is not None and "index.md" in site.changed_pages(preview.site)
    assert site.render("index.md") != before


def test_a_page_left_undrawn_after_an_edit_is_caught(clean: Path, tmp_path: Path) -> None:
    """The negative case: a preview that kept an old page would fail the comparison above."""
    root = scratch(clean, tmp_path / "p")
    preview = Preview(root, speedups=True)
    dict(EDITS)["add a record to channels.yml"](root, 0, "Alpha")
    preview.rebuild()
    preview.shown["index.md"] = Preview(scratch(clean, tmp_path / "q"), speedups=True).shown["index.md"]
    with pytest.raises(AssertionError, match=r"index\.md is stale"):
        assert_same_as_fresh(preview)


def test_a_template_cannot_reach_data_outside_its_page(clean: Path, tmp_path: Path) -> None:
    """Templates get the site-wide data only: one reading all pledges fails to draw instead of going stale."""
    root = scratch(clean, tmp_path / "p")
    site = load(root, None)
    assert site is not None
    with pytest.raises(Exception, match=r"pledges|channels|years"):
        site.renderer.env.from_string("{{ hub.pledges | length }}").render(hub=site.renderer.shared)


