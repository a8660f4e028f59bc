"""The sidebars beside the page on wide screens stay in view and scroll on their own.

Material's JavaScript sized them on every scroll; the hub does not load it (theme_overrides/main.html),
and hub.css keeps each sidebar in the window with CSS. Measured on the site's latest year report in a
short window, with the page scrolled part way down, so the menu is longer than the window.
"""

from __future__ import annotations

import pytest

from conftest import settle

# For each sidebar on show: how far its box runs below the window, and whether its last link can be
# scrolled into view inside it.
SIDEBARS = """() => [...document.querySelectorAll('.md-sidebar')]
  .filter(bar => getComputedStyle(bar).display !== 'none' && getComputedStyle(bar).visibility !== 'hidden'
    && bar.getBoundingClientRect().width > 0)  // not the closed phone and tablet drawer
  .map(bar => {
    const wrap = bar.querySelector('.md-sidebar__scrollwrap');
    const links = wrap.querySelectorAll('a');
    const last = links[links.length - 1];
    wrap.scrollTop = wrap.scrollHeight;
    const below = Math.round(wrap.getBoundingClientRect().bottom - innerHeight);
    const lastBelow = last ? Math.round(last.getBoundingClientRect().bottom - innerHeight) : 0;
    const lastAbove = last ? Math.round(last.getBoundingClientRect().top) : 0;
    return {bar: bar.className, below, lastBelow, lastAbove, links: links.length};
  })"""

SCREENS = {"laptop": (1280, 500), "small laptop": (1000, 500)}  # both sidebars; contents only (60em to 76em)
LONG_PAGE = "progress/2025-26/"


def sidebar_problems(page) -> list[str]:
    problems = []
    found = page.evaluate(SIDEBARS)
    for bar in found:
        if bar["below"] > 1:
            problems.append(f"{bar['bar']} runs {bar['below']} px below the window")
        if bar["lastBelow"] > 1 or bar["lastAbove"] < 0:
            problems.append(f"{bar['bar']}: its last link cannot be scrolled into view ({bar})")
    return problems if found else ["no sidebar on show"]


def open_long_page(browser, served_site: str, screen: str):
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(served_site + LONG_PAGE)
    page.evaluate("window.scrollTo(0, 900)")
    settle(page)
    return context, page


@pytest.mark.parametrize("screen", SCREENS)
def test_each_sidebar_stays_in_the_window_and_scrolls_to_its_last_link(served_site: str, browser, screen: str) -> None:
    context, page = open_long_page(browser, served_site, screen)
    assert page.evaluate("scrollY") > 0
    problems = sidebar_problems(page)
    context.close()
    assert not problems, problems


def test_the_check_sees_a_sidebar_that_runs_below_the_window(served_site: str, browser) -> None:
    # Material's own stylesheet without the hub's rule: the list is as long as it is and runs off the window.
    context, page = open_long_page(browser, served_site, "laptop")
    page.add_style_tag(content=".md-sidebar .md-sidebar__scrollwrap { max-height: none !important; }")
    settle(page)
    problems = sidebar_problems(page)
    context.close()
    assert any("below the window" in p for p in problems), problems
