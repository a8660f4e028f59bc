"""Opportunities to take part: open, coming up and closed by the build date; their checks, pages,
calendar files, feed entries and open data. Behaviour tests run on the fixture trust
(tests/fixtures/trust) and on opportunities written here into a scratch copy of it; the
repository's own data/ is checked only for what the issue asks of the example: every
channel says how to join, and there are opportunities in every state."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, TEST_DATE, TRUST_DATA, main_text
from engagement_hub.output.site import HubSite
from engagement_hub.reading import load
from engagement_hub.reading import model as m
from engagement_hub.reading import opportunities as op
from engagement_hub.reading.builddate import UK, uk_date
from engagement_hub.reading.source import read_yaml


# Read as the hub reads it (dates stay text), not as PyYAML's loader would (dates become objects).
def opportunities_in(folder: Path) -> list[dict[str, Any]]:
    return read_yaml((folder / "opportunities.yml").read_bytes(), "opportunities.yml")[0].data["opportunities"]


DATA = opportunities_in(TRUST_DATA)
TODAY = date.fromisoformat(TEST_DATE)


def item(**fields: Any) -> dict[str, Any]:
    """One opportunity as written in data/opportunities.yml, with the fields a test does not care about filled in."""
    base = {"id": "test", "title": "A test consultation", "kind": "consultation", "summary": "About a test.",
            "who_for": "Anyone", "opens": "2027-03-01", "closes": "2027-04-30 17:00",
            "how_to_take_part": "Write to us.", "join": {"email": "test@example.org"}, "support": ["Expenses paid"]}
    return {**base, **fields}


def built(**fields: Any) -> m.Opportunity:
    return op.build(item(**fields))


# --- Open, coming up, closed -------------------------------------------------------------------------------

SPRING = built(opens="2027-03-28 09:00", closes="2027-10-31 17:00")  # opens on the day the clocks go forward


@pytest.mark.parametrize("today, expected", [
    (date(2027, 3, 27), "upcoming"),   # the day before it opens
    (date(2027, 3, 28), "open"),       # the day it opens (the clocks went forward that morning)
    (date(2027, 10, 31), "open"),      # the day it closes (the clocks went back that morning)
    (date(2027, 11, 1), "closed"),     # the first nightly build after it closed
])
def test_state_either_side_of_each_boundary(today: date, expected: str) -> None:
    assert op.state(SPRING, today) == expected


@pytest.mark.parametrize("instant, expected", [
    # The nightly build's moment, read as a UK date: around the March clock change...
    (datetime(2027, 3, 27, 23, 30, tzinfo=UTC), "upcoming"),  # 23:30 GMT on the 27th
    (datetime(2027, 3, 28, 0, 30, tzinfo=UTC), "open"),       # 00:30 GMT on the 28th
    (datetime(2027, 3, 28, 23, 30, tzinfo=UTC), "open"),      # 00:30 BST on the 29th
    # ...and the October one: 23:30 UTC on the 31st is 23:30 GMT, still the closing day.
    (datetime(2027, 10, 30, 23, 30, tzinfo=UTC), "open"),     # 00:30 BST on the 31st
    (datetime(2027, 10, 31, 23, 30, tzinfo=UTC), "open"),     # 23:30 GMT on the 31st
    (datetime(2027, 11, 1, 0, 0, tzinfo=UTC), "closed"),      # midnight GMT: 1 November
])
def test_state_follows_the_uk_date_across_the_clock_changes(instant: datetime, expected: str) -> None:
    assert op.state(SPRING, uk_date(instant)) == expected


def test_in_summer_a_build_just_after_uk_midnight_is_the_next_day() -> None:
    summer = built(opens="2027-06-01", closes="2027-07-01")
    assert op.state(summer, uk_date(datetime(2027, 7, 1, 22, 59, tzinfo=UTC))) == "open"    # 23:59 BST
    assert op.state(summer, uk_date(datetime(2027, 7, 1, 23, 0, tzinfo=UTC))) == "closed"   # 00:00 BST on 2 July


def test_times_carry_the_uk_offset_of_their_own_day() -> None:
    assert op.iso(op.parse_when("2027-03-28 00:30")) == "2027-03-28T00:30:00+00:00"
    assert op.iso(op.parse_when("2027-03-28 02:30")) == "2027-03-28T02:30:00+01:00"
    assert op.iso(op.parse_when("2027-10-31 00:30")) == "2027-10-31T00:30:00+01:00"
    assert op.iso(op.parse_when("2027-10-31 02:30")) == "2027-10-31T02:30:00+00:00"
    assert op.iso(op.parse_when("2027-10-31 01:30")) == "2027-10-31T01:30:00+01:00"  # twice that night: the first
    assert op.iso(op.parse_when("2027-01-31"), end=False) == "2027-01-31"
    assert op.when_words(op.parse_when("2027-01-31 17:00")) == "5pm on Sunday 31 January 2027"
    assert op.when_words(op.parse_when("2027-01-31 12:00")) == "midday on Sunday 31 January 2027"
    assert op.when_words(op.parse_when("2027-01-31 09:30")) == "9:30am on Sunday 31 January 2027"


def test_open_soonest_closing_first_coming_up_soonest_first_closed_newest_first() -> None:
    items = [built(id="late", opens="2027-01-01", closes="2027-02-28"),
             built(id="soon", opens="2027-01-10", closes="2027-01-20 09:00"),
             built(id="same-day-later", opens="2027-01-10", closes="2027-01-20 17:00"),
             built(id="next", opens="2027-03-01", closes="2027-04-01"),
             built(id="first", opens="2027-02-01", closes="2027-04-01"),
             built(id="old", opens="2026-01-01", closes="2026-02-01"),
             built(id="recent", opens="2026-10-01", closes="2026-12-01")]
    groups = op.split(items, date(2027, 1, 15))
    assert [o.id for o in groups["open"]] == ["soon", "same-day-later", "late"]
    assert [o.id for o in groups["upcoming"]] == ["first", "next"]
    assert [o.id for o in groups["closed"]] == ["recent", "old"]


def test_the_fixture_trust_has_opportunities_in_every_state_on_the_test_date() -> None:
    """So the behaviour tests on it see every state (data/ is a fork's own, and may have no opportunities)."""
    groups = op.split(tuple(op.build(x) for x in opportunities_in(TRUST_DATA)), TODAY)
    assert groups["open"] and groups["upcoming"] and groups["closed"]
    assert any(o.outcome for o in groups["closed"]) and any(not o.outcome for o in groups["closed"])
    assert any(o.events for o in groups["open"] + groups["upcoming"])


# --- Checks: file, line, field ------------------------------------------------------------------------------


def write(project: Path, *items: dict[str, Any]) -> Path:
    path = project / "data" / "opportunities.yml"
    path.write_text(yaml.safe_dump({"opportunities": list(items)}, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return path


def line_of(path: Path, text: str, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i + 1 for i, line in enumerate(lines) if i + 1 > after and text in line)


def problems(project: Path, today: date = TODAY) -> list[Any]:
    return load.check(project, today)[1]


def test_a_closing_date_before_the_opening_date_is_an_error_on_its_line(project: Path) -> None:
    path = write(project, item(opens="2027-03-01", closes="2027-02-28"))
    found = [p for p in problems(project) if p.severity == "error"]
    assert [(p.file, p.line, p.path) for p in found] == [
        ("data/opportunities.yml", line_of(path, "closes:"), "opportunities[0].closes")]
    assert "closes before it opens" in found[0].message


def test_closing_and_opening_on_the_same_day_is_fine(project: Path) -> None:
    write(project, item(opens="2027-03-01 09:00", closes="2027-03-01 17:00"))
    assert not [p for p in problems(project) if p.file == "data/opportunities.yml"]


def test_an_event_that_ends_before_it_starts_is_an_error(project: Path) -> None:
    path = write(project, item(events=[{"start": "2027-03-10 18:00", "end": "2027-03-10 17:00",
                                        "online": {"how_to_join": "By video."}}]))
    found = [p for p in problems(project) if p.severity == "error"]
    assert [(p.line, p.path) for p in found] == [(line_of(path, "end:"), "opportunities[0].events[0].end")]
    assert "ends before it starts" in found[0].message


def test_an_event_needs_a_place_or_online(project: Path) -> None:
    write(project, item(events=[{"start": "2027-03-10 18:00", "end": "2027-03-10 19:00"}]))
    found = [p for p in problems(project) if p.severity == "error"]
    assert [p.path for p in found] == ["opportunities[0].events[0]"] and "place or online" in found[0].message


def test_a_time_that_the_clocks_skip_is_an_error(project: Path) -> None:
    path = write(project, item(opens="2027-03-28 01:30"))
    found = [p for p in problems(project) if p.severity == "error"]
    assert [(p.line, p.path) for p in found] == [(line_of(path, "opens:"), "opportunities[0].opens")]
    assert "does not exist in the UK" in found[0].message


def test_a_date_that_does_not_exist_is_an_error(project: Path) -> None:
    write(project, item(closes="2027-02-30"))
    found = [p for p in problems(project) if p.severity == "error"]
    assert [p.path for p in found] == ["opportunities[0].closes"] and "not a date on the calendar" in found[0].message


def test_unknown_goals_channels_and_years_are_errors_naming_the_field(project: Path) -> None:
    path = write(project, item(goals=["no-such-goal"], channels=["online-panel", "no-such-channel"],
                               outcome={"published": "2027-05-01", "summary": "Done.", "year": "2019/20"}))
    found = sorted((p.line, p.path) for p in problems(project) if p.severity == "error")
    assert found == [(line_of(path, "no-such-goal"), "opportunities[0].goals[0]"),
                     (line_of(path, "no-such-channel"), "opportunities[0].channels[1]"),
                     (line_of(path, "year:"), "opportunities[0].outcome.year")]


def test_an_outcome_dated_before_the_closing_date_is_an_error(project: Path) -> None:
    write(project, item(outcome={"published": "2027-04-01", "summary": "Done."}))
    assert [p.path for p in problems(project) if p.severity == "error"] == ["opportunities[0].outcome.published"]


def test_a_join_block_with_no_way_to_join_is_an_error(project: Path) -> None:
    write(project, item(join={"label": "Join us"}))
    assert [p.path for p in problems(project) if p.severity == "error"] == ["opportunities[0].join"]


def test_a_closed_opportunity_without_an_outcome_is_a_warning_after_the_set_time(project: Path) -> None:
    path = write(project, item(closes="2027-04-30"))
    closed = date(2027, 4, 30)
    assert not [p for p in problems(project, closed + timedelta(days=op.OUTCOME_DAYS))
                if p.file == "data/opportunities.yml"]
    found = [p for p in problems(project, closed + timedelta(days=op.OUTCOME_DAYS + 1))
             if p.file == "data/opportunities.yml"]
    assert [(p.severity, p.line, p.path) for p in found] == [("warning", line_of(path, "id: test"),
                                                              "opportunities[0]")]
    assert "does not say what happened" in found[0].message
    write(project, item(closes="2027-04-30", outcome={"published": "2027-05-01", "summary": "Done."}))
    assert not [p for p in problems(project, closed + timedelta(days=400)) if p.file == "data/opportunities.yml"]


def test_a_channel_with_no_way_to_join_is_a_warning_with_file_line_and_field(project: Path) -> None:
    path = project / "data" / "channels.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    del doc["channels"][2]["join"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    found = [p for p in problems(project) if p.file == "data/channels.yml"]
    channel = doc["channels"][2]["id"]
    assert [(p.severity, p.line, p.path) for p in found] == [
        ("warning", line_of(path, f"id: {channel}"), "channels[2]")]
    assert f"'{channel}' does not say how to join" in found[0].message


def test_every_channel_of_the_fixture_trust_says_how_to_join() -> None:
    hub, found = load.check(TRUST_DATA.parent, TODAY)
    assert hub is not None
    assert not [p for p in found if p.file == "data/channels.yml"]
    for channel in hub.channels:
        assert channel.join and (channel.join.url or channel.join.email or channel.join.phone or channel.join.contact)
        assert channel.involves and channel.support and channel.reaches, channel.id


# --- The site, with and without opportunities ---------------------------------------------------------------


def hub_site(root: Path, today: date = TODAY) -> HubSite:
    return HubSite.load(root, template_dir=ROOT / "theme_overrides" / "hub", content_dir=root / "content",
                        today=today)


def test_without_an_opportunities_file_there_is_no_section_calendar_or_table(project: Path) -> None:
    (project / "data" / "opportunities.yml").unlink()
    site = hub_site(project)
    assert not [src for src in site.pages if "opportunities/" in src]
    files = site.generated_files()
    assert not [f for f in files if f.startswith("calendar/") or "opportunities." in f]
    page = site.render("get-involved/index.md")
    assert 'id="open-now"' not in page and 'id="channel-online-panel"' in page
    assert 'id="open-now"' not in site.render("index.md")
    assert feedparser.parse(files["feed.xml"]).version == "atom10"


def test_an_opportunity_moves_to_closed_on_the_first_build_after_it_closes(project: Path) -> None:
    write(project, item(opens="2027-03-01", closes="2027-04-30 17:00"))
    states = {}
    for today in (date(2027, 2, 28), date(2027, 3, 1), date(2027, 4, 30), date(2027, 5, 1)):
        site = hub_site(project, today)
        get_involved = BeautifulSoup(site.render("get-involved/index.md"), "html.parser")
        section = get_involved.select_one("#opportunity-test").find_previous("h2")["id"]
        home = 'id="opportunity-test"' in site.render("index.md")
        states[today.isoformat()] = (section, home, site.pages["get-involved/opportunities/test.md"].context["state"])
    assert states == {"2027-02-28": ("coming-up", False, "upcoming"), "2027-03-01": ("open-now", True, "open"),
                      "2027-04-30": ("open-now", True, "open"), "2027-05-01": ("closed", False, "closed")}


def test_the_same_data_and_date_give_the_same_bytes_and_another_date_may_not(project: Path) -> None:
    one, two = hub_site(project), hub_site(project)
    assert one.generated_files() == two.generated_files()
    assert [one.render(src) for src in one.pages] == [two.render(src) for src in two.pages]
    later = hub_site(project, date(2027, 6, 1))
    assert later.render("get-involved/index.md") != one.render("get-involved/index.md")


HOSTILE = '</script><script>alert(1)</script> & "quotes" <b>'


def test_text_from_data_cannot_break_out_of_the_structured_data(project: Path) -> None:
    write(project, item(title=HOSTILE, kind="event", events=[
        {"start": "2027-03-10 18:00", "end": "2027-03-10 20:00",
         "place": {"name": HOSTILE, "address": ["1 Road"], "access": "Step-free."}}]))
    html = hub_site(project).render("get-involved/opportunities/test.md")
    soup = BeautifulSoup(html, "html.parser")
    blocks = soup.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    assert html.count("</script>") == 1 and "<script>alert" not in html
    data = json.loads(blocks[0].string)
    assert data["name"] == HOSTILE and data["location"]["name"] == HOSTILE
    assert not soup.select("script:not([type])")


def test_the_feed_escapes_text_from_data(project: Path) -> None:
    write(project, item(title=HOSTILE, opens="2026-11-01"))
    parsed = feedparser.parse(hub_site(project).generated_files()["feed.xml"])
    assert not parsed.bozo, parsed.bozo_exception
    assert any(e.title.endswith(HOSTILE) for e in parsed.entries)


# --- The fixture trust's site, as built ---------------------------------------------------------------------------


def example_groups() -> dict[str, list[m.Opportunity]]:
    return op.split(tuple(op.build(x) for x in DATA), TODAY)


def test_get_involved_lists_open_coming_up_and_closed_in_order(trust_page) -> None:
    soup = trust_page("get-involved/")
    for section, state in (("open-now", "open"), ("coming-up", "upcoming"), ("closed", "closed")):
        listed = soup.select_one(f"h2#{section}").find_next("ul").select("li.hub-opportunity")
        assert [li["id"] for li in listed] == [f"opportunity-{o.id}" for o in example_groups()[state]], section
    closed = soup.select_one("h2#closed").find_next("ul")
    for o in example_groups()["closed"]:
        text = " ".join(closed.select_one(f"#opportunity-{o.id}").get_text(" ").split())
        assert "What happened" in text
        if o.outcome:
            assert o.outcome.summary.split(".")[0] in text


def test_the_home_page_lists_only_what_is_open(trust_page) -> None:
    listed = [li["id"] for li in trust_page("").select("li.hub-opportunity")]
    assert listed == [f"opportunity-{o.id}" for o in example_groups()["open"]]


def test_each_opportunity_page_says_how_to_take_part_and_offers_its_calendar(trust_site: Path, trust_page) -> None:
    for raw in DATA:
        url = f"get-involved/opportunities/{raw['id']}/"
        soup = trust_page(url)
        text = main_text(soup)
        assert raw["title"] in soup.h1.get_text() and raw["who_for"] in text
        for line in raw["support"]:
            assert line in text
        ics = soup.select_one("h2#add-to-calendar").find_next("a")
        assert (trust_site / url / ics["href"]).resolve() == (trust_site / "calendar" / f"{raw['id']}.ics").resolve()
        blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
        assert len(blocks) == len(raw.get("events", []))
        for block, event in zip(blocks, raw.get("events", []), strict=True):
            start = datetime.fromisoformat(block["startDate"])
            assert start == datetime.fromisoformat(event["start"]).replace(tzinfo=UK)
            assert block["@type"] == "Event" and start.utcoffset() is not None


def test_external_links_say_they_leave_the_site(trust_page) -> None:
    soup = trust_page("get-involved/")
    external = [a for a in soup.select("article a[href^='http']")
                if not a["href"].startswith("https://engagement.example.org/")]
    assert external
    for link in external:
        assert "(another website)" in link.get_text(" "), link
    for link in soup.select("article a[href^='mailto:'], article a[href^='tel:']"):
        assert "another website" not in link.get_text(" ")


def test_each_channel_on_get_involved_shows_how_to_join(trust_page) -> None:
    soup = trust_page("get-involved/")
    for li in soup.select("li.hub-channel"):
        join = li.select_one(".hub-join")
        assert join is not None, li["id"]
        assert join.select("a[href]") or "Contact" in join.get_text(), li["id"]
        assert "Who it is for" in li.get_text() and "What it involves" in li.get_text()


# --- Calendar -------------------------------------------------------------------------------------------


def calendar(site: Path, name: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site / "calendar" / name).read_bytes())


def test_each_calendar_parses_back_to_the_same_events(trust_site: Path) -> None:
    everything: set[str] = set()
    for raw in DATA:
        cal = calendar(trust_site, f"{raw['id']}.ics")
        events = cal.walk("VEVENT")
        timed = any(isinstance(e.decoded("DTSTART"), datetime) for e in events)
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == (["Europe/London"] if timed else [])
        sessions = [e for e in events if not str(e["UID"]).endswith("-closes@engagement.example.org")]
        assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in sessions] == [
            (datetime.fromisoformat(x["start"]).replace(tzinfo=UK), datetime.fromisoformat(x["end"]).replace(tzinfo=UK))
            for x in raw.get("events", [])]
        for event in sessions:
            assert event.decoded("DTSTART").tzinfo.key == "Europe/London"
        closing = [e for e in events if e not in sessions]
        if raw["kind"] == "consultation":
            assert len(closing) == 1
            alarm = closing[0].walk("VALARM")
            assert len(alarm) == 1 and alarm[0].decoded("TRIGGER") == -timedelta(days=2)
        everything |= {str(e["UID"]) for e in events}
    together = calendar(trust_site, "all.ics")
    assert {str(e["UID"]) for e in together.walk("VEVENT")} == everything
    assert len(everything) == len(together.walk("VEVENT"))  # every UID is unique


def test_calendar_uids_are_stable_when_other_data_changes(project: Path) -> None:
    before = hub_site(project).generated_files()["calendar/spring-listening-event.ics"]
    path = project / "data" / "opportunities.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Spring listening event on health equity",
                                                             "Spring listening event"), encoding="utf-8")
    after = hub_site(project).generated_files()["calendar/spring-listening-event.ics"]
    assert before != after
    uids = [sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(x).walk("VEVENT")) for x in (before, after)]
    assert uids[0] == uids[1]


# --- Feed -----------------------------------------------------------------------------------------------


def test_the_feed_is_atom_newest_first_with_the_right_entries(trust_site: Path) -> None:
    parsed = feedparser.parse((trust_site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    days = [e.updated_parsed[:3] for e in parsed.entries]
    assert days == sorted(days, reverse=True)
    titles = [e.title for e in parsed.entries]
    expected = {f"{m.OPPORTUNITY_KIND_WORDS[x['kind']]}: {x['title']}" for x in DATA
                if x.get("announced", x["opens"][:10]) <= TEST_DATE}
    expected |= {f"What happened: {x['title']}" for x in DATA if x.get("outcome")}
    for path in sorted((TRUST_DATA / "progress").glob("*.yml")):
        year = yaml.safe_load(path.read_text(encoding="utf-8"))
        if year["status"] == "published":
            expected.add(f"Our report for {year['year']}")
    pledges = yaml.safe_load((TRUST_DATA / "pledges.yml").read_text(encoding="utf-8"))["pledges"]
    # One entry per pledge that has news: its latest update (a dated history, or the older single update).
    updates = [p for p in pledges if p.get("updates") or "update" in p]
    assert {t for t in titles if not t.startswith("Pledge update")} == expected
    assert len([t for t in titles if t.startswith("Pledge update")]) == len(updates)
    assert not [x for x in DATA if x.get("announced", x["opens"][:10]) > TEST_DATE and
                f"{m.OPPORTUNITY_KIND_WORDS[x['kind']]}: {x['title']}" in titles]
    for entry in parsed.entries:
        assert entry.link.startswith("https://engagement.example.org/")
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)


def test_every_page_links_the_feed_in_its_head_and_footer(trust_site: Path) -> None:
    for path in [trust_site / "index.html", trust_site / "get-involved" / "index.html", trust_site / "404.html",
                 *sorted((trust_site / "get-involved" / "opportunities").glob("*/index.html"))]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        head = soup.head.select_one('link[rel="alternate"][type="application/atom+xml"]')
        assert head is not None and head["href"].endswith("feed.xml"), path
        assert any(a["href"].endswith("feed.xml") for a in soup.select("footer a[href]")), path


# --- Open data ------------------------------------------------------------------------------------------


def test_open_data_has_the_opportunities_table(trust_site: Path) -> None:
    rows = json.loads((trust_site / "open-data" / "opportunities.json").read_text(encoding="utf-8"))["rows"]
    assert [(r["opportunity_id"], r["title"], r["kind"], r["goal_ids"]) for r in rows] == [
        (x["id"], x["title"], x["kind"], x.get("goals", [])) for x in DATA]
    assert (trust_site / "open-data" / "opportunities.csv").read_text(encoding="utf-8").startswith("opportunity_id,")
    for row, raw in zip(rows, DATA, strict=True):
        assert datetime.fromisoformat(row["opens"]).date().isoformat() == raw["opens"][:10]
        assert row["outcome_summary"] == raw.get("outcome", {}).get("summary", "")


def test_open_data_says_how_to_join_each_channel(trust_site: Path) -> None:
    rows = json.loads((trust_site / "open-data" / "channels.json").read_text(encoding="utf-8"))["rows"]
    hub, _ = load.check(TRUST_DATA.parent, TODAY)
    assert hub is not None
    assert [(r["channel_id"], r["join_url"], r["join_email"], r["join_phone"], r["join_contact"]) for r in rows] == [
        (c.id, c.join.url, c.join.email, c.join.phone, c.join.contact) for c in hub.channels if c.join]


@pytest.mark.parametrize(("field", "value"), [("closes", "9999-12-31 17:00"), ("closes", "9999-12-31"),
                                              ("opens", "0001-01-01"), ("opens", "1899-12-31 09:00")])
def test_a_year_far_from_any_hub_date_is_an_error_on_its_line_not_a_crash(project: Path, field: str,
                                                                          value: str) -> None:
    """9999-12-31 passed the pattern and the calendar, then '90 days after it closed' ran off the calendar."""
    path = write(project, item(**{field: value}))
    found = [(p.line, p.path) for p in problems(project)
             if p.severity == "error" and "dates here are between 1900 and 2199" in p.message]
    assert found == [(line_of(path, f"{field}:"), f"opportunities[0].{field}")]


def test_an_event_in_the_year_one_is_an_error_not_a_calendar_that_cannot_be_built(project: Path) -> None:
    path = write(project, item(events=[{"start": "0001-01-01 18:00", "end": "2027-03-10 19:00",
                                        "online": {"how_to_join": "By video."}}]))
    found = [(p.line, p.path) for p in problems(project) if p.severity == "error"]
    assert (line_of(path, "start:"), "opportunities[0].events[0].start") in found


@pytest.mark.parametrize("value", ["1900-01-01 00:00", "2199-12-31 23:59", "2027-04-30"])
def test_the_first_and_last_years_a_hub_date_may_have_are_accepted(project: Path, value: str) -> None:
    """The negative case: the bounds themselves are dates, and build (the calendar file too)."""
    write(project, item(opens="1900-01-01", closes=value if value > "1900-01-01" else "1900-01-02"))
    assert not [p for p in problems(project) if p.severity == "error"]
