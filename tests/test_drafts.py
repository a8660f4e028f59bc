"""A draft year is for the board's eyes first: out of the public build entirely,
and in previews (make preview, make serve) marked clearly as a draft."""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import build_env, run_build

MARKER = "Draft summary written for the board to review first"


def add_draft_year(project: Path) -> dict:
    """A new year after the latest one, marked draft, with figures no published year has."""
    latest_path = max((project / "data" / "progress").glob("*.yml"))
    year = yaml.safe_load(latest_path.read_text(encoding="utf-8"))
    start = int(year["year"][:4]) + 1
    year.update(year=f"{start}/{(start + 1) % 100:02d}", status="draft", summary=MARKER)
    year.pop("reviewed_by_board", None)
    for goal in year["goals"]:
        goal["measures"] = {k: v + 7 for k, v in goal.get("measures", {}).items()}
    (project / "data" / "progress" / f"{start}-{(start + 1) % 100:02d}.yml").write_text(
        yaml.safe_dump(year, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return year


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory):
    from conftest import fixture_project

    base = tmp_path_factory.mktemp("drafts")
    project = fixture_project("trust", base / "project")
    year = add_draft_year(project)
    public, preview = base / "public", base / "preview"
    for out, env in ((public, {}), (preview, {"HUB_PREVIEW": "1"})):
        result = run_build(project, out, **env)
        assert result.returncode == 0, result.stderr
    return project, year, public, preview


def slug(year: dict) -> str:
    return year["year"].replace("/", "-")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_public_build_has_no_trace_of_the_draft_year(builds) -> None:
    _, year, public, _ = builds
    assert not (public / "progress" / slug(year)).exists()
    for path in public.rglob("*.html"):
        soup = soup_of(path)
        # No link to it, no navigation entry, and none of its words.
        assert not soup.select(f'a[href*="{slug(year)}"]'), path
        assert year["year"] not in " ".join(n.get_text(" ") for n in soup.select("nav")), path
        assert MARKER not in soup.get_text(), path
    assert slug(year) not in (public / "sitemap.xml").read_text(encoding="utf-8")
    for path in (public / "open-data").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            assert all(row.get("year") != year["year"] for row in csv.DictReader(f)), path
    with (public / "open-data" / "years.csv").open(encoding="utf-8", newline="") as f:
        assert all(row["status"] == "published" for row in csv.DictReader(f))


def test_preview_shows_the_draft_year_clearly_marked(builds) -> None:
    _, year, _, preview = builds
    page = soup_of(preview / "progress" / slug(year) / "index.html")
    notice = page.select_one("#draft-notice")
    assert notice is not None and "Draft" in notice.get_text() and "not been published" in notice.get_text()
    assert MARKER in page.get_text()
    # In the navigation and on the progress page, marked as a draft.
    assert page.title.get_text().startswith(f"Progress in {year['year']} (draft)")
    progress = soup_of(preview / "progress" / "index.html")
    nav_links = [a for a in progress.select(f'nav.md-nav--primary a[href*="{slug(year)}"]') if "#" not in a["href"]]
    assert nav_links and all(" ".join(a.get_text().split()) == f"{year['year']} (draft)" for a in nav_links)
    heading = progress.select_one(f"h2#year-{slug(year)}")
    assert "draft" in heading.get_text().lower()
    # Trend tables on goal pages mark the draft figure.
    goal = year["goals"][0]
    measure_id, value = next(iter(goal["measures"].items()))
    goal_page = soup_of(preview / "strategy" / goal["goal"] / "index.html")
    row = next(r for r in goal_page.select(f"figure#trend-{measure_id} tbody tr") if year["year"] in r.th.get_text())
    assert "(draft)" in row.th.get_text() and row.td.get_text(strip=True) == f"{value:,}"
    # Open data in a preview carries the draft, labelled as such.
    rows = json.loads((preview / "open-data" / "years.json").read_text(encoding="utf-8"))["rows"]
    assert {"year": year["year"], "status": "draft"}.items() <= next(r for r in rows if r["year"] == year["year"]).items()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mkdocs_serve_is_a_preview_with_the_draft(builds) -> None:
    """`make serve` runs `mkdocs serve`, which shows drafts without HUB_PREVIEW."""
    project, year, _, _ = builds
    port = free_port()
    env = build_env()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        html = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/progress/{slug(year)}/", timeout=2) as r:
                    html = r.read().decode("utf-8")
                    break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stderr.read().decode(errors="replace"))
                time.sleep(0.25)
        assert MARKER in html and 'id="draft-notice"' in html
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
