"""The hub's own stylesheets joined into one minified file, so a page waits for one request, not four.

The sources stay readable in content/assets/stylesheets/ (and hub-brand.css is made from
data/organisation.yml); mkdocs.yml lists them under extra_css in the order they apply, and
the build serves their concatenation, minified by rcssmin, as the only stylesheet of the hub's.
"""

from __future__ import annotations

import rcssmin

COMBINED = "assets/stylesheets/hub.min.css"


def combine(sources: list[tuple[str, str]]) -> str:
    """One minified stylesheet from (name, CSS text) pairs, in order; later rules win as they did across files."""
    return rcssmin.cssmin("\n".join(text for _, text in sources)) + "\n"
