"""A year's report with many goals: online, the goal reports after the first paging.YEAR_GOALS continue on
numbered pages, each report shown once and every link to one leading to it; the board pack's print build
(whole_reports) keeps the whole report on the year's page, as it was before the split.

Checked on the fixture network and the fixture trust, given more goals than fit one page.
"""

from __future__ import annotations

import copy
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from conftest import ROOT, build_env, chromium_path, examples, fixture_project, run_build
from engagement_hub.output.boardpack import CONTINUES, split_reports
from engagement_hub.output.site import HubSite
from engagement_hub.pages.addresses import url_of
from engagement_hub.pages.pages import Page
from engagement_hub.pages.paging import YEAR_GOALS, paginate

TEMPLATES = ROOT / "theme_overrides" / "hub"


def with_goals(kind: str, count: int, dest: Path) -> Path:
    """The fixture organisation ``kind`` with goals added to make ``count``, each reported in every year.

    Its years become drafts (previews show them) without snapshots: adding goals to a published year needs a
    correction in each one, which is not what these tests are about (test_published_record.py is)."""
    root = fixture_project(kind, dest)
    strategy_path = root / "data" / "strategy.yml"
    strategy = yaml.safe_load(strategy_path.read_text(encoding="utf-8"))
    model = {k: v for k, v in strategy["goals"][0].items() if k != "measures"}
    have = len(strategy["goals"])
    strategy["goals"] += [{**copy.deepcopy(model), "id": f"added-{n}", "number": n, "title": f"Aim number {n}"}
                          for n in range(have + 1, count + 1)]
    strategy_path.write_text(yaml.safe_dump(strategy, sort_keys=False, allow_unicode=True), encoding="utf-8")
    shutil.rmtree(root / "data" / "published", ignore_errors=True)
    for path in (root / "data" / "progress").glob("*.yml"):
        year = yaml.safe_load(path.read_text(encoding="utf-8"))
        year["status"] = "draft"
        year.pop("reviewed_by_board", None)
        year.pop("corrections", None)
        year["goals"] += [{"goal": f"added-{n}", "status": "on-track" if n % 2 else "at-risk",
                           "narrative": f"Story of aim {n} in {year['year']}."} for n in range(have + 1, count + 1)]
        path.write_text(yaml.safe_dump(year, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


def goal_anchors(root: Path) -> list[str]:
    """Each goal's report's id, in the goals' order."""
    goals = yaml.safe_load((root / "data" / "strategy.yml").read_text(encoding="utf-8"))["goals"]
    return [f"goal-{g['id']}" for g in sorted(goals, key=lambda g: g["number"])]


def load(root: Path, *, whole_reports: bool = False) -> HubSite:
    return HubSite.load(root, template_dir=TEMPLATES, content_dir=root / "content", preview=True,
                        whole_reports=whole_reports)


def year_pages(site: HubSite) -> dict[str, list[str]]:
    """Each year page's source, with its goal-report pages in order (the year page first)."""
    out: dict[str, list[str]] = {}
    for src, page in site.pages.items():
        if page.kind == "year":
            out[src] = [src]
        elif page.kind == "year-goals":
            out[page.context["host"].src].append(src)
    return out


def soup(site: HubSite, src: str) -> BeautifulSoup:
    return BeautifulSoup(site.render(src), "html.parser")


def reports_on(page: BeautifulSoup) -> list[str]:
    return [h["id"] for h in page.select("section.hub-goal-report > h2") if h["id"].startswith("goal-")]


def target(src: str, href: str) -> tuple[str, str]:
    """The page address and fragment a link on the page ``src`` leads to."""
    path, _, fragment = href.partition("#")
    here = url_of(src)
    return (posixpath.normpath(posixpath.join(here, path)) + "/" if path else here).lstrip("./"), fragment


class _Goal:
    def __init__(self, number: int) -> None:
        self.id, self.number = f"g{number}", number


class _Year:
    label = "2025/26"


@settings(max_examples=examples(40), deadline=None)
@given(count=st.integers(min_value=0, max_value=6 * YEAR_GOALS + 3), whole=st.booleans())
def test_any_number_of_goals_is_split_into_pages_that_hold_each_report_once(count: int, whole: bool) -> None:
    """Any count, on the page function alone: each page holds at most YEAR_GOALS reports (all of them in the
    print build), the pages together hold every report once and in order, and the year page knows where each is."""
    rows = [{"goal": _Goal(n)} for n in range(1, count + 1)]
    year = Page("progress/2025-26.md", "Progress in 2025/26", "year",
                {"year": _Year(), "previous": None, "rows": rows, "reports": rows,
                 "new_pledges": [], "completed_pledges": []})
    pages = paginate([year], whole_reports=whole)
    first, parts = pages[0], [p for p in pages if p.kind in ("year", "year-goals")]
    assert [p.kind for p in parts] == ["year", *["year-goals"] * (len(parts) - 1)]
    shown = [row["goal"].id for part in parts for row in part.context["reports"]]
    assert shown == [row["goal"].id for row in rows]
    assert first.context["rows"] == rows  # the summary still has every goal
    if whole or count <= YEAR_GOALS:
        assert len(parts) == 1
    else:
        assert all(len(part.context["reports"]) <= YEAR_GOALS for part in parts)
        assert len(parts) == -(-count // YEAR_GOALS)
    holder = {row["goal"].id: ("" if part is first else part.src) for part in parts for row in part.context["reports"]}
    assert first.context["report_src"] == holder
    for part in parts[1:]:
        assert part.context["year"] is year.context["year"] and part.context["host"].src == year.src


CASES = [("network", YEAR_GOALS + 1), ("trust", 2 * YEAR_GOALS + 3), ("network", 3 * YEAR_GOALS)]


@pytest.fixture(scope="module", params=CASES, ids=[f"{kind}-{count}-goals" for kind, count in CASES])
def long_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, HubSite, Path]:
    kind, count = request.param
    root = with_goals(kind, count, tmp_path_factory.mktemp(f"{kind}{count}") / "project")
    return count, load(root), root


def test_each_goal_is_reported_once_on_the_year_page_or_a_numbered_page_after_it(long_site) -> None:
    count, site, root = long_site
    for year, srcs in year_pages(site).items():
        expected_pages = 1 + -(-(count - YEAR_GOALS) // YEAR_GOALS)
        assert len(srcs) == expected_pages, year
        shown = [reports_on(soup(site, src)) for src in srcs]
        assert [len(ids) for ids in shown] == [min(YEAR_GOALS, count - i * YEAR_GOALS) for i in range(len(srcs))]
        assert [anchor for ids in shown for anchor in ids] == goal_anchors(root)  # in order, each once
        for number, src in enumerate(srcs[1:], start=2):
            assert site.pages[src].title.endswith(f", page {number} of {len(srcs)}")
            assert src == f"{url_of(year)}goal-reports-{number}.md"


def test_the_year_page_still_summarises_every_goal_and_says_where_the_reports_continue(long_site) -> None:
    count, site, _ = long_site
    for year, srcs in year_pages(site).items():
        page = soup(site, year)
        assert len(page.select("table.hub-summary tbody tr")) == count
        continues = page.select_one("div.hub-reports-continue")
        assert continues is not None and str(continues).count("hub-pager__item") >= len(srcs)
        assert f"Showing 1 to {YEAR_GOALS} of {count} goal reports" in continues.get_text(" ")
        assert CONTINUES in site.render(year)


def test_every_link_to_a_goal_report_leads_to_the_page_that_shows_it(long_site) -> None:
    """The summary's status moves, 'starting with goal N', the printed contents and the pagers."""
    _, site, root = long_site
    anchors = set(goal_anchors(root))
    for srcs in year_pages(site).values():
        ids = {url_of(src): set(reports_on(soup(site, src))) | {tag["id"] for tag in soup(site, src).select("[id]")}
               for src in srcs}
        checked = 0
        for src in srcs:
            for a in soup(site, src).select("a[href]"):
                address, fragment = target(src, a["href"])
                if address in ids and fragment:
                    assert fragment in ids[address], (src, a["href"])
                    checked += 1
                if fragment in anchors:
                    assert address in ids, (src, a["href"])
        assert checked >= len(site.pages[srcs[0]].context["rows"])  # the printed contents alone link every goal


def test_a_numbered_page_links_back_to_its_year_and_on_through_the_pages(long_site) -> None:
    _, site, _ = long_site
    for year, srcs in year_pages(site).items():
        for number, src in enumerate(srcs[1:], start=2):
            page = soup(site, src)
            intro = page.select_one("p a")
            assert target(src, intro["href"])[0] == url_of(year)
            pager = page.select_one("nav.hub-pager")
            current = pager.select_one('[aria-current="page"]')
            assert current.get_text() == str(number)
            nxt = pager.select_one('a[rel="next"]')
            assert (nxt is None) == (number == len(srcs))


def test_the_print_build_keeps_every_report_on_the_year_page(long_site) -> None:
    _, web, root = long_site
    whole = load(root, whole_reports=True)
    assert not any(page.kind == "year-goals" for page in whole.pages.values())
    for year in year_pages(web):
        html = whole.render(year)
        assert reports_on(BeautifulSoup(html, "html.parser")) == goal_anchors(root)
        assert CONTINUES not in html
        assert "goal-reports-" not in html  # every link to a report stays on the page
    # Nothing else differs: the same pages, bar the numbered report pages.
    assert set(whole.pages) == {src for src, page in web.pages.items() if page.kind != "year-goals"}


def test_what_changed_says_the_measures_tables_continue_on_the_pages_after(long_site) -> None:
    """'Each goal's measures table below' would send a reader down a page that holds only the first reports."""
    _, web, root = long_site
    whole = load(root, whole_reports=True)
    for year in year_pages(web):
        online = soup(web, year).select_one("p.hub-changes-measures")
        printed = BeautifulSoup(whole.render(year), "html.parser").select_one("p.hub-changes-measures")
        assert online is not None and printed is not None  # both fixtures' goals have measures
        assert "table (starting with goal 1), below and on the pages after this one, shows" in online.get_text()
        assert "table below (starting with goal 1) shows" in printed.get_text()
        assert "pages after" not in printed.get_text()


def test_a_report_that_fits_is_drawn_on_one_page_in_both_builds(tmp_path: Path) -> None:
    """The negative: at YEAR_GOALS goals nothing is split, so the web page is the print page."""
    root = with_goals("network", YEAR_GOALS, tmp_path / "project")
    web, whole = load(root), load(root, whole_reports=True)
    (year,) = year_pages(web)
    assert year_pages(web)[year] == [year]
    assert web.render(year) == whole.render(year)
    assert CONTINUES not in web.render(year)


def board_pack(root: Path, site_dir: Path, out: Path, draft: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.output.boardpack", "--root", str(root),
                           "--site", str(site_dir), "--out", str(out), "--draft", draft],
                          check=False, env=build_env(), capture_output=True, text=True, timeout=600)


def test_the_board_pack_prints_every_goal_from_the_print_build_and_refuses_the_web_build(tmp_path: Path) -> None:
    """make board-pack's way (HUB_PRINT=1): one PDF with every goal's report; from the published build's
    split page it would miss goals, so it stops and says why, and writes nothing."""
    chromium_path()
    count = 2 * YEAR_GOALS + 3
    root = with_goals("trust", count, tmp_path / "project")
    draft = max((root / "data" / "progress").glob("*.yml")).stem
    web, printed = tmp_path / "site", tmp_path / "site-print"
    for site_dir, env in ((web, {}), (printed, {"HUB_PRINT": "1"})):
        result = run_build(root, site_dir, HUB_PREVIEW="1", **env)
        assert result.returncode == 0, result.stderr

    refused = board_pack(root, web, tmp_path / "refused", draft)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"the report for {draft.replace('-', '/')} continues on further pages" in refused.stderr
    assert "HUB_PRINT=1" in refused.stderr
    assert not list((tmp_path / "refused").glob("*.pdf"))

    result = board_pack(root, printed, tmp_path / "out", draft)
    assert result.returncode == 0, result.stderr
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    reader = PdfReader(pdf)
    strategy = yaml.safe_load((root / "data" / "strategy.yml").read_text(encoding="utf-8"))["goals"]
    named = {f"goal-{g['id']}": f"Goal {g['number']}: {g['title']}" for g in strategy}

    def walk(items: list) -> list[str]:
        return [t for item in items for t in (walk(item) if isinstance(item, list) else ["".join(item.title.split())])]

    # A bookmark per heading (Chromium's outline): every goal's report is in this one document, in order.
    bookmarks = [title for title in walk(reader.outline) if title.startswith("Goal")]
    assert bookmarks == ["".join(named[anchor].split()) for anchor in goal_anchors(root)]
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "goal reports" not in text.lower()  # no pager: the report is whole


def test_the_refusal_names_each_split_year_in_a_sentence() -> None:
    site = Path("site")
    assert split_reports(site, ["2025/26"]).startswith("In site, the report for 2025/26 continues on further pages")
    assert "the reports for 2024/25 and 2025/26 continue on" in split_reports(site, ["2024/25", "2025/26"])
    assert "the reports for 2023/24, 2024/25 and 2025/26 continue on" in split_reports(
        site, ["2023/24", "2024/25", "2025/26"])
