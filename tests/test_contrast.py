"""Brand colours: checked for WCAG contrast before the site is built, and really used by the site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from coloraide import Color
from hypothesis import given
from hypothesis import strategies as st

from conftest import TRUST_DATA, build_env, run_build, serve_directory
from engagement_hub.reading.contrast import PAIRINGS, TEXT, contrast_ratio


def set_brand(project: Path, **colours: str) -> dict[str, int]:
    """Change brand colours in the scratch data; returns the line of each field."""
    path = project / "data" / "organisation.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    where = {}
    for number, line in enumerate(lines):
        key = line.strip().split(":")[0]
        if line.startswith("  ") and key in colours:
            lines[number] = f'  {key}: "{colours[key]}"\n'
            where[key] = number + 1
    path.write_text("".join(lines), encoding="utf-8")
    assert set(where) == set(colours)
    return where


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                          env=build_env(), capture_output=True, text=True, timeout=60, check=False)


def test_wcag_contrast_ratio_matches_the_definition() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#005eb8", "#ffffff") == pytest.approx(contrast_ratio("#ffffff", "#005eb8"))
    # WCAG's own worked threshold: #767676 is the lightest grey that passes 4.5:1 on white.
    assert contrast_ratio("#767676", "#ffffff") >= TEXT > contrast_ratio("#777777", "#ffffff")


COLOURS = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}") | st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}")


@given(COLOURS, COLOURS)
def test_contrast_ratio_agrees_with_coloraide_on_any_two_colours(first: str, second: str) -> None:
    """The hub's few lines give ColorAide's WCAG 2.1 ratio, to the fourth figure (ColorAide derives the luminance
    weights from sRGB's primaries; WCAG rounds them to four places, and so does the hub)."""
    expected = Color(first).contrast(Color(second), method="wcag21")
    assert contrast_ratio(first, second) == pytest.approx(expected, rel=5e-4)
    assert 1 <= contrast_ratio(first, second) <= 21


def test_a_colour_the_schema_refuses_is_left_to_the_schema(project: Path) -> None:
    """Negative test: no contrast problem and no crash for a colour that is not #rrggbb; the schema names it."""
    set_brand(project, primary="blue")
    result = make_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "field: brand.primary" in result.stderr and "contrast ratio" not in result.stderr


def test_the_example_brand_passes_every_pairing() -> None:
    brand = yaml.safe_load((TRUST_DATA / "organisation.yml").read_text(encoding="utf-8"))["brand"]
    for pairing in PAIRINGS:
        fg, bg = brand.get(pairing.foreground, pairing.foreground), brand.get(pairing.background, pairing.background)
        assert contrast_ratio(fg, bg) >= pairing.minimum, pairing


def test_a_pale_primary_colour_fails_check_and_build_naming_the_pair_file_line_and_field(
        project: Path, tmp_path: Path) -> None:
    lines = set_brand(project, primary="#7fb3ff")
    result = make_check(project)
    assert result.returncode == 1
    report = result.stderr
    assert f"data/organisation.yml, line {lines['primary']}" in report
    assert "field: brand.primary" in report
    assert 'brand.on_primary "#ffffff" on brand.primary "#7fb3ff"' in report
    assert 'brand.primary "#7fb3ff" on white' in report
    assert "4.5:1" in report and "Traceback" not in report

    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert 'brand.on_primary "#ffffff" on brand.primary "#7fb3ff"' in build.stderr


def test_a_pale_accent_fails_as_link_text(project: Path) -> None:
    lines = set_brand(project, accent="#9db7d5")
    result = make_check(project)
    assert result.returncode == 1
    assert f"data/organisation.yml, line {lines['accent']}" in result.stderr
    assert "field: brand.accent" in result.stderr and 'brand.accent "#9db7d5" on white' in result.stderr


def test_dark_header_text_names_both_colours_and_their_lines(project: Path) -> None:
    """Only on_primary was changed: the hint must not send the editor to make the header darker (which would
    make it worse); it names both colours of the pair, each with its line, and either may be changed."""
    lines = set_brand(project, on_primary="#333333", primary="#005eb8")
    result = make_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert 'brand.on_primary "#333333" on brand.primary' in result.stderr
    assert (f"Change brand.on_primary (line {lines['on_primary']}) or brand.primary (line {lines['primary']})"
            in result.stderr)
    assert "Make brand.primary" not in result.stderr


def test_a_pale_link_colour_is_to_be_made_darker_on_its_own_line(project: Path) -> None:
    lines = set_brand(project, accent="#9db7d5")
    result = make_check(project)
    assert f"Make brand.accent (line {lines['accent']}) darker" in result.stderr


def test_dark_text_on_a_light_header_is_accepted(project: Path) -> None:
    set_brand(project, primary="#ffb81c", on_primary="#212b32", accent="#003087")
    result = make_check(project)
    # The warm yellow is too pale for links on white, so that pairing alone is reported.
    assert result.returncode == 1
    assert "on brand.primary" not in result.stderr
    assert 'brand.primary "#ffb81c" on white' in result.stderr


def test_the_brand_colours_drive_the_header_and_links_in_the_browser(project: Path, tmp_path: Path, browser) -> None:
    purple, dark = "#330072", "#1d0042"
    set_brand(project, primary=purple, accent=dark)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    base, server = serve_directory(site)
    try:
        page = browser.new_page()
        page.goto(base + "values/")
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        link = page.evaluate("getComputedStyle(document.querySelector('article a[href]')).color")
        page.close()
    finally:
        server.shutdown()
    expected = "rgb({}, {}, {})".format(*(int(purple[i:i + 2], 16) for i in (1, 3, 5)))
    assert header == expected and link == expected
