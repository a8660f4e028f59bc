"""Old addresses keep working: a page that moved (PageKind.former in the page registry) leaves a notice at each
former address that sends the reader on, without JavaScript. The notice is no page of the site: not in the menu,
the sitemap or either search, and a former address that another page uses now stops the build.

Run on the fixture trust, whose partner-role page moved from get-involved/patient-partners/ (commit 512995d);
the fixture patients' group has no such page, so no notice (the negative)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from test_accessibility import run_axe
from test_html_validity import check_html

from conftest import ROOT, built_pages, fixture_project, run_build, serve_directory, with_languages
from engagement_hub.output.csp import POLICY
from engagement_hub.output.site import HubSite
from engagement_hub.pages import moved
from engagement_hub.pages.addresses import url_of
from engagement_hub.pages.pages import KINDS, NAMED
from engagement_hub.reading.problems import DataError

OLD = "get-involved/patient-partners/"
NEW = "get-involved/partner-role/"


def notice(site: Path, address: str = OLD) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def load(root: Path) -> HubSite:
    return HubSite.load(root, template_dir=ROOT / "theme_overrides" / "hub", content_dir=root / "content")


# --- The registry ----------------------------------------------------------------------------------------------


def test_the_partner_role_page_keeps_its_old_address() -> None:
    assert KINDS["patient-partners"].former == (OLD,) and url_of(NAMED["patient-partners"]) == NEW


def test_every_former_address_is_a_folder_address_of_a_single_page_that_no_page_has_now() -> None:
    current = {url_of(kind.src) for kind in KINDS.values() if kind.src}
    former = list(moved.addresses())
    assert former and len(former) == len(set(former))
    for kind in KINDS.values():
        assert not kind.former or kind.src, kind.name  # a page made once per record has no one former address
    for address in former:
        assert re.fullmatch(r"([a-z0-9-]+/)+", address), address  # relative, no '..', ends with '/'
        assert address not in current, address


# --- The notice ------------------------------------------------------------------------------------------------


def test_the_notice_sends_the_reader_on_and_is_for_no_index(trust_site: Path) -> None:
    soup = notice(trust_site)
    refresh = soup.select_one('meta[http-equiv="refresh"]')["content"]
    delay, _, target = refresh.partition("; url=")
    assert delay == "0"  # at once: not a timed change (WCAG 2.2.1)
    assert urljoin("https://x.example/" + OLD, target) == "https://x.example/" + NEW
    assert (trust_site / NEW / "index.html").is_file()
    link = soup.select_one("main a[href]")
    assert link["href"] == target and link.get_text() == notice_title(trust_site)
    assert soup.select_one('link[rel="canonical"]')["href"] == "https://engagement.example.org/" + NEW
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.html["lang"] == "en" and soup.title.get_text() and soup.h1.get_text()
    assert not soup.select("[data-pagefind-body]") and soup.body["data-pagefind-ignore"] == "all"
    assert not soup.select("script, style, nav")


def notice_title(site: Path) -> str:
    return BeautifulSoup((site / NEW / "index.html").read_text(encoding="utf-8"), "html.parser").h1.get_text(strip=True)


def test_the_notice_carries_the_strict_policy(trust_site: Path) -> None:
    html = (trust_site / OLD / "index.html").read_text(encoding="utf-8")
    tag = BeautifulSoup(html, "html.parser").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert tag is not None and tag["content"] == POLICY
    assert "default-src 'none'" in tag["content"]


def test_no_page_no_menu_no_sitemap_and_no_search_has_the_old_address(trust_site: Path) -> None:
    assert OLD not in built_pages(trust_site)
    assert OLD not in (trust_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in trust_site.rglob("*.html"):
        if path != trust_site / OLD / "index.html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert not [a for a in soup.select("a[href]") if a["href"].rstrip("/").endswith("patient-partners")], path
    indexed = pagefind_urls(trust_site)
    assert "/" + NEW in indexed and "/" + OLD not in indexed  # the page itself is found, its old address not


def pagefind_urls(site: Path) -> set[str]:
    """The address of every page in the site search's index (each page is one gzipped fragment)."""
    urls = set()
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        urls.add(json.loads(raw[raw.index(b"{"):])["url"])
    return urls


def test_the_notice_is_valid_html(trust_site: Path, tmp_path: Path) -> None:
    assert check_html([trust_site / OLD / "index.html"]) == []
    broken = tmp_path / "index.html"  # the checker really looks at it: without its title the notice is invalid
    broken.write_text(re.sub(r"<title>.*?</title>", "", (trust_site / OLD / "index.html").read_text(encoding="utf-8")),
                      encoding="utf-8")
    assert check_html([broken]) != []


def test_without_javascript_the_old_address_opens_the_page_under_its_own_policy(trust_site: Path, browser) -> None:
    base, server = serve_directory(trust_site)
    context = browser.new_context(java_script_enabled=False, bypass_csp=False)
    try:
        page = context.new_page()
        page.goto(base + OLD)
        page.wait_for_url(base + NEW)
        assert page.locator("h1").inner_text().strip() == notice_title(trust_site)
    finally:
        context.close()
        server.shutdown()


def test_axe_finds_no_violations_on_the_notice_and_would_find_one(trust_site: Path, browser) -> None:
    html = (trust_site / OLD / "index.html").read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        # The notice's own HTML, at no address: its relative refresh goes nowhere, so axe sees the notice itself.
        page.set_content(html)
        assert run_axe(page) == []
        page.set_content(html.replace(' lang="en"', ""))
        assert any(v.startswith("html-has-lang") for v in run_axe(page))
    finally:
        page.close()


def test_no_notice_for_a_page_the_site_does_not_have(build_org: Callable[[str], Path]) -> None:
    site = build_org("group")  # no partner role
    assert not (site / NEW).exists() and not (site / OLD).exists()


def test_each_language_site_has_the_notice_in_its_language(languages_site: Path) -> None:
    for code in ("cy", "ur"):
        soup = notice(languages_site / code)
        assert soup.html["lang"] == code
        target = soup.select_one('meta[http-equiv="refresh"]')["content"].partition("; url=")[2]
        assert urljoin(f"https://x.example/{code}/{OLD}", target) == f"https://x.example/{code}/{NEW}"
        assert soup.select_one('link[rel="canonical"]')["href"] == f"https://engagement.example.org/{code}/{NEW}"


def test_the_notice_is_in_words_of_the_sites_language(tmp_path: Path) -> None:
    """With the repository's own catalogues (locale/), which have the notice's words in Welsh."""
    root = with_languages(fixture_project("trust", tmp_path / "project"), ur=False, locale=False)
    for code, words in (("en", "This page has moved"), ("cy", "Mae'r dudalen hon wedi symud")):
        site = HubSite.load(root, template_dir=ROOT / "theme_overrides" / "hub", content_dir=root / "content",
                            language=code)
        soup = BeautifulSoup(site.generated_files()[OLD + "index.html"], "html.parser")
        assert soup.h1.get_text() == soup.title.get_text() == words
        assert soup.select_one("main a").get_text() == site.pages[NAMED["patient-partners"]].title


# --- A former address another page uses now ---------------------------------------------------------------------


@pytest.mark.parametrize("written", ["get-involved/patient-partners.md", "get-involved/patient-partners/index.md",
                                     "get-involved/patient-partners/index.html"])
def test_a_content_page_at_a_former_address_stops_the_build(tmp_path: Path, written: str) -> None:
    root = fixture_project("trust", tmp_path / "project")
    (root / "content" / written).parent.mkdir(parents=True, exist_ok=True)
    (root / "content" / written).write_text("# Patient partners\n\nOur own page.\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(root)
    [problem] = error.value.problems
    assert problem.file == f"content/{written}" and OLD in problem.message and "Rename" in problem.hint
    result = run_build(root, tmp_path / "site")
    assert result.returncode != 0 and f"content/{written}" in result.stderr and "Traceback" not in result.stderr


def test_without_the_page_a_content_page_may_have_its_old_address(tmp_path: Path) -> None:
    root = fixture_project("group", tmp_path / "project")  # no partner role, so no notice to clash with
    (root / "content" / "get-involved").mkdir(parents=True, exist_ok=True)
    (root / "content" / "get-involved" / "patient-partners.md").write_text("# Ours\n", encoding="utf-8")
    assert "get-involved/patient-partners/index.html" not in load(root).generated_files()


def test_a_former_address_a_page_made_from_data_uses_stops_the_build(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = fixture_project("trust", tmp_path / "project")
    monkeypatch.setitem(KINDS, "patient-partners", replace(KINDS["patient-partners"], former=(OLD, "get-involved/")))
    with pytest.raises(DataError) as error:
        load(root)
    [problem] = error.value.problems
    assert problem.file == moved.REGISTRY and "/get-involved/" in problem.message
    assert "get-involved/index.md" in problem.message
