"""The board pack: each published year's page printed by Debian's headless
Chromium to an A4 PDF, each goal on a page of its own, without site chrome."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import TRUST, TRUST_DATA, build_env, chromium_path


# The hub's behaviour is tested on the fixture trust (tests/fixtures/trust), never on data/,
# so a fork that replaces data/ keeps these tests green.
@pytest.fixture(scope="session")
def site(trust_site):
    return trust_site


@pytest.fixture(scope="session")
def page(trust_page):
    return trust_page


STRATEGY = yaml.safe_load((TRUST_DATA / "strategy.yml").read_text(encoding="utf-8"))
GOALS = sorted(STRATEGY["goals"], key=lambda g: g["number"])
SITE_URL = yaml.safe_load((TRUST_DATA / "organisation.yml").read_text(encoding="utf-8")).get("site_url", "")
YEARS = [y for y in sorted((yaml.safe_load(p.read_text(encoding="utf-8"))
                            for p in (TRUST_DATA / "progress").glob("*.yml")), key=lambda y: y["year"])
         if y["status"] == "published"]
STATUS_WORDS = {"not-started": "Not started", "on-track": "On track", "at-risk": "At risk",
                "off-track": "Off track", "achieved": "Achieved"}
A4_POINTS = (595.3, 841.9)


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def packs(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium_path()  # fails with the fix if Debian's chromium is missing
    out = tmp_path_factory.mktemp("board-pack")
    result = subprocess.run([sys.executable, "-m", "engagement_hub.boardpack", "--root", str(TRUST),
                             "--site", str(site), "--out", str(out)],
                            check=False, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def test_one_pdf_per_published_year_and_nothing_else(packs: Path) -> None:
    assert sorted(p.name for p in packs.iterdir()) == sorted(
        f"board-pack-{y['year'].replace('/', '-')}.pdf" for y in YEARS)


@pytest.mark.parametrize("year", YEARS, ids=[y["year"] for y in YEARS])
def test_pdf_is_a4_with_each_goal_starting_its_own_page_with_its_status(packs: Path, year: dict) -> None:
    reader = PdfReader(packs / f"board-pack-{year['year'].replace('/', '-')}.pdf")
    assert len(reader.pages) >= len(GOALS) + 1
    for pdf_page in reader.pages:
        width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2
    pages = [squeeze(p.extract_text()) for p in reader.pages]
    assert pages[0].startswith(f"Progress in {year['year']}")
    for goal in GOALS:
        heading = f"Goal {goal['number']}: {goal['title']}"
        starts = [text for text in pages if text.startswith(heading)]
        assert len(starts) == 1, f"{heading} does not start a page of its own"
        status = next(g["status"] for g in year["goals"] if g["goal"] == goal["id"])
        assert f"Status: {STATUS_WORDS[status]}" in starts[0].replace("● ", "").replace("▲ ", "").replace(
            "○ ", "").replace("✖ ", "").replace("✔ ", "")
    whole = " ".join(pages)
    # No site chrome: no navigation, search box, feedback question or footer links.
    for chrome in ("Is this page useful?", "Skip to content", "Search", "Accessibility statement Contact us"):
        assert chrome not in whole
    # Link targets are written out, because paper has no links.
    if SITE_URL:
        for goal in GOALS:
            assert f"{SITE_URL.rstrip('/')}/strategy/{goal['id']}/" in whole.replace(" ", "")


def test_missing_site_is_a_plain_message_not_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "engagement_hub.boardpack", "--root", str(TRUST),
                             "--site", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")],
                            check=False, env=build_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "build the site first" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
