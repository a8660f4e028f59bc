"""Charts: static inline SVG with a text alternative, the same numbers in a
table beside it, readable without colour, and the same bytes on every build."""

from __future__ import annotations

import math
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TRUST_DATA, examples, fixture_project, on_the_fixture_trust, run_build

site, page = on_the_fixture_trust()  # behaviour tests run on tests/fixtures/trust, never data/


STRATEGY = yaml.safe_load((TRUST_DATA / "strategy.yml").read_text(encoding="utf-8"))
GOALS = sorted(STRATEGY["goals"], key=lambda g: g["number"])
YEARS = [y for y in sorted((yaml.safe_load(p.read_text(encoding="utf-8"))
                            for p in (TRUST_DATA / "progress").glob("*.yml")), key=lambda y: y["year"])
         if y["status"] == "published"]


def shown(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def squeeze(text: str) -> str:
    return " ".join(text.split())


def value_in(year: dict, goal_id: str, measure_id: str) -> float | None:
    entry = next((g for g in year["goals"] if g["goal"] == goal_id), None)
    return entry.get("measures", {}).get(measure_id) if entry else None


def assert_accessible_svg(svg, soup) -> None:
    """An image with a title and a description it is labelled by; no script, no outside requests."""
    assert svg["role"] == "img"
    title, desc = (svg.find("title"), svg.find("desc")) if svg.name == "svg" else svg.find_all("p", limit=2)
    assert title and title.get_text(strip=True) and desc and desc.get_text(strip=True)
    assert svg["aria-labelledby"].split() == [title["id"], desc["id"]]
    assert not svg.find("script") and not svg.find("foreignObject")
    assert not [tag for tag in svg.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert not [tag for tag in svg.find_all(True) for a in ("href", "xlink:href") if str(tag.get(a, "")).startswith(
        ("http", "//"))]


@pytest.mark.parametrize("goal", GOALS, ids=[g["id"] for g in GOALS])
def test_each_goal_page_has_a_trend_chart_per_measure_matching_its_table(page, goal: dict) -> None:
    soup = page(f"strategy/{goal['id']}/")
    for measure in goal["measures"]:
        figure = soup.select_one(f"figure#trend-{measure['id']}")
        svg = figure.find("svg")
        assert_accessible_svg(svg, soup)
        # One point a year: the baseline's year is the baseline, with that year's figure if it has one.
        base_year = measure["baseline"]["year"]
        base = next((value_in(y, goal["id"], measure["id"]) for y in YEARS if y["year"] == base_year), None)
        expected = [(f"{base_year} (baseline)", measure["baseline"]["value"] if base is None else base)]
        expected += [(y["year"], value_in(y, goal["id"], measure["id"])) for y in YEARS if y["year"] != base_year]
        rows = [(squeeze(r.th.get_text()), squeeze(r.td.get_text())) for r in figure.select("table tbody tr")]
        assert rows == [(label, shown(v) if v is not None else "–") for label, v in expected] + [
            (f"Target by {measure['target']['year']}", shown(measure["target"]["value"]))]
        # Direct labels on the chart: each year's number beside its marker, the target in words.
        labels = [t.get_text(" ", strip=True) for t in svg.find_all("text")]
        for label, value in expected:
            if value is not None:
                assert shown(value) in labels and label in labels
        assert f"Target {shown(measure['target']['value'])} by {measure['target']['year']}" in labels
        # The description says what the chart shows and where the measure got to; the table holds the rest.
        description = squeeze(svg.find("desc").get_text())
        known = [(label, value) for label, value in expected if value is not None]
        if len(known) > 1:
            assert (f"It went from {shown(known[0][1])} ({known[0][0]}) to {shown(known[-1][1])} ({known[-1][0]})"
                    in description)
        assert f"{measure['better']} is better" in description
        assert f"is {shown(measure['target']['value'])} by {measure['target']['year']}" in description
        assert description.endswith("The figures are in the table below.")
        assert figure.select_one("svg + .hub-table-wrap table") is not None


@pytest.mark.parametrize("goal", GOALS, ids=[g["id"] for g in GOALS])
def test_trend_charts_read_in_greyscale(page, goal: dict) -> None:
    """Target dashed, measured line solid with markers: shape, not colour, tells them apart."""
    soup = page(f"strategy/{goal['id']}/")
    for measure in goal["measures"]:
        svg = soup.select_one(f"figure#trend-{measure['id']} svg")
        dashed = [line for line in svg.find_all("line") if line.get("stroke-dasharray")]
        assert len(dashed) == 1
        line = svg.select("g.hub-chart__line line")
        assert line and not line[0].get("stroke-dasharray") and not line[0].parent.get("stroke-dasharray")
        known = 1 + sum(1 for y in YEARS if y["year"] != measure["baseline"]["year"]
                        and value_in(y, goal["id"], measure["id"]) is not None)
        assert len(svg.find_all("circle")) == known
        # The target line sits where the axis says the target is.
        ticks = {float(t.get_text().replace(",", "")): float(t["y"]) + 5
                 for t in svg.select("g.hub-chart__grid text")}
        (v0, y0), (v1, y1) = sorted(ticks.items())[:2]
        target_y = y0 + (y1 - y0) * (measure["target"]["value"] - v0) / (v1 - v0)
        assert math.isclose(float(dashed[0]["y1"]), target_y, abs_tol=0.2)


def test_chart_ids_are_unique_on_every_page_with_charts(site) -> None:
    from bs4 import BeautifulSoup

    for path in list(site.glob("strategy/*/index.html")) + list(site.glob("progress/*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), f"{path}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}"


@pytest.mark.parametrize("index", range(len(YEARS)), ids=[y["year"] for y in YEARS])
def test_year_page_progress_chart_matches_its_table_and_the_data(page, index: int) -> None:
    year = YEARS[index]
    previous = YEARS[index - 1] if index else None
    soup = page(f"progress/{year['year'].replace('/', '-')}/")
    figure = soup.select_one("figure#chart-progress")
    if previous is None and figure is None:
        # A first year with every measure still at its baseline shows the starting point, not a chart of 0% bars.
        assert soup.select_one("h2#starting-point") and soup.select_one("table.hub-starting-point")
        return
    svg = figure.select_one(".hub-bars")
    assert_accessible_svg(svg, soup)
    labels = [t.get_text(strip=True) for t in svg.select(".hub-bars__name, .hub-bars__values > *")]
    rows = {squeeze(r.th.get_text()): [td.get_text(strip=True) for td in r.find_all("td")]
            for r in figure.select("table tbody tr")}

    def share(measure: dict, value: float | None) -> str:
        base, target = measure["baseline"]["value"], measure["target"]["value"]
        return "–" if value is None else f"{shown(round(100 * (value - base) / (target - base), 1))}%".replace(
            "-", "−")

    shares = []
    for goal in GOALS:
        for measure in goal["measures"]:
            now = share(measure, value_in(year, goal["id"], measure["id"]))
            expected = [share(measure, value_in(previous, goal["id"], measure["id"])), now] if previous else [now]
            assert rows[measure["name"]] == expected
            assert measure["name"] in labels
            assert f"{year['year']}: {now}" in labels
            shares.append([float(t.rstrip("%").replace("−", "-").replace(",", "")) for t in expected])
    # The description says what the chart shows and its message, and leaves the numbers to the table after it.
    description = squeeze(soup.find(id=svg["aria-labelledby"].split()[1]).get_text())
    assert f"how far each of {len(shares)} measures has moved" in description
    assert description.endswith("The figures are in the table below.")
    assert figure.select_one(".hub-bars + .hub-table-wrap table") is not None
    halfway, reached = sum(1 for s in shares if s[-1] >= 50), sum(1 for s in shares if s[-1] >= 100)
    assert re.search(rf"\b{halfway} of {len(shares)} (is|are) at least halfway to the target, and {reached} "
                     r"(has|have) reached it\.", description)
    if previous:
        assert f"{sum(1 for before, now in shares if now > before)} of {len(shares)} measures moved closer" in description
        # Last year's bars are hatched, this year's solid: not told apart by colour alone.
        hatched = svg.select_one("rect.hub-chart__bar--previous")
        solid = svg.select_one("rect.hub-chart__bar--current")
        assert hatched["fill"].startswith("url(#") and solid["fill"].startswith("#")
        assert svg.select_one(hatched["fill"][4:-1]).name == "pattern"
    # One bar per measure and year, each as long (per cent of the width) as its share of the way.
    scale = 100 / max(100, *map(max, shares))
    classes = ["hub-chart__bar--previous"] if previous else []
    for column, name in enumerate([*classes, "hub-chart__bar--current"]):
        widths = [float(r["width"].rstrip("%")) for r in svg.select(f"rect.{name}")]
        assert widths == pytest.approx([scale * max(s[column], 0) for s in shares], abs=0.06)


def test_no_page_has_scripts_of_its_own_or_outside_requests_in_charts(site) -> None:
    for path in list(site.glob("strategy/*/index.html")) + list(site.glob("progress/*/index.html")):
        html = path.read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        assert "<script" not in article and "javascript:" not in article


def test_every_chart_and_data_file_is_byte_identical_across_builds(site, tmp_path) -> None:
    """A rebuild from the same data changes nothing, so publishing is reproducible."""
    again = tmp_path / "again"
    result = run_build(fixture_project("trust", tmp_path / "project"), again)
    assert result.returncode == 0, result.stderr
    compared = 0
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".csv", ".json", ".css") and path.is_file():
            twin = again / path.relative_to(site)
            assert twin.read_bytes() == path.read_bytes(), f"{path.relative_to(site)} differs between builds"
            compared += 1
    assert compared > 30


@settings(max_examples=examples(60), deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False).map(lambda v: round(v, 1))),
                       min_size=0, max_size=8),
       baseline=st.floats(0, 1e6).map(lambda v: round(v, 1)), target=st.floats(0, 1e6).map(lambda v: round(v, 1)))
def test_every_trend_point_and_target_fits_inside_the_plot(values, baseline, target) -> None:
    from engagement_hub.pages import charts, progress
    from engagement_hub.reading import model

    measure = model.Measure(id="m", name="A measure", unit="people", baseline=baseline, baseline_year="2024/25",
                            target=target, target_year="2029/30", better="higher")
    points = [progress.TrendPoint("2024/25", baseline, baseline=True)] + [
        progress.TrendPoint(f"{2024 + i}/{25 + i}", v) for i, v in enumerate(values)]
    chart = charts.trend_chart(measure, points, "c")
    for marker in chart.markers:
        assert charts.PLOT_LEFT <= marker.x <= charts.PLOT_RIGHT and chart.top <= marker.y <= chart.bottom
    assert chart.top <= chart.target_y <= chart.bottom
    assert chart.y_ticks[0].label == "0" and len(chart.y_ticks) <= 12
    assert charts.trend_chart(measure, points, "c") == chart
