"""The fixture organisations (tests/fixtures/) each build a correct site from data alone, and
`make check` passes on each: any kind of organisation can use the hub by changing data/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ORG_KINDS, build_env, built_pages, fixture_project


def test_there_is_a_fixture_for_each_kind_of_organisation() -> None:
    assert {p.name for p in FIXTURES.iterdir() if (p / "data").is_dir()} == set(ORG_KINDS)
    for kind in ORG_KINDS:
        assert (FIXTURES / kind / "about.md").is_file(), kind


@pytest.mark.parametrize("kind", ORG_KINDS)
def test_make_check_passes_on_each_fixture(kind: str, tmp_path: Path) -> None:
    project = fixture_project(kind, tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "engagement_hub.check", "--root", str(project)],
                            env=build_env(), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr


def test_each_fixture_builds_strictly_into_a_whole_site(org_site: tuple[str, Path]) -> None:
    kind, site = org_site
    pages = built_pages(site)
    assert "" in pages and "contact/" in pages and "accessibility/" in pages and "about/" in pages, (kind, pages)
