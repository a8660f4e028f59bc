"""`make build`: one build at a time, into a fresh folder, published by one atomic rename.

site/ is a symbolic link to a finished build in .site-builds/. A build holds a
lock (flock on .site.lock) so two builds never work on the same folders; it
writes into a folder of its own, and only when the build has succeeded is the
link replaced, by a rename, which happens whole or not at all. So whenever a
build fails or is killed, site/ is the previous complete site; readers never
see half a site. Older builds are removed after the switch, and a leftover of
a killed build is removed by the next one.

Usage: python -m engagement_hub.output.sitedir MKDOCS [ARGS...] (the build command,
to which --site-dir FOLDER is added).
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BUILDS = ".site-builds"
LOCK = ".site.lock"
_LINK = ".site-link.tmp"
_RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two paths in one step


def _exchange(first: Path, second: Path) -> None:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd = -100
    if libc.renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error), str(first))


def publish(root: Path, build: Path) -> None:
    """Point root/site at ``build`` in one step; the old site stays whole until then."""
    site, link = root / "site", root / _LINK
    if link.is_symlink() or link.exists():
        _remove(link)
    link.symlink_to(build.relative_to(root))
    if site.is_dir() and not site.is_symlink():
        _exchange(link, site)  # site/ from before builds went into .site-builds: swap the real folder out whole
        _remove(link)
    else:
        os.replace(link, site)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def tidy(root: Path) -> None:
    """Remove every build but the published one (including what a killed build left)."""
    current = (root / "site").resolve() if (root / "site").is_symlink() else None
    for folder in (root / BUILDS).iterdir():
        if folder.resolve() != current:
            _remove(folder)


def build(root: Path, command: list[str]) -> int:
    """Run the build into a fresh folder under the lock, then publish it; the build's exit code."""
    (root / BUILDS).mkdir(exist_ok=True)
    with open(root / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second build waits here for the first to finish
        tidy(root)
        folder = root / BUILDS / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        result = subprocess.run([*command, "--site-dir", str(folder)], cwd=root, check=False)
        if result.returncode != 0:
            _remove(folder)
            return result.returncode
        publish(root, folder)
        tidy(root)
    return 0


if __name__ == "__main__":
    sys.exit(build(Path.cwd(), sys.argv[1:]))
