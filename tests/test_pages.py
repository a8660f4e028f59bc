"""Every page type, built by the real strict build from the example data,
shows the data it must: the expectations are read from data/, not copied."""

from __future__ import annotations

import yaml

from conftest import TRUST_DATA, main_text, on_the_fixture_trust

site, page = on_the_fixture_trust()  # behaviour tests run on tests/fixtures/trust, never data/


def data(name: str):
    return yaml.safe_load((TRUST_DATA / name).read_text(encoding="utf-8"))


ORG, VALUES, STRATEGY = data("organisation.yml"), data("values.yml")["values"], data("strategy.yml")
PLEDGES, CHANNELS, INVOLVEMENT = data("pledges.yml")["pledges"], data("channels.yml")["channels"], data("involvement.yml")
YEARS = sorted((yaml.safe_load(p.read_text(encoding="utf-8")) for p in (TRUST_DATA / "progress").glob("*.yml")),
               key=lambda y: y["year"])
STATUS_WORDS = {"not-started": "Not started", "on-track": "On track", "at-risk": "At risk",
                "off-track": "Off track", "achieved": "Achieved"}


def squeeze(text: str) -> str:
    return " ".join(text.split())


def links(soup) -> set[str]:
    return {a["href"] for a in soup.select("article a[href]")}


def test_home_shows_purpose_goals_values_latest_year_and_ways_in(page) -> None:
    home = page("")
    text = main_text(home)
    assert home.h1.get_text(strip=True) == ORG["name"]
    assert squeeze(ORG["purpose"]) in text
    for goal in STRATEGY["goals"]:
        assert goal["title"] in text
    for value in VALUES:
        assert value["name"] in text
    latest = YEARS[-1]
    assert f"Progress in {latest['year']}" in text
    assert any("get-involved" in href for href in links(home))


def test_strategy_page_lists_goals_and_who_developed_it(page) -> None:
    text = main_text(page("strategy/"))
    assert STRATEGY["title"] in text
    for partner in STRATEGY["developed_with"]:
        assert partner in text
    for goal in STRATEGY["goals"]:
        assert f"Goal {goal['number']}: {goal['title']}" in text


def test_each_goal_page_shows_its_measures_values_pledges_and_latest_status(page) -> None:
    names = {v["id"]: v["name"] for v in VALUES}
    latest = YEARS[-1]
    for goal in STRATEGY["goals"]:
        soup = page(f"strategy/{goal['id']}/")
        text = main_text(soup)
        assert soup.h1.get_text(" ", strip=True) == f"Goal {goal['number']}: {goal['title']}"
        for said in goal["patients_told_us"] + goal["commitments"]:
            assert said in text
        for measure in goal["measures"]:
            assert measure["name"] in text
            assert f"{measure['target']['value']:,} by {measure['target']['year']}" in text
        for value_id in goal["values"]:
            assert names[value_id] in text
        for pledge in PLEDGES:
            assert (pledge["text"] in text) == (pledge.get("goal") == goal["id"]), pledge["id"]
        entry = next(e for e in latest["goals"] if e["goal"] == goal["id"])
        assert STATUS_WORDS[entry["status"]] in text


def test_each_value_page_shows_every_pledge_that_names_it(page) -> None:
    for value in VALUES:
        text = main_text(page(f"values/{value['id']}/"))
        assert value["summary"] in text
        for expectation in value["what_you_can_expect"]:
            assert expectation in text
        for pledge in PLEDGES:
            assert (pledge["text"] in text) == (value["id"] in pledge["values"]), (value["id"], pledge["id"])


def test_pledges_are_shown_by_value_and_by_who_made_them(page) -> None:
    by_value, by_maker = main_text(page("pledges/")), page("pledges/who-made-them/")
    maker_text = main_text(by_maker)
    for pledge in PLEDGES:
        assert pledge["text"] in by_value
        assert pledge["made_by"]["name"] in maker_text
    headings = [h.get_text(" ", strip=True) for h in by_maker.select("article h3, article h2")]
    for maker in {p["made_by"]["name"] for p in PLEDGES}:
        assert maker in headings, maker


def test_get_involved_groups_every_channel_under_its_kind(page) -> None:
    soup = page("get-involved/")
    for channel in CHANNELS:
        item = soup.find(id=f"channel-{channel['id']}")
        assert item is not None, channel["id"]
        assert channel["name"] in item.get_text(" ")
        assert channel["reaches"] in squeeze(item.get_text(" "))
        heading = item.find_previous(["h2", "h3"])
        assert heading is not None and heading.get_text(strip=True), channel["id"]
    kinds = {c["kind"] for c in CHANNELS}
    assert len(soup.select("article h2")) >= len(kinds)


def test_patient_partner_role_and_representation(page) -> None:
    partner = main_text(page("get-involved/partner-role/"))
    role = INVOLVEMENT["patient_partner"]
    for item in role["responsibilities"] + role["our_commitments"] + role["recognition"]:
        assert item in partner
    for section in role["person_specification"]:
        assert section["heading"] in partner
    seats = main_text(page("get-involved/representation/"))
    for seat in INVOLVEMENT["representation"]:
        assert seat["committee"] in seats and seat["role"] in seats


def test_progress_index_and_a_page_per_year(page) -> None:
    index = page("progress/")
    for year in YEARS:
        assert year["year"] in main_text(index)
        slug = year["year"].replace("/", "-")
        assert any(slug in href for href in links(index))
        text = main_text(page(f"progress/{slug}/"))
        for entry in year["goals"]:
            assert squeeze(entry["narrative"]) in text
            assert STATUS_WORDS[entry["status"]] in text
        for item in year.get("you_said_we_did", []):
            assert item["you_said"] in text
        assert f"{year['involvement']['people_involved']:,}" in text


def test_contact_about_accessibility_and_404(page) -> None:
    contact = main_text(page("contact/"))
    email = ORG["contact"]["email"]  # one link, its text the address itself (<wbr> marks where it may wrap)
    assert page("contact/").select_one(f'a[href="mailto:{email}"]').get_text() == email
    assert ORG["contact"]["phone"] in contact
    assert ORG["contact"]["helpline"]["hours"] in contact
    about = main_text(page("about/"))
    assert "About this site" in about
    statement = main_text(page("accessibility/"))
    assert "Accessibility statement" in statement
    missing = page("404.html")
    assert "Page not found" in main_text(missing)
    assert len(missing.select("article a[href]")) >= 3


def test_navigation_is_generated_from_the_data(page) -> None:
    nav = " ".join(a.get_text(" ", strip=True) for a in page("").select("nav.md-nav--primary a"))
    for goal in STRATEGY["goals"]:
        assert goal["title"] in nav
    for value in VALUES:
        assert value["name"] in nav
    for year in YEARS:
        assert year["year"] in nav
    assert not any(p["text"][:30] in nav for p in PLEDGES), "pledges must not become navigation entries"


def test_the_editors_guide_is_built_but_kept_out_of_navigation_and_search_engines(page) -> None:
    guide = page("guide/")
    assert guide.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "guide/" not in {a.get("href", "").lstrip("./") for a in page("").select("nav.md-nav--primary a")}
    assert page("").select_one('meta[name="robots"]') is None
