"""The Nu Html Checker (the W3C's validator, from npm's vnu-jar, run on Debian's Java) over every built page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, built_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check_html(files: list[Path]) -> list[dict]:
    """Every error the checker reports for these files (warnings and info are left out)."""
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("The Nu Html Checker needs Java and `npm ci`: run `make test`, which installs both.")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]


def page_files(site: Path) -> list[Path]:
    return [site / address / "index.html" if not address.endswith(".html") else site / address
            for address in built_pages(site)]


def test_every_page_is_valid_html(site: Path) -> None:
    files = page_files(site)
    errors = check_html(files)
    assert len(files) >= 5
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(
        f"{Path(e['url'].removeprefix('file:')).relative_to(site)}, line {e.get('lastLine')}: {e['message']}\n"
        f"      {e.get('extract', '').strip()[:120]}" for e in errors)


def test_the_checker_catches_what_material_writes_unfixed(site: Path, tmp_path: Path) -> None:
    """Without hooks/material_html.py Material's toggles carry autocomplete, which the checker rejects."""
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-toggle="drawer" type="checkbox" id="__drawer">' in page
    unfixed = tmp_path / "index.html"
    unfixed.write_text(page.replace('id="__drawer">', 'id="__drawer" autocomplete="off">'), encoding="utf-8")
    messages = [e["message"] for e in check_html([unfixed])]
    assert any("autocomplete" in m for m in messages), messages
