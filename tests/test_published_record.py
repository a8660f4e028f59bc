"""Published years are frozen: a change to what a published report shows fails `make check` unless it is a correction.

Each test works on a scratch copy of the fixture trust's data and runs the check the
way `make check` does (engagement_hub.tools.check.main), for the fixed test date.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import TRUST_DATA, fixture_project
from engagement_hub.tools.check import main as check_main
from engagement_hub.tools.publish import main as publish_main
from engagement_hub.tools.publish import set_published


def run_check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = check_main(["--root", str(project)])
    return code, capsys.readouterr().err


def edit(project: Path, file: str, old: str, new: str) -> int:
    """Change the first ``old`` in a data file; returns its line."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project holding the fixture trust, whose published years these tests edit (never data/)."""
    return fixture_project("trust", tmp_path / "project")


def test_the_example_data_matches_its_published_snapshots(project: Path, capsys) -> None:
    assert sorted(p.name for p in (TRUST_DATA / "published").glob("*.yml")) == ["2024-25.yml", "2025-26.yml"]
    code, err = run_check(project, capsys)
    assert code == 0, err


@pytest.mark.parametrize("file, old, new, field, year", [
    ("data/progress/2024-25.yml", "measures: {staff-trained: 120,", "measures: {staff-trained: 125,",
     "goals[0].measures.staff-trained", "2024/25"),
    ("data/progress/2025-26.yml", "    status: at-risk\n", "    status: on-track\n", "goals[2].status", "2025/26"),
    ("data/progress/2025-26.yml", "      - Carers passport on every adult ward", "      - Carers passport on most wards",
     "goals[1].highlights[0]", "2025/26"),
    ("data/strategy.yml", "        name: Staff who have completed involvement training",
     "        name: Staff trained", "goals[0].measures[0].name", "2024/25"),
    ("data/pledges.yml", "status: kept, text: Interpreters were booked for 97",
     "status: not-kept, text: Interpreters were booked for 97", "pledges[0].updates[1].status", "2025/26"),
])
def test_changing_a_published_report_names_the_file_line_field_and_year(project: Path, capsys, file: str, old: str,
                                                                        new: str, field: str, year: str) -> None:
    line = edit(project, file, old, new)
    code, err = run_check(project, capsys)
    assert code == 1
    assert f"{file}, line {line}," in err, err
    assert f"field: {field}" in err and f"changes the published {year} report" in err, err
    assert "corrections:" in err  # the way out is named


def test_a_change_that_a_report_does_not_show_is_allowed(project: Path, capsys) -> None:
    # Channels are in no report, and an update made after 2025/26 ended is not in its report.
    edit(project, "data/channels.yml", "name: ", "name: Renamed ")
    edit(project, "data/pledges.yml", "- {date: 2026-04-15, status: not-kept, text: \"We reached 71",
         "- {date: 2026-04-15, status: not-kept, text: \"We reached 72")  # an update after 2025/26 ended
    code, err = run_check(project, capsys)
    assert code == 0, err


def test_a_correction_is_recorded_then_the_snapshot_rewritten_and_the_check_passes(project: Path, capsys) -> None:
    edit(project, "data/progress/2025-26.yml", "measures: {staff-trained: 540,", "measures: {staff-trained: 504,")
    assert publish_main(["2025-26", "--root", str(project)]) == 1  # no correction yet: refused, nothing written
    assert "Add a correction" in capsys.readouterr().err
    before = (project / "data/published/2025-26.yml").read_text(encoding="utf-8")
    path = project / "data/progress/2025-26.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "corrections:\n  - date: 2026-07-02\n    what: Staff trained was 504, not 540.\n"
        "    why: Two training lists were counted twice.\n"), encoding="utf-8")
    code, err = run_check(project, capsys)
    assert code == 1 and "make publish-year YEAR=2025-26" in err
    assert publish_main(["2025-26", "--root", str(project)]) == 0
    after = (project / "data/published/2025-26.yml").read_text(encoding="utf-8")
    assert "staff-trained: '504'" in after and "staff-trained: '540'" in before
    assert "Two training lists were counted twice." in after
    code, err = run_check(project, capsys)
    assert code == 0, err
    # A correction is part of the record: removing it later fails.
    path.write_text(path.read_text(encoding="utf-8").split("corrections:")[0], encoding="utf-8")
    code, err = run_check(project, capsys)
    assert code == 1 and "correction to the published 2025/26 report was removed" in err, err


def test_a_published_year_without_a_snapshot_fails_and_publish_year_writes_it(project: Path, capsys) -> None:
    (project / "data/published/2024-25.yml").unlink()
    code, err = run_check(project, capsys)
    assert code == 1 and "data/progress/2024-25.yml" in err and "snapshot" in err and "is missing" in err
    assert publish_main(["2024-25", "--root", str(project)]) == 0
    assert (project / "data/published/2024-25.yml").read_bytes() == (TRUST_DATA / "published/2024-25.yml").read_bytes()


def test_publishing_a_draft_sets_its_status_and_board_date_in_one_step(project: Path, capsys) -> None:
    source = (project / "data/progress/2025-26.yml").read_text(encoding="utf-8")
    draft = source.replace("year: 2025/26", "year: 2026/27").replace("status: published", "status: draft").replace(
        "reviewed_by_board: 2026-06-11\n", "")
    (project / "data/progress/2026-27.yml").write_text(draft, encoding="utf-8")
    # The board has not met yet (the test date is 2026-12-01): refused, and nothing changed.
    assert publish_main(["2026-27", "--board-date", "2027-06-10", "--root", str(project)]) == 1
    assert "after the build date" in capsys.readouterr().err
    assert (project / "data/progress/2026-27.yml").read_text(encoding="utf-8") == draft
    assert not (project / "data/published/2026-27.yml").exists()
    assert publish_main(["2026-27", "--board-date", "2027-06-10", "--root", str(project),
                         ]) == 1  # still refused without a later build date
    code = publish_main(["2026-27", "--board-date", "2026-11-20", "--root", str(project)])
    assert code == 1  # the board cannot review 2026/27 before the year ends
    assert "the year ran until 2027-03-31" in capsys.readouterr().err


def test_set_published_changes_only_the_status_and_board_date_lines() -> None:
    text = "# note\nyear: 2026/27\nstatus: draft\nsummary: |\n  status: draft in a text\n"
    assert set_published(text, None) == text.replace("status: draft\nsummary", "status: published\nsummary")
    assert set_published(text, "2027-06-10").startswith(
        "# note\nyear: 2026/27\nstatus: published\nreviewed_by_board: 2027-06-10\nsummary")
    with_date = "year: 2026/27\nstatus: draft\nreviewed_by_board: 2027-01-01\n"
    assert set_published(with_date, "2027-06-10") == "year: 2026/27\nstatus: published\nreviewed_by_board: 2027-06-10\n"
    # Who reviewed it, after the board date (or the status), quoted whatever it says; kept if the file names them.
    assert set_published(with_date, None, 'the "Board": 1') == (
        'year: 2026/27\nstatus: published\nreviewed_by_board: 2027-01-01\nreviewed_by: "the \\"Board\\": 1"\n')
    assert set_published(text, None, "the Board").startswith(
        "# note\nyear: 2026/27\nstatus: published\nreviewed_by: \"the Board\"\nsummary")
    named = "year: 2026/27\nstatus: draft\nreviewed_by: our members\n"
    assert set_published(named, None, "the Board") == named.replace("draft", "published")


def test_corrections_are_listed_at_the_foot_of_the_year_page(project: Path, tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    from conftest import run_build

    path = project / "data/progress/2025-26.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "corrections:\n  - date: 2026-07-02\n    what: Staff trained was 504, not 540.\n"
        "    why: Two training lists were counted twice.\n"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site/progress/2025-26/index.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.select_one("section.hub-corrections")
    assert section is not None and section.h2.get_text(strip=True) == "Corrections"
    assert " ".join(section.li.get_text(" ").split()) == (
        "2 July 2026 : Staff trained was 504, not 540. Why: Two training lists were counted twice.")
    later = [s.get("class") for s in section.find_all_next("section")]
    assert not any("hub-goal-report" in (c or []) for c in later)  # at the foot, after every goal
    other = BeautifulSoup((tmp_path / "site/progress/2024-25/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Staff trained was 504" not in other.get_text()  # a correction shows on its own year's page only


SNAPSHOT = "data/published/2025-26.yml"
RESTORE = f"git checkout -- {SNAPSHOT}"


@pytest.mark.parametrize("old, new, found, below", [
    ("staff-trained: '540'", "staff-trained: '541'", "staff-trained: '541'", 0),  # a number changed
    ("  goals[build-a-culture-of-involvement].measures.services-with-lead: '66'\n", "", "a line was deleted", 0),
    ("facts:\n", "facts:\n  extra: 'x'\n", "extra: 'x'", 1),  # a line added
    ("year: 2025/26\ncorrections", "year: 2025/27\ncorrections", "year: 2025/27", 0),  # passed silently
])
def test_a_hand_edit_of_a_snapshot_is_named_in_the_snapshot_with_how_to_undo_it(project: Path, capsys, old: str,
                                                                               new: str, found: str,
                                                                               below: int) -> None:
    line = edit(project, SNAPSHOT, old, new) + below
    code, err = run_check(project, capsys)
    assert code == 1
    errors = [block for block in err.split("\n\n") if block.startswith("ERROR")]
    assert len(errors) == 1, err  # one problem, in the snapshot: not the year's data file differing from it
    assert errors[0].startswith(f"ERROR: {SNAPSHOT}, line {line},"), err
    assert "edited by hand" in errors[0] and "written by `make publish-year`" in errors[0], err
    assert found in errors[0] and RESTORE in errors[0], err
    assert "corrections:` in data/progress/2025-26.yml" in errors[0]  # the way to record a real change


def test_a_snapshot_that_is_not_yaml_is_named_at_its_line_without_a_traceback(project: Path, capsys) -> None:
    line = edit(project, SNAPSHOT, "corrections: []", "corrections: ]")
    code, err = run_check(project, capsys)
    assert code == 1 and "Traceback" not in err
    assert f"ERROR: {SNAPSHOT}, line {line}," in err and "unreadable" in err and RESTORE in err, err
    assert "ERROR: data/progress" not in err, err


def test_a_deleted_snapshot_says_to_restore_it_from_git(project: Path, capsys) -> None:
    (project / SNAPSHOT).unlink()
    code, err = run_check(project, capsys)
    assert code == 1 and "is missing" in err and RESTORE in err, err


@pytest.mark.parametrize("kind, name", [("trust", "2027-28.yml"), ("trust", "notes.yml"), ("network", "2024.yml")])
def test_a_snapshot_of_no_published_year_fails(tmp_path: Path, capsys, kind: str, name: str) -> None:
    project = fixture_project(kind, tmp_path / "project")
    published = project / "data/published"
    (published / name).write_text(next(published.glob("*.yml")).read_text(encoding="utf-8"), encoding="utf-8")
    code, err = run_check(project, capsys)
    assert code == 1
    assert f"ERROR: data/published/{name}, line 1," in err and "Only `make publish-year` writes files here" in err, err


def test_a_snapshot_of_a_year_made_draft_again_fails(project: Path, capsys) -> None:
    edit(project, "data/progress/2025-26.yml", "status: published", "status: draft")
    code, err = run_check(project, capsys)
    assert code == 1 and f"ERROR: {SNAPSHOT}, line 1," in err and "its status is draft" in err, err


def test_a_network_snapshot_edited_by_hand_is_named(tmp_path: Path, capsys) -> None:
    project = fixture_project("network", tmp_path / "project")
    path = project / "data/published/2025.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("corrections: []", "corrections: []\n# checked by hand"), encoding="utf-8")
    code, err = run_check(project, capsys)
    assert code == 1 and "ERROR: data/published/2025.yml, line 7," in err and "edited by hand" in err, err


def test_a_snapshot_checked_out_with_windows_line_endings_is_no_hand_edit(project: Path, capsys) -> None:
    path = project / SNAPSHOT
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # git's core.autocrlf on Windows
    code, err = run_check(project, capsys)
    assert code == 0, err


CORRECTION = "corrections:\n  - date: 2026-07-02\n    what: {what}\n    why: {why}\n"


def add_correction(project: Path, file: str, what: str) -> None:
    path = project / file
    path.write_text(path.read_text(encoding="utf-8") + CORRECTION.format(what=what, why="It was wrong."),
                    encoding="utf-8")


@pytest.mark.parametrize("kind, earlier, later, old, new", [
    ("trust", "2023/24", "2024/25", "staff-trained: 120", "staff-trained: 110"),
    ("network", "2024", "2025", "feedback-collected: 40", "feedback-collected: 30"),
])
def test_a_report_keeps_what_it_showed_of_the_year_before(tmp_path: Path, capsys, kind: str, earlier: str,
                                                          later: str, old: str, new: str) -> None:
    """A report compares each goal with the year before (its "since last year" column, the measures' last
    year, the involvement figures): changing that year changes this report too, so it needs its own correction."""
    project = fixture_project(kind, tmp_path / "project")
    slug, later_file = earlier.replace("/", "-"), f"data/progress/{later.replace('/', '-')}.yml"
    earlier_file = f"data/progress/{slug}.yml"
    # The year before a published report is added and published later: the report would now compare with it.
    text = (project / later_file).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("reviewed_by_board:")]
    (project / earlier_file).write_text("".join(lines).replace(f"year: {later}\n", f"year: {earlier}\n", 1),
                                        encoding="utf-8")
    assert publish_main([slug, "--root", str(project)]) == 0, capsys.readouterr().err
    code, err = run_check(project, capsys)
    assert code == 1
    year_line = [line.rstrip() for line in lines].index(f"year: {later}") + 1
    assert f"ERROR: {earlier_file}, line {year_line}," in err and "field: year\n" in err, err
    assert f"This changes the published {later} report (last year)." in err, err
    assert f"corrections:` in {later_file}" in err, err  # the report that changes is the one to correct
    # Corrected and published again, the report holds what it now shows of the year before.
    add_correction(project, later_file, f"This report now compares with {earlier}.")
    capsys.readouterr()
    assert publish_main([later.replace("/", "-"), "--root", str(project)]) == 0, capsys.readouterr().err
    code, err = run_check(project, capsys)
    assert code == 0, err
    # A correction to the year before changes the figure this report shows as last year's.
    line = edit(project, earlier_file, old, new)
    add_correction(project, earlier_file, "A measure's figure was wrong.")
    assert publish_main([slug, "--root", str(project)]) == 0, capsys.readouterr().err
    code, err = run_check(project, capsys)
    assert code == 1
    measure = old.split(":", maxsplit=1)[0]
    assert f"ERROR: {earlier_file}, line {line}," in err and f".measures.{measure}\n" in err, err
    assert f"This changes the published {later} report (last year: goals[" in err, err
    assert f"shows of the year before it, so that report needs a correction too: add one under `corrections:` in " \
           f"{later_file}" in err, err


@pytest.mark.parametrize("kind, old, new, file, field", [
    ("trust", "starts_month: 4", "starts_month: 5", "data/organisation.yml", "reporting_year.starts_month"),
    ("network", "starts_month: 1", "starts_month: 4", "data/progress/2025.yml", "year"),  # its years' names
])
def test_moving_the_reporting_year_changes_a_published_report(tmp_path: Path, capsys, kind: str, old: str, new: str,
                                                              file: str, field: str) -> None:
    """A year page says which days it reports on ("Reporting year 1 April 2025 to 31 March 2026")."""
    project = fixture_project(kind, tmp_path / "project")
    line = edit(project, "data/organisation.yml", old, new)
    code, err = run_check(project, capsys)
    assert code == 1 and "Traceback" not in err
    block = next((b for b in err.split("\n\n") if f"field: {field}\n" in b), "")
    assert block.startswith(f"ERROR: {file}, line {line if file.endswith('organisation.yml') else 1},"), err


def test_a_snapshot_written_before_the_year_before_was_recorded_is_compared_without_it(project: Path,
                                                                                        capsys) -> None:
    """Snapshots committed before the hub recorded the year compared with (and the reporting year's days, the
    values' names and who reviewed it)
    still pass unchanged, and `make publish-year` adds them without asking for a correction."""
    path = project / SNAPSHOT
    text = path.read_text(encoding="utf-8")
    body = "".join(line for line in text.splitlines(keepends=True)[4:]
                   if not line.lstrip().startswith(("'last year", "last year", "reporting year", "'values named",
                                                    "values named", "reviewed by")))
    from engagement_hub.pages.snapshotseal import seal
    path.write_text(seal("".join(text.splitlines(keepends=True)[:3]), body), encoding="utf-8")
    code, err = run_check(project, capsys)
    assert code == 0, err
    assert publish_main(["2025-26", "--root", str(project)]) == 0
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("kind, old, new", [
    ("trust", "name: Inclusive\n", "name: Including everyone\n"),
    ("network", "name: Everyone counts\n", "name: Every person counts\n"),
])
def test_renaming_a_value_a_published_years_pledges_live_changes_its_report(tmp_path: Path, capsys, kind: str,
                                                                            old: str, new: str) -> None:
    """Each pledge card on a year page says which values it lives, by name ("Lives the values: Inclusive")."""
    project = fixture_project(kind, tmp_path / "project")
    line = edit(project, "data/values.yml", old, new)
    code, err = run_check(project, capsys)
    assert code == 1
    block = next((b for b in err.split("\n\n") if b.startswith(f"ERROR: data/values.yml, line {line},")), "")
    assert "field: values[" in block and ".name\n" in block and "changes the published" in block, err
    assert f"found: {new.split(': ', 1)[1].strip()}" in block and "corrections:` in data/progress/" in block, err


@pytest.mark.parametrize("kind, year, old, new", [
    ("trust", "2025-26", "measures: {staff-trained: 540,", "measures: {staff-trained: 504,"),
    ("network", "2025", "measures: {feedback-collected: 40}", "measures: {feedback-collected: 41}"),
])
def test_an_earlier_correction_changed_is_named_at_its_field(tmp_path: Path, capsys, kind: str, year: str, old: str,
                                                            new: str) -> None:
    project = fixture_project(kind, tmp_path / "project")
    file = f"data/progress/{year}.yml"
    edit(project, file, old, new)
    add_correction(project, file, "A figure was wrong.")
    assert publish_main([year, "--root", str(project)]) == 0, capsys.readouterr().err
    line = edit(project, file, "why: It was wrong.", "why: It was counted twice.")
    code, err = run_check(project, capsys)
    assert code == 1
    assert f"ERROR: {file}, line {line}," in err and "field: corrections[0].why\n" in err, err
    assert "was changed." in err and "expected: 'It was wrong.', as published" in err, err
    assert "found: It was counted twice." in err and "restore the earlier ones" in err, err


# --- Who reviewed a year ---

def set_reviewer(project: Path, name: str) -> int:
    """organisation.yml's words.progress_reviewed_by set to ``name``; returns its line."""
    path = project / "data/organisation.yml"
    text = path.read_text(encoding="utf-8")
    if "  progress_reviewed_by:" in text:
        text = re.sub(r"(?m)^  progress_reviewed_by:.*$", f"  progress_reviewed_by: {name}", text, count=1)
    else:
        text += f"words:\n  progress_reviewed_by: {name}\n"
    path.write_text(text, encoding="utf-8")
    return text.splitlines().index(f"  progress_reviewed_by: {name}") + 1


def reviewed_by(project: Path, slug: str) -> str:
    return yaml.safe_load((project / f"data/progress/{slug}.yml").read_text(encoding="utf-8"))["reviewed_by"]


YEARS = [("trust", "2025-26"), ("network", "2025")]


@pytest.mark.parametrize("kind, slug", YEARS)
def test_naming_a_new_reviewer_leaves_each_published_report_naming_its_own(tmp_path: Path, capsys, kind: str,
                                                                             slug: str) -> None:
    """A board renamed after a year was published (the Trust Board became the Board of Directors) did not review
    that year: its report keeps the name `make publish-year` wrote into the year; the progress page names the new."""
    from bs4 import BeautifulSoup

    from conftest import run_build

    project = fixture_project(kind, tmp_path / "project")
    was = reviewed_by(project, slug)
    set_reviewer(project, "the Board of Directors")
    code, err = run_check(project, capsys)
    assert code == 0, err
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    read = lambda page: BeautifulSoup((tmp_path / "site" / page / "index.html").read_text(encoding="utf-8"),  # noqa: E731
                                      "html.parser")
    year = read(f"progress/{slug}")
    assert "Board of Directors" not in str(year)
    assert f"Our report to {was} on " in year.find("meta", attrs={"name": "description"})["content"]
    if kind == "trust":  # the network's years are not reviewed on a date
        assert f"Reviewed by {was} on " in year.select_one("p.hub-caption").get_text()
    assert "the Board of Directors reviews our progress" in read("progress").get_text()


@pytest.mark.parametrize("kind, slug", YEARS)
def test_a_year_published_before_it_named_its_reviewer_is_kept_by_naming_them_in_it(tmp_path: Path, capsys,
                                                                                   kind: str, slug: str) -> None:
    """A year whose file has no reviewed_by shows the organisation's words: renaming the reviewer then changes its
    report, and the check says so at the words, with the line that keeps the old name in the year."""
    project = fixture_project(kind, tmp_path / "project")
    was = reviewed_by(project, slug)
    edit(project, f"data/progress/{slug}.yml", f"reviewed_by: {json.dumps(was)}\n", "")
    code, err = run_check(project, capsys)
    assert code == 0, err  # the same reviewer, from the words
    line = set_reviewer(project, "the Board of Directors")
    code, err = run_check(project, capsys)
    assert code == 1
    block = next((b for b in err.split("\n\n") if b.startswith(f"ERROR: data/organisation.yml, line {line},")), "")
    assert "field: words.progress_reviewed_by\n" in block and "(reviewed by)" in block, err
    line = f"reviewed_by: {json.dumps(was)}"  # quoted, so a name with a colon or a quote in it stays one text
    assert f"add `{line}` to data/progress/{slug}.yml" in block, err
    path = project / f"data/progress/{slug}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: published\n", f"status: published\n{line}\n", 1))
    code, err = run_check(project, capsys)
    assert code == 0, err


@pytest.mark.parametrize("kind, slug", YEARS)
def test_changing_who_reviewed_a_published_year_needs_a_correction(tmp_path: Path, capsys, kind: str,
                                                                  slug: str) -> None:
    project = fixture_project(kind, tmp_path / "project")
    was = reviewed_by(project, slug)
    line = edit(project, f"data/progress/{slug}.yml", f"reviewed_by: {json.dumps(was)}",
                "reviewed_by: the Audit Committee")
    code, err = run_check(project, capsys)
    assert code == 1
    block = next((b for b in err.split("\n\n") if b.startswith(f"ERROR: data/progress/{slug}.yml, line {line},")), "")
    assert "field: reviewed_by\n" in block and "found: the Audit Committee" in block and "corrections:`" in block, err


def test_publish_year_writes_who_reviewed_the_year(project: Path, capsys) -> None:
    path = project / "data/progress/2025-26.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('reviewed_by: "the Trust Board"\n', "").replace("status: published", "status: draft"),
                    encoding="utf-8")
    (project / "data/published/2025-26.yml").unlink()
    set_reviewer(project, "the Council of Governors")
    assert publish_main(["2025-26", "--root", str(project)]) == 0, capsys.readouterr().err
    assert 'reviewed_by_board: 2026-06-11\nreviewed_by: "the Council of Governors"\nsummary' in path.read_text(
        encoding="utf-8")
    code, err = run_check(project, capsys)
    assert code == 0, err
