"""The preview's words for MkDocs' warnings about a content/ page's links, as problems on that page.

`make serve` builds with --strict, as `make build` does: a warning from MkDocs (a link in a
hand-written page to a page that does not exist) aborted the rebuild, and MkDocs then holds every
request until a build succeeds, so the browser hung with no word of why. In the preview such a
warning is taken as a problem of its page, shown on the page as data problems are, and the rebuild
goes on; `make build` still stops on it.
"""

from __future__ import annotations

import logging
import re

from ..reading.problems import Problem

# MkDocs 1.6's words (mkdocs/structure/pages.py), e.g. "Doc file 'about.md' contains a link 'x.md', but the
# target is not found among documentation files." and "... contains an absolute link '/x', it was left as is."
_LINK = re.compile(r"^Doc file '(?P<src>[^']+)' contains an? (?P<kind>absolute |unrecognized relative )?link "
                   r"'(?P<link>[^']*)'(?P<rest>.*)$", re.DOTALL)


class LinkWarnings(logging.Filter):
    """Collects MkDocs' warnings about pages' links during one preview build, as information, not warnings.

    A filter on MkDocs' pages logger runs before the strict mode's count of warnings sees the record,
    so a warning made information here does not abort the build.
    """

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[str]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and (match := _LINK.match(record.getMessage())):
            self.found.setdefault(match["src"], []).append(record.getMessage())
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True

    def problems(self, src: str, markdown: str) -> list[Problem]:
        """The problems of page ``src`` (its path in content/), whose text is ``markdown``, collected so far."""
        return [link_problem(message, markdown) for message in self.found.pop(src, [])]


def link_problem(message: str, markdown: str) -> Problem:
    """A warning about a page's link, with the line the link is on and what to do about it."""
    match = _LINK.match(message)
    assert match is not None  # only such warnings are collected
    link, src = match["link"], match["src"]
    line = next((n for n, text in enumerate(markdown.splitlines(), 1) if f"]({link}" in text), None) \
        or next((n for n, text in enumerate(markdown.splitlines(), 1) if link in text), 1)
    if match["kind"] == "absolute ":
        words = (f"The link '{link}' starts with /, so it leaves the site when the site is not at the top of its "
                 "web address.", "Link to the page's file instead, as in [Contact us](contact.md).")
    elif "not found" in match["rest"]:
        words = (f"The link '{link}' goes to a page that does not exist.",
                 "Check the page's file name (a page in content/, or one the hub makes, such as strategy.md), "
                 "or remove the link.")
    else:
        words = (f"The link '{link}' cannot be followed ({message.strip()}).",
                 "Link to a page's file, as in [Contact us](contact.md).")
    return Problem(f"content/{src}", line, 1, "(a link)", words[0], hint=words[1])
