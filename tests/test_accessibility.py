"""axe-core on every page of this repository's own site (whatever data/ holds), in Debian's Chromium, at desktop and phone widths.

axe-core comes from npm (package-lock.json pins it; `make test` runs `npm ci`)
and is injected into each page as served on 127.0.0.1. The rule tags are
those for WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DRAW_EVERYTHING, ROOT, built_pages, search_for, search_word, settle

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 160),
                              summary: (n.failureSummary || "").split("\\n").slice(0, 3).join(" ")}))}));
}"""


def axe_path() -> Path:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `npm ci` (make test does this).")
    return AXE


def violations(page, url: str) -> list[str]:
    page.goto(url)
    return run_axe(page)


def run_axe(page) -> list[str]:
    """axe-core on the page as it stands, every part of it drawn, once every transition has finished (never mid-fade)."""
    page.add_style_tag(content=DRAW_EVERYTHING)
    settle(page)
    page.add_script_tag(path=str(axe_path()))
    found = page.evaluate(RUN_AXE, TAGS)
    return [f"{v['rule']} ({v['impact']}: {v['help']}) at {n['target']}\n      {n['html']}\n      {n['summary']}"
            for v in found for n in v["nodes"]]


# (width, height, device scale): a laptop, a tablet, a phone, and the laptop at 400 % zoom, where
# 1280 x 800 device pixels hold a 320 x 200 CSS px window.
SCREENS = {"desktop": (1280, 800, 1), "tablet": (768, 1024, 1), "phone": (320, 800, 1), "400% zoom": (320, 200, 4)}


@pytest.mark.parametrize("screen", SCREENS)
def test_axe_finds_no_violations_on_any_page(site: Path, served_site: str, browser, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    problems = []
    pages = built_pages(site)
    for address in pages:
        problems += [f"{address or '/'}: {v}" for v in violations(page, served_site + address)]
    context.close()
    assert len(pages) >= 5  # any organisation's site has at least home, strategy, values, contact, statement
    assert not problems, f"axe-core found {len(problems)} violations at {screen}:\n" + "\n".join(problems)


def test_axe_reports_a_real_violation(served_site: str, browser) -> None:
    """The run above can fail: the same set-up catches an image without alt text and a pale link."""
    page = browser.new_page()
    page.goto(served_site)
    page.evaluate("""() => {
      const article = document.querySelector("article");
      article.insertAdjacentHTML("afterbegin",
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">'
        + '<p style="color:#bbb">Pale text that nobody can read</p>');
    }""")
    found = run_axe(page)
    page.close()
    assert any(v.startswith("image-alt ") for v in found) and any(v.startswith("color-contrast ") for v in found)


# With and without reduced motion: a reader who allows motion sees the fade, and axe must wait for its end.
MOTION = pytest.mark.parametrize("motion", ["no-preference", "reduce"])


@MOTION
@pytest.mark.parametrize("screen", SCREENS)
def test_axe_finds_no_violations_with_search_results_open(served_site: str, browser, motion: str, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                  reduced_motion=motion)
    page = context.new_page()
    page.goto(served_site + "values/")
    search_for(page, search_word())
    found = run_axe(page)
    context.close()
    assert not found, "\n".join(found)


@MOTION
def test_axe_finds_no_violations_with_the_phone_menu_open(served_site: str, browser, motion: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, reduced_motion=motion)
    page = context.new_page()
    page.goto(served_site + "values/")
    page.get_by_role("button", name="Menu").click()  # content/assets/javascripts/hub-keyboard.js
    found = run_axe(page)
    context.close()
    assert not found, "\n".join(found)


def test_settling_waits_for_a_running_transition(served_site: str, browser) -> None:
    """settle() is what keeps the checks above off a moving page: measured straight after a change of
    colour under a one-second transition, the colour is still the old one; after settle(), the new one."""
    page = browser.new_page()
    page.goto(served_site)
    page.evaluate("""() => { const p = document.querySelector("article p");
      p.style.transition = "color 1s linear"; p.style.color = "rgb(255, 255, 255)"; p.getBoundingClientRect();
      p.style.color = "rgb(0, 0, 0)"; }""")
    colour = "getComputedStyle(document.querySelector('article p')).color"
    assert page.evaluate(colour) != "rgb(0, 0, 0)", "the transition should still be running"
    settle(page)
    assert page.evaluate(colour) == "rgb(0, 0, 0)"
    page.close()
