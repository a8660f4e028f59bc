"""The real strict build: clean on the example data, follows edits to data/,
and stops with a message a comms officer can act on when the data is wrong."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import main_text, run_build


def soup_of(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_strict_build_of_the_example_has_no_warnings(build_log: str) -> None:
    assert "WARNING" not in build_log, build_log
    assert "ERROR" not in build_log, build_log


def test_editing_one_yaml_field_changes_that_page(project: Path, tmp_path: Path) -> None:
    values = project / "data" / "values.yml"
    old = "summary: We respond to pain, distress and worry with kindness."
    new = "summary: We notice when someone is worried and we help straight away."
    values.write_text(values.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    text = main_text(soup_of(tmp_path / "site", "values/compassion"))
    assert "We notice when someone is worried" in text
    assert "pain, distress and worry" not in text


def test_adding_a_goal_adds_its_page_and_navigation_entry(project: Path, tmp_path: Path) -> None:
    strategy = project / "data" / "strategy.yml"
    strategy.write_text(strategy.read_text(encoding="utf-8") + """\
  - id: listen-to-young-people
    number: 5
    title: Listen to children and young people
    summary: Give young patients a say in the services they use.
    description: Young people will help design our children's services.
    patients_told_us: [Ask us directly, not only our parents.]
    commitments: [Run a young people's panel]
    values: [inclusive]
    measures: []
""", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = soup_of(tmp_path / "site", "strategy/listen-to-young-people")
    assert page.h1.get_text(strip=True) == "Goal 5: Listen to children and young people"
    nav = [a.get_text(" ", strip=True) for a in soup_of(tmp_path / "site", "").select("nav.md-nav--primary a")]
    assert "Goal 5: Listen to children and young people" in nav


def test_a_broken_reference_stops_the_build_with_a_plain_message(project: Path, tmp_path: Path) -> None:
    pledges = project / "data" / "pledges.yml"
    text = pledges.read_text(encoding="utf-8")
    pledges.write_text(text.replace("values: [compassion, respect-and-dignity]", "values: [compasion, respect-and-dignity]"),
                       encoding="utf-8")
    line = next(n for n, row in enumerate(pledges.read_text(encoding="utf-8").splitlines(), 1) if "compasion" in row)
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"data/pledges.yml, line {line}" in result.stderr
    assert "pledges[4].values[0]" in result.stderr
    assert "compasion" in result.stderr and "compassion" in result.stderr  # names the mistake and the fix
    assert not (tmp_path / "site" / "index.html").exists()
