"""Keyboard use in Debian's Chromium: the skip link, a journey from the home page to a goal,
focus that is always visible and never hidden under the sticky header (WCAG 2.2: 2.4.1, 2.4.7,
2.4.11), and targets of at least 24 by 24 CSS pixels (2.5.8)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, built_pages, search_word

# What a sighted keyboard user sees of the focused element; with settle, once the page has
# reacted to the key (Material resizes its sidebars on scroll, a frame later).
FOCUS = """async (settle) => {
  if (settle) {  // as conftest.SETTLE: finite transitions finished, then two frames
    const finite = document.getAnimations().filter(a => a.effect.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map(a => a.finished.catch(() => null)));
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  }
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
    if (hits.length) coveredBy = hits[0];
  }
  return {html: el.outerHTML.slice(0, 100), text: el.textContent.trim().slice(0, 60), href: el.getAttribute("href"),
          id: el.id, classes: el.className, outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
          opacity: s.opacity, width: r.width, height: r.height, coveredBy,
          inPrimaryNav: !!el.closest(".md-nav--primary"), inMain: !!el.closest("#main-content")};
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
    desktop.keyboard.type(search_word(), delay=20)
    desktop.wait_for_selector(".md-search-result__item")
    desktop.keyboard.press("ArrowDown")
    result = desktop.evaluate("document.activeElement.href")
    assert desktop.evaluate("!!document.activeElement.closest('.md-search-result__item')"), "ArrowDown left the results"
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(result)
    assert desktop.url.startswith(served_site) and desktop.url != served_site


@pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "phone"])
def test_focus_is_visible_and_not_hidden_under_the_header_on_every_page(
        site: Path, served_site: str, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 700}, reduced_motion="reduce")
    page = context.new_page()
    problems, focused = [], 0
    for address in built_pages(site):
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
    assert focused > 200
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "phone"])
def test_targets_are_at_least_24_css_pixels_or_spaced_apart(site: Path, served_site: str, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    for address in built_pages(site):
        page.goto(served_site + address)
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
