"""Charts and tables of figures as readers see them in Debian's Chromium: chart text at least 14 CSS px
at every width and at 400 % zoom, readable in forced colours (light and dark), and tables that stack on
narrow screens with no word broken inside and nothing hidden behind a sideways scroll."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import built_pages, on_the_fixture_trust, serve_directory, settle

# How our charts are drawn, checked on the fixture trust, which has every kind of chart: a fork's own data
# may have no measures and so no charts (a volunteer group), and its pull requests must stay green.
site, page = on_the_fixture_trust()


@pytest.fixture(scope="session", name="served_site")
def served_trust(trust_site: Path):
    """The fixture trust's site on http://127.0.0.1:PORT/."""
    base, server = serve_directory(trust_site)
    yield base
    server.shutdown()

SCREENS = {"phone": (320, 640, 1), "tablet": (768, 1024, 1), "laptop": (1280, 800, 1), "laptop at 400%": (320, 200, 4)}
MIN_TEXT_PX = 14


def chart_pages(site: Path) -> list[str]:
    """Every page that has a chart or a table of figures."""
    return sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html")
                  if 'class="hub-chart' in (text := p.read_text(encoding="utf-8")) or "hub-table-wrap" in text)


def with_chart(site: Path, folder: str) -> str:
    """The first page under ``folder`` (e.g. "strategy/") that draws a chart: any organisation's data."""
    return next(p for p in chart_pages(site) if p.startswith(folder) and p != folder
                and 'class="hub-chart' in (site / p / "index.html").read_text(encoding="utf-8"))


# The size each piece of chart text is drawn at, in CSS px: its font size times whatever scales its SVG.
SMALL_TEXT = """(least) => {
  const small = [];
  for (const el of document.querySelectorAll("figure.hub-chart text, figure.hub-chart tspan, figure.hub-chart p, "
                                             + "figure.hub-chart span, figure.hub-chart strong, figure.hub-chart figcaption")) {
    if (!el.textContent.trim() || !el.getClientRects().length) continue;
    if (el.closest(".hub-visually-hidden, .hub-table-wrap")) continue;  // tables are body text
    const scale = el instanceof SVGElement ? el.getScreenCTM().a : 1;
    const size = parseFloat(getComputedStyle(el).fontSize) * scale;
    if (size < least - 0.01) small.push(`${el.textContent.trim().slice(0, 30)}: ${size.toFixed(1)}px`);
  }
  return small;
}"""


@pytest.mark.parametrize("screen", SCREENS)
def test_chart_text_is_never_smaller_than_14_css_pixels(site: Path, served_site: str, browser, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    problems, charts = [], 0
    for address in chart_pages(site):
        page.goto(served_site + address)
        settle(page)
        charts += page.locator("figure.hub-chart").count()
        problems += [f"{address} at {screen}: {s}" for s in page.evaluate(SMALL_TEXT, MIN_TEXT_PX)]
    context.close()
    assert charts >= 5
    assert not problems, "\n".join(problems)


def test_the_text_size_check_finds_a_chart_scaled_down_as_one_picture(site: Path, served_site: str, browser) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(served_site + with_chart(site, "strategy/"))
    page.evaluate("""() => document.querySelector("figure.hub-chart").insertAdjacentHTML("beforeend",
        '<svg viewBox="0 0 640 280" width="100%"><text x="10" y="20" font-size="13">2024/25</text></svg>')""")
    small = page.evaluate(SMALL_TEXT, MIN_TEXT_PX)
    context.close()
    assert any(s.startswith("2024/25: 5.") for s in small), small


def coloured_pages(site: Path) -> list[str]:
    """Every page with a chart, a goal status or a pledge status: the text the hub colours itself."""
    marks = ('class="hub-chart', 'class="hub-status', 'class="hub-tag')
    def html(address: str) -> str:
        return (site / address if address.endswith(".html") else site / address / "index.html").read_text(encoding="utf-8")
    return [address for address in built_pages(site) if any(mark in html(address) for mark in marks)]


# Contrast of each piece of chart and status text against what is behind it (WCAG 2.x formula).
CONTRAST = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = el => {
    for (let node = el; node; node = node.parentElement) {
      const c = getComputedStyle(node).backgroundColor, v = rgb(c);
      if (!(node instanceof SVGElement) && v.length >= 3 && (v.length === 3 || v[3] > 0)) return v.slice(0, 3);
    }
    return rgb(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
  };
  const low = [];
  for (const el of document.querySelectorAll("figure.hub-chart text, .hub-bars p, .hub-status, .hub-tag")) {
    if (!el.textContent.trim() || !el.getClientRects().length || el.closest(".hub-visually-hidden")) continue;
    const style = getComputedStyle(el);
    const fg = rgb(el instanceof SVGElement ? style.fill : style.color).slice(0, 3);
    const r = ratio(fg, background(el));
    if (r < 4.5) low.push(`${el.textContent.trim().slice(0, 30)}: ${r.toFixed(2)}:1`);
  }
  return low;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_forced_colours_chart_and_status_text_has_at_least_4_5_to_1(
        site: Path, served_site: str, browser, scheme: str) -> None:
    context = browser.new_context(forced_colors="active", color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = []
    for address in coloured_pages(site):
        page.goto(served_site + address)
        settle(page)
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        problems += [f"{address or '/'} ({scheme}): {p}" for p in page.evaluate(CONTRAST)]
    context.close()
    assert len(coloured_pages(site)) >= 5
    assert not problems, "\n".join(problems)


def test_the_forced_colours_check_finds_a_hard_coded_dark_text_colour(site: Path, served_site: str, browser) -> None:
    context = browser.new_context(forced_colors="active", color_scheme="dark")
    page = context.new_page()
    page.goto(served_site + with_chart(site, "strategy/"))
    page.evaluate("""() => document.querySelector("figure.hub-chart svg").insertAdjacentHTML("beforeend",
        '<text x="10" y="20" style="fill: #212b32">Target</text>')""")
    low = page.evaluate(CONTRAST)
    context.close()
    assert any(p.startswith("Target:") for p in low), low


# Words split across two lines ("meaningf|ul") anywhere in the main content, and tables wider than their box.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("#main-content")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[\\p{L}\\p{N}]+/gu)) {  // a break at a hyphen or space is fine
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  const wide = [...document.querySelectorAll(".hub-table-wrap")].filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => `${w.getAttribute("aria-label")} scrolls sideways (${w.scrollWidth}px in ${w.clientWidth}px)`);
  return [...broken.map(w => `word broken: ${w}`), ...wide];
}"""


@pytest.mark.parametrize("screen", SCREENS)
def test_no_word_is_broken_and_tables_of_figures_stack_on_narrow_screens(
        site: Path, served_site: str, browser, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    problems = []
    for address in built_pages(site):
        page.goto(served_site + address)
        settle(page)
        problems += [f"{address or '/'} at {screen}: {p}" for p in page.evaluate(BROKEN_WORDS)]
    context.close()
    assert not problems, "\n".join(problems)


def test_the_table_check_finds_a_broken_word_and_a_sideways_scroll(served_site: str, browser) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(served_site)
    page.evaluate("""() => document.querySelector("article").insertAdjacentHTML("afterbegin",
        '<div class="hub-table-wrap" aria-label="bad" style="overflow-x:auto"><table class="hub-bad" style="width:600px">'
        + '<tr><td style="width:4em;word-break:break-all">partnership</td><td>Target</td></tr></table></div>')""")
    problems = page.evaluate(BROKEN_WORDS)
    context.close()
    assert "word broken: partnership" in problems and any(p.startswith("bad scrolls sideways") for p in problems)
