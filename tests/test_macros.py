"""Hand-written pages in content/ place live data in their prose through macros."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import TRUST_DATA, main_text, on_the_fixture_trust, run_build

site, page = on_the_fixture_trust()  # behaviour tests run on tests/fixtures/trust, never data/


def test_about_page_shows_the_pledges_naming_compassion(page) -> None:
    pledges = yaml.safe_load((TRUST_DATA / "pledges.yml").read_text(encoding="utf-8"))["pledges"]
    text = main_text(page("about/"))
    assert "{{" not in text
    for pledge in pledges:
        assert (pledge["text"] in text) == ("compassion" in pledge["values"]), pledge["id"]
    strategy = yaml.safe_load((TRUST_DATA / "strategy.yml").read_text(encoding="utf-8"))
    for measure in next(g for g in strategy["goals"] if g["id"] == "promote-health-equity")["measures"]:
        assert measure["name"] in text


def test_a_new_content_page_can_use_macros_and_joins_the_navigation(project: Path, tmp_path: Path) -> None:
    (project / "content" / "online.md").write_text(
        "# Taking part online\n\nYou can take part from home.\n\n"
        "{{ channels('online') }}\n\n{{ goal_status('work-in-partnership') }}\n",
        encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    text = main_text(BeautifulSoup(
        (tmp_path / "site" / "online" / "index.html").read_text(encoding="utf-8"), "html.parser"))
    channels = yaml.safe_load((TRUST_DATA / "channels.yml").read_text(encoding="utf-8"))["channels"]
    for channel in channels:
        assert (channel["name"] in text) == (channel["kind"] == "online"), channel["id"]


def test_a_macro_with_an_unknown_id_names_the_page_line_and_the_nearest_id(project: Path, tmp_path: Path) -> None:
    (project / "content" / "kindness.md").write_text(
        "# Kindness\n\nSome words.\n\n{{ value_pledges('compasion') }}\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "content/kindness.md, line 5" in result.stderr
    assert "Did you mean 'compassion'?" in result.stderr
