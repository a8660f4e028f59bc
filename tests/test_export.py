"""`make export` on bad input: plain words and a non-zero exit, never a traceback, and never a folder deleted
that is not an earlier export (the export replaces its folder whole)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import build_env


def export(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.export", "--out", str(out)], cwd=project,
                          env=build_env(**env), capture_output=True, text=True, timeout=300, check=False)


def test_a_build_date_that_is_not_a_date_is_said_plainly(project: Path, tmp_path: Path) -> None:
    result = export(project, tmp_path / "export", HUB_BUILD_DATE="2025-02-30")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "HUB_BUILD_DATE is '2025-02-30', which is not a date" in result.stderr
    assert not (tmp_path / "export").exists()


def test_a_mistake_in_the_data_is_located_and_nothing_is_exported(project: Path, tmp_path: Path) -> None:
    pledges = project / "data" / "pledges.yml"
    lines = pledges.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if line.strip().startswith("date: "))
    lines[number] = lines[number].split("date:")[0] + "date: 2024-02-30\n"
    pledges.write_text("".join(lines), encoding="utf-8")
    result = export(project, tmp_path / "export")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"data/pledges.yml, line {number + 1}" in result.stderr and "2024-02-30" in result.stderr
    assert not (tmp_path / "export").exists()


def test_a_folder_that_is_not_an_earlier_export_is_refused_not_deleted(project: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("my own work", encoding="utf-8")
    (mine / "mkdocs.yml").write_text("site_name: another project\n", encoding="utf-8")
    result = export(project, mine)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "not an earlier export" in result.stderr
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "my own work"


def test_an_earlier_export_is_replaced_whole(project: Path, tmp_path: Path) -> None:
    """The negative case: an export (or an empty folder) may be written over, and a page since removed goes."""
    out = tmp_path / "export"
    out.mkdir()
    extra = project / "content" / "extra.md"
    extra.write_text("# Extra\n\nWords.\n", encoding="utf-8")
    assert export(project, out).returncode == 0
    assert (out / "docs" / "extra.md").is_file()
    extra.unlink()
    again = export(project, out)
    assert again.returncode == 0, again.stderr
    assert not (out / "docs" / "extra.md").exists() and (out / "docs" / "index.md").is_file()
