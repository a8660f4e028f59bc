"""What `make serve` does not build, said where the editor looks. The preview builds only its own
language, so its language switcher names the others without linking to pages it does not have, and
says how to see them (the built site links every language: test_languages_site.py); it builds no
search index, so its search box says so instead of asking to try again."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from test_preview_errors import start, stop, until
from test_preview_removed import status

from conftest import BUSY_MACHINE_MS, fixture_project, with_languages
from engagement_hub.pages.alternates import alternates
from engagement_hub.reading.languages import ENGLISH, Language

WELSH = Language("cy", "Cymraeg", "ltr")
URDU = Language("ur", "اردو", "rtl")


def dead_links(page_url: str, soup: BeautifulSoup) -> list[str]:
    """Every language link on the page (switcher and head) that the server does not have."""
    hrefs = [a["href"] for a in soup.select("nav.hub-languages a[href]")]
    hrefs += [link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')]
    return [href for href in hrefs if status(urljoin(page_url, href)) != 200]


def test_the_preview_names_every_language_and_links_none_it_has_not_built(tmp_path: Path) -> None:
    project = with_languages(fixture_project("trust", tmp_path / "project"))
    base, server = start(project)
    try:
        for address in ("", "strategy/", "about/"):
            url = f"{base}/{address}"
            soup = BeautifulSoup(until(server, url, lambda html: "<h1" in html), "html.parser")
            switcher = soup.select_one("nav.hub-languages")
            assert switcher is not None, f"{address}: no language switcher"
            assert [item.get_text(strip=True) for item in switcher.select("li")] == ["English", "Cymraeg", "اردو"]
            assert switcher.select_one("[aria-current]")["lang"] == "en"
            named = {span["lang"]: span.get("dir") for span in switcher.select("li > span:not([aria-current])")}
            assert named == {"cy": "ltr", "ur": "rtl"}, f"{address}: {named}"  # each in its own language
            assert dead_links(url, soup) == [], address
            note = switcher.select_one(".hub-languages__preview")
            assert note is not None and "make preview" in note.get_text() and "site-preview/" in note.get_text()
    finally:
        stop(server)


def test_the_dead_link_check_finds_a_language_the_preview_has_not_built(tmp_path: Path) -> None:
    """The check above can fail: a switcher linking to the Welsh page, as the preview's used to, is caught."""
    project = with_languages(fixture_project("trust", tmp_path / "project"))
    base, server = start(project)
    try:
        url = f"{base}/strategy/"
        until(server, url, lambda html: "<h1" in html)
        welsh = alternates("strategy/", ENGLISH, (ENGLISH, WELSH, URDU))[1]
        page = BeautifulSoup(f'<nav class="hub-languages"><a href="{welsh.href}">Cymraeg</a></nav>', "html.parser")
        assert welsh.href == "../cy/strategy/" and dead_links(url, page) == [welsh.href]
    finally:
        stop(server)


def test_only_a_preview_leaves_other_languages_unbuilt() -> None:
    languages = (ENGLISH, WELSH, URDU)
    for current in languages:
        built = [alt.built for alt in alternates("progress/2025-26/", current, languages)]
        previewed = {alt.language.code: alt.built for alt in alternates("progress/2025-26/", current, languages,
                                                                          preview=True)}
        assert built == [True, True, True]
        assert previewed == {language.code: language == current for language in languages}


NO_SEARCH = "The preview has no search: make preview builds the site with its search into site-preview/."


def test_the_preview_search_says_it_has_no_index(tmp_path: Path, browser) -> None:
    base, server = start(fixture_project("trust", tmp_path / "project"))
    try:
        until(server, f"{base}/strategy/", lambda html: "<h1" in html)
        assert status(f"{base}/pagefind/pagefind.js") == 404  # what makes the search fail in the preview
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_default_timeout(BUSY_MACHINE_MS)  # a bound for a busy machine, never a measure
        page = context.new_page()
        page.goto(f"{base}/strategy/")
        page.keyboard.press("/")
        page.locator(".md-search__input").press_sequentially("patient", delay=20)
        page.wait_for_function("(words) => document.querySelector('#hub-search-status').textContent === words",
                               arg=NO_SEARCH)
        context.close()
    finally:
        stop(server)


def test_a_built_site_keeps_asking_to_try_again(languages_site: Path) -> None:
    """The negative: a published site has its index, so a failure there is passing and worth another try."""
    html = (languages_site / "strategy" / "index.html").read_text(encoding="utf-8")
    failed = BeautifulSoup(html, "html.parser").select_one("[data-hub-search]")["data-hub-failed"]
    assert failed == "Search could not be loaded. Try again, or use the menu."
