"""The organisation's logo, favicon and content review dates come from data/organisation.yml, checked like
any other field."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ORG_KINDS, build_env, fixture_project

SCRIPTED = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
# Script an SVG opened on its own runs, disguised from a plain search for '<script' or 'javascript:'.
DISGUISED = {
    "namespace prefix": '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>',
    "character reference": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
                           '<a x:href="&#106;avascript:alert(1)"><circle r="9"/></a></svg>',
    "tab in the scheme": '<svg xmlns="http://www.w3.org/2000/svg"><a href="java&#x09;script:alert(1)"><circle r="9"/></a></svg>',
    "entity": '<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&s;</svg>',
    "stylesheet": '<?xml-stylesheet type="text/xsl" href="data:x"?><svg xmlns="http://www.w3.org/2000/svg"/>',
}
# Illustrator's export declares entities for its namespaces: plain shapes, which the check must still accept.
ILLUSTRATOR = ('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" '
               '[<!ENTITY ns_svg "http://www.w3.org/2000/svg">]><svg xmlns="&ns_svg;"><circle r="9"/></svg>')


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                          env=build_env(), capture_output=True, text=True, timeout=60, check=False)


def set_logo(project: Path, file: str) -> int:
    """Point the example's logo at another file; returns the line of `file:`."""
    path = project / "data" / "organisation.yml"
    text = re.sub(r"(?m)^  file: brand/logo\.(svg|png)$", f"  file: {file}", path.read_text(encoding="utf-8"))
    if f"  file: {file}" not in text:  # an organisation without a logo (the group): give it one
        text += f"logo:\n  file: {file}\n  alt: Our logo\n"
    path.write_text(text, encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(f"  file: {file}"))


def test_the_trust_shows_its_own_logo_with_its_text_alternative_and_favicon(trust_site: Path, trust_page) -> None:
    site, home = trust_site, trust_page("")
    logo = home.select_one(".md-header img")
    assert logo["src"] == "assets/brand/logo.svg" and logo["alt"] == "Southbank Hospitals logo"
    assert home.select_one('link[rel="icon"]')["href"] == "assets/brand/favicon.svg"
    assert (site / "assets" / "brand" / "logo.svg").read_bytes() == (
        Path(__file__).parent / "fixtures" / "trust" / "data" / "brand" / "logo.svg").read_bytes()


@pytest.mark.parametrize(("file", "content", "says"), [
    ("brand/missing.svg", None, "There is no file data/brand/missing.svg for the logo"),
    ("brand/logo.gif", b"GIF89a", "The logo must be SVG, PNG"),
    ("../secret.svg", None, "The logo must be a file inside the data folder"),
    ("brand/bad.svg", SCRIPTED.encode(), "contains script or event handlers"),
    ("brand/huge.png", b"\x89PNG" + b"0" * 300_000, "is 300 KB"),
    ("brand/renamed.png", b"GIF89a" + b"0" * 40, "is not a PNG image, whatever its name says"),
], ids=["missing", "wrong kind", "outside data", "script", "too big", "not really a PNG"])
def test_a_bad_logo_is_a_plain_error_naming_file_line_and_field(project: Path, file: str, content: bytes | None,
                                                                 says: str) -> None:
    if content is not None:
        (project / "data" / file).write_bytes(content)
    line = set_logo(project, file)
    result = make_check(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"data/organisation.yml, line {line}" in result.stderr and "field: logo.file" in result.stderr
    assert says in result.stderr, result.stderr


@pytest.mark.parametrize("kind", ORG_KINDS)
@pytest.mark.parametrize("how", sorted(DISGUISED))
def test_script_disguised_in_an_svg_logo_is_refused(kind: str, how: str, tmp_path: Path) -> None:
    """Published under assets/brand/ unchanged, an SVG opened on its own runs its script with the site's origin."""
    project = fixture_project(kind, tmp_path / "project")
    (project / "data" / "brand").mkdir(exist_ok=True)
    (project / "data" / "brand" / "odd.svg").write_text(DISGUISED[how], encoding="utf-8")
    line = set_logo(project, "brand/odd.svg")
    result = make_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"data/organisation.yml, line {line}" in result.stderr and "field: logo.file" in result.stderr
    assert "contains script or event handlers" in result.stderr


def test_an_svg_with_only_namespace_entities_is_accepted(project: Path) -> None:
    (project / "data" / "brand" / "plain.svg").write_text(ILLUSTRATOR, encoding="utf-8")
    set_logo(project, "brand/plain.svg")
    result = make_check(project)
    assert result.returncode == 0, result.stderr


def test_without_a_logo_the_site_keeps_materials_icon(project: Path, tmp_path: Path) -> None:
    from conftest import run_build
    path = project / "data" / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("logo:")
    path.write_text(text[:start] + text[text.index("site_url:"):], encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "assets/brand/" not in home and 'class="md-header__button md-logo"' in home


def test_every_page_says_when_it_was_last_reviewed_and_when_it_is_due(trust_site: Path, trust_page) -> None:
    from conftest import built_pages
    site, page = trust_site, trust_page
    for address in built_pages(site)[:-1]:  # all but 404.html, which is not a page of content
        times = page(address).select(".hub-reviewed time")
        assert [t["datetime"] for t in times] == ["2026-11-02", "2027-11-02"], address
    assert "Page last reviewed: 2 November 2026" in page("").select_one(".hub-reviewed").get_text(" ", strip=True)


def test_a_next_review_before_the_last_is_a_plain_error(project: Path) -> None:
    path = project / "data" / "organisation.yml"
    text = path.read_text(encoding="utf-8").replace("next_review_due: 2027-11-02", "next_review_due: 2025-01-01")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "next_review_due" in row)
    result = make_check(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"data/organisation.yml, line {line}" in result.stderr
    assert "The next review (2025-01-01) is not after the last review (2026-11-02)" in result.stderr


def test_each_fixture_organisation_shows_the_logo_favicon_and_review_dates_its_data_names(
        org_site: tuple[str, Path]) -> None:
    # The trust's SVG files, the network's PNG logo and ICO favicon, and the group, which names none.
    import yaml
    from bs4 import BeautifulSoup

    kind, site = org_site
    org = yaml.safe_load((Path(__file__).parent / "fixtures" / kind / "data" / "organisation.yml").read_text(encoding="utf-8"))
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    logo = home.select_one(".md-header .md-logo img")
    reviewed = home.select(".hub-reviewed time")
    if "logo" in org:
        name = Path(org["logo"]["file"]).name
        assert logo["src"] == f"assets/brand/{name}" and logo["alt"] == org["logo"]["alt"]
        assert (site / "assets" / "brand" / name).read_bytes() == (
            Path(__file__).parent / "fixtures" / kind / "data" / org["logo"]["file"]).read_bytes()
    else:
        assert logo is None and home.select_one(".md-header .md-logo svg") is not None
    icon = home.select_one('link[rel="icon"]')["href"]
    if "favicon" in org:
        assert icon == f"assets/brand/{Path(org['favicon']).name}"
    else:
        assert "assets/brand/" not in icon  # Material's own
    if "content_review" in org:
        dates = org["content_review"]
        assert [t["datetime"] for t in reviewed] == [str(dates["last_reviewed"]), str(dates["next_review_due"])]
    else:
        assert not reviewed
    assert kind != "group" or ("logo" not in org and "content_review" not in org)  # one organisation names none
