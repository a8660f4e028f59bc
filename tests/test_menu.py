"""The menu stays a menu: a section lists its goals, values or years up to MENU_LIMIT, and beyond
that is a single entry, its index page, which links every one of them.

Every page draws the whole menu, so a menu that grew with the data made each page, and the
build, grow with the number of pages times the number of goals and values. The counts here are
generated on each kind of organisation in tests/fixtures, not taken from the example.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ORG_KINDS, fixture_project, page_reader
from engagement_hub.pages.pages import KINDS, MENU_LIMIT, NAMED, goal_src, navigation, value_src, year_src
from engagement_hub.reading import model as m
from engagement_hub.reading.load import check


def _hub(kind: str, root: Path) -> m.Hub:
    hub, problems = check(fixture_project(kind, root / kind))
    assert hub is not None and not problems, problems
    return hub


@pytest.fixture(scope="module")
def hub_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], m.Hub]:
    root = tmp_path_factory.mktemp("menu")
    hubs = {kind: _hub(kind, root) for kind in ORG_KINDS}
    return lambda kind: hubs[kind]  # a function, so Hypothesis does not print every hub with each example


def _with(hub: m.Hub, goals: int, values: int, years: int) -> m.Hub:
    """The hub with that many goals, values and years, each a copy of its first under a new id
    (no years for an organisation that reports none)."""
    goal, value = hub.strategy.goals[0], hub.values[0]
    years = years if hub.years else 0
    year = hub.years[0] if hub.years else None
    return dataclasses.replace(
        hub,
        strategy=dataclasses.replace(hub.strategy, goals=tuple(
            dataclasses.replace(goal, id=f"{goal.id}-{n}", number=n) for n in range(1, goals + 1))),
        values=tuple(dataclasses.replace(value, id=f"{value.id}-{n}") for n in range(1, values + 1)),
        years=() if year is None else tuple(dataclasses.replace(year, label=f"{2000 + n}/{(n + 1) % 100:02d}",
                                        slug=f"{2000 + n}-{(n + 1) % 100:02d}") for n in range(1, years + 1)))


def _section(nav: list[Any], name: str) -> Any:
    entries = [entry[KINDS[name].menu] for entry in nav if KINDS[name].menu in entry]
    assert len(entries) == 1, nav
    return entries[0]


def _srcs(entry: Any) -> set[str]:
    if isinstance(entry, str):
        return {entry}
    return {src for item in entry for src in ([item] if isinstance(item, str) else item.values())}


counts = st.integers(min_value=1, max_value=3 * MENU_LIMIT)


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(ORG_KINDS), goals=counts, values=counts, years=counts)
def test_a_section_lists_its_pages_up_to_the_limit_and_is_its_index_page_beyond(
        hub_of: Callable[[str], m.Hub], kind: str, goals: int, values: int, years: int) -> None:
    hub = _with(hub_of(kind), goals, values, years)
    nav = navigation(hub)
    sections = [("strategy", {goal_src(g) for g in hub.strategy.goals}), ("values", {value_src(v) for v in hub.values})]
    for name, pages in sections + ([("progress", {year_src(y) for y in hub.years})] if hub.years else []):
        entry = _section(nav, name)
        if len(pages) <= MENU_LIMIT:
            assert _srcs(entry) == {NAMED[name], *pages}, name
        else:
            assert entry == NAMED[name], name  # one link: its index page


@pytest.mark.parametrize("kind", ORG_KINDS)
def test_the_menu_does_not_grow_with_the_data_beyond_the_limit(hub_of: Callable[[str], m.Hub], kind: str) -> None:
    def size(nav: list[Any]) -> int:
        return sum(len(_srcs(next(iter(entry.values())))) for entry in nav)
    at_limit = size(navigation(_with(hub_of(kind), MENU_LIMIT, MENU_LIMIT, MENU_LIMIT)))
    assert size(navigation(_with(hub_of(kind), MENU_LIMIT + 1, 10 * MENU_LIMIT, 100))) < at_limit
    assert at_limit > 2 * MENU_LIMIT  # negative: at the limit every page is still listed


def test_on_a_large_site_every_page_left_out_of_the_menu_is_linked_from_its_sections_index(
        large_site: tuple[Path, Path]) -> None:
    """Built at 10x the example (13 goals, more values than the limit): the real build, menu and links."""
    _, site = large_site
    page = page_reader(site)
    menu = {a["href"].strip("./") for a in page("").select(".md-nav--primary a[href]")
            if not a.find_parent(class_="md-nav--secondary")}
    left_out = 0
    for section in ("strategy", "values", "progress"):
        pages = {p.parent.relative_to(site).as_posix() for p in (site / section).glob("*/index.html")
                 if not p.parent.name.startswith("page-")}
        listed = {page for page in pages if page in menu}
        assert listed == pages or not listed, section  # all or none
        if not listed:
            left_out += len(pages)
            assert len(pages) > MENU_LIMIT, section
            index = page(f"{section}/")
            linked = {a["href"].strip("./").removeprefix("../") for a in index.select("#main-content a[href]")}
            assert {page.removeprefix(f"{section}/") for page in pages} <= {h.removeprefix(f"{section}/")
                                                                           for h in linked}, section
    assert left_out > MENU_LIMIT  # negative: the large site has sections beyond the limit


def test_the_large_sites_menu_is_small(large_site: tuple[Path, Path]) -> None:
    _, site = large_site
    entries = [a for a in page_reader(site)("").select(".md-nav--primary a[href]")
               if not a.find_parent(class_="md-nav--secondary")]
    assert 3 <= len(entries) <= 3 * MENU_LIMIT
