"""bench/reader.py, which `make bench` uses to measure what a reader pays: its server gzips as a web host
does, and its browser count sees a search file fetched on a page visit when there is one."""

from __future__ import annotations

import gzip
import shutil
import urllib.request
from pathlib import Path

import reader  # bench/, on the path through conftest


def _get(url: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers), response.read()


def test_the_bench_server_gzips_text_and_leaves_pagefinds_compressed_files_alone(trust_site: Path) -> None:
    base, server = reader.serve_gzipped(trust_site)
    try:
        headers, body = _get(base)
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == (trust_site / "index.html").read_bytes()
        fragment = next((trust_site / "pagefind" / "fragment").iterdir())
        headers, body = _get(base + fragment.relative_to(trust_site).as_posix())
        assert "Content-Encoding" not in headers and body == fragment.read_bytes()
    finally:
        server.shutdown()


def test_a_visit_fetches_no_search_file_and_the_count_would_see_one(trust_site: Path, browser, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(trust_site, copy)
    base, server = reader.serve_gzipped(copy)
    try:
        clean = reader.visit_and_search(browser, base, "")
        assert clean["search_on_visit"] == [] and 10_000 < clean["visit"] < 100 * 1024
        assert clean["search"] > 10_000 and "match" in clean["search_status"]
        home = copy / "index.html"  # a page that loads Pagefind up front, as Material loaded its index
        home.write_text(home.read_text(encoding="utf-8").replace(
            "</head>", '<script type="module" src="pagefind/pagefind.js"></script></head>'), encoding="utf-8")
        eager = reader.visit_and_search(browser, base, "")
        assert eager["search_on_visit"] and eager["visit"] > clean["visit"]
    finally:
        server.shutdown()


def test_page_weight_splits_a_page_into_parts_that_add_up_to_it(trust_site: Path) -> None:
    """bench/page_weight.py: every byte of a built year page is in one part, and blocks of a kind are counted."""
    import page_weight

    html = (trust_site / "progress/2025-26/index.html").read_text(encoding="utf-8")
    found = {name: (size, count) for name, size, count in page_weight.parts(html)}
    total = sum(size for size, _ in found.values())
    assert abs(total - len(html.encode("utf-8"))) < 0.02 * total, (total, len(html))
    assert found["article: section.hub-goal-report"][1] == 4  # the fixture trust's four goals
    assert {"menu", "page contents (sidebar)", "page contents in the phone menu", "head"} <= set(found)
    # A part added to the page is found, at its size.
    block = '<section class="hub-made-up">' + "x" * 5000 + "</section>"
    grown = {name: size for name, size, _ in page_weight.parts(html.replace("</article>", block + "</article>"))}
    assert grown["article: section.hub-made-up"] == len(block)
