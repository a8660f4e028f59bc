"""One stylesheet of the hub's own (issue 18): the hub*.css sources joined and minified at build."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import run_build
from engagement_hub.output.stylesheet import combine


def test_combine_keeps_the_order_and_drops_comments_and_spaces() -> None:
    out = combine([("a.css", "/* why */\n.x { color : red ; }\n"), ("b.css", ".x {\n  color: blue;\n}\n")])
    assert out == ".x{color:red}.x{color:blue}\n"  # the later file still wins


def test_a_page_loads_materials_stylesheet_and_one_of_the_hubs(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    sheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert len(sheets) == 2 and sheets[1] == "assets/stylesheets/hub.min.css", sheets
    combined = (site / "assets" / "stylesheets" / "hub.min.css").read_text(encoding="utf-8")
    # A rule from each source: the brand colours (made from data), hub.css, hub-progress.css, hub-print.css.
    for rule in ("--md-primary-fg-color:", ".hub-skip", "figure.hub-chart", "@media print"):
        assert rule in combined, rule
    assert "\n  " not in combined and "/*" not in combined
    assert not (site / "assets" / "stylesheets" / "hub.css").exists()  # served only inside the combined file


def test_a_missing_stylesheet_is_named_in_plain_english(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - assets/stylesheets/hub.css\n", "  - assets/stylesheets/hub.css\n  - assets/stylesheets/gone.css\n"),
        encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml lists assets/stylesheets/gone.css under extra_css, but there is no " \
           "content/assets/stylesheets/gone.css." in result.stderr
    assert "Traceback" not in result.stderr
