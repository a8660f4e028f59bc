"""The year pages a Trust Board reads: statuses, measures, changes since last
year, you-said-we-did, involvement and pledges, checked against data/ itself."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from pledge_history import finished_since, latest, stood

from conftest import TRUST_DATA, main_text, on_the_fixture_trust

site, page = on_the_fixture_trust()  # behaviour tests run on tests/fixtures/trust, never data/


STRATEGY = yaml.safe_load((TRUST_DATA / "strategy.yml").read_text(encoding="utf-8"))
GOALS = sorted(STRATEGY["goals"], key=lambda g: g["number"])
PLEDGES = yaml.safe_load((TRUST_DATA / "pledges.yml").read_text(encoding="utf-8"))["pledges"]
START_MONTH = yaml.safe_load((TRUST_DATA / "organisation.yml").read_text(encoding="utf-8"))["reporting_year"][
    "starts_month"]
YEARS = [y for y in sorted((yaml.safe_load(p.read_text(encoding="utf-8"))
                            for p in (TRUST_DATA / "progress").glob("*.yml")), key=lambda y: y["year"])
         if y["status"] == "published"]
# The fixed vocabulary and its icons, as a reader sees them.
STATUS = {"not-started": ("Not started", "○"), "on-track": ("On track", "●"), "at-risk": ("At risk", "▲"),
          "off-track": ("Off track", "✖"), "achieved": ("Achieved", "✔")}
RANK = ["off-track", "not-started", "at-risk", "on-track", "achieved"]


def slug(year: dict) -> str:
    return year["year"].replace("/", "-")


def shown(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def signed(change: float) -> str:
    return "No change" if change == 0 else ("+" if change > 0 else "−") + shown(abs(change))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def goal_entry(year: dict | None, goal_id: str) -> dict | None:
    return next((g for g in year["goals"] if g["goal"] == goal_id), None) if year else None


def previous_of(index: int) -> dict | None:
    return YEARS[index - 1] if index > 0 else None


def last_day(year: dict) -> str:
    return (dt.date(int(year["year"][:4]) + 1, START_MONTH, 1) - dt.timedelta(days=1)).isoformat()


def in_year(date: dt.date | str, year: dict) -> bool:
    start = dt.date(int(year["year"][:4]), START_MONTH, 1)
    end = dt.date(start.year + 1, START_MONTH, 1)
    return start <= dt.date.fromisoformat(str(date)) < end


def status_cell_ok(tag, status: str) -> None:
    """A status is word, icon and colour class together: never colour alone."""
    word, icon = STATUS[status]
    assert tag is not None
    assert f"hub-status--{status}" in tag["class"]
    assert tag.select_one(".hub-status__icon").get_text(strip=True) == icon
    assert squeeze(tag.get_text(" ")).endswith(word)


pytestmark = pytest.mark.skipif(not YEARS, reason="the example data has no published year")


@pytest.mark.parametrize("index", range(len(YEARS)), ids=[y["year"] for y in YEARS])
def test_summary_table_shows_each_goals_status_in_words_icon_and_colour(page, index: int) -> None:
    year = YEARS[index]
    soup = page(f"progress/{slug(year)}/")
    rows = soup.select("table.hub-summary tbody tr")
    assert len(rows) == len(GOALS)
    for goal, row in zip(GOALS, rows, strict=True):
        assert goal["title"] in row.th.get_text()
        status_cell_ok(row.select_one(".hub-status"), goal_entry(year, goal["id"])["status"])


@pytest.mark.parametrize("index", range(len(YEARS)), ids=[y["year"] for y in YEARS])
def test_each_goal_section_has_narrative_measures_highlights_and_you_said_we_did(page, index: int) -> None:
    year, previous = YEARS[index], previous_of(index)
    soup = page(f"progress/{slug(year)}/")
    for goal in GOALS:
        section = soup.select_one(f"section#goal-{goal['id']}, section[aria-labelledby='goal-{goal['id']}']")
        entry = goal_entry(year, goal["id"])
        text = squeeze(section.get_text(" "))
        status_cell_ok(section.select_one(".hub-goal-report__status .hub-status"), entry["status"])
        assert squeeze(entry["narrative"]) in text
        for highlight in entry.get("highlights", []):
            assert highlight in text
        rows = {squeeze(r.th.get_text(" ")): r for r in section.select("table.hub-measures tbody tr")}
        for measure in goal["measures"]:
            row = next(r for name, r in rows.items() if name.startswith(measure["name"]))
            cells = [squeeze(td.get_text(" ")) for td in row.find_all("td")]
            value = entry["measures"][measure["id"]]
            before = goal_entry(previous, goal["id"])["measures"][measure["id"]] if previous \
                else measure["baseline"]["value"]
            assert cells[0].startswith(shown(measure["baseline"]["value"]))
            assert cells[1] == shown(before)
            assert cells[2] == shown(value)
            assert cells[3].startswith(signed(value - before))
            if value != before:
                better = (value > before) == (measure["better"] == "higher")
                assert cells[3].endswith("(better)" if better else "(worse)")
            assert cells[4].startswith(shown(measure["target"]["value"]))
            assert f"{measure['better']} is better" in row.th.get_text()
        items = [f for f in year.get("you_said_we_did", []) if f.get("goal") == goal["id"]]
        shown_items = section.select(".hub-ysyd__item")
        assert len(shown_items) == len(items)
        for item, block in zip(items, shown_items, strict=True):
            assert squeeze(block.dt.get_text(" ")) == f"You said: {squeeze(item['you_said'])}"
            assert squeeze(block.dd.get_text(" ")) == f"We did: {squeeze(item['we_did'])}"


def movement(now: str, before: dict | None) -> str:
    if before is None:
        return "First report"
    diff = RANK.index(now) - RANK.index(before["status"])
    return "Improved" if diff > 0 else "Worsened" if diff < 0 else "No change"


@pytest.mark.parametrize("index", range(len(YEARS)), ids=[y["year"] for y in YEARS])
def test_summary_shows_each_status_move_with_both_statuses_in_words(page, index: int) -> None:
    """The summary's "Since last year" column is where a board reads how each goal moved."""
    year, previous = YEARS[index], previous_of(index)
    soup = page(f"progress/{slug(year)}/")
    table = soup.select_one("table.hub-summary")
    assert [th.get_text(strip=True) for th in table.select("thead th")][-1] == "Since last year"
    for goal, row in zip(GOALS, table.select("tbody tr"), strict=True):
        before = goal_entry(previous, goal["id"])
        moved = movement(goal_entry(year, goal["id"])["status"], before)
        since = squeeze(row.find_all("td")[-1].get_text(" "))
        assert since == (moved if before is None else f"{moved} (was {STATUS[before['status']][0].lower()})")


@pytest.mark.parametrize("index", range(len(YEARS)), ids=[y["year"] for y in YEARS])
def test_what_changed_counts_status_moves_and_measure_changes_and_points_to_them(page, index: int) -> None:
    year, previous = YEARS[index], previous_of(index)
    soup = page(f"progress/{slug(year)}/")
    section = soup.select_one("section.hub-year-changes")
    heading = section.h2.get_text(" ", strip=True)
    assert heading == (f"What changed since {previous['year']}" if previous else "What changed from the starting point")
    text = squeeze(section.get_text(" "))
    if previous:
        moves = [(goal, movement(goal_entry(year, goal["id"])["status"], goal_entry(previous, goal["id"])))
                 for goal in GOALS]
        counts = {word: sum(1 for _, m in moves if m == word) for word in ("Improved", "Worsened", "No change")}
        assert (f"Goal status: {counts['Improved']} improved, {counts['Worsened']} worsened and "
                f"{counts['No change']} did not change") in text
        listed = [squeeze(li.get_text(" ")) for li in section.select("ul.hub-status-moves li")]
        expected = [f"Goal {goal['number']} : {m.lower()} from "
                    f"{STATUS[goal_entry(previous, goal['id'])['status']][0].lower()} to "
                    f"{STATUS[goal_entry(year, goal['id'])['status']][0].lower()}"
                    for word in ("Improved", "Worsened") for goal, m in moves if m == word]
        assert listed == expected
        for link in section.select("ul.hub-status-moves a"):
            assert soup.select_one(link["href"]).name == "h2"
        assert soup.select_one(section.select_one("a[href='#summary']")["href"]).name == "h2"
    verdicts = {"better": 0, "worse": 0, "no change": 0}
    for goal in GOALS:
        for measure in goal["measures"]:
            value = goal_entry(year, goal["id"])["measures"][measure["id"]]
            before = goal_entry(previous, goal["id"])["measures"][measure["id"]] if previous \
                else measure["baseline"]["value"]
            if value == before:
                verdicts["no change"] += 1
            else:
                verdicts["better" if (value > before) == (measure["better"] == "higher") else "worse"] += 1
    assert (f"Measures: {verdicts['better']} got better, {verdicts['worse']} got worse and "
            f"{verdicts['no change']} did not change since {previous['year'] if previous else 'their baseline'}") in text
    # Each measure's change itself is in its goal's table (checked above); the section links to the first of them.
    first_goal = section.select_one("p.hub-changes-measures a")
    assert first_goal["href"] == f"#goal-{GOALS[0]['id']}"
    assert soup.select_one(first_goal["href"]).find_next("table", class_="hub-measures") is not None


@pytest.mark.parametrize("index", range(len(YEARS)), ids=[y["year"] for y in YEARS])
def test_involvement_figures_include_under_represented_communities(page, index: int) -> None:
    year, previous = YEARS[index], previous_of(index)
    figures = year["involvement"]
    soup = page(f"progress/{slug(year)}/")
    table = {squeeze(r.th.get_text(" ")): [squeeze(td.get_text()) for td in r.find_all("td")]
             for r in soup.select("table.hub-involvement tbody tr")}
    under = [c for c in figures["communities_reached"] if c.get("under_represented")]
    expected = {"People involved": figures["people_involved"], "Involvement activities": figures["activities"],
                "Communities reached": len(figures["communities_reached"]),
                "Often under-represented communities reached": len(under),
                "People involved from often under-represented communities": sum(c["people"] for c in under)}
    assert set(table) == set(expected)
    for label, value in expected.items():
        if previous:
            before_figures = previous["involvement"]
            before_under = [c for c in before_figures["communities_reached"] if c.get("under_represented")]
            before = {"People involved": before_figures["people_involved"],
                      "Involvement activities": before_figures["activities"],
                      "Communities reached": len(before_figures["communities_reached"]),
                      "Often under-represented communities reached": len(before_under),
                      "People involved from often under-represented communities":
                          sum(c["people"] for c in before_under)}[label]
            assert table[label] == [shown(before), shown(value), signed(value - before)]
        else:
            assert table[label] == [shown(value)]
    communities = {squeeze(r.th.get_text()): [td.get_text(strip=True) for td in r.find_all("td")]
                   for r in soup.select("table.hub-communities tbody tr")}
    assert communities == {c["community"]: [shown(c["people"]), "Yes" if c.get("under_represented") else "No"]
                           for c in figures["communities_reached"]}


@pytest.mark.parametrize("index", range(len(YEARS)), ids=[y["year"] for y in YEARS])
def test_new_and_completed_pledges_are_those_dated_in_the_year(page, index: int) -> None:
    year = YEARS[index]
    soup = page(f"progress/{slug(year)}/")
    last = last_day(year)
    made = [squeeze(p["text"]) for p in PLEDGES if in_year(p["date"], year)]
    completed = [squeeze(p["text"]) for p in PLEDGES
                 if (since := finished_since(p, last)) and in_year(since, year)]

    def listed(heading_id: str) -> list[str]:
        heading = soup.select_one(f"h3#{heading_id}")
        block = heading.find_next_sibling()
        while block is not None and block.name == "p" and "hub-empty" not in block.get("class", []):
            block = block.find_next_sibling()
        return [squeeze(q.get_text(" ")) for q in block.select(".hub-pledge__text")] if block else []

    assert listed("new-pledges") == made
    assert listed("completed-pledges") == completed
    # Each card shows the pledge as it stood on the year's last day, not as it stands today.
    for heading_id in ("new-pledges", "completed-pledges"):
        for card in soup.select_one(f"h3#{heading_id}").find_next("div", class_="hub-pledges").select(".hub-pledge"):
            pledge = next(p for p in PLEDGES if squeeze(p["text"]) == squeeze(card.select_one(".hub-pledge__text")
                                                                                 .get_text(" ")))
            status, date, _ = stood(pledge, last)
            assert card.select_one(f".hub-tag--{status}"), (pledge["id"], status)
            shown = card.select_one(".hub-pledge__update time")
            assert (shown["datetime"] if shown else "") == date, pledge["id"]
    assert soup.select_one("h3#new-pledges").get_text(strip=True).endswith(f"({len(made)})")


def test_a_pledge_not_kept_is_reported_as_completed_in_its_year(project, tmp_path) -> None:
    """Broken promises are reported as openly as kept ones."""
    from conftest import run_build

    year = YEARS[-1]
    pledges_file = project / "data" / "pledges.yml"
    data = yaml.safe_load(pledges_file.read_text(encoding="utf-8"))
    day = f"{int(year['year'][:4])}-{START_MONTH:02d}-15"
    chosen = next(p for p in data["pledges"] if not in_year(p["date"], year)
                  and latest(p)[0] in ("made", "in-progress") and latest(p)[1] < day)
    chosen.pop("status", None)
    chosen.setdefault("updates", []).append({"date": day, "status": "not-kept",
                                             "text": "This promise was not kept: the team was not funded."})
    pledges_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((tmp_path / "site" / "progress" / slug(year) / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    completed = soup.select_one("h3#completed-pledges").find_next("div", class_="hub-pledges")
    card = next(c for c in completed.select(".hub-pledge") if squeeze(chosen["text"]) in squeeze(c.get_text(" ")))
    assert card.select_one(".hub-tag--not-kept").get_text(strip=True) == "Not kept"
    not_kept = sum(1 for p in data["pledges"] if stood(p, last_day(year))[0] == "not-kept"
                   and in_year(finished_since(p, last_day(year)), year))
    assert f", {not_kept} not kept) during {year['year']}" in main_text(soup)


def test_progress_page_lists_every_published_year_with_its_statuses(page) -> None:
    soup = page("progress/")
    for year in YEARS:
        heading = soup.select_one(f"h2#year-{slug(year)}")
        assert heading.a["href"].rstrip("/").endswith(slug(year))
        table = heading.find_next("table", class_="hub-summary")
        for goal, tag in zip(GOALS, table.select(".hub-status"), strict=True):
            status_cell_ok(tag, goal_entry(year, goal["id"])["status"])
