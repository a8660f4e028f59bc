"""Every page without JavaScript, on a 320 CSS px screen, and with reduced motion, in Debian's Chromium.

WCAG 2.2: 1.4.10 Reflow (320 CSS px, no sideways scrolling), 2.3.3 and the
NHS service standard's "works without JavaScript", and prefers-reduced-motion.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import built_pages

# Links of the site navigation, and whether a reader can see each one.
NAV_LINKS = """() => [...document.querySelectorAll(".md-sidebar--primary .md-nav--primary a.md-nav__link")]
  .filter(a => !a.closest(".md-nav--secondary"))
  .map(a => { const r = a.getBoundingClientRect(), s = getComputedStyle(a);
    return {href: a.getAttribute("href"), text: a.textContent.trim(),
            visible: r.width > 0 && r.height > 0 && s.visibility !== "hidden" && r.right > 0 && r.left < innerWidth}; })"""

MAIN = """() => { const main = document.querySelector("#main-content"), h1 = main.querySelector("h1");
  const hidden = [...main.querySelectorAll("*")].filter(el => el.closest("[hidden]") === null
      && el.textContent.trim() && getComputedStyle(el).display === "none" && !el.closest("noscript"));
  return {text: main.innerText.trim().length, h1: h1 && h1.getBoundingClientRect().height > 0 ? h1.innerText : "",
          hidden: hidden.map(el => el.outerHTML.slice(0, 80))}; }"""


@pytest.fixture
def no_js(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def test_without_javascript_every_page_shows_its_content_and_the_whole_navigation(
        site: Path, served_site: str, browser, no_js, page) -> None:
    with_js = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    problems = []
    for address in built_pages(site):
        with_js.goto(served_site + address)
        shown_with_js = set(with_js.evaluate(MAIN)["hidden"])
        no_js.goto(served_site + address)
        main = no_js.evaluate(MAIN)
        main["hidden"] = [h for h in main["hidden"] if h not in shown_with_js]  # e.g. print-only text
        expected_h1 = page(address).select_one("#main-content h1").get_text(" ", strip=True)
        if main["h1"].strip() != expected_h1 or main["text"] < 200:
            problems.append(f"{address or '/'}: main content missing without JavaScript ({main})")
        problems += [f"{address or '/'}: content hidden without JavaScript: {h}" for h in main["hidden"]]
        links = no_js.evaluate(NAV_LINKS)
        built = page(address).select(".md-sidebar--primary .md-nav--primary a.md-nav__link")
        assert len(links) >= 3 and len(links) == len([a for a in built if not a.find_parent(class_="md-nav--secondary")])
        problems += [f"{address or '/'}: navigation link {link['text']!r} not visible" for link in links
                     if not link["visible"]]
        for part in (".md-search", 'label.md-header__button[for="__search"]'):
            search = no_js.locator(part)
            if search.count() and search.is_visible():
                problems.append(f"{address or '/'}: a search box that cannot work without JavaScript is shown")
    with_js.context.close()
    assert not problems, "\n".join(problems)


def test_without_javascript_the_phone_menu_opens_and_its_links_work(site: Path, served_site: str, browser) -> None:
    # Reduced motion: the drawer is open at once, not sliding in while it is measured.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640},
                                  reduced_motion="reduce")
    page = context.new_page()
    page.goto(served_site + "values/")
    links = page.evaluate(NAV_LINKS)
    assert links and not any(link["visible"] for link in links), "the menu should start closed on a phone"
    menu = page.locator('label.md-header__button[for="__drawer"]')
    assert menu.is_visible()
    menu.click()
    # No settle() here: it waits for animation frames, which a page without JavaScript never runs (it hung).
    # With reduced motion the drawer has no transition (test_reduced_motion_... proves it), so it is open now.
    links = page.evaluate(NAV_LINKS)
    assert all(link["visible"] for link in links), [link for link in links if not link["visible"]]
    # The whole menu is one list (hub.css): another section's page is one tap away, all by CSS.
    page.get_by_role("link", name="Our strategy", exact=True).first.click()
    assert page.url == served_site + "strategy/"
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_at_320_css_pixels_no_page_scrolls_sideways(site: Path, served_site: str, browser, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = []
    for address in built_pages(site):
        page.goto(served_site + address)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 320:
            widest = page.evaluate("""() => [...document.querySelectorAll("body *")]
                .filter(el => el.getBoundingClientRect().right > innerWidth + 1
                              && el.closest(".hub-table-wrap, .md-sidebar") === null)
                .slice(-3).map(el => el.outerHTML.slice(0, 80))""")
            too_wide.append(f"{address or '/'}: {width}px wide; e.g. {widest}")
    context.close()
    assert not too_wide, "\n".join(too_wide)


def test_reduced_motion_turns_off_every_transition_and_animation(site: Path, served_site: str, browser) -> None:
    moving = """() => [...document.querySelectorAll("*")].flatMap(el => [null, "::before", "::after"].map(pseudo => {
        const s = getComputedStyle(el, pseudo);
        const ms = v => Math.max(...v.split(",").map(t => parseFloat(t) * (t.trim().endsWith("ms") ? 1 : 1000)));
        const moves = (ms(s.transitionDuration) > 0 && s.transitionProperty !== "none")
                      || (s.animationName !== "none" && ms(s.animationDuration) > 0);
        return moves ? `${el.tagName.toLowerCase()}.${el.className}${pseudo || ""}: `
                       + `transition ${s.transitionDuration}, animation ${s.animationName}` : null;
      })).filter(Boolean).slice(0, 10)"""
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    found = []
    for address in built_pages(site):
        page.goto(served_site + address)
        found += [f"{address or '/'}: {m}" for m in page.evaluate(moving)]
    context.close()
    assert not found, "\n".join(found)

    # And the same check does see Material's motion when the reader has not asked for less.
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    page.goto(served_site)
    assert page.evaluate(moving)
    context.close()
