"""The fixture organisations (tests/fixtures/) each build a correct site from data alone, and
`make check` passes on each: any kind of organisation can use the hub by changing data/."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import (
    FIXTURES,
    ORG_KINDS,
    TRUST_WORDS,
    build_env,
    built_pages,
    fixture_project,
    main_text,
    page_reader,
    run_build,
    words_not_in_data,
)


@pytest.fixture(scope="session")
def page_of(build_org):
    """page_of('group')('contact/'): a parsed page of a fixture organisation's site."""
    readers = {}

    def get(kind: str):
        if kind not in readers:
            readers[kind] = page_reader(build_org(kind))
        return readers[kind]

    return get


def check_command(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                          env=build_env(), capture_output=True, text=True, timeout=60, check=False)


def test_there_is_a_fixture_for_each_kind_of_organisation() -> None:
    assert {p.name for p in FIXTURES.iterdir() if (p / "data").is_dir()} == set(ORG_KINDS)
    for kind in ORG_KINDS:
        assert (FIXTURES / kind / "about.md").is_file(), kind


@pytest.mark.parametrize("kind", ORG_KINDS)
def test_make_check_passes_on_each_fixture(kind: str, tmp_path: Path) -> None:
    result = check_command(fixture_project(kind, tmp_path / "project"))
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr


def test_each_fixture_builds_strictly_into_a_whole_site(org_site: tuple[str, Path]) -> None:
    kind, site = org_site
    pages = built_pages(site)
    assert "" in pages and "contact/" in pages and "accessibility/" in pages and "about/" in pages, (kind, pages)


# --- Each kind of organisation's own words -------------------------------------------------------

def fixture_text(kind: str) -> str:
    """Everything the fixture organisation wrote: its data and its about page."""
    folder = FIXTURES / kind
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.suffix in (".yml", ".md"))


@pytest.mark.parametrize("kind", ["group", "network"])
def test_no_page_uses_a_trusts_words_unless_the_data_does(kind: str, build_org) -> None:
    site = build_org(kind)
    assert words_not_in_data(site, fixture_text(kind)) == []


def test_the_group_fixture_says_none_of_a_trusts_words() -> None:
    """So the check above covers every word for the group: its data uses none of them."""
    assert TRUST_WORDS.findall(fixture_text("group")) == []


def test_the_word_check_finds_a_word_the_data_does_not_use(tmp_path: Path) -> None:
    (tmp_path / "progress").mkdir()
    (tmp_path / "progress" / "index.html").write_text("<p>Each year the Trust Board reviews it.</p>", encoding="utf-8")
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text("<p>NHS trusts</p>", encoding="utf-8")
    found = words_not_in_data(tmp_path, "A group of residents")
    assert len(found) == 4 and [f.split(":")[0] for f in found] == ["guide/index.html"] * 2 + ["progress/index.html"] * 2
    assert words_not_in_data(tmp_path, "Our Trust Board, with other NHS trusts") == []
    assert NOTHING_COUNTED.search("There are 0 pledges.") and not NOTHING_COUNTED.search("Measures: 0 got better")


def test_the_organisations_own_words_replace_a_trusts(build_org, page_of) -> None:
    group, network = page_of("group"), page_of("network")
    goal = group("strategy/gather-views/")
    assert goal.find("h2", id="what-people-told-us").get_text(strip=True) == "What residents told us"
    assert main_text(network("progress/")).startswith(
        "Progress Each year the network's members at their yearly meeting reviews our progress")
    assert group("get-involved/representation/").h1.get_text(strip=True) == "Where our members have a seat"


def test_channel_and_maker_kinds_come_from_the_data_with_their_descriptions(page_of) -> None:
    involved = page_of("group")("get-involved/")
    headings = [h.get_text(strip=True) for h in involved.select("article h2")]
    assert headings[:2] == ["Our meetings", "GP practice groups"]
    assert "Meetings the group holds, open to every resident." in main_text(involved)
    makers = page_of("network")("pledges/who-made-them/")
    assert [h.get_text(strip=True) for h in makers.select("article h2")] == ["Health services", "Voluntary groups"]
    assert "Member charities and community groups." in main_text(makers)


def test_a_kind_not_in_the_list_is_an_error_with_the_nearest_kind(tmp_path: Path) -> None:
    project = fixture_project("group", tmp_path / "project")
    channels = project / "data" / "channels.yml"
    channels.write_text(channels.read_text(encoding="utf-8").replace("kind: meetings", "kind: meeting"), encoding="utf-8")
    result = check_command(project)
    assert result.returncode == 1
    line = channels.read_text(encoding="utf-8").splitlines().index("    kind: meeting") + 1
    assert f"data/channels.yml, line {line}" in result.stderr
    assert "meeting" in result.stderr and "Did you mean 'meetings'?" in result.stderr
    assert "Traceback" not in result.stderr


# --- Years named as the organisation names them -------------------------------------------------

def test_calendar_years_are_named_and_bounded_as_calendar_years(page_of) -> None:
    year = page_of("network")("progress/2025/")
    assert year.h1.get_text(strip=True) == "Progress in 2025"
    assert "Reporting year 1 January 2025 to 31 December 2025" in main_text(year)


def test_a_financial_year_in_a_calendar_year_organisation_is_an_error(tmp_path: Path) -> None:
    project = fixture_project("network", tmp_path / "project")
    progress = project / "data" / "progress"
    (progress / "2025.yml").rename(progress / "2025-26.yml")
    year = progress / "2025-26.yml"
    year.write_text(year.read_text(encoding="utf-8").replace("year: 2025", "year: 2025/26"), encoding="utf-8")
    result = check_command(project)
    assert result.returncode == 1
    assert "data/progress/2025-26.yml, line 1" in result.stderr
    assert "'2025/26' is not named as this organisation's reporting years are" in result.stderr
    assert "a year written like 2025" in result.stderr


# --- Sections an organisation leaves out, or has none of yet -------------------------------------

def nav_titles(soup) -> list[str]:
    return [a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary a")]


def test_a_section_the_data_leaves_out_has_no_page_menu_entry_or_download(build_org, page_of) -> None:
    group = build_org("group")
    addresses = built_pages(group)
    for gone in ("pledges/", "progress/", "get-involved/partner-role/"):
        assert gone not in addresses, gone
    menu = nav_titles(page_of("group")(""))
    assert "Pledges" not in menu and "Progress" not in menu and "Become a patient partner" not in menu
    files = {p.name for p in (group / "open-data").iterdir()}
    assert "pledges.csv" not in files and "progress.csv" not in files and "measures.csv" not in files
    assert {"goals.csv", "values.csv", "channels.csv"} <= files
    for address in addresses:
        soup = page_of("group")(address)
        hrefs = " ".join(a["href"] for a in soup.select("a[href]"))
        assert "pledges/" not in hrefs and "progress/" not in hrefs and "pledges.csv" not in hrefs, address
    goal = main_text(page_of("group")("strategy/gather-views/"))
    assert "How we measure progress" not in goal and "Latest progress" not in goal and "Pledges" not in goal


# "0 pledges", "0 rows": a count of things that are not there, where plain words should say so.
NOTHING_COUNTED = re.compile(r"\b0 (pledges?|ways?|years?|members?|seats?|rows?|committees?|goals?|values?|measures?|"
                             r"channels?|people|communities|activities)\b")


@pytest.mark.parametrize("kind", ["group", "network"])
def test_no_page_says_0_of_something_or_shows_an_empty_table(kind: str, build_org, page_of) -> None:
    for address in built_pages(build_org(kind)):
        soup = page_of(kind)(address)
        text = main_text(soup)
        assert not NOTHING_COUNTED.search(text), (address, NOTHING_COUNTED.search(text))
        for table in soup.select("article table"):
            assert table.select("tbody tr"), (address, str(table)[:200])


def test_optional_contact_details_and_end_year_leave_no_gap(page_of) -> None:
    contact = main_text(page_of("group")("contact/"))
    assert "Phone" not in contact and "Write to us" not in contact and "email us" in contact
    for address in ("contact/", "accessibility/", "about/"):  # no empty phone link anywhere
        assert not page_of("group")(address).select('a[href^="tel:"]'), address
    home = page_of("group")("")
    assert home.find("h2", id="our-goals").get_text(strip=True) == "Our goals"
    assert "We have no paid staff." in main_text(home)  # organisation.about, on the home page


def test_a_section_present_but_empty_says_so_plainly(project: Path, tmp_path: Path) -> None:
    data = project / "data"
    pledges = data / "pledges.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").split("pledges:\n", 1)[0] + "pledges: []\n", encoding="utf-8")
    involvement = data / "involvement.yml"
    text = involvement.read_text(encoding="utf-8")
    start, end = text.index("representation:\n"), text.index("raise_an_issue:")
    involvement.write_text(text[:start] + "representation: []\n" + text[end:], encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    read = page_reader(tmp_path / "site")
    assert "No pledges have been made yet." in main_text(read("pledges/"))
    assert "0 pledges" not in main_text(read("pledges/"))
    seats = read("get-involved/representation/")
    assert "We do not have a seat on any committee at the moment." in main_text(seats)
    assert seats.select("article table") == []


def test_a_goal_left_out_of_a_years_report_is_not_reported_not_not_started(project: Path, tmp_path: Path) -> None:
    year = max((project / "data" / "progress").glob("*.yml"))
    text = year.read_text(encoding="utf-8")
    start = text.index("  - goal: work-in-partnership")
    end = text.index("you_said_we_did:")
    year.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = page_reader(tmp_path / "site")(f"progress/{year.stem}/")
    section = soup.find(id="goal-work-in-partnership").find_parent("section")
    assert "Not reported" in section.get_text(" ") and "Not started" not in section.get_text(" ")
    row = next(tr for tr in soup.select("table tr") if "Work in partnership" in tr.get_text())
    assert "Not reported" in row.get_text(" ") and "Not started" not in row.get_text(" ")


# --- The accessibility statement for the kind of organisation ------------------------------------

def test_a_voluntary_group_gets_a_statement_that_does_not_claim_the_public_sector_regulations(page_of) -> None:
    group = main_text(page_of("group")("accessibility/"))
    assert "law on public sector websites does not apply to us" in group and "Equality Act 2010" in group
    assert "in accordance with the Public Sector Bodies" not in group
    assert "Enforcement procedure" not in group and "Disproportionate burden" not in group
    trust = main_text(page_of("trust")("accessibility/"))
    assert "in accordance with the Public Sector Bodies (Websites and Mobile Applications)" in trust
    assert "Enforcement procedure" in trust and "does not apply to us" not in trust


# --- Members of a network ------------------------------------------------------------------------

def test_a_network_lists_its_members_with_kind_link_date_joined_and_pledges(page_of) -> None:
    members = yaml.safe_load((FIXTURES / "network" / "data" / "members.yml").read_text(encoding="utf-8"))["members"]
    pledges = yaml.safe_load((FIXTURES / "network" / "data" / "pledges.yml").read_text(encoding="utf-8"))["pledges"]
    soup = page_of("network")("members/")
    assert "Our members" in nav_titles(page_of("network")(""))
    assert "Our members" not in nav_titles(page_of("group")(""))
    for member in members:
        section = soup.find(id=f"member-{member['id']}").find_parent("section")
        text = " ".join(section.get_text(" ").split())
        kind = section.find_previous("h2").get_text(strip=True)
        assert kind == member["kind"], member["id"]
        assert f"Member since {member['joined'].strftime('%-d %B %Y')}" in text
        if "url" in member:
            assert section.h3.a["href"] == member["url"]
        for pledge in pledges:
            mine = pledge["made_by"].get("member") == member["id"] or pledge["made_by"]["name"] == member["name"]
            assert (pledge["text"] in text) == mine, (member["id"], pledge["id"])


def members_csv(site: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "open-data" / "members.csv").read_text(encoding="utf-8"), newline="")))


def test_a_networks_members_and_their_pledges_are_open_data(build_org, page_of) -> None:
    site = build_org("network")
    members = yaml.safe_load((FIXTURES / "network" / "data" / "members.yml").read_text(encoding="utf-8"))["members"]
    pledges = yaml.safe_load((FIXTURES / "network" / "data" / "pledges.yml").read_text(encoding="utf-8"))["pledges"]

    def made_by(member: dict) -> list[str]:
        return sorted(p["id"] for p in pledges
                      if p["made_by"].get("member") == member["id"] or p["made_by"]["name"] == member["name"])

    rows = {row["member_id"]: row for row in members_csv(site)}
    assert sorted(rows) == sorted(m["id"] for m in members)
    assert any(made_by(m) for m in members)  # the fixture has members with pledges, so the column is tested
    document = json.loads((site / "open-data" / "members.json").read_text(encoding="utf-8"))
    by_id = {row["member_id"]: row for row in document["rows"]}
    for member in members:
        row = rows[member["id"]]
        assert (row["name"], row["kind"], row["url"], row["joined"]) == (
            member["name"], member["kind"], member.get("url", ""), member["joined"].isoformat())
        assert sorted(row["pledge_ids"].split()) == made_by(member)
        assert sorted(by_id[member["id"]]["pledge_ids"]) == made_by(member)
    package = json.loads((site / "open-data" / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "members")
    assert resource["schema"]["primaryKey"] == ["member_id"]
    assert (site / "open-data" / "schemas" / "members.schema.json").is_file()
    download = page_of("network")("members/").find("h2", id="download-the-data").find_next("ul")
    assert {a["href"].rsplit("/", 1)[-1] for a in download.select("a[href]")} == {"members.csv", "members.json"}
    open_data = page_of("network")("open-data/")
    assert open_data.find(id="dataset-members") is not None and "members" in main_text(open_data).split(".")[0]


@pytest.mark.parametrize("kind", ["trust", "group"])
def test_an_organisation_without_members_publishes_no_members_data(kind: str, build_org, page_of) -> None:
    site = build_org(kind)
    assert not list(site.rglob("members*"))
    package = json.loads((site / "open-data" / "datapackage.json").read_text(encoding="utf-8"))
    assert "members" not in {r["name"] for r in package["resources"]}
    open_data = page_of(kind)("open-data/")
    assert open_data.find(id="dataset-members") is None and "members" not in main_text(open_data).split(".")[0]


def test_a_pledge_naming_an_unknown_member_is_an_error_with_the_nearest(tmp_path: Path) -> None:
    project = fixture_project("network", tmp_path / "project")
    pledges = project / "data" / "pledges.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("member: northgate-community-health",
                                                                   "member: northgate-community-helth"), encoding="utf-8")
    result = check_command(project)
    assert result.returncode == 1
    assert "pledges[0].made_by.member" in result.stderr and "Did you mean 'northgate-community-health'?" in result.stderr


def test_no_members_yet_is_said_plainly(tmp_path: Path) -> None:
    project = fixture_project("network", tmp_path / "project")
    (project / "data" / "members.yml").write_text("members: []\n", encoding="utf-8")
    pledges = project / "data" / "pledges.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace(", member: northgate-community-health", ""),
                       encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    text = main_text(page_reader(tmp_path / "site")("members/"))
    assert "We have no members listed yet." in text and "0 " not in text
    assert members_csv(tmp_path / "site") == []  # the file is there, with its header, and says so on the page
    section = page_reader(tmp_path / "site")("open-data/").find(id="dataset-members").find_parent("section")
    assert "It has no rows yet." in section.get_text(" ")


# --- Names from the data, read in a sentence ------------------------------------------------------

def test_names_from_the_data_read_in_a_sentence(page_of, build_org) -> None:
    """A team, plan or strategy name is written into sentences as the data gives it: never 'the The group's
    secretary' or 'the Our aims'."""
    group_contact = main_text(page_of("group")("contact/"))
    assert "The group's secretary at Hollowbrook Residents' Health Forum would like to hear from you." in group_contact
    assert "website for our aims." in main_text(page_of("group")("accessibility/"))
    assert "reviews our progress on the Network plan." in main_text(page_of("network")("progress/"))
    assert "The Network coordinator at" in main_text(page_of("network")("contact/"))
    assert "The Patient and Public Engagement team at" in main_text(page_of("trust")("contact/"))
    for kind in ORG_KINDS:
        for address in built_pages(build_org(kind)):
            text = main_text(page_of(kind)(address))
            assert not re.search(r"\b[Tt]he (The|Our|the|our) ", text), (kind, address)


def test_with_the_reads_a_name_into_a_sentence() -> None:
    from engagement_hub.output.render import with_the

    assert with_the("Network plan") == "the Network plan"
    assert with_the("Our aims") == "our aims" and with_the("The group's secretary", start=True) == "The group's secretary"
    assert with_the("Patient and Public Engagement team", start=True) == "The Patient and Public Engagement team"
    assert with_the("Ourselves first") == "the Ourselves first"  # only a whole word counts


def test_a_year_report_without_pledges_has_no_pledges_entry_in_its_contents(tmp_path: Path) -> None:
    """An organisation that reports progress but makes no pledges: no 'Pledges this year' section or link."""
    project = fixture_project("network", tmp_path / "project")
    (project / "data" / "pledges.yml").unlink()  # the build does not compare the published record
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    years = sorted(p.parent for p in site.glob("progress/*/index.html"))
    assert years
    for folder in years:
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert 'href="#pledges"' not in html and "Pledges this year" not in html, folder
        soup = page_reader(site)(str(folder.relative_to(site)) + "/")
        ids = {tag["id"] for tag in soup.select("[id]")}
        assert not [a["href"] for a in soup.select('a[href^="#"]') if a["href"][1:] and a["href"][1:] not in ids]


def test_make_check_sums_up_only_the_sections_the_data_has(tmp_path: Path) -> None:
    result = check_command(fixture_project("group", tmp_path / "group"))
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("The data is valid"))
    assert line.startswith("The data is valid: 3 goals, 2 values, ") and "channels" in line
    assert "pledge" not in line and "year" not in line and "opportunit" not in line and " 0 " not in line
    network = check_command(fixture_project("network", tmp_path / "network")).stdout
    assert re.search(r"\d+ pledges, \d+ channels, \d+ members, 1 reporting year \(", network), network


@pytest.mark.parametrize("kind", ORG_KINDS)
def test_no_page_offers_a_download_with_no_rows(kind: str, build_org, page_of) -> None:
    """'Download the data' offers only files with rows; a section with none has no such heading at all."""
    site = build_org(kind)
    offered = 0
    for address in built_pages(site):
        soup = page_of(kind)(address)
        heading = soup.find("h2", id="download-the-data")
        if heading is None:
            continue
        links = heading.find_next("ul").select("a[href$='.csv']")
        assert links, address
        for link in links:
            name = link["href"].rsplit("/", 1)[-1]
            offered += 1
            assert len((site / "open-data" / name).read_text(encoding="utf-8").splitlines()) > 1, (address, name)
    assert offered


def test_a_section_with_no_rows_offers_no_download(tmp_path: Path) -> None:
    project = fixture_project("trust", tmp_path / "project")
    pledges = project / "data" / "pledges.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").split("pledges:\n", 1)[0] + "pledges: []\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    read = page_reader(tmp_path / "site")
    assert read("pledges/").find("h2", id="download-the-data") is None
    assert (tmp_path / "site" / "open-data" / "pledges.csv").is_file()  # still listed on the open data page
    assert "It has no rows yet." in read("open-data/").find(id="dataset-pledges").find_parent("section").get_text(" ")


def test_a_groups_own_role_page_says_none_of_a_trusts_words_not_even_in_its_address(tmp_path: Path) -> None:
    """The partner role under the group's own name: its title, menu entry and address carry no trust word."""
    project = fixture_project("group", tmp_path / "project")
    organisation = project / "data" / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "words:\n", "words:\n  partner_role_page: Join us as a volunteer\n", 1), encoding="utf-8")
    involvement = project / "data" / "involvement.yml"
    involvement.write_text(involvement.read_text(encoding="utf-8").replace("representation:\n", """patient_partner:
  summary: |
    Volunteers come to our meetings and help us gather residents' views.
  responsibilities:
    - Come to our monthly meeting when you can
  person_specification:
    - heading: Experience
      items:
        - You live in Hollowbrook
  our_commitments:
    - Tell you what changed because of your work
  recognition:
    - Travel costs paid
representation:
""", 1), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    role = page_reader(tmp_path / "site")("get-involved/partner-role/")
    assert role.h1.get_text(strip=True) == "Join us as a volunteer"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((project / "data").rglob("*.yml")))
    assert words_not_in_data(tmp_path / "site", text + (project / "content" / "about.md").read_text(encoding="utf-8")) == []


def test_no_template_is_published_as_a_file(org_site: tuple[str, Path]) -> None:
    """The hub's templates (theme_overrides/hub/) draw pages; none is published as it is (the feed's
    template was, at /hub/feed.xml, Jinja source and all)."""
    kind, site = org_site
    assert not (site / "hub").exists(), kind
    assert (site / "feed.xml").is_file() is (kind != "group")  # the group has nothing to announce: no feed
    for path in site.rglob("*.xml"):
        assert "{{" not in path.read_text(encoding="utf-8") and "{#" not in path.read_text(encoding="utf-8"), path


# --- Words that follow the data: nothing promises what an organisation does not have ----------------

def _load(kind: str):
    from engagement_hub.reading.load import load
    return load(FIXTURES / kind)


def test_the_values_page_mentions_pledges_only_for_an_organisation_with_pledges(page_of) -> None:
    def description(kind: str) -> str:
        return page_of(kind)("values/").find("meta", attrs={"name": "description"})["content"]
    assert "pledge" not in description("group").lower()
    assert "pledges made to live them" in description("trust")


def test_the_open_data_page_names_years_as_the_organisation_does(page_of) -> None:
    calendar = main_text(page_of("network")("open-data/"))  # years start in January: 2025
    assert "reporting year, such as 2025" in calendar and "2025/26" not in calendar
    assert "reporting year, such as 2025/26" in main_text(page_of("trust")("open-data/"))


def test_figures_of_measures_are_published_only_when_there_are_measures_and_years() -> None:
    from dataclasses import replace

    from engagement_hub.pages.opendata import datasets_for
    hub = _load("trust")
    assert {"measures", "measure-values"} <= {d.name for d in datasets_for(hub)}
    goals = tuple(replace(g, measures=()) for g in hub.strategy.goals)
    no_measures = replace(hub, strategy=replace(hub.strategy, goals=goals))
    assert hub.has_progress and not no_measures.has_measures
    assert not {"measures", "measure-values"} & {d.name for d in datasets_for(no_measures)}


def test_the_feed_says_only_what_this_organisation_can_announce() -> None:
    from dataclasses import replace

    from engagement_hub.pages.feed import subtitle
    hub = _load("trust")
    assert subtitle(hub) == "New opportunities to take part, results, year reports and pledge updates"
    assert subtitle(replace(hub, opportunities=(), pledges=(), has_pledges=False)) == "Year reports"
    assert "pledge" not in subtitle(_load("group")).lower()


def test_a_statement_with_nothing_non_accessible_does_not_say_content_is_listed_below(page_of) -> None:
    lead = "The content listed below is non-accessible"
    assert lead not in main_text(page_of("network")("accessibility/"))  # full compliance, nothing known
    assert lead in main_text(page_of("trust")("accessibility/"))  # partial, with known issues


def test_the_sitemap_leaves_out_pages_that_ask_not_to_be_indexed(build_org) -> None:
    sitemap = (build_org("trust") / "sitemap.xml").read_text(encoding="utf-8")
    assert "/guide/" not in sitemap and "noindex" in (build_org("trust") / "guide" / "index.html").read_text()
    assert "/values/" in sitemap and "/contact/" in sitemap
