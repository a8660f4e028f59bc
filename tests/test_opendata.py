"""Open data: every CSV and JSON file read back gives the same numbers and text
as the YAML in data/, with the columns the open data page documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from pledge_history import latest

from conftest import TRUST_DATA, on_the_fixture_trust

site, page = on_the_fixture_trust()  # behaviour tests run on tests/fixtures/trust, never data/


DATA = TRUST_DATA


def read(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


STRATEGY, PLEDGES, CHANNELS, VALUES = read("strategy.yml"), read("pledges.yml")["pledges"], \
    read("channels.yml")["channels"], read("values.yml")["values"]
ORG = read("organisation.yml")
PUBLISHED = [y for y in sorted((yaml.safe_load(p.read_text(encoding="utf-8")) for p in (DATA / "progress").glob("*.yml")),
                               key=lambda y: y["year"]) if y["status"] == "published"]


def csv_rows(site: Path, name: str) -> list[dict[str, str]]:
    raw = (site / "open-data" / f"{name}.csv").read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def json_doc(site: Path, name: str) -> dict:
    return json.loads((site / "open-data" / f"{name}.json").read_text(encoding="utf-8"))


def num(text: str) -> float | None:
    return None if text == "" else float(text)


def documented_columns(page) -> dict[str, list[str]]:
    """The column names for each file, as the open data page lists them."""
    soup = page("open-data/")
    out = {}
    for section in soup.select("section.hub-dataset"):
        name = section.h3["id"].removeprefix("dataset-")
        out[name] = [row.th.get_text(strip=True) for row in section.select("tbody tr")]
    return out


def test_every_file_is_listed_documented_and_has_exactly_its_documented_columns(site, page) -> None:
    documented = documented_columns(page)
    files = sorted(p.name for p in (site / "open-data").iterdir() if p.suffix in (".csv", ".json")
                   and p.name != "datapackage.json")  # the package describes the files (test_datapackage.py)
    assert files == sorted(f"{n}.{ext}" for n in documented for ext in ("csv", "json"))
    for name, columns in documented.items():
        assert columns, name
        with (site / "open-data" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == columns
        document = json_doc(site, name)
        assert [c["name"] for c in document["columns"]] == columns
        assert all(list(row) == columns for row in document["rows"])
        assert len(document["rows"]) == len(csv_rows(site, name))
        assert document["licence"]["url"] == ORG["licence"]["url"]
    links = {a["href"] for a in page("open-data/").select("article a[href]")}
    for name in documented:
        assert f"{name}.csv" in links and f"{name}.json" in links


def test_measures_and_goals_round_trip(site) -> None:
    goals = csv_rows(site, "goals")
    assert [(g["goal_id"], int(g["number"]), g["title"], g["value_ids"].split()) for g in goals] == sorted(
        ((g["id"], g["number"], g["title"], g["values"]) for g in STRATEGY["goals"]), key=lambda t: t[1])
    expected = [(g["id"], x["id"], x["name"], x["unit"], x["better"], x["baseline"]["value"], x["baseline"]["year"],
                 x["target"]["value"], x["target"]["year"])
                for g in sorted(STRATEGY["goals"], key=lambda g: g["number"]) for x in g["measures"]]
    for rows, convert in ((csv_rows(site, "measures"), num), (json_doc(site, "measures")["rows"], lambda v: v)):
        assert [(r["goal_id"], r["measure_id"], r["name"], r["unit"], r["better"], convert(r["baseline"]),
                 r["baseline_year"], convert(r["target"]), r["target_year"]) for r in rows] == expected


def test_progress_values_statuses_and_feedback_round_trip(site) -> None:
    values = {(y["year"], g["goal"], k): v for y in PUBLISHED for g in y["goals"] for k, v in g.get("measures", {}).items()}
    assert {(r["year"], r["goal_id"], r["measure_id"]): num(r["value"]) for r in csv_rows(site, "measure-values")} \
        == values
    assert {(r["year"], r["goal_id"], r["measure_id"]): r["value"] for r in json_doc(site, "measure-values")["rows"]} \
        == values
    statuses = [(y["year"], g["goal"], g["status"], g["narrative"]) for y in PUBLISHED for g in y["goals"]]
    for rows in (csv_rows(site, "progress"), json_doc(site, "progress")["rows"]):
        assert sorted((r["year"], r["goal_id"], r["status"], r["narrative"]) for r in rows) == sorted(statuses)
    feedback = [(y["year"], f.get("goal", ""), f["you_said"], f["we_did"]) for y in PUBLISHED
                for f in y.get("you_said_we_did", [])]
    for rows in (csv_rows(site, "you-said-we-did"), json_doc(site, "you-said-we-did")["rows"]):
        assert [(r["year"], r["goal_id"], r["you_said"], r["we_did"]) for r in rows] == feedback
    highlights = [(y["year"], g["goal"], h) for y in PUBLISHED for g in y["goals"] for h in g.get("highlights", [])]
    assert [(r["year"], r["goal_id"], r["highlight"]) for r in csv_rows(site, "highlights")] == highlights


def test_years_and_communities_round_trip(site) -> None:
    years = csv_rows(site, "years")
    assert [(r["year"], r["status"], r["summary"], num(r["people_involved"]), num(r["activities"]), r["reviewed_by"])
            for r in years] == [(y["year"], y["status"], y["summary"], y["involvement"]["people_involved"],
                                 y["involvement"]["activities"], y["reviewed_by"]) for y in PUBLISHED]
    communities = [(y["year"], c["community"], c["people"], bool(c.get("under_represented")))
                   for y in PUBLISHED for c in y["involvement"]["communities_reached"]]
    assert [(r["year"], r["community"], int(r["people"]), r["under_represented"] == "true")
            for r in csv_rows(site, "communities")] == communities
    assert [(r["year"], r["community"], r["people"], r["under_represented"])
            for r in json_doc(site, "communities")["rows"]] == communities


def test_pledges_values_and_channels_round_trip(site) -> None:
    pledges = [(p["id"], p["text"], p["made_by"]["name"], p["made_by"]["kind"], str(p["date"]), p["values"],
                p.get("goal", ""), *latest(p)) for p in PLEDGES]
    assert [(r["pledge_id"], r["text"], r["made_by"], r["made_by_kind"], r["date"], r["value_ids"].split(),
             r["goal_id"], r["status"], r["update_date"], r["update_text"]) for r in csv_rows(site, "pledges")] == pledges
    assert [(r["pledge_id"], r["text"], r["made_by"], r["made_by_kind"], r["date"], r["value_ids"], r["goal_id"],
             r["status"], r["update_date"], r["update_text"]) for r in json_doc(site, "pledges")["rows"]] == pledges
    assert [(r["value_id"], r["name"], r["family"], r["description"]) for r in csv_rows(site, "values")] == [
        (v["id"], v["name"], v["family"], v["description"]) for v in VALUES]
    assert [(r["channel_id"], r["name"], r["kind"], r["reaches"], r["url"]) for r in csv_rows(site, "channels")] == [
        (c["id"], c["name"], c["kind"], c["reaches"], c.get("url", "")) for c in CHANNELS]


@pytest.mark.parametrize("url, names", [
    ("progress/", ["progress", "measure-values", "you-said-we-did"]),
    (f"progress/{PUBLISHED[-1]['year'].replace('/', '-')}/" if PUBLISHED else "progress/", ["measure-values"]),
    ("pledges/", ["pledges"]),
    ("values/", ["values"]),
    ("get-involved/", ["channels"]),
])
def test_pages_offer_their_data_for_download(site, page, url: str, names: list[str]) -> None:
    soup = page(url)
    section = soup.select_one("h2#download-the-data")
    assert section is not None
    hrefs = [a["href"] for a in section.find_next("ul").select("a[href]")]
    base = (site / url).resolve()
    for name in names:
        for ext in ("csv", "json"):
            href = next(h for h in hrefs if h.endswith(f"/{name}.{ext}"))
            assert (base / href).resolve().is_file(), href


def test_who_reviewed_each_year_is_in_the_open_data_as_on_its_page(build_org) -> None:
    """The network's years name their own reviewers, not the trust's default board."""
    network = build_org("network")
    data = Path(__file__).parent / "fixtures" / "network" / "data"
    years = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / "progress").glob("*.yml"))]
    rows = list(csv.DictReader(io.StringIO((network / "open-data" / "years.csv").read_text(encoding="utf-8"))))
    assert [(r["year"], r["reviewed_by"]) for r in rows] == [(str(y["year"]), y["reviewed_by"]) for y in years]
    assert all("Trust Board" not in r["reviewed_by"] for r in rows)
    for y in years:
        page = (network / "progress" / str(y["year"]) / "index.html").read_text(encoding="utf-8")
        assert " ".join(y["reviewed_by"].split()).replace("'", "&#39;") in page or y["reviewed_by"] in page
