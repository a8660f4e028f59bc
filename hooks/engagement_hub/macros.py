"""The small set of Jinja macros comms staff may use inside content/ pages.

They let hand-written prose show live data ("the pledges for this value")
without copying it, so the page updates when data/ changes. Content pages
run in a sandbox: they can call these macros and read the organisation's
name, and nothing else.
"""

from __future__ import annotations

import difflib
import traceback
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from . import model as m
from .pages import goal_status_rows
from .problems import Problem
from .render import Renderer

MACRO_HELP = {
    "goals()": "cards linking to every goal",
    "values(family='')": "cards for every value, or one family: 'organisation' or 'nhs-constitution'",
    "value_pledges('value-id')": "every pledge that names the value",
    "goal_measures('goal-id')": "the goal's measures, with baseline and target",
    "goal_status('goal-id')": "the goal's status in the latest year",
    "channels(kind='')": "ways to get involved, all or one kind (e.g. 'online')",
    "latest_progress()": "the latest year's summary and the status of each goal",
    "contact()": "the organisation's email, phone and address",
}


class MacroError(Exception):
    """A macro was called with an id that is not in the data."""


class Macros:
    """Binds the macros to one Hub and one content page."""

    def __init__(self, hub: m.Hub, renderer: Renderer, src: str) -> None:
        self.hub, self.renderer, self.src = hub, renderer, src

    def _fragment(self, name: str, **context: Any) -> Markup:
        # Blank lines around the HTML keep Markdown from wrapping it in a paragraph.
        return Markup("\n\n" + self.renderer.fragment(f"macros/{name}.html", self.src, **context).strip() + "\n\n")

    def _lookup(self, kind: str, ref: str, known: dict[str, Any], file: str) -> Any:
        if ref in known:
            return known[ref]
        close = difflib.get_close_matches(str(ref), list(known), n=1)
        guess = f" Did you mean '{close[0]}'?" if close else ""
        raise MacroError(f"There is no {kind} '{ref}' in {file}.{guess} Known {kind}s: {', '.join(sorted(known))}.")

    def goals(self) -> Markup:
        return self._fragment("goals", goals=self.hub.strategy.goals)

    def values(self, family: str = "") -> Markup:
        if family:
            self._lookup("value family", family, m.VALUE_FAMILY_WORDS, "the hub's value families")
        return self._fragment("values", values=[v for v in self.hub.values if not family or v.family == family])

    def value_pledges(self, value_id: str) -> Markup:
        value = self._lookup("value", value_id, {v.id: v for v in self.hub.values}, "data/values.yml")
        return self._fragment("value-pledges", value=value, pledges=self.hub.pledges_for_value(value.id))

    def goal_measures(self, goal_id: str) -> Markup:
        goal = self._lookup("goal", goal_id, {g.id: g for g in self.hub.strategy.goals}, "data/strategy.yml")
        return self._fragment("goal-measures", goal=goal)

    def goal_status(self, goal_id: str) -> Markup:
        goal = self._lookup("goal", goal_id, {g.id: g for g in self.hub.strategy.goals}, "data/strategy.yml")
        latest = self.hub.latest_year
        entry = latest.for_goal(goal.id) if latest else None
        return self._fragment("goal-status", goal=goal, latest=latest, entry=entry)

    def channels(self, kind: str = "") -> Markup:
        if kind:
            self._lookup("channel kind", kind, {k.id: k for k in self.hub.channel_kinds}, "data/channels.yml")
        return self._fragment("channels", channels=[c for c in self.hub.channels if not kind or c.kind == kind])

    def latest_progress(self) -> Markup:
        latest = self.hub.latest_year
        return self._fragment("latest-progress", latest=latest,
                              rows=goal_status_rows(self.hub, latest) if latest else [])

    def contact(self) -> Markup:
        return self._fragment("contact", org=self.hub.organisation)

    def as_globals(self) -> dict[str, Callable[..., Markup] | Any]:
        names = [name.split("(")[0] for name in MACRO_HELP]
        return {**{name: getattr(self, name) for name in names},
                "organisation_name": escape(self.hub.organisation.name),
                "strategy_title": escape(self.hub.strategy.title)}


_SANDBOX = SandboxedEnvironment(autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def expand(markdown: str, hub: m.Hub, renderer: Renderer, src: str, label: str) -> tuple[str, list[Problem]]:
    """A content page's Markdown with its macros replaced by HTML, or the problems found.

    ``label`` is the file as the author knows it (content/about.md), used in messages.
    """
    if "{{" not in markdown and "{%" not in markdown:
        return markdown, []
    try:
        code = _SANDBOX.compile(markdown, name=label, filename=label)
        template = _SANDBOX.template_class.from_code(_SANDBOX, code, _SANDBOX.make_globals(None))
        return template.render(Macros(hub, renderer, src).as_globals()), []
    except jinja2.TemplateSyntaxError as error:
        return markdown, [Problem(label, error.lineno or 1, 1, "(page text)",
                                  f"A macro is not written correctly: {error.message}.",
                                  hint="Macros look like {{ value_pledges('compassion') }}.")]
    except (MacroError, jinja2.UndefinedError, jinja2.exceptions.SecurityError, TypeError) as error:
        line = next((frame.lineno for frame in reversed(traceback.extract_tb(error.__traceback__))
                     if frame.filename == label), 1)
        hint = "Available macros: " + "; ".join(f"{k} – {v}" for k, v in MACRO_HELP.items())
        return markdown, [Problem(label, line, 1, "(page text)", str(error), hint=hint)]
