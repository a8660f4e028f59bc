"""A preview after any sequence of edits shows exactly what a fresh build shows.

`make serve` redraws only the pages ``HubSite.changed_pages`` names and keeps
the rest from the last build. Here random sequences of edits (records added,
changed and removed in every data file, hand-written pages added, retitled
and removed) are applied one after another; after each, every page the
preview would show (redrawn or kept) must equal, byte for byte, the page a
fresh build draws with nothing remembered. With the speed-ups on (one Memory
and the last site, as the preview keeps them) and off (HUB_SPEEDUPS=0).
The project is the fixture trust, which has every data file.
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

from conftest import ROOT, examples, fixture_project
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


def content_shown(site: HubSite, root: Path) -> dict[str, str]:
    """Each hand-written page with the hub's macros expanded: the adapter redraws these on every rebuild."""
    return {f"content/{path.relative_to(root / 'content').as_posix()}":
            site.expand_macros(path.read_text(encoding="utf-8"), path.relative_to(root / "content").as_posix())[0]
            for path in sorted((root / "content").rglob("*.md"))}


class Preview:
    """What the preview server holds: the last good site and the HTML of every page it shows."""

    def __init__(self, root: Path, speedups: bool) -> None:
        self.root, self.speedups = root, speedups
        self.memory = Memory()
        self.site: HubSite | None = None
        self.shown: dict[str, str] = {}
        self.content: dict[str, str] = {}
        self.rebuild()

    def rebuild(self) -> None:
        site = load(self.root, self.memory if self.speedups else None)
        if site is None:
            return
        changed = site.changed_pages(self.site if self.speedups else None)
        self.shown = {src: site.render(src) if src in changed else self.shown[src] for src in site.pages}
        self.content = content_shown(site, self.root)
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
    assert preview.content == content_shown(site, preview.root)


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

    def remove(root: Path, n: int, word: str) -> None:
        """Remove a record no other record names, if there is one (removing a named one is a data mistake)."""
        named = referenced(root, name)

        def change(data: Any, n: int, word: str) -> None:
            free = [i for i, record in enumerate(data[key]) if record["id"] not in named] or range(len(data[key]))
            if len(data[key]) > 1:
                data[key].pop(free[n % len(free)])
        yaml_edit(name, change)(root, n, word)

    return [(f"change a record in {name}", yaml_edit(name, change)), (f"add a record to {name}", yaml_edit(name, add)),
            (f"remove a record from {name}", remove)]


def referenced(root: Path, but: str) -> set[str]:
    """Every text in the data files other than ``but``: the ids other records name are among them."""
    texts: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            texts.add(value)
    for path in (root / "data").rglob("*.yml"):
        if path.relative_to(root / "data").as_posix() != but:
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts


def items(key: str, field: str, name: str) -> list[tuple[str, Callable[[Any, int, str], None]]]:
    """Change, add (a copy, with an id of its own if entries have ids) and remove an entry of a list inside a file."""

    def change(data: Any, n: int, word: str) -> None:
        entry = pick(data[key], n)
        entry[field] = f"{entry[field]} {word}"

    def add(data: Any, n: int, word: str) -> None:
        entries = data[key]
        copy = deepcopy(pick(entries, n))
        copy[field] = f"{copy[field]} {word} {len(entries)}"
        if "id" in copy:
            copy["id"] = f"{copy['id']}-{word.lower()}-{len(entries)}"
        entries.insert(n % (len(entries) + 1), copy)

    def remove(data: Any, n: int, word: str) -> None:
        entries = data[key]
        if entries:
            entries.pop(n % len(entries))

    return [(f"change an entry of {key} in {name}", change), (f"add an entry to {key} in {name}", add),
            (f"remove an entry from {key} in {name}", remove)]


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


def add_goal(data: Any, n: int, word: str) -> None:
    """A new goal: a copy of one, with ids of its own (measure ids are unique across the strategy)."""
    copy = deepcopy(pick(data["goals"], n))
    copy["id"] = f"{copy['id']}-{word.lower()}-{len(data['goals'])}"
    copy["number"] = max(goal["number"] for goal in data["goals"]) + 1
    for measure in copy.get("measures") or []:
        measure["id"] = f"{measure['id']}-{word.lower()}-{len(data['goals'])}"
    data["goals"].append(copy)


def remove_goal(data: Any, n: int, word: str) -> None:
    """Remove a goal: one added by an earlier edit if there is one (nothing names it), else any goal
    (when pledges or opportunities still name it, the data is wrong and the preview shows the problems)."""
    added = [i for i, goal in enumerate(data["goals"]) if goal["id"].count("-") and goal["id"][-1].isdigit()]
    if len(data["goals"]) > 1:
        data["goals"].pop(added[-1] if added else n % len(data["goals"]))


def content_text(root: Path, n: int, word: str) -> None:
    """Change the words of a hand-written page that is already there."""
    path = root / "content" / "about.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{word} and more words.\n", encoding="utf-8")


def content_nested(root: Path, n: int, word: str) -> None:
    """Add, change or remove a hand-written page in a folder of its own."""
    path = root / "content" / "more" / f"page-{n % 2}.md"
    if path.exists() and n % 3 == 0:
        path.unlink()
    else:
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"# More {word}\n\nSome words about {word}.\n", encoding="utf-8")


def content_page(root: Path, n: int, word: str) -> None:
    """Add, retitle or remove a hand-written top-level page (its title is in the menu)."""
    path = root / "content" / f"extra-{n % 2}.md"
    if path.exists() and n % 3 == 0:
        path.unlink()
    else:
        path.write_text(f"# Extra {word}\n\nSome words.\n", encoding="utf-8")


def year_items(key: str, field: str) -> list[tuple[str, Edit]]:
    return [(what, year_edit(change)) for what, change in items(key, field, "the latest year")]


def file_items(name: str, key: str, field: str) -> list[tuple[str, Edit]]:
    return [(what, yaml_edit(name, change)) for what, change in items(key, field, name)]


EDITS: list[tuple[str, Edit]] = [
    *records("pledges", "text"), *records("channels", "name"), *records("values", "summary"),
    *records("opportunities", "title"),
    ("add a goal", yaml_edit("strategy.yml", add_goal)), ("remove a goal", yaml_edit("strategy.yml", remove_goal)),
    *year_items("you_said_we_did", "we_did"),
    *file_items("accessibility.yml", "known_issues", "plan"),
    *file_items("involvement.yml", "representation", "committee"),
    ("change a goal's title", yaml_edit("strategy.yml", set_goal_title)),
    ("write a measure's target as 80 or 80.0", yaml_edit("strategy.yml", set_target)),
    ("change the year's summary", year_edit(set_year_summary)),
    ("change the year's people involved", year_edit(set_people)),
    ("change the strapline", yaml_edit("organisation.yml", set_org)),
    ("change the channels' introduction", yaml_edit("channels.yml", set_intro)),
    ("change the involvement introduction", yaml_edit("involvement.yml", set_intro)),
    ("add, retitle or remove a content page", content_page),
    ("change the words of a content page", content_text),
    ("add, change or remove a content page in a folder", content_nested),
]

edits = st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 50), st.sampled_from(["Alpha", "Beta", "Gamma"])),
                 min_size=1, max_size=4)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("preview") / "project"
    fixture_project("trust", root)
    return root


def scratch(clean: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(clean, into)
    return into


# Edits that may leave the data wrong: the preview then shows the problems, so there is no page to compare.
MAY_BREAK = {"remove a goal", "remove a record from values.yml"}  # every value and goal is named by a pledge


def test_every_edit_reaches_the_site(clean: Path, tmp_path: Path) -> None:
    """Each edit, on its own, gives data that checks and a site that differs from before, so none of the
    comparisons below passes by having nothing to compare."""
    before = fresh(clean)
    assert before is not None
    pages = {src: before.render(src) for src in before.pages}
    content = content_shown(before, clean)
    idle, broken = [], []
    for name, edit in EDITS:
        root = scratch(clean, tmp_path / "p")
        edit(root, 1, "Delta")
        site = fresh(root)
        if site is None:
            if name not in MAY_BREAK:
                broken.append(name)
            continue
        if (site.nav == before.nav and site.generated_files() == before.generated_files()
                and sorted(site.pages) == sorted(pages) and all(site.render(src) == html for src, html in pages.items())
                and content_shown(site, root) == content):
            idle.append(name)
    assert (broken, idle) == ([], [])


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




def test_a_template_edit_redraws_the_pages_it_draws(clean: Path, tmp_path: Path) -> None:
    """`make serve` watches theme_overrides/: a page kept from the last build must not hide an edited template.

    The previous site's template stamps are the ones it was loaded with, not the files as they are now."""
    root = scratch(clean, tmp_path / "p")
    templates = root / "theme_overrides" / "hub"
    memory = Memory()

    def load_here() -> HubSite:
        return HubSite.load(root, template_dir=templates, content_dir=root / "content", preview=True, memory=memory)

    before = load_here()
    src = next(src for src in before.pages if src.startswith("values/") and src != "values/index.md")
    for page in before.pages:
        before.render(page)
    value = templates / "value.html"
    value.write_text(value.read_text(encoding="utf-8").replace('<p class="hub-lead">', '<p class="hub-lead">Edited ', 1),
                     encoding="utf-8")
    after = load_here()
    assert src in after.changed_pages(before)
    assert "Edited " in after.render(src)
    for page in after.pages:
        after.render(page)
    assert src not in load_here().changed_pages(after)  # the negative case: templates as they were, page kept
