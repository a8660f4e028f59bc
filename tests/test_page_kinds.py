"""One page registry: every kind of page is named once (pages.KINDS), with its template and, for a
page the site has once, its source and menu words; paging rules are keyed on those names.

Checked on the three fixture organisations, which between them have every kind of page.
"""

from __future__ import annotations

import pytest

from conftest import ORG_KINDS, ROOT, fixture_project
from engagement_hub.output.site import HubSite
from engagement_hub.pages.pages import BUILDERS, KINDS, NAMED, Page
from engagement_hub.pages.paging import PER_PAGE, RULES, paginate

TEMPLATES = ROOT / "theme_overrides" / "hub"
# Templates that draw no page of their own: parts other templates import, the feed, the preview's problems page
# and the notice at a moved page's former address (moved.py).
NOT_PAGES = {"charts.html", "components.html", "downloads.html", "board-paper.html", "goal-report.html", "feed.xml",
             "problems.html", "moved.html"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, HubSite]:
    out = {}
    for kind in ORG_KINDS:
        root = fixture_project(kind, tmp_path_factory.mktemp(kind) / "project")
        out[kind] = HubSite.load(root, template_dir=TEMPLATES, content_dir=root / "content")
    return out


def test_every_kind_has_its_template_and_every_page_template_a_kind() -> None:
    page_templates = {p.name for p in TEMPLATES.glob("*") if p.is_file()} - NOT_PAGES
    assert {kind.template for kind in KINDS.values()} == page_templates
    assert len({kind.template for kind in KINDS.values()}) == len(KINDS)  # one kind, one template


def test_every_kind_is_made_for_some_organisation(sites: dict[str, HubSite]) -> None:
    """No kind is dead: the fixtures between them have a page of every kind, and no page of any other."""
    made = {page.kind for site in sites.values() for page in site.pages.values()}
    # No fixture has 50 pledges on a list (see the next test), 50 channels (test_channel_kind_pages.py) nor a
    # year of more than YEAR_GOALS goals (test_long_year_report.py).
    assert made == set(KINDS) - {"pledge-list", "ways", "year-goals"}


def test_a_long_list_continues_on_pages_of_the_pledge_list_kind() -> None:
    class Value:
        name = "Compassion"
    pledges = [object() for _ in range(PER_PAGE + 1)]
    pages = paginate([Page("values/compassion.md", "Compassion", "value", {"value": Value(), "pledges": pledges})])
    assert [page.kind for page in pages] == ["value", "pledge-list"]
    assert pages[1].template == KINDS["pledge-list"].template


def test_a_single_page_lives_where_the_registry_says(sites: dict[str, HubSite]) -> None:
    for site in sites.values():
        for src, page in site.pages.items():
            if KINDS[page.kind].src:
                assert src == NAMED[page.kind] or page.kind == "pledges-by-maker", src  # its own numbered pages
        menu_srcs = {src for src in site.pages if site.in_nav(src)}
        assert {NAMED[name] for name, kind in KINDS.items() if kind.menu} & set(site.pages) <= menu_srcs


def test_one_builder_per_kind() -> None:
    assert set(BUILDERS) == set(KINDS) - {"pledge-list", "year-goals"}  # made by paging.py from the page a list belongs to


def test_paging_rules_are_keyed_on_kinds() -> None:
    assert set(RULES) <= set(KINDS)


def test_a_paging_rule_for_a_list_a_page_does_not_have_stops_the_build() -> None:
    """A rule naming a list no page of its kind has would do nothing, silently; it fails instead."""
    page = Page("progress/2025-26.md", "Progress in 2025/26", "year", {"new_pledges": []})

    class Year:
        label = "2025/26"
    page = Page(page.src, page.title, page.kind, {**page.context, "year": Year()})
    with pytest.raises(KeyError, match="completed_pledges"):
        paginate([page])


def test_a_page_of_an_unknown_kind_has_no_template() -> None:
    with pytest.raises(KeyError):
        _ = Page("x.md", "X", "no-such-kind").template
