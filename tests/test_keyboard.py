"""Keyboard use in Debian's Chromium: the skip link, a journey from the home page to a goal,
focus that is always visible and never hidden under the sticky header (WCAG 2.2: 2.4.1, 2.4.7,
2.4.11), and targets of at least 24 by 24 CSS pixels (2.5.8)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import DRAW_EVERYTHING, ROOT, built_pages, search_for, search_word, settle

# What a sighted keyboard user sees of the focused element; with settle, once the page has
# reacted to the key (Material resizes its sidebars on scroll, a frame later).
FOCUS = """async (settle) => {
  if (settle) {  // as conftest.SETTLE: finite transitions finished, then two frames
    const finite = document.getAnimations().filter(a => a.effect.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map(a => a.finished.catch(() => null)));
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  }
  // A settled look waits up to ten frames for the focus to come clear, for a scroll still under way.
  for (let frame = 0; settle && frame < 10 && hidden(); frame++)
    await new Promise(done => requestAnimationFrame(done));
  return look();
  function hidden() { const found = look(); return !!(found && found.coveredBy); }
  function look() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  // Not hidden: some point of it, inside the window, shows the element itself rather than what is on top.
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  let coveredBy = null;
  if (r.width === 0 || r.height === 0) coveredBy = "(nothing: it has no size)";
  else if (right <= left || bottom <= top) coveredBy = "(the edge of the window)";
  else {
    const hits = [];
    for (const fx of [0.5, 0.1, 0.9]) for (const fy of [0.5, 0.1, 0.9]) {
      const hit = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
      if (hit && (hit === el || el.contains(hit) || hit.contains(el))) { hits.length = 0; break; }
      hits.push(hit ? hit.outerHTML.slice(0, 80) : "(nothing)");
    }
    // Where it was, so a failure says what covered it and by how much.
    if (hits.length) coveredBy = `${hits[0]} (focus at top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)} `
      + `of a ${innerHeight}px window scrolled to ${Math.round(scrollY)})`;
  }
  return {html: el.outerHTML.slice(0, 100), text: el.textContent.trim().slice(0, 60), href: el.getAttribute("href"),
          id: el.id, classes: el.className, outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
          opacity: s.opacity, width: r.width, height: r.height, coveredBy,
          inPrimaryNav: !!el.closest(".md-nav--primary"), inMain: !!el.closest("#main-content")};
  }
}"""

# Targets (links, buttons, controls) smaller than 24 by 24 CSS px that are neither in a line of
# text nor far enough from other targets: WCAG 2.2 SC 2.5.8 and its spacing exception.
SMALL_TARGETS = """() => {
  const targets = [...document.querySelectorAll(
      'a[href], button, input:not([type=hidden]):not(.md-toggle), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(el => {
      const r = el.getBoundingClientRect(), s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && parseFloat(s.opacity) > 0;
    });
  const blockOf = el => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node;
  };
  const inText = el => {  // other words in the same block, outside any target: a link in a sentence
    const block = blockOf(el);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (el.contains(node) || !node.textContent.trim()) continue;
      const parent = node.parentElement;
      if (targets.some(t => t.contains(parent))) continue;
      if (blockOf(node) !== block && parent !== block && blockOf(parent) !== block) continue;
      const display = getComputedStyle(parent).display;
      if (parent === block || display.startsWith("inline")) return true;
    }
    return false;
  };
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const small = targets.filter(el => { const r = el.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
                       .filter(el => !inText(el));
  const distanceToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  return small.filter(el => {
    const c = centre(el.getBoundingClientRect());
    return targets.some(other => {
      if (other === el || other.contains(el) || el.contains(other)) return false;
      const o = other.getBoundingClientRect();
      return small.includes(other) ? Math.hypot(c[0] - centre(o)[0], c[1] - centre(o)[1]) < 24 : distanceToRect(c, o) < 12;
    });
  }).map(el => { const r = el.getBoundingClientRect();
                 return `${el.outerHTML.slice(0, 90)} is ${r.width.toFixed(0)}x${r.height.toFixed(0)}`; });
}"""


def goal_addresses() -> dict[str, str]:
    """Goal page addresses and titles, from the example data itself."""
    data = yaml.safe_load((ROOT / "data" / "strategy.yml").read_text(encoding="utf-8"))
    return {f"strategy/{goal['id']}/": goal["title"] for goal in data["goals"]}


def focused_element(page) -> dict | None:
    """The focused element as a reader sees it; looked at again after two frames if it seems hidden."""
    found = page.evaluate(FOCUS, False)
    return page.evaluate(FOCUS, True) if found and found["coveredBy"] else found


def tab_through(page, limit: int = 400) -> list[dict]:
    """Press Tab until focus comes round again, recording what each press focused."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = focused_element(page)
        if focused is None or (seen and focused["html"] == seen[0]["html"]):
            break
        seen.append(focused)
    return seen


def focus_problems(address: str, steps: list[dict]) -> list[str]:
    problems = []
    for step in steps:
        if step["outline"] == "none" or step["outlineWidth"] < 2:
            problems.append(f"{address}: no visible focus outline on {step['html']}")
        if step["coveredBy"]:
            problems.append(f"{address}: focused {step['html']} is hidden by {step['coveredBy']}")
    return problems


@pytest.fixture
def desktop(browser):
    # Reduced motion, so each check sees where a transition ends (e.g. the search overlay
    # fading out after Tab closes the search), not a frame in the middle of it.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    yield context.new_page()
    context.close()


def test_the_first_tab_shows_a_skip_link_that_moves_focus_to_the_main_content(served_site: str, desktop) -> None:
    desktop.goto(served_site)
    desktop.keyboard.press("Tab")
    skip = focused_element(desktop)
    assert skip["text"] == "Skip to main content" and skip["href"] == "#main-content"
    assert skip["opacity"] == "1" and skip["width"] >= 24 and skip["height"] >= 24 and not skip["coveredBy"]
    assert skip["outline"] != "none"
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("location.hash") == "#main-content"
    assert desktop.evaluate("document.activeElement.id") == "main-content"
    desktop.keyboard.press("Tab")
    after = focused_element(desktop)
    assert after["inMain"], f"after the skip link, Tab went to {after['html']}, not the main content"


def test_keyboard_journey_from_home_through_navigation_and_search_to_a_goal(served_site: str, desktop) -> None:
    goals = goal_addresses()
    desktop.goto(served_site)
    steps = tab_through(desktop)
    assert steps[0]["text"] == "Skip to main content"
    assert any(s["inPrimaryNav"] for s in steps), "Tab never reached the site navigation"
    assert any("md-search__input" in s["classes"] for s in steps), "Tab never reached the search box"
    to_goal = next((i for i, s in enumerate(steps) if s["href"] and s["href"].rstrip("/").endswith(
        tuple(a.rstrip("/") for a in goals))), None)
    assert to_goal is not None, "Tab never reached a link to a goal page"
    assert not focus_problems("/", steps)

    desktop.goto(served_site)
    for _ in range(to_goal + 1):
        desktop.keyboard.press("Tab")
    focused = focused_element(desktop)
    assert focused["href"] == steps[to_goal]["href"], (focused, steps[to_goal])
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(lambda url: url != served_site)
    address = desktop.url.removeprefix(served_site)
    assert address in goals, f"Enter on the goal link went to {desktop.url}"
    assert goals[address] in desktop.locator("h1").inner_text()

    # Search by keyboard alone: type, then move into the results and open one.
    desktop.goto(served_site)
    while "md-search__input" not in (focused_element(desktop) or {}).get("classes", ""):
        desktop.keyboard.press("Tab")
    search_for(desktop, search_word())
    desktop.keyboard.press("ArrowDown")
    result = desktop.evaluate("document.activeElement.href")
    assert desktop.evaluate("!!document.activeElement.closest('.md-search-result__item')"), "ArrowDown left the results"
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(result)
    assert desktop.url.startswith(served_site) and desktop.url != served_site


@pytest.mark.parametrize(("width", "height", "scale"), [(1280, 700, 1), (768, 1024, 1), (320, 700, 1), (320, 200, 4)],
                         ids=["desktop", "tablet", "phone", "400% zoom"])
def test_focus_is_visible_and_not_hidden_under_the_header_on_every_page(
        site: Path, served_site: str, browser, width: int, height: int, scale: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                  reduced_motion="reduce")
    page = context.new_page()
    problems, focused = [], 0
    # Every page on a laptop and a phone; a page of each kind (the same templates draw the rest) on a tablet
    # and at 400 % zoom.
    addresses = built_pages(site) if width != 768 and scale == 1 else one_page_of_each_kind(site)
    for address in addresses:
        page.goto(served_site + address)
        steps = tab_through(page)
        focused += len(steps)
        problems += focus_problems(f"{address or '/'} at {width}px", steps)
        # And backwards, which is when a sticky header most often covers the focus.
        for _ in range(min(len(steps), 40)):
            page.keyboard.press("Shift+Tab")
            step = focused_element(page)
            if step:
                problems += focus_problems(f"{address or '/'} at {width}px (Shift+Tab)", [step])
    context.close()
    assert focused > (200 if width != 768 and scale == 1 else 60)
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "phone"])
def test_targets_are_at_least_24_css_pixels_or_spaced_apart(site: Path, served_site: str, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    for address in built_pages(site):
        page.goto(served_site + address)
        page.add_style_tag(content=DRAW_EVERYTHING)
        problems += [f"{address or '/'}: {small}" for small in page.evaluate(SMALL_TARGETS)]
    context.close()
    assert not problems, "targets under 24x24 CSS px with other targets too close:\n" + "\n".join(problems)


def test_the_target_check_finds_a_small_crowded_link(served_site: str, desktop) -> None:
    desktop.goto(served_site)
    desktop.evaluate("""() => document.querySelector("article").insertAdjacentHTML("afterbegin",
        '<div><a href="#a" style="display:inline-block;width:10px;height:10px">a</a>'
        + '<a href="#b" style="display:inline-block;width:10px;height:10px">b</a></div>')""")
    small = desktop.evaluate(SMALL_TARGETS)
    assert any('href="#a"' in s for s in small) and any('href="#b"' in s for s in small)


def test_the_focus_check_sees_a_missing_outline_and_a_covered_element(served_site: str, desktop) -> None:
    desktop.goto(served_site)
    desktop.add_style_tag(content="a:focus-visible { outline: none !important; }")
    desktop.keyboard.press("Tab")
    assert any("no visible focus outline" in p for p in focus_problems("/", [focused_element(desktop)]))
    desktop.evaluate("""() => document.body.insertAdjacentHTML("beforeend",
        '<div style="position:fixed;inset:0;background:#fff;z-index:100"></div>')""")
    assert any("is hidden by" in p for p in focus_problems("/", [focused_element(desktop)]))


# Elements that take focus themselves (a link, a control, a scrolling region with tabindex) and are drawn lazily.
LAZY_FOCUS_STOPS = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter(el => getComputedStyle(el).contentVisibility === "auto").map(el => el.outerHTML.slice(0, 80))"""


def test_nothing_that_takes_focus_is_drawn_lazily(site: Path, served_site: str, desktop) -> None:
    # Drawn only as it nears the window (content-visibility: auto), an element that had the focus could, if Tab
    # moved on before the next frame, fold back to its stand-in height; the next link, scrolled into view against
    # that height, then ended under the sticky header once the element was drawn again (seen at 400 % zoom on a
    # busy machine: a goal page's measures table, then "Read the full report"; on a phone, a year report's section).
    problems = []
    for address in one_page_of_each_kind(site):
        desktop.goto(served_site + address)
        problems += [f"{address or '/'}: {html}" for html in desktop.evaluate(LAZY_FOCUS_STOPS)]
    assert not problems, "drawn lazily although it takes focus:\n" + "\n".join(problems)


def test_the_lazy_focus_check_finds_a_lazily_drawn_region(served_site: str, desktop) -> None:
    desktop.goto(served_site)
    desktop.evaluate("""() => document.querySelector("article").insertAdjacentHTML("beforeend",
        '<div tabindex="0" style="content-visibility:auto">a scrolling region</div>')""")
    assert any("a scrolling region" in html for html in desktop.evaluate(LAZY_FOCUS_STOPS))


# --- The whole navigation by keyboard at every width and at 400 % zoom (issue 12) ---

# (width, height, device scale): a phone, a tablet, a laptop, and the laptop at 400 % zoom, where
# 1280 x 800 device pixels hold a 320 x 200 CSS px window.
SCREENS = {"phone": (320, 640, 1), "tablet": (768, 1024, 1), "laptop": (1280, 800, 1), "laptop at 400%": (320, 200, 4)}

# Every page the menu links to, except the page itself: on a phone Material shows the current page's entry as
# a label that opens its table of contents, not as a link (a link to where the reader already is).
PRIMARY_NAV_LINKS = """() => [...new Set([...document.querySelectorAll(
    ".md-sidebar--primary .md-nav--primary a.md-nav__link[href]")]
  .filter(a => !a.closest(".md-nav--secondary")).map(a => a.href)
  .filter(href => href !== location.href.split("#")[0]))]"""

MENU_BUTTON = "document.activeElement.matches('.hub-menu-button, .md-header__button[for=__drawer]')"


def one_page_of_each_kind(site: Path) -> list[str]:
    """The home page, each main section's page and the first page below each section: every template that
    draws the menu, with the menu open at each depth (its links are the same on the pages of one kind)."""
    every = built_pages(site)
    sections = sorted({p.split("/")[0] + "/" for p in every if p.count("/") >= 1})
    below = [next((p for p in every if p.startswith(s) and p != s), "") for s in sections]
    return list(dict.fromkeys(p for p in ["", *sections, *below] if p in every))


def keyboard_reaches_navigation(page, base: str, address: str) -> tuple[set[str], list[str], list[dict]]:
    """Go to a page and, with the keyboard alone, reach the navigation: on narrow screens Tab to the menu
    button and press Enter. Returns the nav links never focused, focus problems, and every stop."""
    page.goto(base + address)
    wanted = set(page.evaluate(PRIMARY_NAV_LINKS))
    absolute = "(href) => new URL(href, location.href).href"
    opened = False
    steps: list[dict] = []
    reached: set[str] = set()
    for _ in range(300):
        page.keyboard.press("Tab")
        step = focused_element(page)
        if step is None or (steps and step["html"] == steps[0]["html"]):
            break
        steps.append(step)
        if step["href"] and step["inPrimaryNav"]:
            reached.add(page.evaluate(absolute, step["href"]))
            if wanted <= reached:
                break  # every menu link reached (the rest of the page: test_focus_is_visible_...)
        if not opened and page.evaluate(MENU_BUTTON) and page.evaluate("innerWidth < 1220"):
            opened = True
            page.keyboard.press("Enter")
            settle(page)
            step = focused_element(page)
            if step:
                steps.append(step)
    reached |= {page.evaluate(absolute, s["href"]) for s in steps if s["href"] and s["inPrimaryNav"]}
    return wanted - reached, focus_problems(address or "/", steps), steps


@pytest.mark.parametrize("screen", SCREENS)
def test_every_navigation_link_is_reached_by_keyboard_with_focus_on_screen(
        site: Path, served_site: str, browser, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    problems = []
    for address in one_page_of_each_kind(site):
        missed, bad_focus, steps = keyboard_reaches_navigation(page, served_site, address)
        assert steps, f"{address}: Tab focused nothing"
        problems += [f"{address or '/'} at {screen}: Tab never reached the menu link {m}" for m in sorted(missed)]
        problems += [f"{p} at {screen}" for p in bad_focus]
    context.close()
    assert not problems, "\n".join(problems)


def test_without_the_menu_button_the_navigation_check_finds_links_keyboard_cannot_reach(served_site: str, browser) -> None:
    # Without JavaScript the phone menu is Material's label, which Tab skips: the check must say so.
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    missed, _, _ = keyboard_reaches_navigation(context.new_page(), served_site, "")
    context.close()
    assert len(missed) >= 10


@pytest.mark.parametrize("screen", ["phone", "tablet", "laptop at 400%"])
def test_the_menu_button_opens_with_enter_or_space_and_escape_returns_focus(
        served_site: str, browser, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    page.goto(served_site + "contact/")
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    for key in ("Enter", " "):
        button.focus()
        page.keyboard.press(key)
        settle(page)
        assert button.get_attribute("aria-expanded") == "true" and page.evaluate("__drawer.checked")
        assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus did not move into the menu"
        assert not focus_problems("contact/", [focused_element(page)])
        page.keyboard.press("Escape")
        settle(page)
        assert not page.evaluate("__drawer.checked") and button.get_attribute("aria-expanded") == "false"
        assert page.evaluate(MENU_BUTTON), "Escape did not return focus to the menu button"
    context.close()


def test_after_the_full_screen_search_the_next_focus_is_on_screen(served_site: str, browser) -> None:
    # On a phone (here 400 % zoom), Tab onto search opens the full-screen search; wait until it has, then Tab
    # out: each next stop (the language links in the header, if the site has languages, then the first link
    # of the main content) must be in view.
    width, height, scale = SCREENS["laptop at 400%"]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    page.goto(served_site)
    while "md-search__input" not in (focused_element(page) or {}).get("classes", ""):
        page.keyboard.press("Tab")
    page.wait_for_function("__search.checked")
    steps: list[dict] = []
    for _ in range(10):
        page.keyboard.press("Tab")
        settle(page)
        steps.append(focused_element(page))
        if steps[-1] is None or steps[-1]["inMain"]:
            break
    context.close()
    assert steps[-1] and steps[-1]["inMain"], f"Tab after the search never reached the main content: {steps}"
    assert not focus_problems("/", steps), steps


PINNED = "getComputedStyle(document.body).position === 'fixed' || getComputedStyle(document.body).overflowY === 'hidden'"


@pytest.mark.parametrize("close", ["Escape", "Tab"])
def test_closing_the_full_screen_search_lets_the_page_scroll_again(served_site: str, browser, close: str) -> None:
    # On a phone the search covers the screen; however it closes, the page under it must be where it was
    # and still scroll (Material's JavaScript pinned the page and could leave it pinned; the hub no longer
    # loads that, and this keeps any script of ours from doing the same).
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(served_site + "values/")
    page.evaluate("window.scrollTo(0, 300)")
    settle(page)
    top = page.evaluate("scrollY")
    # A tap on the search icon (a click from script: Playwright's own click would scroll the page first).
    page.evaluate("""document.querySelector('label.md-header__button[for="__search"]').click()""")
    page.wait_for_function("__search.checked && document.activeElement.matches('.md-search__input')")
    page.keyboard.press(close)
    page.wait_for_function("!__search.checked")
    settle(page)
    pinned = page.evaluate(PINNED)
    where = page.evaluate("scrollY")
    page.mouse.wheel(0, 200)
    page.wait_for_function("(y) => scrollY > y", arg=where)  # the page scrolls again (times out if pinned)
    context.close()
    assert top > 0 and not pinned and (where == top or close == "Tab"), (pinned, where, top)


def test_the_pinned_page_check_sees_a_page_left_pinned(served_site: str, browser) -> None:
    # The failure the test above guards against: a page left pinned under a closed search.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(served_site + "values/")
    page.evaluate("document.body.style.position = 'fixed'; document.body.style.top = '-300px'")
    settle(page)
    pinned = page.evaluate(PINNED)
    context.close()
    assert pinned
