"""The small set of Jinja macros comms staff may use inside content/ pages.

They let hand-written prose show live data ("the pledges for this value")
without copying it, so the page updates when data/ changes. Content pages
run in a sandbox: they can call these macros and read the organisation's
name, and nothing else.
"""

from __future__ import annotations

import difflib
import signal
import threading
import traceback
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..pages.fragments import HERE, HERE_END
from ..pages.pages import goal_status_rows
from ..reading import model as m
from ..reading.languages import SOURCE
from ..reading.problems import Problem
from ..reading.text import markdown_literal
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
        html = self.renderer.fragment(f"macros/{name}.html", self.src, **context).strip()
        language = self.renderer.language
        if language.code != SOURCE:
            # A hand-written page is English on every other language's site (<div lang="en">, Renderer.in_english),
            # but the data a macro shows is translated: a screen reader must read it in that language's voice
            # (WCAG 3.1.2). Text still in English inside it is marked so again.
            html = Markup('<div lang="{}" dir="{}">{}</div>').format(language.code, language.dir, html)
        # Blank lines around the HTML keep Markdown from wrapping it in a paragraph.
        return Markup("\n\n" + html + "\n\n")

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
                # The page is Markdown: plain text must not be read again as Markdown or attr_list syntax.
                "organisation_name": self._name(self.hub.organisation.name),
                "strategy_title": self._name(self.hub.strategy.title)}

    def _name(self, text: str) -> Markup:
        """A name for the page's prose, which Markdown shows as written. On a site in another language than
        English it is marked as in that language (fragments.HERE): a span where it falls in the text, nothing in
        an attribute or a title, where no element may go."""
        name = markdown_literal(text)
        return name if self.renderer.language.code == SOURCE else Markup(HERE) + name + Markup(HERE_END)


# Bounds on what one content page's template may do: content pages are reviewed, but a
# pull request's page still must not stall or exhaust the build.
MAX_OUTPUT = 2_000_000  # characters a page's template may write, or make in one string or list
MAX_RANGE = 1_000  # items range() may give
MAX_SECONDS = 30  # time one page's template may run (generous: a busy CI machine is slow)


class LimitError(Exception):
    """A content page's template went past a bound."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        super().__init__(message)
        self.lineno = lineno


def _shown(value: Any) -> Any:
    # A macro written without brackets would print Python's name for it, with a memory address.
    if callable(value):
        raise MacroError("A macro is written without brackets, so it would show Python's name for it. "
                         "Write it with (), e.g. {{ goals() }}.")
    return value


class _BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the size of strings and lists a template makes bounded."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise LimitError("A power in the page's template is too large.")
        if operator == "*" and any(isinstance(x, (str, list, tuple)) for x in (left, right)):
            size = next((len(x) for x in (left, right) if isinstance(x, (str, list, tuple))), 0)
            times = next((x for x in (left, right) if isinstance(x, int)), 1)
            if size * max(times, 0) > MAX_OUTPUT:
                raise LimitError(f"The page's template makes a text or list longer than {MAX_OUTPUT:,}.")
        return super().call_binop(context, operator, left, right)


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitError(f"range() in a content page may give at most {MAX_RANGE:,} numbers.")
    return numbers


_SANDBOX = _BoundedSandbox(autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                           finalize=_shown)
_SANDBOX.globals["range"] = _range


def _render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """The template's text, stopped when it writes too much or runs too long."""
    def too_long(signum: int, frame: Any) -> None:
        raise LimitError(f"The page's template ran for more than {MAX_SECONDS} seconds.")

    timed = threading.current_thread() is threading.main_thread()  # signals reach the main thread only
    if timed:
        previous = signal.signal(signal.SIGALRM, too_long)
        signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)
    try:
        out, size = [], 0
        chunks = template.generate(context)
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:
                inner: Any = chunks  # the template's own generator, inside Jinja's generate()
                while getattr(inner, "gi_yieldfrom", None) is not None:
                    inner = inner.gi_yieldfrom
                frame = inner.gi_frame  # where the template was when it went past the bound
                line = template.get_corresponding_lineno(frame.f_lineno) if frame else None
                raise LimitError(f"The page's template writes more than {MAX_OUTPUT:,} characters.", line)
            out.append(chunk)
        return "".join(out)
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def expand(markdown: str, hub: m.Hub, renderer: Renderer, src: str, label: str) -> tuple[str, list[Problem]]:
    """A content page's Markdown with its macros replaced by HTML, or the problems found.

    ``label`` is the file as the author knows it (content/about.md), used in messages.
    """
    if "{{" not in markdown and "{%" not in markdown:
        return markdown, []
    try:
        code = _SANDBOX.compile(markdown, name=label, filename=label)
        template = _SANDBOX.template_class.from_code(_SANDBOX, code, _SANDBOX.make_globals(None))
        return _render(template, Macros(hub, renderer, src).as_globals()), []
    except jinja2.TemplateSyntaxError as error:
        return markdown, [Problem(label, error.lineno or 1, 1, "(page text)",
                                  f"A macro is not written correctly: {error.message}.",
                                  hint="Macros look like {{ value_pledges('compassion') }}.")]
    except Exception as error:  # any failure of the page's own template is reported on its line, never as a traceback
        line = getattr(error, "lineno", None) or next(
            (frame.lineno for frame in reversed(traceback.extract_tb(error.__traceback__)) if frame.filename == label), 1)
        hint = "Available macros: " + "; ".join(f"{k} – {v}" for k, v in MACRO_HELP.items())
        known = (MacroError, LimitError, jinja2.UndefinedError, jinja2.exceptions.SecurityError, TypeError)
        message = str(error) if isinstance(error, known) else (
            f"The page's template failed: {type(error).__name__}: {str(error)[:200]}.")
        if isinstance(error, RecursionError):
            message = "The page's template calls itself without end (recursion)."
        return markdown, [Problem(label, line, 1, "(page text)", message, hint=hint)]
