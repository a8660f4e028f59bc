"""A year's report is a record: each pledge as it stood on the year's last day, in the counts, the list and the open data.

The property test generates pledge histories over several reporting years and,
for every year, compares three things the hub makes from one source (the
year's page as drawn, its "what changed" counts, and the pledges-by-year open
data) with an oracle that reads the generated histories directly
(tests/pledge_history.py, which shares no code with the hub).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pledge_history import finished_since, stood

from conftest import ROOT, TRUST
from engagement_hub.output.render import Renderer
from engagement_hub.pages import opendata as od
from engagement_hub.pages.pages import build_pages
from engagement_hub.reading import model as m
from engagement_hub.reading.load import load

STATUSES = ("made", "in-progress", "kept", "not-kept")
FIRST_YEAR = 2021
# The fixture trust's organisation, goals and values (never data/, which a fork replaces: it may have no
# progress years); pledges and years are generated.
BASE = load(TRUST)
START = BASE.organisation.year_start_month
TEMPLATE = BASE.years[0]


def bounds(label: str) -> tuple[str, str]:
    first = dt.date(int(label[:4]), START, 1)
    last = dt.date(first.year + 1, START, 1) - dt.timedelta(days=1)
    return first.isoformat(), last.isoformat()


def raw(pledge: m.Pledge) -> dict:
    """The pledge as YAML would hold it, for the independent oracle."""
    return {"date": pledge.date,
            "updates": [{"date": u.date, "status": u.status, "text": u.text} for u in pledge.history]}


@st.composite
def histories(draw: st.DrawFn) -> m.Hub:
    count = draw(st.integers(1, 4))
    labels = [f"{FIRST_YEAR + i}/{(FIRST_YEAR + i + 1) % 100:02d}" for i in range(count)]
    years = tuple(dataclasses.replace(TEMPLATE, label=label, slug=label.replace("/", "-"), reviewed_by_board="")
                  for label in labels)
    span_first = dt.date.fromisoformat(bounds(labels[0])[0]) - dt.timedelta(days=120)
    span_days = (dt.date.fromisoformat(bounds(labels[-1])[1]) - span_first).days + 240
    day = st.integers(0, span_days).map(lambda n: (span_first + dt.timedelta(days=n)).isoformat())
    pledges = []
    for index in range(draw(st.integers(0, 14))):
        made = draw(day)
        steps = draw(st.lists(st.tuples(st.integers(0, 500), st.sampled_from(STATUSES)), max_size=4))
        history, at = [], dt.date.fromisoformat(made)
        for gap, status in steps:
            at += dt.timedelta(days=gap)
            history.append(m.PledgeUpdate(at.isoformat(), status, f"Update {len(history) + 1} on pledge {index}."))
        pledges.append(m.Pledge.with_history(
            tuple(history), id=f"pledge-{index}", text=f"Pledge number {index}.", made_by="A team",
            made_by_kind="trust-team", date=made, value_ids=(BASE.values[0].id,), goal_id=""))
    return dataclasses.replace(BASE, pledges=tuple(pledges), years=years)


def oracle(hub: m.Hub, label: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(id, status, update date) of the pledges new and completed in the year, as of its last day."""
    first, last = bounds(label)
    new, completed = [], []
    for pledge in hub.pledges:
        data = raw(pledge)
        then = stood(data, last)
        if then is None:
            continue
        if first <= pledge.date <= last:
            new.append((pledge.id, then[0], then[1]))
        if (since := finished_since(data, last)) and first <= since:
            completed.append((pledge.id, then[0], then[1]))
    return new, completed


def drawn(hub: m.Hub, label: str) -> tuple[str, list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The year's page as drawn (with its continuation pages): the pledges sentence and each listed card."""
    pages = build_pages(hub)
    renderer = Renderer(hub, ROOT / "theme_overrides" / "hub")
    slug = label.replace("/", "-")
    host = next(p for p in pages if p.src == f"progress/{slug}.md")
    soup = BeautifulSoup(renderer.page(host), "html.parser")
    sentence = " ".join(next(p for p in soup.find_all("p") if p.get_text().startswith("Pledges:")).get_text().split())

    def cards(heading: str, more: str) -> list[tuple[str, str, str]]:
        found = []
        block = soup.select_one(f"h3#{heading}").find_next_sibling(["div", "p"], class_=["hub-pledges", "hub-empty"])
        sources = [block] + [BeautifulSoup(renderer.page(p), "html.parser") for p in pages
                             if p.src.startswith(f"progress/{slug}/{more}-")]
        for source in sources:
            for card in source.select(".hub-pledge"):
                tag = next(c for c in card.select_one("[class*=hub-tag--]")["class"] if c.startswith("hub-tag--"))
                time = card.select_one(".hub-pledge__update time")
                found.append((card["id"].split("pledge-", 1)[1], tag.removeprefix("hub-tag--"),
                              time["datetime"] if time else ""))
        return found

    return sentence, cards("new-pledges", "new-pledges"), cards("completed-pledges", "completed-pledges")


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(histories())
def test_every_years_page_counts_list_and_open_data_agree_with_the_history_as_of_its_last_day(hub: m.Hub) -> None:
    rows = od.rows_of(od.BY_NAME["pledges-by-year"], hub)
    for year in hub.years:
        new, completed = oracle(hub, year.label)
        sentence, new_cards, completed_cards = drawn(hub, year.label)
        assert sorted(new_cards) == sorted(new), year.label
        assert sorted(completed_cards) == sorted(completed), year.label
        kept = sum(1 for _, status, _ in completed if status == "kept")
        not_kept = sum(1 for _, status, _ in completed if status == "not-kept")
        assert kept + not_kept == len(completed)  # a completed pledge stood finished on the last day
        # The sentence's words: "no new", "none completed", and the kept / not kept split only when some were.
        words = (f"Pledges: {len(new) or 'no'} new and {len(completed) or 'none'} completed"
                 + (f" ({kept} kept, {not_kept} not kept)" if completed else "") + f" during {year.label}")
        assert sentence.startswith(words), sentence
        data = [(r["listed_as"], r["pledge_id"], r["status"], r["update_date"]) for r in rows if r["year"] == year.label]
        assert sorted(data) == sorted([("new", *x) for x in new] + [("completed", *x) for x in completed])


def test_a_later_update_does_not_change_an_earlier_years_report() -> None:
    """Made in one year, kept in the next: in progress in the first report, completed in the second."""
    pledge = m.Pledge.with_history(
        (m.PledgeUpdate("2022-01-10", "in-progress", "Half done."), m.PledgeUpdate("2022-05-02", "kept", "Done.")),
        id="p", text="A promise.", made_by="A team", made_by_kind="trust-team", date="2021-06-01",
        value_ids=(BASE.values[0].id,), goal_id="")
    years = tuple(dataclasses.replace(TEMPLATE, label=label, slug=label.replace("/", "-"))
                  for label in ("2021/22", "2022/23"))
    hub = dataclasses.replace(BASE, pledges=(pledge,), years=years)
    sentence, new, completed = drawn(hub, "2021/22")
    assert new == [("p", "in-progress", "2022-01-10")] and completed == []
    assert "1 new and none completed during 2021/22" in sentence
    sentence, new, completed = drawn(hub, "2022/23")
    assert new == [] and completed == [("p", "kept", "2022-05-02")]


@pytest.mark.parametrize("statuses, completed_in", [
    (("kept",), ["2021/22"]),
    (("in-progress", "kept"), ["2021/22"]),
    (("kept", "in-progress"), []),  # reopened before the year ended: not completed that year
    (("kept", "kept"), ["2021/22"]),  # a second note on a kept pledge does not complete it twice
])
def test_a_pledge_is_completed_in_the_year_it_stood_finished(statuses: tuple[str, ...], completed_in: list[str]) -> None:
    history = tuple(m.PledgeUpdate(f"2021-0{5 + i}-01", s, "Note.") for i, s in enumerate(statuses))
    pledge = m.Pledge.with_history(history, id="p", text="A promise.", made_by="A team", made_by_kind="trust-team",
                                   date="2021-04-02", value_ids=(BASE.values[0].id,), goal_id="")
    years = tuple(dataclasses.replace(TEMPLATE, label=label, slug=label.replace("/", "-"))
                  for label in ("2021/22", "2022/23"))
    hub = dataclasses.replace(BASE, pledges=(pledge,), years=years)
    assert [y.label for y in years if drawn(hub, y.label)[2]] == completed_in
