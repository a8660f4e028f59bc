"""`make check` for hand-written pages: every macro call and id in content/ checked against the data.

The build expands macros page by page and stops at the first mistake. This
check reads each page's macro calls without running them, so one run names
every unknown macro and every id that is not in the data, each with its file,
line and the nearest known name, as data problems are reported. What cannot
be read without running (a macro written wrongly, an id made up from
variables) is then found by expanding the page as the build would.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from ..reading import model as m
from ..reading.problems import Problem
from .macros import MACRO_HELP, expand
from .pagetext import unreadable_pages
from .render import Renderer

_SANDBOX = SandboxedEnvironment()
MACRO_NAMES = [name.split("(")[0] for name in MACRO_HELP]
# Names a content page may read besides the macros.
PAGE_NAMES = ("organisation_name", "strategy_title")


def _known_ids(hub: m.Hub) -> dict[str, tuple[str, str, list[str]]]:
    """For each macro that takes an id: what kind of id, the file it comes from, and the ids known."""
    goals = [g.id for g in hub.strategy.goals]
    return {
        "value_pledges": ("value", "data/values.yml", [v.id for v in hub.values]),
        "goal_measures": ("goal", "data/strategy.yml", goals),
        "goal_status": ("goal", "data/strategy.yml", goals),
        "values": ("value family", "the hub's value families", list(m.VALUE_FAMILY_WORDS)),
        "channels": ("channel kind", "data/channels.yml", [k.id for k in hub.channel_kinds]),
    }


def _near(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"Did you mean '{close[0]}'? " if close else ""


def _calls(tree: nodes.Template) -> Iterator[nodes.Call]:
    yield from tree.find_all(nodes.Call)


def page_problems(text: str, label: str, hub: m.Hub) -> list[Problem]:
    """Every unknown macro or id in one page's macro calls, read without running them."""
    try:
        tree = _SANDBOX.parse(text, name=label, filename=label)
    except jinja2.TemplateSyntaxError as error:
        return [Problem(label, error.lineno or 1, 1, "(page text)", f"A macro is not written correctly: {error.message}.",
                        hint="Macros look like {{ goals() }} or {{ goal_status('goal-id') }}.")]
    ids = _known_ids(hub)
    problems = []
    for call in _calls(tree):
        if not isinstance(call.node, nodes.Name):
            continue
        name = call.node.name
        if name not in MACRO_NAMES:
            problems.append(Problem(
                label, call.lineno, 1, "(page text)", f"There is no macro called '{name}'.",
                expected="one of: " + ", ".join(MACRO_NAMES), found=name,
                hint=_near(name, MACRO_NAMES) + "Available macros: " + "; ".join(f"{k} – {v}" for k, v in MACRO_HELP.items())))
            continue
        args = [*call.args, *(kw.value for kw in call.kwargs)]
        if name not in ids or not args or not isinstance(args[0], nodes.Const) or not isinstance(args[0].value, str):
            continue
        ref = args[0].value
        kind, source, known = ids[name]
        if ref == "" and name in ("values", "channels"):  # '' means all of them
            continue
        if ref not in known:
            problems.append(Problem(
                label, call.lineno, 1, "(page text)",
                f"{name}('{ref}') names the {kind} '{ref}', which is not in {source}.",
                expected=f"a {kind} id from {source}", found=ref,
                hint=_near(ref, known) + f"Known {kind} ids: {', '.join(sorted(known))}."))
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}  # {% set %}, loops
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name not in (*MACRO_NAMES, *PAGE_NAMES, *assigned) \
                and not any(p.found == name.name for p in problems):
            problems.append(Problem(
                label, name.lineno, 1, "(page text)", f"A content page cannot use '{name.name}'.",
                expected="a macro, organisation_name or strategy_title", found=name.name,
                hint=_near(name.name, [*MACRO_NAMES, *PAGE_NAMES]) + "Content pages may use only the hub's macros."))
    return problems


def content_problems(root: Path, hub: m.Hub) -> list[Problem]:
    """Every problem in the macros of content/'s Markdown pages, with file and line."""
    content = Path(root) / "content"
    renderer: Renderer | None = None
    problems = unreadable_pages(content)
    unreadable = {p.file for p in problems}
    for path in sorted(content.rglob("*.md")):
        if path.relative_to(root).as_posix() in unreadable:
            continue  # named above; nothing more can be read from it
        text = path.read_text(encoding="utf-8")
        if "{{" not in text and "{%" not in text:
            continue
        label = path.relative_to(root).as_posix()
        found = page_problems(text, label, hub)
        if not found:  # nothing wrong on reading: expand it as the build does, for what only running shows
            renderer = renderer or Renderer(hub, Path(root) / "theme_overrides" / "hub")
            _, found = expand(text, hub, renderer, path.relative_to(content).as_posix(), label)
        problems += at_editor_lines(found, path.read_bytes().decode("utf-8", "replace"))
    return problems


_LONE_CR = re.compile("\r(?!\n)")
_READ_BREAK = re.compile("\r\n|\r|\n")


def at_editor_lines(problems: list[Problem], raw: str) -> list[Problem]:
    """``problems`` of a page read as Python and MkDocs read it (a lone carriage return ends a line there)
    moved to the lines an editor such as GitHub's shows, which only line feeds end; ``raw`` is the file's text
    as saved."""
    if not problems or not _LONE_CR.search(raw):
        return problems
    editor, line = [1], 1  # for each line as read: its line in the editor
    for match in _READ_BREAK.finditer(raw):
        line += match.group().endswith("\n")
        editor.append(line)
    return [dataclasses.replace(p, line=editor[p.line - 1]) if 1 <= p.line <= len(editor) else p for p in problems]
