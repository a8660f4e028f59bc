"""Nothing from outside the repository: symbolic links in data/, content/ and locale/ are refused.

A pull request can carry a symbolic link that the review shows as a one-line
file, yet the build would read or publish what it points to (say
/proc/self/environ, the build's secrets). Links are found without following
them, and a refused link is never opened, so nothing it points to is shown.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem

FOLDERS = ("data", "content", "locale")  # locale/: the interface translations (catalogue.py)


def symlink_problems(root: Path, folders: tuple[str, ...] = FOLDERS) -> list[Problem]:
    """Every symbolic link in the given folders of the repository, each as a problem."""
    problems = []
    for folder in folders:
        top = root / folder
        found = [top] if top.is_symlink() else []
        if not found:
            for parent, dirs, files in os.walk(top, followlinks=False):
                found += [Path(parent, name) for name in sorted(dirs + files) if Path(parent, name).is_symlink()]
        for path in found:
            label = path.relative_to(root).as_posix()
            problems.append(Problem(
                label, 1, 1, "(the whole file)",
                f"{label} is a symbolic link. The site is built only from files kept in the repository, so links "
                "to other files or folders are refused (they could publish files from the machine that builds it).",
                expected="an ordinary file or folder", hint=f"Replace {label} with a copy of the file it points to."))
    return problems
