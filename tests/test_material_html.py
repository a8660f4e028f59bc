"""Material's deep indentation is squeezed out of every page (it was about 30 KB
of a year page at 100 times the example data), without changing what a reader
sees: code examples keep their layout and no words run together."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from material_html import fix_material_html, squeeze_indentation

from conftest import ROOT, built_pages

FENCED = re.compile(r"^```\w*\n(.*?)^```", re.MULTILINE | re.DOTALL)
KEEPS_WHITESPACE = re.compile(r"<(pre|textarea|script|style|code)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


def test_code_examples_in_the_guide_keep_their_indentation(page) -> None:
    examples = FENCED.findall((ROOT / "content" / "guide" / "index.md").read_text(encoding="utf-8"))
    shown = [pre.get_text().rstrip("\n") for pre in page("guide/").select("pre")]
    assert examples and any("\n  " in example for example in examples)
    for example in examples:
        assert example.rstrip("\n") in shown


def test_no_page_carries_indentation_outside_preformatted_text(site) -> None:
    for url in built_pages(site):
        html = (site / url / "index.html" if not url.endswith(".html") else site / url).read_text(encoding="utf-8")
        indented = re.search(r"\n[ \t]+\S.{0,40}", KEEPS_WHITESPACE.sub("<kept>", html))
        assert indented is None, f"{url or 'home'}: {indented.group(0)!r}"


@given(st.lists(st.sampled_from(["\n", "    ", "\t", " ", "word", "<a>", "</a>", "<pre>", "</pre>", "<code>",
                                 "</code>", "\n  x\n", "<script>", "</script>"]), max_size=40).map("".join))
def test_squeezing_changes_only_runs_of_whitespace_outside_preformatted_text(html: str) -> None:
    out = squeeze_indentation(html)
    assert out.split() == html.split()  # the same words and tags in the same order, none run together
    assert KEEPS_WHITESPACE.findall(out) == KEEPS_WHITESPACE.findall(html)
    assert [m.group(0) for m in KEEPS_WHITESPACE.finditer(out)] == [m.group(0) for m in KEEPS_WHITESPACE.finditer(html)]
    assert len(out) <= len(html) and squeeze_indentation(out) == out


def test_every_code_block_can_be_reached_by_keyboard(site) -> None:
    # Material's JavaScript gave them tabindex; the hub does not load it, so the page must (axe checks the rest).
    blocks = 0
    for url in built_pages(site):
        html = (site / url / "index.html" if not url.endswith(".html") else site / url).read_text(encoding="utf-8")
        for code in re.findall(r"<pre[^>]*><code[^>]*>", html):
            blocks += 1
            assert 'tabindex="0"' in code, f"{url}: {code}"
    assert blocks > 10


def test_a_code_block_gets_one_tabindex_and_other_code_none() -> None:
    assert fix_material_html('<pre><code class="language-yaml">a: 1</code></pre>') == \
        '<pre><code tabindex="0" class="language-yaml">a: 1</code></pre>'
    kept = '<pre class="x"><code tabindex="-1">a</code></pre>'
    assert fix_material_html(kept) == kept
    assert fix_material_html("<p><code>inline</code></p>") == "<p><code>inline</code></p>"


def test_a_plain_table_from_markdown_gets_a_tabindex_and_the_hubs_own_tables_none() -> None:
    assert fix_material_html("<table>\n<thead>") == '<table tabindex="0">\n<thead>'
    own = '<div class="hub-table-wrap" tabindex="0"><table class="hub-summary">'
    assert fix_material_html(own) == own
