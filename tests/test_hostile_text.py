"""Script put in any text field of the data never runs in a reader's browser.

The example data is copied and every text field, found by walking the YAML
rather than by a list that could go stale, gets a script payload that the
data check accepts (links to javascript: and images are refused before the
build, so they are tested in tests/bad_inputs/). The site is built by the real
strict build, served, and every page loaded in Chromium: no payload may run,
open a dialog, log to the console, add an event handler to the page or fetch
anything from another site, and the plain-text fields must show the payload
as the text it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import built_pages, fixture_project, run_build, serve_directory
from engagement_hub.reading.load import check
from engagement_hub.reading.problems import field_path

# Each payload would set window.__pwned, call alert() or log PWNED if it ever ran.
PAYLOADS = [
    "<script>window.__pwned=1;console.log('PWNED')</script>",
    "<svg onload=\"window.__pwned=2\"><circle r=9 /></svg>",
    "<details open ontoggle=\"window.__pwned=3\">x</details>",
    "<input autofocus onfocus=\"window.__pwned=4\">",
    "<iframe srcdoc=\"<script>parent.__pwned=5</script>\"></iframe>",
    "<a href=\"https://example.org/\" onclick=\"window.__pwned=6\" onmouseover=\"alert('PWNED')\">x</a>",
    "\"><script>window.__pwned=7</script>",
    "'><svg/onload=alert('PWNED')>",
    "<scr<script>ipt>window.__pwned=8</scr</script>ipt>",
    "[x](https://example.org/ \"t\\\" onmouseover=\\\"window.__pwned=9\")",
    "<math><mtext><table><mglyph><style><!--</style><svg onload=\"window.__pwned=10\">",
    "<object data=\"https://example.org/x.svg\"></object><embed src=\"https://example.org/x.svg\">",
    "<style>@import 'https://example.org/x.css';</style><link rel=stylesheet href=https://example.org/y.css>",
    "<iframe src=\"https://example.org/\"></iframe>",
    "<form action=\"https://example.org/\"><button formaction=\"https://example.org/\">go</button></form>",
    "{{ 12345 * 2 }} {% if true %}JINJA-RAN{% endif %}",
    "</textarea></title></script><script>window.__pwned=11</script>",
    "<base href=\"https://example.org/\"><meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">",
]
# Every field gets this, so every place data text can reach is tried with a script element, a breakout from a
# quoted attribute or <title>, and event handlers that fire by themselves; then one of the payloads above.
EVERYWHERE = ("\"'></title><script>window.__pwned=1;console.log('PWNED')</script>"
              "<svg onload=\"window.__pwned=2\"></svg><details open ontoggle=\"window.__pwned=3\">x</details>")
# Setting window.__pwned (or calling alert) is what every payload does if it runs; this turns it into a report.
REPORTER = """Object.defineProperty(window, '__pwned', {configurable: true, get() { return undefined; },
    set(value) { console.log('PWNED ' + value); }});"""
SEARCH_WORD = "involvement"  # in many payload-laden titles and texts


def text_leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from text_leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from text_leaves(value, (*path, index))
    elif isinstance(node, str):
        yield path


def set_at(data: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def get_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def poison(project: Path) -> int:
    """Put a payload in every text field the data check accepts it in; returns how many fields."""
    files = {str(p.relative_to(project)): p for p in sorted((project / "data").rglob("*.yml"))}
    original = {name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in files.items()}
    poisoned = {name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in files.items()}
    leaves = {(name, leaf) for name, data in original.items() for leaf in text_leaves(data)}
    for n, (name, leaf) in enumerate(sorted(leaves, key=str)):
        set_at(poisoned[name], leaf, f"{get_at(original[name], leaf)} {EVERYWHERE} {PAYLOADS[n % len(PAYLOADS)]}")

    # Ids, dates, set words and web addresses have rules a payload breaks: put those back, as the check says.
    for _ in range(5):
        for name, data in poisoned.items():
            files[name].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        hub, problems = check(project)
        if hub is not None:
            return len(leaves)
        by_place = {(name, field_path(leaf)): leaf for name, leaf in leaves}
        for problem in problems:
            leaf = by_place.get((problem.file, problem.path))
            assert leaf is not None, f"a payload broke something other than its own field:\n{problem.human()}"
            set_at(poisoned[problem.file], leaf, get_at(original[problem.file], leaf))
            leaves.discard((problem.file, leaf))
    pytest.fail("the data still had problems after putting back every refused field")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    project = fixture_project("trust", tmp_path_factory.mktemp("hostile") / "project")
    fields = poison(project)
    site_dir = project.parent / "site"
    result = run_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir, fields


def test_payloads_reach_most_text_fields(hostile_site: tuple[Path, int]) -> None:
    _, fields = hostile_site
    assert fields > 200, "the payloads should be in hundreds of text fields"


def test_no_payload_runs_on_any_page(hostile_site: tuple[Path, int], browser) -> None:
    site_dir, _ = hostile_site
    base, server = serve_directory(site_dir)
    context = browser.new_context(java_script_enabled=True)
    # A payload that runs reports itself before anything else can happen, even if it then leaves the page.
    context.add_init_script(REPORTER)
    page = context.new_page()
    ran: list[str] = []
    outside: list[str] = []
    address = ""
    page.on("dialog", lambda dialog: (ran.append(f"/{address}: dialog {dialog.message}"), dialog.dismiss()))
    page.on("console", lambda message: ran.append(f"/{address}: {message.text}") if "PWNED" in message.text
            else None)

    def only_this_site(route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_site)
    escaped_on = []
    try:
        pages = built_pages(site_dir)
        assert len(pages) > 20
        for address in pages:
            page.goto(base + address, wait_until="load")
            page.wait_for_timeout(50)  # let autofocus, toggle and load handlers fire if they exist
            assert not ran, f"a payload ran: {ran[:3]}"
            assert page.url == base + address, f"a payload on /{address} sent the reader to {page.url}"
            handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
                [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""")
            assert not handlers, f"/{address} has event handlers from the data: {handlers[:5]}"
            dangerous = page.evaluate("""() => [...document.querySelectorAll(
                'iframe, object, embed, main form, base, meta[http-equiv=refresh], main style, main link')]
                .map(el => el.outerHTML.slice(0, 80))""")
            assert not dangerous, f"/{address} has elements from the data: {dangerous[:3]}"
            body = page.evaluate("document.body.innerText")
            ran_as_template = "24690" in body or body.count("JINJA-RAN") != body.count("%}JINJA-RAN{%")
            assert not ran_as_template, f"data text was run as a template on /{address}"
            if EVERYWHERE[:60] in body:
                escaped_on.append(address)

        # The search (Pagefind) draws results from its index with JavaScript: the payloads must stay text there too.
        address = "(search)"
        page.goto(base, wait_until="networkidle")
        page.focus("input.md-search__input")
        page.keyboard.type(SEARCH_WORD, delay=20)
        page.wait_for_function("(document.querySelector('.md-search-result__meta') || {}).textContent"
                               "?.includes('match')", timeout=120_000)
        # The count comes before the results are drawn: wait for a result that holds a payload (as text),
        # not for a fixed time, which a busy machine outlasts.
        page.locator(".md-search-result__item", has_text="__pwned").first.wait_for(timeout=120_000)
        assert "__pwned" in page.inner_text(".md-search-result"), "the results should hold payloads, as text"
    finally:
        context.close()
        server.shutdown()
    assert not ran, ran
    assert not outside, f"requests to other sites: {outside[:5]}"
    # Plain-text fields (names, titles) are escaped, so readers see the payload as harmless text.
    assert len(escaped_on) >= 5, escaped_on
