"""The benchmark's synthetic data, and what a large network's site looks like when built from it.

bench/synthetic.py grows the example data to many times its size; the
benchmark is only meaningful if that data passes every check a real
organisation's data must pass. Built at 10x, the site must keep long pledge
lists on numbered pages: no page too heavy for a phone, every pledge still
reachable, and no continuation page in the navigation.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, TRUST, build_env, copy_project
from engagement_hub.reading.load import check

sys.path.insert(0, str(ROOT / "bench"))
import synthetic

MAX_PAGE_BYTES = 200 * 1024


@pytest.mark.parametrize("scale", [1, 10])
def test_synthetic_data_passes_every_check(tmp_path: Path, scale: int) -> None:
    counts = synthetic.generate(scale, tmp_path / "data")
    hub, problems = check(tmp_path)
    assert [p.human() for p in problems] == []
    assert hub is not None
    assert len(hub.pledges) == counts["pledges"] and len(hub.strategy.goals) == counts["goals"]
    assert len(hub.years) == counts["years"] and len(hub.channels) == counts["channels"]


def test_load_is_timed_in_turns_with_pyyaml_reading_the_same_files(tmp_path: Path) -> None:
    import run as bench  # bench/run.py

    project = bench.copy_project(tmp_path / "hub", with_data=False)
    synthetic.generate(1, project / "data")
    load_s, yaml_s = bench.load_seconds(project, repeat=1)
    assert load_s > 0 and yaml_s > 0
    # The floor reads the progress files too: one it cannot read stops it.
    (project / "data" / "progress" / "2099-00.yml").write_text("a: [", encoding="utf-8")
    with pytest.raises(SystemExit, match="yaml"):
        bench.python_run(bench.LOAD_FLOOR, project, str(project))


def test_load_parts_times_the_reader_alone_and_stops_on_a_file_it_cannot_read(tmp_path: Path) -> None:
    """bench/load_parts.py: the check, the reader alone and PyYAML alone, each in fresh processes in turns."""
    import load_parts
    import run as bench

    project = copy_project(tmp_path / "hub", with_data=False)
    synthetic.generate(1, project / "data")
    figures = load_parts.parts(project, repeat=1)
    assert list(figures) == ["check", "reader alone", "PyYAML alone"] and all(s > 0 for s in figures.values())
    # The reader alone is timed only on files it reads without a problem: one with a problem stops it.
    (project / "data" / "progress" / "2099-00.yml").write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="appears twice"):
        bench.python_run(load_parts.READER, project, str(project))


@pytest.mark.parametrize(("load_s", "yaml_s", "verdicts"), [
    (0.9, 1.4, [True, True]), (1.2, 1.4, [False, True]), (0.9, 0.8, [True, False])])
def test_each_load_budget_line_passes_or_fails_on_its_own_figures(load_s: float, yaml_s: float,
                                                                  verdicts: list[bool]) -> None:
    from types import SimpleNamespace

    import run as bench

    checks = bench.load_checks(SimpleNamespace(scale=100, load_s=load_s, yaml_s=yaml_s))
    assert [ok for _, ok, _ in checks] == verdicts
    assert "PyYAML alone" in checks[1][0] and f"{load_s / yaml_s:.2f}" in checks[1][0]


def test_synthetic_data_at_1x_is_the_example_and_grows_with_the_scale(tmp_path: Path) -> None:
    one = synthetic.generate(1, tmp_path / "one" / "data")
    example, _ = check(TRUST)
    assert example is not None
    assert (one["pledges"], one["channels"], one["goals"]) == (
        len(example.pledges), len(example.channels), len(example.strategy.goals))
    ten = synthetic.generate(10, tmp_path / "ten" / "data")
    assert ten["records"] == 10 * one["records"]
    assert ten["pledges"] > 10 * one["pledges"] and ten["goals"] > one["goals"] and ten["years"] > one["years"]


def test_synthetic_data_is_the_same_every_time(tmp_path: Path) -> None:
    synthetic.generate(10, tmp_path / "a")
    synthetic.generate(10, tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yml"))
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


def _soup(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def _card_ids(soup: BeautifulSoup) -> list[str]:
    return [a["id"].removeprefix("pledge-") for a in soup.select("article .hub-pledge")]


def _pager_pages(site: Path, first: str) -> list[str]:
    """Every page of a paginated list, found by following its Next links from the first page."""
    pages, address = [first], first
    while (link := _soup(site, address).select_one('nav.hub-pager a[rel="next"]')) is not None:
        address = _resolve(address, link["href"])
        assert address not in pages, "the pager goes round in a circle"
        pages.append(address)
    return pages


def _resolve(address: str, href: str) -> str:
    parts = [p for p in address.strip("/").split("/") if p]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts) + "/"


def test_no_page_of_a_large_network_is_heavier_than_a_phone_should_load(large_site: tuple[Path, Path]) -> None:
    _, site = large_site
    heavy = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")
             if p.stat().st_size > MAX_PAGE_BYTES}
    assert heavy == {}


def test_every_pledge_is_on_the_who_made_them_pages_once(large_site: tuple[Path, Path]) -> None:
    project, site = large_site
    pledges = yaml.safe_load((project / "data" / "pledges.yml").read_text(encoding="utf-8"))["pledges"]
    pages = _pager_pages(site, "pledges/who-made-them/")
    assert len(pages) > 1, "10x the example should need more than one page of pledges"
    seen = Counter(card for page in pages for card in _card_ids(_soup(site, page)))
    assert set(seen) == {p["id"] for p in pledges}
    assert max(seen.values()) == 1
    status = _soup(site, pages[1]).select_one("nav.hub-pager .hub-pager__status").get_text(" ", strip=True)
    assert re.fullmatch(rf"Showing 51 to 100 of {len(pledges)} pledges\.", status)
    assert _soup(site, pages[1]).select_one('nav.hub-pager a[aria-current="page"]').get_text(strip=True) == "2"


def test_a_long_list_on_a_year_page_continues_on_numbered_pages(large_site: tuple[Path, Path]) -> None:
    project, site = large_site
    pledges = yaml.safe_load((project / "data" / "pledges.yml").read_text(encoding="utf-8"))["pledges"]
    year = max(p.parent.name for p in (site / "progress").glob("20*/index.html"))
    first, last = f"{year[:4]}-04-01", f"{int(year[:4]) + 1}-03-31"
    made = [p["id"] for p in pledges if first <= str(p["date"]) <= last]
    assert len(made) > 50, "the synthetic data should have a long list here"
    soup = _soup(site, f"progress/{year}/")
    assert f"New pledges ({len(made)})" in soup.select_one("#new-pledges").get_text()
    new_section = soup.select_one("#new-pledges").find_next("div", class_="hub-pledges")
    shown_first = [a["id"].removeprefix("pledge-") for a in new_section.select(".hub-pledge")]
    pager = new_section.find_next("nav", class_="hub-pager")
    rest: list[str] = []
    address = _resolve(f"progress/{year}/", pager.select_one('a[rel="next"]')["href"])
    for page in _pager_pages(site, address):
        page_soup = _soup(site, page)
        assert page_soup.select_one("h1").get_text().startswith(f"New pledges in {year[:4]}/")
        rest += _card_ids(page_soup)
    assert shown_first + rest == made


def test_continuation_pages_stay_out_of_the_navigation_and_the_search(large_site: tuple[Path, Path]) -> None:
    _, site = large_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "who-made-them/page-2" not in home and "new-pledges-2" not in home
    # Pagefind indexes only pages that carry data-pagefind-body (theme_overrides/main.html).
    continuation = [p for p in site.rglob("index.html") if "new-pledges-2" in p.as_posix()]
    assert continuation and not any("data-pagefind-body" in p.read_text(encoding="utf-8") for p in continuation)
    assert "data-pagefind-body" in (site / "pledges" / "who-made-them" / "page-2" / "index.html").read_text(
        encoding="utf-8")  # each pledge is still found once
    indexed = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = sum("data-pagefind-body" in p.read_text(encoding="utf-8") for p in site.rglob("index.html"))
    assert sum(lang["page_count"] for lang in indexed["languages"].values()) == marked


def test_the_build_log_names_no_continuation_page(large_site: tuple[Path, Path]) -> None:
    """Numbered pages are out of the menu by design: listing hundreds of them would bury real messages."""
    project, site = large_site
    log = (project.parent / "build.log").read_text(encoding="utf-8")
    assert (site / "pledges" / "who-made-them" / "page-2" / "index.html").is_file()
    assert "page-2" not in log and "pledges-2" not in log
    assert "not included in the \"nav\"" not in log  # nor the guide, which is out of the menu on purpose


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, server: subprocess.Popen, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in (html := _get(url)):
            return html
        if server.poll() is not None:
            pytest.fail(server.stderr.read().decode(errors="replace"))
        time.sleep(0.1)
    pytest.fail(f"{url} never showed {text!r}")


def test_the_preview_redraws_what_an_edit_changed_and_keeps_the_rest_whole(project: Path) -> None:
    """`make serve` rebuilds with --dirty, trusting the hub to say which pages changed: nothing may go stale."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=build_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_for(base + "contact/", "Contact", server)
        pledges = project / "data" / "pledges.yml"
        pledge = yaml.safe_load(pledges.read_text(encoding="utf-8"))["pledges"][0]
        pledges.write_text(pledges.read_text(encoding="utf-8").replace(pledge["text"], pledge["text"] + " Edited",
                                                                       1), encoding="utf-8")
        value_page = _wait_for(base + f"values/{pledge['values'][0]}/", pledge["text"] + " Edited", server)
        assert pledge["text"] + " Edited" in _get(base + "pledges/who-made-them/")
        assert "Is this page useful?" in value_page  # the whole page, not just the changed part

        strategy = project / "data" / "strategy.yml"
        title = yaml.safe_load(strategy.read_text(encoding="utf-8"))["goals"][0]["title"]
        strategy.write_text(strategy.read_text(encoding="utf-8").replace(f"title: {title}", f"title: {title} renamed",
                                                                         1), encoding="utf-8")
        # Every page's navigation names the goal, so pages with no other change are redrawn too.
        _wait_for(base + "contact/", f"{title} renamed", server)
        assert f"{title} renamed" in _get(base + "accessibility/")

        # The preview has no search index (each save would wait for it), but redrawn pages stay searchable.
        for address in ("", "contact/", "pledges/", f"values/{pledge['values'][0]}/"):
            assert "data-pagefind-body" in _get(base + address), address
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def _site_of(project: Path):
    from engagement_hub.output.site import HubSite

    return HubSite.load(project, template_dir=project / "theme_overrides" / "hub", content_dir=project / "content",
                        preview=True)


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def test_a_quick_preview_never_leaves_a_changed_page_stale(tmp_path: Path) -> None:
    """The pages the hub tells `mkdocs serve --dirty` to redraw include every page whose HTML changed."""
    project = copy_project(tmp_path / "project")
    synthetic.generate(10, project / "data")
    synthetic.use_example_about(project)
    pledges = project / "data" / "pledges.yml"
    year_file = max((project / "data" / "progress").glob("*.yml"))
    start = int(year_file.stem[:4])

    def many_kept(data: dict) -> None:  # a year with more pledges kept than one page shows
        made = [p for p in data["pledges"] if f"{start}-04-01" <= str(p["date"]) <= f"{start + 1}-03-31"]
        for p in made[:70]:
            p.pop("updates", None)
            p.update(status="kept", update={"date": f"{start + 1}-03-31", "text": "Done."})

    _edit_yaml(pledges, many_kept)
    before = _site_of(project)
    for src in before.pages:
        before.render(src)
    data = yaml.safe_load(pledges.read_text(encoding="utf-8"))
    # A kept pledge deep in a year's long list of completed pledges: a later page shows it, and the
    # year's own page counts how many were kept.
    year_page = next(p for p in before.pages.values() if p.kind == "year"
                     and p.context["completed_pledges"].total > len(p.context["completed_pledges"]) + 5)
    later = [p for p in before.pages.values() if p.kind == "pledge-list"
             and p.context["pledges"].pager.srcs[0] == year_page.src and "completed" in p.src]
    deep = next(p.id for page in later for p in page.context["pledges"] if p.status == "kept")
    kept = next(i for i, p in enumerate(data["pledges"]) if p["id"] == deep)
    edits = [
        ("a kept pledge becomes not kept", pledges, lambda d: d["pledges"][kept].update(status="not-kept")),
        ("a pledge's words change", pledges, lambda d: d["pledges"][0].update(text=d["pledges"][0]["text"] + " Now.")),
        ("a year's summary changes", year_file, lambda d: d.update(summary=d["summary"] + " Reviewed again.")),
    ]
    for what, path, change in edits:
        _edit_yaml(path, change)
        after = _site_of(project)
        redrawn = after.changed_pages(before)
        fresh = _site_of(project)
        really_changed = {src for src in fresh.pages
                          if src not in before.pages or fresh.render(src) != before.bodies[src]}
        assert really_changed, what
        assert really_changed <= redrawn, f"{what}: stale pages {sorted(really_changed - redrawn)}"
        assert len(redrawn) < len(after.pages) / 2, f"{what}: redrew {len(redrawn)} of {len(after.pages)} pages"
        for src in after.pages:
            after.render(src)
        before = after
