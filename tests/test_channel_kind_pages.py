"""Many ways to take part: the Get involved page stays small, and each kind of channel gets its own page.

Built from the fixture trust with its 14 channels copied up to 200 in three kinds (120, 60 and 20 of them):
past PER_PAGE channels, Get involved shows a few of each kind and links to
``get-involved/ways/<kind>/``; a kind of more than PER_PAGE continues on numbered pages. The fixture
trust itself, with few channels, is the negative: no kind pages, every card on Get involved.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, fixture_project, on_the_fixture_trust, page_reader, run_build
from engagement_hub.output.site import HubSite
from engagement_hub.pages import ways
from engagement_hub.pages.pages import Page
from engagement_hub.pages.paging import PER_PAGE, page_number, paginate

site, page = on_the_fixture_trust()

TEMPLATES = ROOT / "theme_overrides" / "hub"
BUDGET = 200_000  # bytes of HTML on any page (bench/run.py, issue 18)
SIZES = {"nhs": 120, "governance": 60, "primary-care": 20}  # 200 channels in three kinds


def many_channels(root: Path) -> Path:
    """The fixture trust's channels, each kept (opportunities and about.md name them) and put in one of the
    three kinds, topped up with copies of the first."""
    path = root / "data" / "channels.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    originals = [{**c, "kind": c["kind"] if c["kind"] in SIZES else "nhs"} for c in doc["channels"]]
    copies = []
    for kind, size in SIZES.items():
        have = sum(1 for c in originals if c["kind"] == kind)
        for n in range(size - have):
            channel = copy.deepcopy(originals[0])
            channel.update(id=f"{kind}-copy-{n + 1}", name=f"{channel['name']} {kind} {n + 1}", kind=kind)
            copies.append(channel)
    doc["channels"] = originals + copies
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return many_channels(fixture_project("trust", tmp_path_factory.mktemp("many-channels") / "project"))


@pytest.fixture(scope="module")
def big(big_project: Path) -> HubSite:
    return HubSite.load(big_project, template_dir=TEMPLATES, content_dir=big_project / "content")


@pytest.fixture(scope="module")
def big_site(big_project: Path) -> Path:
    out = big_project.parent / "site"
    result = run_build(big_project, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def big_page(big_site: Path) -> Callable[[str], BeautifulSoup]:
    return page_reader(big_site)


def kind_pages(hub_site: HubSite) -> list[Page]:
    return [p for p in hub_site.pages.values() if p.kind == "ways"]


def test_the_data_has_as_many_channels_as_meant(big: HubSite) -> None:
    assert Counter(c.kind for c in big.hub.channels) == SIZES
    assert ways.apart(big.hub)


def test_one_more_than_fits_is_what_sends_channels_to_their_kind_pages(big: HubSite) -> None:
    hub = big.hub
    assert not ways.apart(replace(hub, channels=hub.channels[:PER_PAGE]))
    assert ways.apart(replace(hub, channels=hub.channels[:PER_PAGE + 1]))


def test_get_involved_shows_a_few_of_each_kind_within_budget(big: HubSite, big_site: Path,
                                                               big_page: Callable[[str], BeautifulSoup]) -> None:
    groups = big.pages["get-involved/index.md"].context["channels_by_kind"]
    assert sum(len(shown) for _, shown in groups) <= PER_PAGE
    assert all(len(shown) >= 1 and shown.total == SIZES[kind.id] for kind, shown in groups)
    assert (big_site / "get-involved" / "index.html").stat().st_size < BUDGET
    links = {a.get_text(" ", strip=True): a["href"] for a in big_page("get-involved/").select(".hub-more a")}
    for kind, _ in groups:
        assert links[f"All {SIZES[kind.id]} ways to take part: {kind.name}"].endswith(f"ways/{kind.id}/")


def test_no_page_passes_the_budget(big_site: Path) -> None:
    sizes = {str(p.relative_to(big_site)): p.stat().st_size for p in big_site.rglob("*.html")}
    assert max(sizes.values()) < BUDGET, max(sizes.items(), key=lambda kv: kv[1])


def test_every_channel_is_on_exactly_one_kind_page(big: HubSite) -> None:
    listed = Counter(c.id for p in kind_pages(big) for c in p.context["channels"])
    assert listed == Counter(c.id for c in big.hub.channels)
    assert set(listed.values()) == {1}


def test_kind_pages_are_out_of_the_menu_and_a_long_kind_has_a_pager(big: HubSite) -> None:
    pages = kind_pages(big)
    assert pages and not any(big.in_nav(p.src) for p in pages)
    by_src = {p.src: p for p in pages}
    nhs = by_src["get-involved/ways/nhs.md"]
    assert nhs.context["channels"].pager.count == 3 and nhs.context["channels"].total == 120
    assert by_src["get-involved/ways/nhs/page-3.md"].context["channels"].pager.number == 3
    assert by_src["get-involved/ways/primary-care.md"].context["channels"].pager is None  # 20 fit on one page
    assert all(p.in_search for p in pages)  # each channel is found once: on its kind's pages


def test_every_link_to_a_channel_leads_to_the_page_that_shows_it(big: HubSite) -> None:
    addresses = ways.addresses(big.hub)
    for channel in big.hub.channels:
        src, anchor = addresses[channel.id].split("#")
        assert anchor == f"channel-{channel.id}"
        assert channel in big.pages[src].context["channels"], channel.id
    for opportunity in (p for p in big.pages.values() if p.kind == "opportunity"):
        for channel_id, address in opportunity.context["channel_links"].items():
            assert address == addresses[channel_id]


def test_search_finds_each_channel_once(big_site: Path) -> None:
    """Cards on pages in search, outside parts search ignores: one per channel."""
    found: Counter[str] = Counter()
    for path in big_site.rglob("index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.find(attrs={"data-pagefind-body": True})
        if body is None:
            continue
        for ignored in body.find_all(attrs={"data-pagefind-ignore": True}):
            ignored.decompose()
        found.update(li["id"] for li in body.select("li.hub-channel"))
    assert len(found) == sum(SIZES.values()) and set(found.values()) == {1}


def test_the_built_kind_pages_link_on(big_page: Callable[[str], BeautifulSoup]) -> None:
    first, last = big_page("get-involved/ways/nhs/"), big_page("get-involved/ways/nhs/page-3/")
    assert len(first.select("li.hub-channel")) == PER_PAGE and len(last.select("li.hub-channel")) == 20
    assert first.select_one(".hub-pager a[rel=next]") is not None
    assert "continue the list on" in last.get_text(" ", strip=True)
    assert not any("ways/" in a["href"] for a in first.select("nav.md-nav a[href]"))


@pytest.mark.parametrize("length", [PER_PAGE + 1, 2 * PER_PAGE, 2 * PER_PAGE + 1, 7 * PER_PAGE - 3])
def test_page_number_agrees_with_where_split_puts_each_item(length: int) -> None:
    class Kind:
        name = "Online"
        id = "online"
    items = [object() for _ in range(length)]
    pages = paginate([Page("get-involved/ways/online.md", "Online", "ways", {"kind": Kind(), "channels": items})])
    assert [p.kind for p in pages] == ["ways"] * len(pages) and len(pages) > 1
    for position, item in enumerate(items):
        assert any(x is item for x in pages[page_number(position) - 1].context["channels"])


def test_the_fixture_trust_has_no_kind_pages(site: Path, page: Callable[[str], BeautifulSoup]) -> None:
    """Few channels: Get involved lists every card, searchable, and links to no kind page."""
    assert not (site / "get-involved" / "ways").exists()
    html = page("get-involved/")
    assert html.select("li.hub-channel") and not html.select(".hub-more")
    assert not html.select("[data-pagefind-ignore] li.hub-channel")
    targets = channel_links(site)
    assert targets and {page for page, _ in targets} == {"get-involved/"}


def channel_links(site_dir: Path) -> set[tuple[str, str]]:
    """(page address, anchor) of every link to a channel on the opportunities' pages, each checked to exist."""
    out = set()
    for path in (site_dir / "get-involved" / "opportunities").rglob("index.html"):
        here = f"https://hub.example/{path.parent.relative_to(site_dir).as_posix()}/"
        for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select('a[href*="#channel-"]'):
            target, anchor = urljoin(here, a["href"]).removeprefix("https://hub.example/").split("#")
            html = BeautifulSoup((site_dir / target / "index.html").read_text(encoding="utf-8"), "html.parser")
            assert html.find(id=anchor) is not None, (path, a["href"])
            out.add((target, anchor))
    return out


def test_links_from_opportunities_follow_channels_to_their_kind_pages(big_site: Path) -> None:
    targets = channel_links(big_site)
    assert targets and all(page.startswith("get-involved/ways/") for page, _ in targets)


def test_pledge_continuation_pages_are_as_they_were() -> None:
    """split's new parameters default to what pledge lists had: pledge-list pages, out of search."""
    class Value:
        name = "Compassion"
    pledges = [object() for _ in range(PER_PAGE + 1)]
    first, second = paginate([Page("values/compassion.md", "Compassion", "value", {"value": Value(), "pledges": pledges})])
    assert (second.src, second.kind, second.in_search) == ("values/compassion/pledges-2.md", "pledge-list", False)
    assert set(second.context) == {"pledges", "host"} and second.context["host"].src == first.src
    assert second.title == "Pledges that name Compassion, page 2 of 2"
