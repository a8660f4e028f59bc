"""A private folder for work that later builds can reuse: compiled templates and schema checkers.

Compiling the Jinja templates and generating the schema checkers costs more
than checking and drawing the example data itself (bench/ measures it), and
the result only changes when a template, a schema or a library changes.
Everything kept here is keyed on what it was made from, so a stale entry is
never used, and the folder can be deleted at any time. When no private,
writable folder is available the hub simply does the work again.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def cache_dir(kind: str) -> Path | None:
    """``$XDG_CACHE_HOME/engagement-hub/<kind>`` (or ~/.cache/...), created private to this user; None if unusable."""
    if os.environ.get("HUB_NO_CACHE", "") not in ("", "0"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "engagement-hub" / kind
    try:
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = base.stat()
    except OSError:
        return None
    # Code is loaded from here, so only a folder that this user alone can write to is used.
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return base
