"""A scratch copy of the hub project, for the benchmark and the tests to build and break.

One copy routine for both, so they build the same thing: the code, content
and configuration, and the example data unless the caller brings its own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_PARTS = ("mkdocs.yml", "content", "hooks", "theme_overrides", "locale")


def copy_project(dest: Path, *, with_data: bool = True) -> Path:
    """``dest`` holding the project; without ``data/`` when the caller generates its own."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in (*CODE_PARTS, "data") if with_data else CODE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest
