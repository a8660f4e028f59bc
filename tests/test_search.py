"""The site search (Pagefind, issue 18): it finds every page Material's search found on a fixed list of
queries, keeps the same pages out, costs a page visit nothing until someone searches, and says what it found."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import fixture_project, run_build, search_for, serve_directory

QUERIES: list[str] = json.loads(
    (Path(__file__).parent / "search_queries.json").read_text(encoding="utf-8"))["queries"]

# Material's own search worker (still shipped with Material) on its lunr index: the pages each query finds.
MATERIAL = """async ([worker, queries]) => {
  const index = await (await fetch('search/search_index.json')).json();
  const w = new Worker(worker);
  const ask = (msg) => new Promise(ok => { w.onmessage = e => ok(e.data); w.postMessage(msg); });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const out = {};
  for (const q of queries) {
    const asked = q.includes(' ') ? q.split(/\\s+/).map(w => '+' + w).join(' ') : q;
    const r = await ask({type: 2, data: asked});
    out[q] = [...new Set(r.data.items.map(group => group[0].location.split('#')[0]))];
  }
  return out;
}"""


@pytest.fixture(scope="module")
def material_found(tmp_path_factory: pytest.TempPathFactory, browser) -> dict[str, list[str]]:
    """What Material's search plugin found on the fixture trust: the same site built with the plugin back on."""
    base = tmp_path_factory.mktemp("material-search")
    project = fixture_project("trust", base / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search"),
                      encoding="utf-8")
    result = run_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    worker = next((base / "site" / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    served, server = serve_directory(base / "site")
    try:
        page = browser.new_page()
        page.goto(served)
        found = page.evaluate(MATERIAL, [worker.relative_to(base / "site").as_posix(), QUERIES])
        page.close()
    finally:
        server.shutdown()
    return found


# Pagefind's own programming interface in a real browser: every page each query finds, by address.
SEARCH = """async ([bundle, queries]) => {
  const pagefind = await import(bundle);
  const out = {};
  for (const query of queries) {
    const found = await pagefind.search(query);
    out[query] = (await Promise.all(found.results.map(r => r.data()))).map(d => d.url);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def served_trust(trust_site: Path) -> Iterator[str]:
    """The fixture trust's site (tests/fixtures/trust: the example data the baseline was recorded on), served."""
    base, server = serve_directory(trust_site)
    yield base
    server.shutdown()


def search_site(browser, base: str, queries: list[str]) -> dict[str, set[str]]:
    page = browser.new_page()
    page.goto(base)
    found = page.evaluate(SEARCH, [base + "pagefind/pagefind.js", queries])
    page.close()
    return {query: {url.removeprefix("/") for url in urls} for query, urls in found.items()}


def missed(baseline: dict[str, list[str]], found: dict[str, set[str]]) -> dict[str, list[str]]:
    """For each query, the pages Material's search found that this search does not."""
    return {query: sorted(set(pages) - found[query]) for query, pages in baseline.items() if set(pages) - found[query]}


def test_search_finds_every_page_materials_search_found(served_trust: str, browser, material_found) -> None:
    assert sum(map(len, material_found.values())) > 200, "the queries should find many pages"
    found = search_site(browser, served_trust, QUERIES)
    assert not missed(material_found, found)


def test_pages_kept_out_of_search_are_not_found(served_trust: str, browser) -> None:
    found = search_site(browser, served_trust, ["github", "hyphens", "patient"])
    assert found["github"] == set() and found["hyphens"] == set()  # words only the editors' guide has
    assert len(found["patient"]) > 20 and "guide/" not in found["patient"]


def test_the_comparison_notices_a_page_that_search_no_longer_finds(project: Path, browser, tmp_path: Path,
                                                                  material_found) -> None:
    about = project / "content" / "about.md"
    about.write_text("---\nsearch:\n  exclude: true\n---\n" + about.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    base, server = serve_directory(tmp_path / "site")
    try:
        found = search_site(browser, base, QUERIES)
    finally:
        server.shutdown()
    assert "about/" in missed(material_found, found)["2025"]


def test_a_page_visit_fetches_nothing_for_search_until_someone_searches(served_trust: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(120_000)  # a busy machine may take long to start the search; no time is asserted
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(served_trust + "strategy/", wait_until="networkidle")
    assert fetched and not [url for url in fetched if "/pagefind/" in url]
    page.keyboard.press("/")  # Material's key for search, kept
    search_for(page, "patient")
    status = page.locator("#hub-search-status")
    assert status.get_attribute("role") == "status"  # announced by screen readers without moving focus
    page.wait_for_function("document.querySelector('#hub-search-status').textContent.includes('pages match')")
    count = int(status.inner_text().split()[0])
    assert count > 20 and page.locator(".md-search-result__item").count() == 10  # more on request
    assert [url for url in fetched if "/pagefind/" in url], "searching should have fetched Pagefind's files"
    page.fill(".md-search__input", "zzqqxx")
    page.wait_for_function("document.querySelector('#hub-search-status').textContent === 'No page matches'")
    assert page.locator(".md-search-result__item").count() == 0
    context.close()


def test_more_results_and_escape_by_keyboard(served_trust: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(served_trust)
    page.keyboard.press("s")
    search_for(page, "patient")
    page.wait_for_selector(".hub-search__more")
    page.focus(".hub-search__more")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 10")
    assert page.evaluate("[...document.querySelectorAll('.md-search-result__link')].indexOf(document.activeElement)") == 10
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    context.close()
