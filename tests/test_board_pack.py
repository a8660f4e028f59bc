"""The board pack: each published year's page printed by Debian's headless
Chromium to an A4 PDF, each goal on a page of its own, without site chrome."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import TRUST, TRUST_DATA, build_env, chromium_path, on_the_fixture_trust

site, page = on_the_fixture_trust()  # behaviour tests run on tests/fixtures/trust, never data/


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


DRAFT_MARK = "DRAFT"
PAGE_NUMBER = re.compile(rf"^((?:{DRAFT_MARK} )?)Page (\d+) of (\d+) ")


def page_texts(pdf: Path) -> list[str]:
    """Each page's text without its "Page x of y" (which must be there, and right)."""
    pages = [squeeze(p.extract_text()) for p in PdfReader(pdf).pages]
    out = []
    for number, text in enumerate(pages, 1):
        found = PAGE_NUMBER.match(text)
        assert found and found.groups()[1:] == (str(number), str(len(pages))), f"page {number}: {text[:60]}"
        out.append(found.group(1) + text[found.end():])  # the draft mark (top of the page) kept first
    return out


@pytest.fixture(scope="module")
def packs(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    chromium_path()  # fails with the fix if Debian's chromium is missing
    out = tmp_path_factory.mktemp("board-pack")
    result = subprocess.run([sys.executable, "-m", "engagement_hub.output.boardpack", "--root", str(TRUST),
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
    pages = page_texts(packs / f"board-pack-{year['year'].replace('/', '-')}.pdf")
    assert pages[1].startswith(f"Progress in {year['year']}")  # after the cover sheet
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
    result = subprocess.run([sys.executable, "-m", "engagement_hub.output.boardpack", "--root", str(TRUST),
                             "--site", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")],
                            check=False, env=build_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "build the site first" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


PURPOSE = {"information": "For information", "assurance": "For assurance", "decision": "For decision"}


@pytest.mark.parametrize("year", YEARS, ids=[y["year"] for y in YEARS])
def test_the_first_page_is_a_cover_sheet_from_the_data_with_a_contents_list(packs: Path, year: dict) -> None:
    paper = year["board_paper"]
    cover = page_texts(packs / f"board-pack-{year['year'].replace('/', '-')}.pdf")[0]
    assert "DRAFT" not in cover
    for label, value in [("Meeting", paper["meeting"]), ("Agenda item", str(paper["agenda_item"])),
                         ("Report author", paper["author"]), ("Executive lead", paper["executive_lead"]),
                         ("Purpose", PURPOSE[paper["purpose"]]), ("Recommendation", squeeze(paper["recommendation"]))]:
        assert f"{label} {value}" in cover, label
    date = str(paper.get("date") or year["reviewed_by_board"])
    day = __import__("datetime").date.fromisoformat(date)
    assert f"Date {day.day} {day:%B %Y}" in cover
    assert squeeze(paper["executive_summary"]) in cover
    contents = cover[cover.index("Contents"):]
    for goal in GOALS:
        assert f"Goal {goal['number']}: {goal['title']}" in contents
    assert "Pledges this year" in contents


def outline_titles(pdf: Path) -> list[str]:
    def walk(items: list) -> list[str]:
        return [t for item in items for t in (walk(item) if isinstance(item, list) else [squeeze(item.title)])]

    return walk(PdfReader(pdf).outline)


@pytest.mark.parametrize("year", YEARS, ids=[y["year"] for y in YEARS])
def test_the_pdf_has_a_bookmark_for_each_section(packs: Path, year: dict) -> None:
    titles = outline_titles(packs / f"board-pack-{year['year'].replace('/', '-')}.pdf")
    assert titles[0] == f"Progress in {year['year']}"
    for expected in ["Summary", "Pledges this year", *(f"Goal {g['number']}: {g['title']}" for g in GOALS)]:
        # Chromium may join two words where a heading wraps; compare without spaces.
        assert expected.replace(" ", "") in {t.replace(" ", "") for t in titles}, expected


def test_the_first_year_shows_the_starting_point_not_a_chart_of_zeros(packs: Path) -> None:
    first = page_texts(packs / f"board-pack-{YEARS[0]['year'].replace('/', '-')}.pdf")
    whole = " ".join(first)
    assert "Starting point" in whole and "Progress towards our targets" not in whole
    for goal in GOALS:
        for measure in goal["measures"]:
            assert squeeze(measure["name"]) in whole
    later = " ".join(page_texts(packs / f"board-pack-{YEARS[-1]['year'].replace('/', '-')}.pdf"))
    assert "Progress towards our targets" in later and "Starting point" not in later


def test_a_draft_year_on_request_says_draft_on_every_page(tmp_path: Path) -> None:
    from conftest import fixture_project, run_build

    project = fixture_project("trust", tmp_path / "project")
    source = (project / "data/progress/2025-26.yml").read_text(encoding="utf-8")
    (project / "data/progress/2026-27.yml").write_text(
        source.replace("year: 2025/26", "year: 2026/27").replace("status: published", "status: draft")
        .replace("reviewed_by_board: 2026-06-11\n", ""), encoding="utf-8")
    assert run_build(project, tmp_path / "preview", HUB_PREVIEW="1").returncode == 0
    chromium_path()
    result = subprocess.run([sys.executable, "-m", "engagement_hub.output.boardpack", "--root", str(project),
                             "--site", str(tmp_path / "preview"), "--out", str(tmp_path / "out"), "--draft", "2026-27"],
                            check=False, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["board-pack-2026-27.pdf"]
    pages = page_texts(tmp_path / "out" / "board-pack-2026-27.pdf")
    assert len(pages) > 3
    assert all(text.startswith(DRAFT_MARK) for text in pages)
    assert "Date To be set" in pages[0]


# --- PDF/UA-1: what a program can check -----------------------------------------------------------

PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"


def pdfua_problems(pdf: Path) -> list[str]:
    """What the PDF lacks of PDF/UA-1's machine-checkable parts (empty when it has them all)."""
    from engagement_hub.output.pdfua import structure

    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    problems = []
    xmp = reader.xmp_metadata
    part = xmp.rdf_root.getElementsByTagNameNS(PDFUA_NS, "part") if xmp else []
    if not part or part[0].firstChild.data.strip() != "1":
        problems.append("no PDF/UA identifier (pdfuaid:part 1) in the XMP metadata")
    if not xmp or not (xmp.dc_title or {}).get("x-default") or xmp.dc_title["x-default"] != reader.metadata.title:
        problems.append("no dc:title in the XMP metadata matching the document title")
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
        problems.append("the title is not displayed (DisplayDocTitle)")
    if not root.get("/MarkInfo", {}).get("/Marked") or "/StructTreeRoot" not in root:
        problems.append("not a tagged PDF")
    if not str(root.get("/Lang", "")):
        problems.append("no language")
    elements = structure(reader)
    for element in elements:
        if element["/S"] == "/Figure" and not str(element.get("/Alt", "")).strip():
            problems.append("a figure without alternative text")
        if element["/S"] == "/TH":
            attributes = element.get("/A")
            attributes = attributes if isinstance(attributes, list) else [attributes]
            if not any(a and a.get_object().get("/Scope") in ("/Row", "/Column", "/Both") for a in attributes):
                problems.append("a table header without a scope")
    # Logical reading order: the structure tree visits the pages in order, the cover sheet first.
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    order = [pages[e.raw_get("/Pg").idnum] for e in elements if "/Pg" in e and e.raw_get("/Pg").idnum in pages]
    if order != sorted(order) or not order or order[0] != 0:
        problems.append("the structure tree is not in page order")
    return problems


@pytest.mark.parametrize("year", YEARS, ids=[y["year"] for y in YEARS])
def test_each_board_pack_meets_the_checkable_parts_of_pdf_ua(packs: Path, year: dict) -> None:
    pdf = packs / f"board-pack-{year['year'].replace('/', '-')}.pdf"
    assert pdfua_problems(pdf) == []
    reader = PdfReader(pdf)
    assert year["year"] in reader.metadata.title
    if "Progress towards our targets" in " ".join(page_texts(pdf)):
        from engagement_hub.output.pdfua import structure

        assert any(e["/S"] == "/Figure" and "target" in str(e["/Alt"]) for e in structure(reader))


def test_chromiums_pdf_alone_fails_the_pdf_ua_checks(site: Path, tmp_path: Path) -> None:
    """The checks above can fail: the same page printed without make_accessible lacks the metadata and an alt text."""
    from engagement_hub.output.boardpack import print_to_pdf
    from engagement_hub.output.chromium import serve

    base, server = serve(site)
    try:
        print_to_pdf(chromium_path(), f"{base}progress/{YEARS[-1]['year'].replace('/', '-')}/", tmp_path / "raw.pdf")
    finally:
        server.shutdown()
    problems = pdfua_problems(tmp_path / "raw.pdf")
    assert "no PDF/UA identifier (pdfuaid:part 1) in the XMP metadata" in problems
    assert "a figure without alternative text" in problems
