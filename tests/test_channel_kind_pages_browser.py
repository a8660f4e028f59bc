"""The pages a hub with many channels adds or changes (see test_channel_kind_pages.py) are valid HTML and pass
axe-core, at a desktop and a phone width: Get involved with a few of each kind, a kind's first page with its
pager, and a numbered page that continues it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_accessibility import SCREENS, violations
from test_channel_kind_pages import big_project, big_site  # noqa: F401 - the fixtures, built once here
from test_html_validity import check_html

from conftest import serve_directory

PAGES = ("get-involved/", "get-involved/ways/nhs/", "get-involved/ways/nhs/page-3/")


def test_the_pages_are_valid_html(big_site: Path) -> None:  # noqa: F811 - a fixture
    errors = check_html([big_site / address / "index.html" for address in PAGES])
    assert not errors, "\n".join(f"{e['url']}, line {e.get('lastLine')}: {e['message']}" for e in errors)


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_axe_finds_no_violations(big_site: Path, browser, screen: str) -> None:  # noqa: F811 - a fixture
    base, server = serve_directory(big_site)
    width, height, scale = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    try:
        problems = [f"{address}: {v}" for address in PAGES for v in violations(page, base + address)]
    finally:
        context.close()
        server.shutdown()
    assert not problems, "\n".join(problems)
