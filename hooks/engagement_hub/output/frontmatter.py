"""The information at the top of a content/ page (its front matter), read as MkDocs reads it.

MkDocs takes a page's first lines as page information, not text: a block between '---' lines, or, without
one, every 'name: value' line before the first empty line. Material's templates then print some of it
into every page without escaping it (the title in the header and the menu, the description in a meta
tag, a subtitle or status in the menu), and some of it picks a template or an icon file, which fails the
build when it does not exist. So only the fields the hub's pages use are allowed, each of the kind it
should be, and no text may hold < > or ", which could become HTML there. `make check` and the build
refuse the rest with file, line and field, as for data. A plain first line such as 'Note: we meet
monthly' is named too: MkDocs would take it as page information and leave it off the page.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path
from typing import Any

from ..reading.problems import Problem
from ..reading.source import Document, read_yaml

# As mkdocs/utils/meta.py (MkDocs 1.6) finds page information; the core does not import MkDocs.
YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")

TEXT_FIELDS = ("title", "description", "robots")
FIELDS = (*TEXT_FIELDS, "hide", "search")
HIDE = ("navigation", "toc", "footer", "path", "feedback")  # what Material can hide on a page
_MARKUP = re.compile(r'[<>"]')


def front_matter_problems(content_dir: Path) -> list[Problem]:
    """Every problem in the page information of content/'s Markdown pages (a page that is not UTF-8 is
    left to pagetext.unreadable_pages)."""
    problems = []
    for path in sorted(content_dir.rglob("*.md")) if content_dir.is_dir() else []:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        label = f"content/{path.relative_to(content_dir).as_posix()}"
        if found := _MARKUP.search(label):  # with no title given, MkDocs makes one from the file's name
            problems.append(Problem(label, 1, 1, "(the file's name)", _markup("file name", found.group()),
                                    expected=_NO_MARKUP, found=label, hint="Rename the file with letters, "
                                                                          "digits and hyphens, such as our-story.md."))
        problems += page_problems(text, label)
    return problems


def page_problems(text: str, label: str) -> list[Problem]:
    """The problems in one page's information; ``label`` names the page in each."""
    if match := YAML_RE.match(text):
        doc, problems = read_yaml(match.group(1), label)
        # The block starts on the page's second line, after its first '---'.
        problems = problems or (_fields(doc) if isinstance(doc.data, dict) else [])
        return [dataclasses.replace(p, line=p.line + 1) for p in problems]
    return _first_lines(text, label)


def _fields(doc: Document) -> list[Problem]:
    problems = []
    for name, value in doc.data.items():
        if name not in FIELDS:
            close = difflib.get_close_matches(str(name), FIELDS, n=1)
            problems.append(doc.problem(
                (name,), f"The hub's pages do not use '{name}:' in the information at the top of a page.",
                expected="one of: " + ", ".join(FIELDS), found=str(name),
                hint=f"Did you mean '{close[0]}'?" if close else "Delete the line."))
        elif name in TEXT_FIELDS:
            problems += _text(doc, name, value)
        elif name == "hide" and not (isinstance(value, list) and all(item in HIDE for item in value)):
            problems.append(doc.problem((name,), "'hide:' lists parts of the page to hide.",
                                        expected="a list of: " + ", ".join(HIDE), found=str(value)[:40],
                                        hint="Write each on its own line under hide:, such as '  - toc'."))
        elif name == "search" and value not in ({"exclude": True}, {"exclude": False}):
            problems.append(doc.problem((name,), "'search:' only says whether the site search leaves the page out.",
                                        expected="exclude: true (or false), on the line under search:",
                                        found=str(value)[:40], hint="Write 'search:' and under it '  exclude: true'."))
    return problems


def _text(doc: Document, name: str, value: Any) -> list[Problem]:
    if not isinstance(value, str):
        return [doc.problem((name,), f"'{name}:' should be text.", expected="text", found=str(value)[:40],
                            hint="Write the words after the colon.")]
    if found := _MARKUP.search(value):
        return [doc.problem((name,), _markup(name, found.group()), expected=_NO_MARKUP, found=value[:80],
                            hint=_MARKUP_HINT)]
    return []


_NO_MARKUP = 'text without < > or "'
_MARKUP_HINT = "Use words instead; for quotation marks use ‘ ’ or “ ”."


def _markup(name: str, char: str) -> str:
    return f"The page's {name} may not contain '{char}': the theme prints it into the page's HTML as it is."


def _first_lines(text: str, label: str) -> list[Problem]:
    """A page with no '---' block: MkDocs reads 'name: value' lines at its top, up to an empty line."""
    problems = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip():
            break
        if match := META_RE.match(line):
            name, value = match.group("key").lower(), match.group("value").strip()
            if name not in TEXT_FIELDS:
                problems.append(Problem(
                    label, number, 1, name,
                    f"MkDocs reads '{line.strip()[:60]}' at the top of the page as page information, not text, "
                    "so the line would not be shown.",
                    expected="the page's heading (# ...) or an empty line first", found=line.strip()[:80],
                    hint="Leave the page's first line empty, or start the page with its heading."))
            elif found := _MARKUP.search(value):
                problems.append(Problem(label, number, 1, name, _markup(name, found.group()), expected=_NO_MARKUP,
                                        found=value[:80], hint=_MARKUP_HINT))
        elif not META_MORE_RE.match(line):
            break
    return problems
