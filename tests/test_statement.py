"""The accessibility statement: the parts regulation 8 and the government's model statement
require, filled from data/accessibility.yml, linked from every page, and kept under review."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import TEST_DATE, TRUST_DATA, build_env, built_pages, main_text, on_the_fixture_trust, run_build
from engagement_hub.reading.statement import months_before

site, page = on_the_fixture_trust()  # behaviour tests run on tests/fixtures/trust, never data/


def data(name: str) -> dict:
    return yaml.safe_load((TRUST_DATA / name).read_text(encoding="utf-8"))


def long_date(value: object) -> str:
    day = date.fromisoformat(str(value))
    return f"{day.day} {day:%B %Y}"


def test_the_statement_has_every_part_of_the_model_statement_filled_from_the_data(page) -> None:
    statement, organisation = data("accessibility.yml"), data("organisation.yml")
    soup = page("accessibility/")
    text = main_text(soup)
    headings = [h.get_text(" ", strip=True) for h in soup.select("article h2, article h3")]
    for heading in ["How accessible this website is", "What to do if you cannot access parts of this website",
                    "Reporting accessibility problems with this website", "Enforcement procedure",
                    "Technical information about this website's accessibility", "Compliance status",
                    "Non-accessible content", "How we tested this website",
                    "Preparation of this accessibility statement"]:
        assert heading in headings, heading
    assert "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert soup.select_one('article a[href="https://www.w3.org/TR/WCAG22/"]')
    for issue in statement["known_issues"]:
        assert issue["issue"] in text and issue["criterion"] in text and issue["plan"] in text
    for item in statement["outside_scope"]:
        assert item in text
    assert f"get back to you in {statement['formats_contact_days']} working days" in text
    contact = organisation["contact"]
    assert soup.select_one(f'article a[href="mailto:{contact["email"]}"]')
    assert soup.select_one(f'article a[href="tel:{contact["phone"].replace(" ", "")}"]')
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Equality Advisory and Support Service" in text
    assert "Equality Commission for Northern Ireland" in text and "Northern Ireland" in text
    assert f"last tested on {long_date(statement['last_tested'])}" in text
    assert statement["tested_by"] in text
    assert f"prepared on {long_date(statement['prepared'])}" in text
    assert f"last reviewed on {long_date(statement['last_reviewed'])}" in text
    assert "axe-core" in text  # how_tested, from the data


def test_every_page_links_to_the_statement_from_its_footer(site: Path, page) -> None:
    for address in built_pages(site):
        links = page(address).select("footer.md-footer a")
        hrefs = [a["href"] for a in links if a.get_text(strip=True) == "Accessibility statement"]
        assert len(hrefs) == 1, address
        base = site / address if not address.endswith(".html") else site
        target = (base / hrefs[0]).resolve() if address != "404.html" else (site / hrefs[0].lstrip("/")).resolve()
        assert (target / "index.html").is_file(), (address, hrefs[0])


def test_a_fully_compliant_site_says_so_and_lists_no_issues(project: Path, tmp_path: Path) -> None:
    path = project / "data" / "accessibility.yml"
    text = path.read_text(encoding="utf-8").replace("compliance: partial", "compliance: full")
    text = text[: text.index("known_issues:")] + "known_issues: []\n"
    path.write_text(text, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "accessibility" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = main_text(soup)
    assert "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    assert "We do not know of any part of this website that is not accessible." in text
    assert "What we're doing to improve accessibility" not in text


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                          env=build_env(), capture_output=True, text=True, timeout=60, check=False)


def set_last_reviewed(project: Path, day: date) -> int:
    """Write the review date into the scratch data; returns its line number."""
    path = project / "data" / "accessibility.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("last_reviewed:"))
    lines[number] = f"last_reviewed: {day.isoformat()}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_make_check_fails_when_the_statement_was_last_reviewed_over_12_months_ago(project: Path) -> None:
    stale = months_before(date.fromisoformat(TEST_DATE), 12) - timedelta(days=1)
    line = set_last_reviewed(project, stale)
    result = make_check(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"data/accessibility.yml, line {line}" in result.stderr
    assert "field: last_reviewed" in result.stderr
    assert "more than 12 months ago" in result.stderr and stale.isoformat() in result.stderr
    assert "Traceback" not in result.stderr
    assert "The data is valid" not in result.stdout


def test_make_check_passes_when_the_statement_was_reviewed_within_12_months(project: Path) -> None:
    set_last_reviewed(project, months_before(date.fromisoformat(TEST_DATE), 12))
    result = make_check(project)
    assert result.returncode == 0, result.stderr
    assert "last_reviewed" not in result.stderr


def test_twelve_months_before_keeps_the_day_or_takes_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
