"""The site search index: Pagefind, run over the finished site.

Pagefind splits the index into small chunks that a reader's browser fetches
only when they search, and then only the chunks the query needs, so a page
visit costs nothing for search however large the site grows. Material's own
search plugin sent the whole index (4.9 MB unpacked at 100 times the example
data) to every page load. Pages opt in with ``data-pagefind-body`` (see
``theme_overrides/main.html``): pages kept out of search (the editors' guide,
continuation pages of long lists) do not carry it, so Pagefind skips them.
The binary comes inside the ``pagefind-bin`` package from PyPI, pinned in
requirements.txt; nothing is downloaded at build time.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

try:
    from pagefind_bin import get_executable
except ImportError:  # said in plain English when a build needs it (pagefind_command)
    get_executable = None

BUNDLE = "pagefind"  # the folder under the site that holds the index and Pagefind's script
# Pagefind also writes ready-made search interfaces; the hub draws its own in Material's search box
# (assets/javascripts/hub-search.js), so these are never loaded and are left out of the site.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why in plain English."""


def pagefind_command() -> list[str]:
    if get_executable is None:
        raise SearchIndexError("The site search needs the pagefind-bin package. Run `make build`, which installs "
                               "requirements.txt, or `.venv/bin/pip install -r requirements.txt`.")
    try:
        return [str(get_executable())]
    except FileNotFoundError as missing:
        raise SearchIndexError(f"The pagefind-bin package is installed without its program ({missing}). "
                               "Reinstall it with `.venv/bin/pip install --force-reinstall -r requirements.txt`.") from None


def index_site(site_dir: Path) -> None:
    """Write Pagefind's index and script into ``site_dir/pagefind/``; raise SearchIndexError if that fails."""
    result = subprocess.run([*pagefind_command(), "--site", str(site_dir), "--output-subdir", BUNDLE, "--silent"],
                            capture_output=True, text=True, timeout=600, check=False)
    if result.returncode:
        detail = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"The site was built but its search index was not: Pagefind stopped with "
                               f"exit status {result.returncode}.\n{detail}")
    for name in UNUSED:
        (site_dir / BUNDLE / name).unlink(missing_ok=True)
