"""A year's "What changed" counts are worked out in Python (progress.changes), and year.html only shows them."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_project
from engagement_hub.output.site import HubSite
from engagement_hub.pages import progress as pr

TEMPLATE = ROOT / "theme_overrides" / "hub" / "year.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> HubSite:
    root = fixture_project("trust", tmp_path_factory.mktemp("trust") / "project")
    return HubSite.load(root, template_dir=ROOT / "theme_overrides" / "hub", content_dir=root / "content")


def test_the_year_template_counts_nothing() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    assert not re.findall(r"selectattr|rejectattr|\bsum\(|\|\s*count\b", text)


def test_the_counting_check_can_fail() -> None:
    assert re.findall(r"selectattr|rejectattr", '{{ rows | selectattr("movement", "equalto", "up") | list | length }}')


def test_the_page_shows_the_counts_of_the_goals_and_measures_it_lists(site: HubSite) -> None:
    years = [page for page in site.pages.values() if page.kind == "year"]
    assert years
    for page in years:
        rows, changes = page.context["rows"], page.context["changes"]
        verdicts = [measure.verdict for row in rows for measure in row["measures"]]
        assert changes.improved == [row for row in rows if row["movement"] == "up"]
        assert changes.worsened == [row for row in rows if row["movement"] == "down"]
        assert changes.better + changes.worse + changes.no_change + changes.uncompared == changes.measures == len(verdicts)
        text = BeautifulSoup(site.render(page.src), "html.parser").get_text(" ", strip=True)
        if page.context["previous"]:
            assert (f"Goal status: {len(changes.improved)} improved, {len(changes.worsened)} worsened and "
                    f"{changes.unchanged} did not change") in text
        if changes.measures:
            assert f"Measures: {changes.better} got better, {changes.worse} got worse" in text


def test_changes_of_no_goals() -> None:
    changes = pr.changes([])
    assert (changes.improved, changes.measures, changes.first_goal) == ([], 0, None)
