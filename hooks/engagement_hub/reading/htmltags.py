"""Warnings for HTML written in data text, which the site never uses as HTML.

Text pasted from a web page or another CMS can bring tags with it. The site
escapes them in plain fields, so readers see '<b>' as typed, and nh3 removes
them from Markdown fields (text.py), so they vanish: either way not what the
author meant, and safe. `make check` says so instead of leaving it to be
noticed on the live site. Autolinks such as <https://www.nhs.uk/> are Markdown,
not HTML, and are not warned about.
"""

from __future__ import annotations

import re

from .problems import Problem
from .source import Document
from .spreadsheet import texts

# A start or end tag (a name, then a space, / or >: '<https://...>' and '<a@b.org>' are autolinks), or a comment.
TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]*|!--.*?--)>", re.DOTALL)


def document_tags(doc: Document) -> list[Problem]:
    """A warning for each text in the document that holds an HTML tag, naming the first tag."""
    problems = []
    for path, text in texts(doc.data, ()):
        if "<" in text and (match := TAG.search(text)):
            problems.append(doc.problem(
                path, f"This text contains HTML ('{match.group()[:40]}'). The site does not use HTML written in the "
                      "data: readers see the tag as typed, or it is removed.",
                found=match.group()[:40], hint="Delete the tag and keep the words. For a link, write the address.",
                severity="warning", offset=match.start()))
    return problems
