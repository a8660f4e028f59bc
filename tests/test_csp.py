"""Every page carries a strict Content-Security-Policy that Chromium enforces with no violation.

Each page of the real built site is loaded in Chromium with a listener for
``securitypolicyviolation`` events installed before any of the page's own
script runs, and the console watched for CSP errors; search is used once, so
its worker and index load under the policy too. Negative tests put an inline
script, a JSON-LD breakout, an event handler and a third-party image into a
page *before* its policy is worked out, as markup that slipped past escaping
would be, and check that none of it runs and the same listener reports it, so
the test can fail: the policy allows only the scripts the templates write.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import built_pages, search_word, serve_directory
from engagement_hub.output.csp import POLICY, REFERRER, TEMPLATE_SCRIPTS, with_policy

LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));"""


def page_file(site: Path, address: str) -> Path:
    return site / address if address.endswith(".html") else site / address / "index.html"


def violations(browser, base: str, addresses: list[str], *, search: bool = False) -> list[str]:
    context = browser.new_context(bypass_csp=False)  # the page's own policy, enforced
    context.add_init_script(LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    found = []
    for address in addresses:
        page.goto(base + address, wait_until="networkidle")
        found += [f"{address or '/'}: {v}" for v in page.evaluate("window.__violations")]
    if search:
        page.goto(base, wait_until="networkidle")
        page.keyboard.press("s")
        # a word from this site's own first goal: a fork's site may have no pledges to find
        page.locator(".md-search__input").press_sequentially(search_word(), delay=30)
        page.wait_for_selector(".md-search-result__item")
        found += [f"/ (search): {v}" for v in page.evaluate("window.__violations")]
    context.close()
    return found + [f"console: {text}" for text in console]


def test_every_page_has_the_policy_first_in_head(site: Path) -> None:
    for address in built_pages(site):
        soup = BeautifulSoup(page_file(site, address).read_text(encoding="utf-8"), "html.parser")
        metas = soup.head.find_all("meta")
        assert metas[1].get("http-equiv") == "Content-Security-Policy", address
        content = metas[1]["content"]
        assert "default-src 'none'" in content and "'unsafe-inline'" not in content and "'unsafe-eval'" not in content
        assert "object-src 'none'" in content and "base-uri 'none'" in content
        assert soup.head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer", address
        first_script = soup.head.find(["script", "style"])
        assert first_script is None or metas[1].sourceline < first_script.sourceline, address


def test_chromium_reports_no_violation_on_any_page(site: Path, served_site: str, browser) -> None:
    found = violations(browser, served_site, built_pages(site), search=True)
    assert found == [], "Content-Security-Policy violations:\n" + "\n".join(found)


HOSTILE = ('<script>window.__ran = 1</script><img src="x" onerror="window.__ran = 2">'
           '<img src="https://tracker.example/p.gif" alt=""><a id="js" href="javascript:window.__ran=3">x</a>'
           '<script type="application/ld+json">{"name": "x"}</script><script>window.__ran = 4</script>'
           '<style>body { display: none }</style>')
POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def test_markup_that_slipped_into_the_page_is_blocked_though_the_policy_was_made_from_it(
        site: Path, tmp_path: Path, browser) -> None:
    """Negative test: script, handlers, styles and third-party images in the page's own HTML are blocked and reported.

    The hostile markup is in the page when its policy is worked out, as markup that slipped past escaping
    would be: a policy that hashed every inline script it found would let it run.
    """
    page = page_file(site, "about/").read_text(encoding="utf-8")
    bare = POLICY_TAG.sub("", page.replace(REFERRER, ""), count=1)
    assert bare != page and "Content-Security-Policy" not in bare
    built = with_policy(bare.replace("</article>", HOSTILE + "</article>", 1))
    assert HOSTILE in built and built.count("Content-Security-Policy") == 1
    (tmp_path / "hostile").mkdir()
    (tmp_path / "hostile" / "index.html").write_text(built, encoding="utf-8")
    base, server = serve_directory(tmp_path)
    context = browser.new_context(bypass_csp=False)
    try:
        page_in_browser = context.new_page()
        page_in_browser.goto(base + "hostile/", wait_until="networkidle")
        page_in_browser.click("#js")
        assert page_in_browser.evaluate("window.__ran") is None, "hostile script ran"
        assert page_in_browser.evaluate("document.documentElement.className") == "js", "the template's script did not"
        assert page_in_browser.locator("h1").first.is_visible(), "a hostile style applied"
        found = violations(browser, base, ["hostile/"])
    finally:
        context.close()
        server.shutdown()
    assert sum("script-src" in v and "inline" in v for v in found) >= 2, found
    assert any("style-src" in v for v in found), found
    assert any("img-src" in v and "tracker.example" in v for v in found), found


def test_the_policy_allows_exactly_the_templates_scripts_whatever_the_page_holds() -> None:
    html = ('<html><head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
            "<style>p{}</style></head></html>")
    result = with_policy(html)
    assert result.index("Content-Security-Policy") < result.index("<script>")
    assert REFERRER in result
    assert f'content="{POLICY}"' in result
    assert len(re.findall(r"'sha256-", POLICY)) == len(TEMPLATE_SCRIPTS) >= 1
    assert with_policy(html.replace("a()", "b()")).replace("b()", "a()") == result, "the page's own scripts add nothing"
    assert "'unsafe-inline'" not in POLICY and "style-src 'self';" in POLICY


def test_every_inline_script_the_templates_write_is_allowed(site: Path) -> None:
    """So a template's own script runs: each executable inline script on every built page is one the policy names.

    Also fails if a template's script is changed without changing TEMPLATE_SCRIPTS, before Chromium is asked.
    """
    found: set[str] = set()
    for address in built_pages(site):
        soup = BeautifulSoup(page_file(site, address).read_text(encoding="utf-8"), "html.parser")
        found |= {tag.string or "" for tag in soup.find_all("script")
                  if not tag.get("src") and tag.get("type", "text/javascript") in ("text/javascript", "module")}
    assert found == set(TEMPLATE_SCRIPTS)
