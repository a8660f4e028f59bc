"""The build date: one input (--build-date, else $HUB_BUILD_DATE, else today) that every date check uses."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from engagement_hub.reading.builddate import ENV, BuildDateError, build_date
from engagement_hub.tools.check import main


def test_the_option_wins_over_the_environment_which_wins_over_today() -> None:
    assert build_date("2026-04-30", {ENV: "2025-01-01"}) == date(2026, 4, 30)
    assert build_date(None, {ENV: "2025-01-01"}) == date(2025, 1, 1)
    # Unset, it is today in the UK: 23:30 UTC on 1 July is already 2 July in London (summer time).
    assert build_date(None, {}, now=datetime(2026, 7, 1, 23, 30, tzinfo=UTC)) == date(2026, 7, 2)
    assert build_date(None, {ENV: "  "}, now=datetime(2026, 1, 1, 23, 30, tzinfo=UTC)) == date(2026, 1, 1)


@pytest.mark.parametrize("bad", ["2026-02-30", "30/04/2026", "2026-4-30", "tomorrow", "20260430"])
def test_a_build_date_that_is_not_a_real_date_is_refused_in_plain_words(bad: str) -> None:
    with pytest.raises(BuildDateError, match=f"{ENV} is '{bad}', which is not a date.*YYYY-MM-DD"):
        build_date(None, {ENV: bad})


def test_make_check_refuses_a_bad_build_date_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--build-date", "2026-13-01"]) == 2
    err = capsys.readouterr().err
    assert "--build-date is '2026-13-01', which is not a date" in err and "Traceback" not in err


def test_the_check_compares_dates_with_the_build_date_not_the_clock(monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # The accessibility statement must have been reviewed in the 12 months before the build date.
    monkeypatch.delenv(ENV, raising=False)
    assert main(["--build-date", "2040-01-01"]) == 1
    assert "last_reviewed" in capsys.readouterr().err
    monkeypatch.setenv(ENV, "2040-01-01")
    assert main([]) == 1
    monkeypatch.setenv(ENV, "2026-12-01")
    assert main([]) == 0


def test_the_build_refuses_a_bad_build_date_without_a_traceback(tmp_path: Path) -> None:
    result = run_build(ROOT, tmp_path / "site", **{ENV: "2027-02-30"})
    assert result.returncode != 0
    assert f"The build date in {ENV} is '2027-02-30', which is not a date" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
