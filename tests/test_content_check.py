"""`make check` covers content/: every macro call and id in a hand-written page is checked against the
data in the same run, with file, line and the nearest known id, as data problems are."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ORG_KINDS, build_env, fixture_project, run_build


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                          env=build_env(), capture_output=True, text=True, timeout=120, check=False)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_example_content_passes(project: Path) -> None:
    result = make_check(project)
    assert result.returncode == 0, result.stderr


def test_every_bad_id_and_macro_in_a_page_is_reported_with_file_line_and_nearest_id(project: Path) -> None:
    about = project / "content" / "about.md"
    text = about.read_text(encoding="utf-8").replace('value_pledges("compassion")', 'value_pledges("compasion")')
    text = text.replace('goal_measures("promote-health-equity")', 'goal_measures("promote-health-equality")')
    text += "\n{{ goal_stats('work-in-partnership') }}\n\n{{ channels('onlin') }}\n"
    about.write_text(text, encoding="utf-8")
    result = make_check(project)
    assert result.returncode == 1
    report = result.stderr
    assert "Traceback" not in report
    for needle, near in (("compasion", "compassion"), ("promote-health-equality", "promote-health-equity"),
                         ("goal_stats", "goal_status"), ("onlin", "online")):
        assert f"ERROR: content/about.md, line {line_of(text, needle)}, column 1" in report, needle
        assert f"Did you mean '{near}'?" in report, near
    assert "4 problems in the data" in report


def test_a_macro_written_wrongly_is_reported_with_its_line(project: Path) -> None:
    page = project / "content" / "taking-part.md"
    page.write_text("# Taking part\n\nSome text.\n\n{{ goals( }}\n", encoding="utf-8")
    result = make_check(project)
    assert result.returncode == 1
    assert "ERROR: content/taking-part.md, line 5" in result.stderr
    assert "A macro is not written correctly" in result.stderr


def test_a_page_only_running_shows_wrong_is_reported_too(project: Path) -> None:
    """An id made up from a variable cannot be read without running the page: the check runs it."""
    page = project / "content" / "taking-part.md"
    page.write_text("# Taking part\n\n{% set v = 'kindnes' %}\n{{ value_pledges(v) }}\n", encoding="utf-8")
    result = make_check(project)
    assert result.returncode == 1
    assert "content/taking-part.md, line 4" in result.stderr and "kindnes" in result.stderr


def test_a_page_saved_with_lone_carriage_returns_is_reported_on_the_editors_line(project: Path) -> None:
    """Python and MkDocs read a lone carriage return (an old Mac line end, or pasted text) as a line break;
    an editor such as GitHub's counts line feeds only, as the data's line numbers do (source.py)."""
    page = project / "content" / "taking-part.md"
    page.write_bytes(b"# Taking part\n\nOne\rtwo\rthree.\r\n\n{{ value_pledges('kindnes') }}\n")
    result = make_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/taking-part.md, line 5" in result.stderr and "kindnes" in result.stderr
    page.write_bytes(b"# Taking part\n\nOne\rtwo\rthree.\r\n\n\r\r{{ goals( }}\n")  # a macro written wrongly
    assert "content/taking-part.md, line 5" in make_check(project).stderr


def test_line_feeds_and_windows_line_ends_need_no_moving(project: Path) -> None:
    """The negative case: with no lone carriage return, lines are as read."""
    page = project / "content" / "taking-part.md"
    page.write_bytes(b"# Taking part\r\n\r\nOne two.\r\n\r\n{{ value_pledges('kindnes') }}\r\n")
    result = make_check(project)
    assert "content/taking-part.md, line 5" in result.stderr and "kindnes" in result.stderr


def test_a_page_not_saved_as_utf8_is_reported_with_its_line_not_a_crash(project: Path) -> None:
    """A page saved in Windows' old encoding made the check itself fail ('The check itself failed unexpectedly')."""
    about = project / "content" / "about.md"
    original = about.read_bytes()
    about.write_bytes(original + "\nOur café is open.\n".encode("cp1252"))
    result = make_check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "failed unexpectedly" not in result.stderr
    assert f"ERROR: content/about.md, line {len(original.splitlines()) + 2}" in result.stderr
    assert "not saved as UTF-8" in result.stderr


@pytest.mark.parametrize("kind", ORG_KINDS)
def test_a_page_not_saved_as_utf8_is_named_by_the_check_and_the_build(kind: str, tmp_path: Path) -> None:
    """A page saved in Windows' old encoding (a curly apostrophe, an accented name): the check and the build
    name the page, line and column, where both stopped with a UnicodeDecodeError traceback."""
    project = fixture_project(kind, tmp_path / "project")
    page = project / "content" / "taking-part.md"
    page.write_bytes("# Taking part\n\nCome to our caf\u00e9 \u2019s open day.\n".encode("cp1252"))
    checked = make_check(project)
    assert checked.returncode == 1, checked.stderr
    assert "ERROR: content/taking-part.md, line 3, column 16" in checked.stderr
    assert "not saved as UTF-8" in checked.stderr and "Traceback" not in checked.stderr
    built = run_build(project, tmp_path / "site")
    assert built.returncode != 0
    assert "content/taking-part.md, line 3, column 16" in built.stderr
    assert "not saved as UTF-8" in built.stderr and "Traceback" not in built.stderr
