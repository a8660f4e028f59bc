"""`make serve` stops serving a page once its file, record or year is removed, as a fresh build has none.

A --dirty rebuild writes over the preview's site folder and never empties it, so
without the hub's clean-up a deleted content page, a removed progress year or a
renamed goal would stay at its old address, where a fresh build answers 404.
"""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from test_preview_errors import start, stop, until


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # not serving yet


def until_gone(server: subprocess.Popen, url: str) -> None:
    for _ in range(1500):  # a bound against a preview that never updates, far above a rebuild on a busy machine
        if server.poll() is not None:
            pytest.fail("the preview stopped:\n" + server.stderr.read().decode(errors="replace"))
        if status(url) == 404:
            return
        time.sleep(0.2)
    pytest.fail(f"{url} is still served after what made it was removed")


def test_a_removed_page_year_or_renamed_goal_is_no_longer_served(project: Path) -> None:
    page = project / "content" / "extra.md"
    page.write_text("# An extra page\n\nSome words.\n", encoding="utf-8")
    progress = project / "data" / "progress"
    last = max(progress.glob("*.yml"))
    start_year = int(last.stem[:4]) + 1
    draft = progress / f"{start_year}-{(start_year + 1) % 100:02d}.yml"
    lines = [line for line in last.read_text(encoding="utf-8").splitlines(keepends=True)
             if not line.startswith(("reviewed_by_board:", "status:", "year:"))]
    draft.write_text(f"year: {start_year}/{(start_year + 1) % 100:02d}\nstatus: draft\n" + "".join(lines),
                     encoding="utf-8")
    strategy = project / "data" / "strategy.yml"
    goal = next(line.split(":", 1)[1].strip() for line in strategy.read_text(encoding="utf-8").splitlines()
                if line.strip().startswith("- id:"))
    base, server = start(project)
    try:
        year_url = f"{base}/progress/{draft.stem}/"
        goal_url = f"{base}/strategy/{goal}/"
        until(server, f"{base}/extra/", lambda html: "An extra page" in html)
        until(server, year_url, lambda html: "<h1" in html)
        until(server, goal_url, lambda html: "<h1" in html)

        page.unlink()
        draft.unlink()
        for path in (project / "data").rglob("*.yml"):  # the goal's id renamed everywhere it is written
            text = path.read_text(encoding="utf-8")
            if goal in text:
                path.write_text(text.replace(goal, goal + "-renamed"), encoding="utf-8")
        until(server, f"{base}/strategy/{goal}-renamed/", lambda html: "<h1" in html)
        until_gone(server, f"{base}/extra/")
        until_gone(server, year_url)
        until_gone(server, goal_url)
        assert status(f"{base}/strategy/") == 200  # the negative case: what is still made is still served
    finally:
        stop(server)


def test_the_clean_up_removes_only_what_is_gone_and_only_inside_the_site(tmp_path: Path) -> None:
    """The negative cases: a page still made stays, and nothing outside the site folder is touched."""
    import hub

    site = tmp_path / "site"
    for page in ("gone/deeper/index.html", "kept/index.html", "kept/gone/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text("x", encoding="utf-8")
    outside = tmp_path / "outside.html"
    outside.write_text("x", encoding="utf-8")
    hub._remove_stale(site, {"gone/deeper/index.html", "kept/gone/index.html", "../outside.html", "never/made.html"})
    assert not (site / "gone").exists() and not (site / "kept" / "gone").exists()
    assert (site / "kept" / "index.html").is_file() and outside.is_file() and site.is_dir()
