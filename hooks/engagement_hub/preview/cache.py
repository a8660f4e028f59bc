"""A private folder for work that later builds can reuse: compiled templates and schema checkers.

Compiling the Jinja templates and generating the schema checkers costs more
than checking and drawing the example data itself (bench/ measures it), and
the result only changes when a template, a schema or a library changes.
Everything kept here is keyed on what it was made from, so a stale entry is
never used, and the folder can be deleted at any time. When no private,
writable folder is available the hub simply does the work again.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import jinja2


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


class KeyedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, keyed also on how the environment compiles them.

    Jinja checks that a cached template's source is unchanged, but not the environment that compiled
    it: code compiled with a ``finalize`` function, other filters or other autoescaping, and loaded
    into an environment without them, fails as it runs ("'NoneType' object is not callable"). This
    folder is shared by every checkout and version of the hub on the machine, and a build run as
    ``mkdocs build -f mkdocs.yml`` names its templates by relative paths that every checkout shares,
    so the key is the environment's fingerprint, the template's name and its absolute path.
    """

    def __init__(self, directory: str, fingerprint: str) -> None:
        super().__init__(directory)
        self.fingerprint = fingerprint

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        where = str(Path(filename).resolve()) if filename else ""
        return hashlib.sha1(f"{self.fingerprint}\0{name}\0{where}".encode(), usedforsecurity=False).hexdigest()


def _described(thing: object) -> str:
    return f"{getattr(thing, '__module__', '')}.{getattr(thing, '__qualname__', '')}" if callable(thing) else repr(thing)


def fingerprint(env: jinja2.Environment) -> str:
    """What decides the code Jinja compiles a template to, besides its source."""
    parts = [jinja2.__version__, sorted(env.filters), sorted(env.tests), sorted(env.extensions),
             _described(env.finalize), _described(env.autoescape), env.block_start_string, env.variable_start_string,
             env.comment_start_string, env.line_statement_prefix, env.trim_blocks, env.lstrip_blocks,
             env.keep_trailing_newline, env.newline_sequence, env.optimized, type(env).__qualname__]
    return hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()


def template_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """A compiled-template cache for ``env`` once its filters and settings are final; None without a folder."""
    folder = cache_dir("templates")
    return KeyedBytecodeCache(str(folder), fingerprint(env)) if folder else None
