"""The "What's new" feed exists only when it has something in it. An organisation with nothing dated to
announce (the fixture patients' group: no opportunities, no year reports, no pledges) gets no feed.xml, and
no page links one: not the head, not the footer, not the Get involved page. The same rule as a download
with no rows. The fixture trust, which has news, gets the feed on every page (the negative)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, TEST_DATE, fixture_project
from engagement_hub.output.site import HubSite
from engagement_hub.output.sitedata import site_data
from engagement_hub.pages.feed import FEED_PATH
from engagement_hub.pages.moved import addresses as moved_addresses
from engagement_hub.tools.export import config

FEED_LINKS = 'link[type="application/atom+xml"], a[href$="feed.xml"]'


def feed_links(site: Path) -> dict[str, int]:
    """How many links to the feed each built HTML page has, by path; not the notices at moved pages' former
    addresses (in any language's folder), which send the reader on at once and link nothing else (test_moved.py)."""
    notices = tuple(f"{address}index.html" for address in moved_addresses())
    pages = [path.relative_to(site).as_posix() for path in sorted(site.rglob("*.html"))]
    return {relative: len(BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser").select(FEED_LINKS))
            for relative in pages if not any(relative == n or relative.endswith("/" + n) for n in notices)}


def test_a_site_with_nothing_to_announce_has_no_feed_and_no_page_links_one(build_org: Callable[[str], Path]) -> None:
    site = build_org("group")
    assert not (site / FEED_PATH).exists()
    links = feed_links(site)
    assert len(links) > 5 and "404.html" in links and "get-involved/index.html" in links
    assert {path: count for path, count in links.items() if count} == {}


def test_a_site_with_news_has_the_feed_linked_from_every_page(trust_site: Path) -> None:
    assert (trust_site / FEED_PATH).is_file()
    links = feed_links(trust_site)
    # Every page links it twice (head and footer); Get involved a third time, beside the calendar.
    assert [path for path, count in links.items() if count < 2] == []
    assert links["get-involved/index.html"] == 3


def load(root: Path) -> HubSite:
    return HubSite.load(root, template_dir=ROOT / "theme_overrides" / "hub", content_dir=root / "content")


def announce(root: Path, announced: str) -> None:
    """One opportunity, opening after the test date and announced on ``announced``."""
    (root / "data" / "opportunities.yml").write_text(yaml.safe_dump({"opportunities": [{
        "id": "spring-survey", "title": "Spring survey", "kind": "survey", "summary": "What should we ask about?",
        "who_for": "Anyone", "opens": "2027-03-01", "closes": "2027-04-30 17:00", "announced": announced,
        "how_to_take_part": "Answer online.", "join": {"email": "survey@example.org"}, "support": ["Paper copies"],
    }]}), encoding="utf-8")


@pytest.mark.parametrize("announced, has_feed", [
    ("2027-02-01", False),  # listed as coming up, but not announced until after the build date: not news yet
    (TEST_DATE, True),      # announced on the build date: the feed's first entry
])
def test_the_feed_comes_with_its_first_entry(tmp_path: Path, announced: str, has_feed: bool) -> None:
    root = fixture_project("group", tmp_path / "project")
    announce(root, announced)
    site = load(root)
    assert (FEED_PATH in site.generated_files()) is has_feed
    get_involved = BeautifulSoup(site.render("get-involved/index.md"), "html.parser")
    assert get_involved.select_one('a[href$="calendar/all.ics"]') is not None  # the calendar either way
    assert bool(get_involved.select('a[href$="feed.xml"]')) is has_feed
    # The export gives another engine the same answer for its pages' head and footer.
    assert config(site_data(site, root / "content"), {})["extra"]["hub_feed"] == (FEED_PATH if has_feed else "")


@pytest.mark.parametrize("kind", ["trust", "network"])
@pytest.mark.parametrize("keep", [1, 2, 3, 5])
def test_the_feed_keeps_the_newest_entries_whatever_it_leaves_out_early(
        kind: str, keep: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The feed writes titles only for the newest pledge updates (a network has thousands): with room for
    ``keep`` entries, on every build date the data has, it lists what sorting every entry would list."""
    from datetime import date

    from engagement_hub.pages import feed
    from engagement_hub.reading.load import load

    hub = load(fixture_project(kind, tmp_path / "project"), include_drafts=True)
    days = sorted({p.update_date for p in hub.pledges if p.update_date})
    assert len(days) > 1
    for day in [date.fromisoformat(d) for d in [*days, TEST_DATE]]:
        monkeypatch.setattr(feed, "MAX_ENTRIES", 10_000)
        everything = feed.entries(hub, day)
        monkeypatch.setattr(feed, "MAX_ENTRIES", keep)
        assert feed.entries(hub, day) == everything[:keep]
