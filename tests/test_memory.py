"""The speed-ups keep their state in one object passed in (memory.py), never in module globals."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT
from engagement_hub.output.site import HubSite
from engagement_hub.pages.progress import pledges_by_year
from engagement_hub.preview.memory import Memory
from engagement_hub.reading.load import check

CORE = ROOT / "hooks" / "engagement_hub"
MUTATORS = {"append", "add", "update", "clear", "setdefault", "pop", "extend", "insert", "remove", "discard"}


def module_state(source: str) -> list[str]:
    """Module-level names bound to a dict, list or set that some code in the module changes."""
    tree = ast.parse(source)
    containers = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) and node.value is not None else []
        value = getattr(node, "value", None)
        if isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
                isinstance(value, ast.Call) and getattr(value.func, "id", "") in {"dict", "list", "set"}):
            containers.update(t.id for t in targets if isinstance(t, ast.Name))
    changed = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS
                and isinstance(node.func.value, ast.Name) and node.func.value.id in containers):
            changed.add(node.func.value.id)
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Subscript) and getattr(target.value, "id", None) in containers:
                    changed.add(target.value.id)
        if isinstance(node, ast.Global):
            changed.update(node.names)
    return sorted(changed)


def test_no_domain_module_keeps_state_in_a_module_global() -> None:
    found = {path.name: names for path in sorted(CORE.rglob("*.py"))
             if (names := module_state(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_check_above_finds_module_state() -> None:
    """The negative case: the checker sees each way a module global is changed."""
    source = "_A = {}\n_B: list = []\n_C = set()\nX = {'k': 1}\n" \
             "def f(k):\n    _A[k] = 1\n    _B.append(k)\n    _C.add(k)\n    return X[k]\n"
    assert module_state(source) == ["_A", "_B", "_C"]


def test_a_fresh_load_shares_nothing_with_a_preview(project: Path) -> None:
    """Without a memory passed in, a load reuses nothing; with one, a reload reuses unchanged records."""
    memory = Memory()
    first, _ = check(project, memory=memory)
    again, _ = check(project, memory=memory)
    fresh, _ = check(project)
    assert first is not None and again is not None and fresh is not None
    assert again.pledges[0] is first.pledges[0]  # the preview's speed-up: the very same object
    assert fresh.pledges[0] is not first.pledges[0] and fresh.pledges[0] == first.pledges[0]
    assert memory.unchanged and memory.kept


def test_a_site_without_a_memory_gets_its_own(project: Path) -> None:
    kwargs = {"template_dir": ROOT / "theme_overrides" / "hub", "content_dir": ROOT / "content"}
    one, two = HubSite.load(project, **kwargs), HubSite.load(project, **kwargs)
    assert one.memory is not two.memory
    shared = Memory()
    three, four = HubSite.load(project, memory=shared, **kwargs), HubSite.load(project, memory=shared, **kwargs)
    assert three.memory is four.memory is shared and four.hub.pledges[0] is three.hub.pledges[0]


def test_a_reload_keeps_the_strategy_and_the_years_whose_files_did_not_change(project: Path) -> None:
    """A goal page holds every year's report: made again on every save, each one was compared field by
    field on every goal page. Unchanged files give the very same objects; an edited year is made anew."""
    memory = Memory()
    first, _ = check(project, memory=memory)
    pledges = project / "data" / "pledges.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("text: ", "text: Edited ", 1), encoding="utf-8")
    again, _ = check(project, memory=memory)
    assert first is not None and again is not None and first.years
    assert again.strategy is first.strategy
    assert all(new is old for new, old in zip(again.years, first.years, strict=True))
    year_file = max((project / "data" / "progress").glob("*.yml"))
    year_file.write_text(year_file.read_text(encoding="utf-8").replace("summary: |\n", "summary: |\n  Edited.\n", 1),
                         encoding="utf-8")
    edited, _ = check(project, memory=memory)
    assert edited is not None
    changed = [new for new, old in zip(edited.years, again.years, strict=True) if new is not old]
    assert len(changed) == 1 and changed[0].summary.startswith("Edited.")
    assert edited.strategy is again.strategy
    fresh, _ = check(project)
    assert fresh is not None and fresh.years == edited.years and fresh.years[0] is not edited.years[0]


def test_a_reload_places_unchanged_pledges_in_the_year_reports_as_before(project: Path) -> None:
    """Each pledge's place in the year reports is kept for an unchanged pledge; an edited one is placed anew,
    and every list equals one worked out from nothing."""
    memory = Memory()
    first, _ = check(project, memory=memory)
    assert first is not None
    before = pledges_by_year(first, memory)
    pledges = project / "data" / "pledges.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("text: ", "text: Edited ", 1), encoding="utf-8")
    again, _ = check(project, memory=memory)
    assert again is not None
    after = pledges_by_year(again, memory)
    assert after == pledges_by_year(again)  # the same lists as without the memory
    listed = [(p, q) for label in after for column in (0, 1)
              for p, q in zip(after[label][column], before[label][column], strict=True)]
    assert listed and any(p is q for p, q in listed)  # unchanged pledges: the very same objects
    assert [p.text for p, q in listed if p is not q] == [p.text for p, _ in listed if p.text.startswith("Edited ")]


def test_editing_a_years_summary_redraws_its_report_not_every_goal_page(project: Path) -> None:
    """A goal page names the latest year (label, status, link) but does not show its summary: a summary edit
    leaves every goal page's inputs the same, so a preview does not draw them again to compare."""
    kwargs = {"template_dir": ROOT / "theme_overrides" / "hub", "content_dir": ROOT / "content",
              "memory": Memory(), "preview": True}
    first = HubSite.load(project, **kwargs)
    for src in first.pages:
        first.bodies[src] = first.render(src)
    year_file = max((project / "data" / "progress").glob("*.yml"))
    year_file.write_text(year_file.read_text(encoding="utf-8").replace("summary: |\n", "summary: |\n  Edited.\n", 1),
                         encoding="utf-8")
    second = HubSite.load(project, **kwargs)
    drawn: list[str] = []
    draw = second.render
    second.render = lambda src: drawn.append(src) or draw(src)  # type: ignore[method-assign]
    changed = second.changed_pages(first)
    goals = {src for src, page in second.pages.items() if page.kind == "goal"}
    assert goals and f"progress/{year_file.stem}.md" in changed
    assert not goals & (changed | set(drawn))
