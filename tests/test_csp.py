"""Every page carries a strict Content-Security-Policy that Chromium enforces with no violation.

Each page of the real built site is loaded in Chromium with a listener for
``securitypolicyviolation`` events installed before any of the page's own
script runs, and the console watched for CSP errors; search is used once, so
its worker and index load under the policy too. A negative test puts an inline
script the policy did not hash, an event handler and a third-party image on a
page and checks that the same listener reports them, so the test can fail.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import built_pages, search_word, serve_directory
from engagement_hub.output.csp import REFERRER, policy, with_policy

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


def test_the_policy_blocks_and_the_test_sees_what_it_did_not_allow(site: Path, tmp_path: Path, browser) -> None:
    """Negative test: script, handlers and third-party images the policy did not hash are blocked and reported."""
    page = page_file(site, "about/").read_text(encoding="utf-8")
    hostile = ('<script>window.__ran = 1</script><img src="x" onerror="window.__ran = 2">'
               '<img src="https://tracker.example/p.gif" alt=""><a id="js" href="javascript:window.__ran=3">x</a>')
    # The hostile markup is added after the policy was worked out, as markup that slipped past the sanitiser would be.
    built = page.replace("</article>", hostile + "</article>", 1)
    assert built != page
    (tmp_path / "hostile").mkdir()
    (tmp_path / "hostile" / "index.html").write_text(built, encoding="utf-8")
    base, server = serve_directory(tmp_path)
    try:
        found = violations(browser, base, ["hostile/"])
    finally:
        server.shutdown()
    assert any("script-src" in v and "inline" in v for v in found), found
    assert any("img-src" in v and "tracker.example" in v for v in found), found


def test_policy_hashes_exactly_the_inline_code() -> None:
    html = ('<html><head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
            "<style>p{}</style></head></html>")
    result = with_policy(html)
    assert result.index("Content-Security-Policy") < result.index("<script>")
    assert REFERRER in result
    rules = policy(html)
    assert len(re.findall(r"'sha256-", rules)) == 2
    assert policy(html.replace("a()", "b()")) != rules, "a different script needs a different hash"
