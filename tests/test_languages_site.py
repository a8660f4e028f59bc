"""The site in every language: the fixture trust built in English, Welsh (/cy/) and Urdu (/ur/) as
`make build` builds them (tests/fixtures/languages/). Each page links to itself in the other languages,
says what language it is in, marks what is still in English, and passes the same accessibility,
HTML, keyboard and no-JavaScript checks as the English site, on a sample of each kind of page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from test_accessibility import run_axe
from test_html_validity import check_html
from test_keyboard import focus_problems, tab_through
from test_no_js import MAIN, NAV_LINKS

from conftest import LANGUAGES, ROOT, built_pages, page_reader, serve_directory

CODES = ("en", "cy", "ur")
# One page of each kind: home, a list, a goal, a value, get involved, a progress year, a hand-written page.
SAMPLE = ("", "strategy/", "strategy/build-a-culture-of-involvement/", "values/diversity/", "get-involved/",
          "progress/2025-26/", "about/")


def folder(code: str) -> str:
    return "" if code == "en" else f"{code}/"


@pytest.fixture(scope="session")
def read(languages_site: Path) -> Callable[[str, str], BeautifulSoup]:
    readers = {code: page_reader(languages_site / folder(code)) for code in CODES}
    return lambda code, address: readers[code](address)


@pytest.fixture(scope="session")
def served(languages_site: Path):
    base, server = serve_directory(languages_site)
    yield base
    server.shutdown()


def test_every_language_builds_the_same_pages(languages_site: Path) -> None:
    english = set(built_pages(languages_site))
    assert not [a for a in english if a.startswith(("cy/", "ur/"))]
    for code in ("cy", "ur"):
        assert set(built_pages(languages_site / code)) == english, code
    assert len(english) > 20


def test_each_page_says_its_language_and_direction(read: Callable[[str, str], BeautifulSoup]) -> None:
    for code, direction in (("en", "ltr"), ("cy", "ltr"), ("ur", "rtl")):
        for address in SAMPLE:
            soup = read(code, address)
            assert soup.html["lang"] == code, (code, address)
            assert soup.body["dir"] == direction, (code, address)


def test_every_page_links_to_itself_in_every_other_language(languages_site: Path) -> None:
    problems = []
    for code in CODES:
        site = languages_site / folder(code)
        reader = page_reader(site)
        for address in [a for a in built_pages(site) if a != "404.html"]:
            soup = reader(address)
            switcher = soup.select_one("nav.hub-languages")
            links = {a["hreflang"]: a for a in switcher.select("a[hreflang]")} if switcher else {}
            current = switcher.select_one("[aria-current]") if switcher else None
            if set(links) != set(CODES) - {code} or current is None or current["lang"] != code:
                problems.append(f"{code}/{address}: switcher {sorted(links)}")
                continue
            for other, link in links.items():
                target = (site / address / link["href"]).resolve() / "index.html"
                if target != (languages_site / folder(other) / address / "index.html").resolve():
                    problems.append(f"{code}/{address}: {other} link {link['href']} goes to {target}")
                assert link["lang"] == other and link.get_text() in ("English", "Cymraeg", "اردو")
            heads = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
            expected = {other: links[other]["href"] for other in links}
            expected[code] = heads.get(code, "")  # itself, relative to itself
            if heads != {**expected, "x-default": heads.get("en", "")} or \
                    (site / address / heads[code]).resolve() != (site / address).resolve():
                problems.append(f"{code}/{address}: hreflang {heads}")
    assert not problems, "\n".join(problems[:20])


def test_the_sitemaps_name_each_page_in_every_language(languages_site: Path) -> None:
    for code in CODES:
        sitemap = (languages_site / folder(code) / "sitemap.xml").read_text(encoding="utf-8")
        urls = re.findall(r"<url>(.*?)</url>", sitemap, re.DOTALL)
        assert len(urls) > 20
        for url in urls:
            loc = re.search(r"<loc>(.*?)</loc>", url)[1]
            address = loc.removeprefix("https://engagement.example.org/").removeprefix(folder(code))
            alternates = dict(re.findall(r'hreflang="([a-z]+)" href="([^"]+)"', url))
            assert alternates == {c: f"https://engagement.example.org/{folder(c)}{address}" for c in CODES}, loc


def test_translated_text_is_shown_and_untranslated_text_is_english_marked_and_explained(
        read: Callable[[str, str], BeautifulSoup]) -> None:
    welsh = read("cy", "strategy/build-a-culture-of-involvement/")
    assert "Meithrin diwylliant o gynnwys" in welsh.h1.get_text()
    english = welsh.select('article [lang="en"]')
    assert any("Offer involvement training to every team" in e.get_text() for e in english)
    note = welsh.select_one(".hub-translation-note")
    assert note is not None and "shown in English" in note.get_text()  # the fixture's catalogue has no Welsh for it
    assert "not been checked by a native speaker" in note.get_text()
    # The stale Welsh title of the second goal is not used: its English is shown, marked.
    second = read("cy", "strategy/act-on-what-matters-most/")
    assert "Gweithredu ar yr hyn" not in second.get_text()
    assert second.select_one('h1 [lang="en"]') is not None
    # No mark is left anywhere, and none is inside an attribute, a title or a script.
    for code in ("cy", "ur"):
        for address in SAMPLE:
            html = str(read(code, address))
            assert not re.search("[\ufdd0-\ufdd2]", html), (code, address)
    assert read("cy", "about/").select_one('article div[lang="en"]') is not None  # a hand-written page


def translated_texts(code: str) -> list[str]:
    """Every text the fixture's translation of the data gives in ``code`` (each ``text:`` that differs from its
    English), longest first."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            text = node.get("text")
            if isinstance(text, str) and text.strip() and text.strip() != str(node.get("english", "")).strip():
                found.append(text.strip())  # a name the same in both languages is no sign of either
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load((LANGUAGES / f"{code}.yml").read_text(encoding="utf-8")))
    return sorted(set(found), key=len, reverse=True)


URDU_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def in_another_language(soup: BeautifulSoup, code: str, texts: list[str]) -> list[str]:
    """Text of the page in ``code`` (a translated text from the data, or for Urdu anything in its script) that an
    element around it says is in another language, as a hand-written page's <div lang="en"> does (3.1.2)."""
    problems = []
    for node in soup.body.find_all(string=True):
        if node.parent.name in ("script", "style", "template") or not node.strip() or node.find_parent("pre"):
            continue  # a code block quotes a file (the guide shows a translation's YAML) and is no language
        ours = (code == "ur" and URDU_SCRIPT.search(node)) or any(t in node for t in texts if len(t) >= 6)
        said = node.find_parent(attrs={"lang": True})
        if ours and said is not None and said["lang"] != code:
            problems.append(f"{node.strip()[:60]!r} is inside lang={said['lang']!r}")
    return problems


def test_text_in_the_sites_language_is_never_marked_as_another(languages_site: Path) -> None:
    # A hand-written page is shown in English (<div lang="en">) on every language's site; what its macros draw
    # from the data is in the site's language, and a screen reader must read it in that voice. So must any text.
    # On the English site too, Urdu script is marked Urdu (the guide names each language in its own name).
    for site, code in (("cy", "cy"), ("ur", "ur"), ("", "ur")):
        reader, texts = page_reader(languages_site / site), translated_texts(code) if site else []
        problems = [f"{site or 'en'}/{address}: {p}" for address in built_pages(languages_site / site)
                    for p in in_another_language(reader(address), code, texts)]
        assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_language_check_finds_a_translated_text_marked_as_english() -> None:
    welsh, urdu = translated_texts("cy")[0], "شمولیت"
    for code, text in (("cy", welsh), ("ur", urdu)):
        soup = BeautifulSoup(f'<html lang="{code}"><body><div lang="en" dir="ltr"><p>{text}</p></div>'
                             f'<p lang="{code}">{text}</p></body></html>', "html.parser")
        assert len(in_another_language(soup, code, translated_texts(code))) == 1, code


def test_the_english_site_has_no_marks_or_notes(read: Callable[[str, str], BeautifulSoup]) -> None:
    for address in SAMPLE:
        soup = read("en", address)
        assert soup.select_one(".hub-translation-note") is None
        assert not soup.select('article [lang="en"]'), address


def test_search_has_an_index_per_language(languages_site: Path) -> None:
    for code in CODES:
        entry = json.loads((languages_site / folder(code) / "pagefind" / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [code], code


# The same checks as the English site's, on a sample of each kind of page in each language.


def test_axe_finds_no_violations_in_any_language(served: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = []
    for code in ("cy", "ur"):
        for address in SAMPLE:
            page.goto(served + folder(code) + address)
            problems += [f"{code}/{address}: {v}" for v in run_axe(page)]
    context.close()
    assert not problems, "\n".join(problems)


def test_every_sampled_page_in_every_language_is_valid_html(languages_site: Path) -> None:
    files = [languages_site / folder(code) / address / "index.html" for code in ("cy", "ur") for address in SAMPLE]
    errors = check_html(files)
    assert not errors, "\n".join(f"{e['url']}, line {e.get('lastLine')}: {e['message']}" for e in errors)


def test_keyboard_focus_is_visible_in_every_language(served: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 700}, reduced_motion="reduce")
    page = context.new_page()
    problems, focused = [], 0
    for code in ("cy", "ur"):
        for address in SAMPLE[:4]:
            page.goto(served + folder(code) + address)
            steps = tab_through(page)
            focused += len(steps)
            problems += focus_problems(f"{code}/{address}", steps)
            assert any("hreflang" in step["html"] for step in steps), f"{code}/{address}: switcher not reached"
    context.close()
    assert focused > 40 and not problems, "\n".join(problems)


def test_without_javascript_every_language_shows_its_content_and_navigation(served: str, browser,
                                                                            read) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = []
    for code in ("cy", "ur"):
        for address in SAMPLE:
            page.goto(served + folder(code) + address)
            main = page.evaluate(MAIN)
            expected = read(code, address).select_one("#main-content h1").get_text(" ", strip=True)
            if main["h1"].strip() != expected or main["text"] < 200:
                problems.append(f"{code}/{address}: main content missing without JavaScript ({main})")
            links = page.evaluate(NAV_LINKS)
            problems += [f"{code}/{address}: navigation link {link['text']!r} not visible" for link in links
                         if not link["visible"]]
            switcher = page.locator("nav.hub-languages a")
            if switcher.count() != 2 or not switcher.first.is_visible():
                problems.append(f"{code}/{address}: the language switcher is not shown")
    context.close()
    assert not problems, "\n".join(problems)


# Right to left


PHYSICAL = re.compile(r"\b(?:margin|padding|border)-(?:left|right)\b|\btext-align:\s*(?:left|right)\b"
                      r"|\bfloat:\s*(?:left|right)\b|(?<![-\w@])(?:left|right):")


def physical_sides(css: str) -> list[str]:
    """Declarations in a stylesheet that name a physical side, so would not mirror on a right-to-left page."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [match.group() for match in PHYSICAL.finditer(css)]


def test_our_stylesheets_use_start_and_end_never_left_and_right() -> None:
    found = {path.name: physical_sides(path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "content" / "assets" / "stylesheets").glob("*.css"))}
    assert len(found) >= 3
    assert not any(found.values()), found


def test_the_side_check_finds_a_physical_side() -> None:
    assert physical_sides(".a { margin-left: 0; text-align: left } .b { right: 0 } /* left: in a comment */") == [
        "margin-left", "text-align: left", "right:"]
    assert physical_sides(".a { margin-inline-start: 0; text-align: start } @page { @bottom-right { } }") == []


# Every chart on a page: its direction, and whether each of its labels lies within its width.
CHARTS = """() => [...document.querySelectorAll("#main-content svg.hub-chart__svg, #main-content svg.hub-bars__axis")]
  .map(chart => {
    const edge = chart.getBoundingClientRect();
    const inside = [...chart.querySelectorAll("text")].map(t => t.getBoundingClientRect())
      .every(b => b.left >= edge.left - 1 && b.right <= edge.right + 1);
    return {dir: getComputedStyle(chart).direction, inside};
  })"""


# Every table cell that is only a signed number ("+850") and every bar's figure ("2024/25: 40%"): whether
# it reads left to right, its first character left of its last.
FIGURES = """() => {
  const edge = (node, at) => { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1);
                               return r.getBoundingClientRect().left; };
  // A signed figure is the cell's text, or a <bdi> in it before its words ("+3 (better)").
  const cells = [...document.querySelectorAll("#main-content td")].filter(td => /^[+\u2212]\\d/.test(td.textContent))
    .map(td => td.querySelector("bdi") || td);
  const bars = [...document.querySelectorAll("#main-content .hub-bars__current, #main-content .hub-bars__previous")];
  return [...cells, ...bars].filter(el => el.childNodes.length === 1 && el.firstChild.nodeType === 3)
    .map(el => ({text: el.textContent, ltr: edge(el.firstChild, 0) < edge(el.firstChild, el.firstChild.length - 1)}));
}"""


def test_a_right_to_left_page_is_mirrored(served: str, browser, tmp_path: Path) -> None:
    """The layout of an Urdu page, measured as its screenshot shows it: the menu on the right of the text,
    headings and table cells starting on the right. Its charts keep their left-to-right scale, each label
    inside the chart (an SVG text anchored at its start runs off the left edge if it takes the page's
    direction)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(served + "ur/progress/2025-26/")
    found = page.evaluate("""() => {
      const box = s => document.querySelector(s).getBoundingClientRect();
      const nav = box(".md-sidebar--primary"), main = box("#main-content");
      const h1 = document.querySelector("#main-content h1");
      const cell = document.querySelector("#main-content .hub-table-wrap th, #main-content .hub-table-wrap td");
      return {navRight: nav.left > main.left, dir: getComputedStyle(h1).direction,
              align: getComputedStyle(cell).textAlign, bodyDir: document.body.dir};
    }""")
    charts = page.evaluate(CHARTS)
    figures = page.evaluate(FIGURES)
    page.screenshot(path=str(tmp_path / "rtl.png"))  # for a person to look at when this fails
    assert (tmp_path / "rtl.png").stat().st_size > 10_000
    page.goto(served + "ur/strategy/build-a-culture-of-involvement/")
    charts += page.evaluate(CHARTS)
    context.close()
    assert found == {"navRight": True, "dir": "rtl", "align": "start", "bodyDir": "rtl"}, found
    assert len(charts) >= 2 and all(chart == {"dir": "ltr", "inside": True} for chart in charts), charts
    assert any(f["text"][0] in "+\u2212" for f in figures) and any(":" in f["text"] for f in figures), figures
    assert all(f["ltr"] for f in figures), figures
