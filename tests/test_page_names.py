"""Templates link to the site's single pages by name (pages.NAMED), never by file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, fixture_project
from engagement_hub.output.site import HubSite
from engagement_hub.pages.pages import NAMED, named_src

TEMPLATES = ROOT / "theme_overrides" / "hub"
FILE_LINK = re.compile(r"""link\(\s*['"][^'"]*\.md['"]\s*\)""")
NAME_LINK = re.compile(r"""link_to\(\s*['"]([^'"]+)['"]\s*\)""")


def template_texts() -> dict[str, str]:
    return {str(p.relative_to(TEMPLATES)): p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.rglob("*.html"))}


def test_no_template_links_to_a_page_by_its_file() -> None:
    found = {name: FILE_LINK.findall(text) for name, text in template_texts().items() if FILE_LINK.search(text)}
    assert found == {}


def test_the_file_link_check_can_fail() -> None:
    assert FILE_LINK.findall("<a href=\"{{ link('contact.md') }}\">") and not FILE_LINK.findall("{{ link_to('contact') }}")


def test_every_name_a_template_uses_is_a_page_the_site_has(tmp_path: Path) -> None:
    used = {name for text in template_texts().values() for name in NAME_LINK.findall(text)}
    assert used and used <= set(NAMED)
    project = fixture_project("trust", tmp_path / "project")  # every section, whatever data/ holds
    site = HubSite.load(project, template_dir=TEMPLATES, content_dir=project / "content")
    # Each name is one of its pages, but members (a network's page).
    assert set(NAMED.values()) - {NAMED["members"]} <= set(site.pages)


def test_a_name_no_page_has_stops_the_build_in_words() -> None:
    with pytest.raises(KeyError, match="No page is called 'nope'"):
        named_src("nope")
