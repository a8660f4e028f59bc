"""Draw generated pages and content-page macros with Jinja2 templates.

Templates live in theme_overrides/hub/ beside the theme's own overrides, so
all markup sits in one place. Autoescaping is on: text from YAML reaches a
page either escaped or through the sanitiser in ``text``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import jinja2
from babel.support import NullTranslations
from markupsafe import Markup, escape

from ..pages import fragments, jsonld, localised, words, wordtables
from ..pages import pages as pg
from ..pages import progress as pr
from ..pages.addresses import relative
from ..pages.charts import COLOURS
from ..pages.paging import PER_PAGE
from ..pages.shared import Shared
from ..preview.cache import template_cache
from ..reading import model as m
from ..reading import opportunities as op
from ..reading.languages import ENGLISH, SOURCE, Language
from ..reading.problems import Problem
from ..reading.text import inline_html, markdown_html
from ..reading.translations import InEnglish


def long_date(iso: str) -> str:
    """2025-05-11 as 11 May 2025, the GOV.UK style."""
    if not iso:
        return ""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


# Words that already say whose or which thing a name is: "Our aims" is not "the Our aims".
_DETERMINERS = {"the", "our", "a", "an", "your", "its", "their", "my"}


def with_the(name: str, start: bool = False) -> str:
    """A name in a sentence: 'the Network plan', 'our aims' (not 'the Our aims'), 'the group's secretary' (not
    'the The group's secretary'); ``start`` capitalises it for the start of a sentence. Names come from data."""
    first, space, rest = name.partition(" ")
    phrase = first.lower() + space + rest if first.lower() in _DETERMINERS else f"the {name}"
    return phrase[:1].upper() + phrase[1:] if start else phrase


def _no_article(name: str, start: bool = False) -> str:
    """The ``the`` filter in another language than English: its article, if any, is in the translation."""
    return name


@lru_cache(maxsize=1 << 16)
def _link(from_src: str, to: str) -> str:
    # Thousands of pledges link to the same few values and goals from each page.
    return relative(from_src, to)


def _link_to(from_src: str, name: str) -> str:
    """A link to a page by its name (pages.NAMED), not its file."""
    return _link(from_src, pg.named_src(name))


def environment(template_dir: Path, translations: NullTranslations | None = None,
                language: str = SOURCE) -> jinja2.Environment:
    """The templates' environment in one language: its words from ``translations`` (English: as written).

    Every language's environment compiles templates alike (the i18n extension, the language marks
    of fragments.finalize), so one bytecode cache serves them all."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        finalize=fragments.finalize,
    )
    env.install_gettext_translations(translations or NullTranslations(), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(md=fragments.wrap(markdown_html, "div"), inline=fragments.wrap(inline_html, "span"),
                       number=pr.number if language == SOURCE else partial(words.number, code=language),
                       figure=str if language == SOURCE else left_to_right,
                       english=str if language == SOURCE else _in_english,
                       long_date=long_date if language == SOURCE else partial(localised.long_date, code=language),
                       the=with_the if language == SOURCE else _no_article, iso=op.iso,
                       when=partial(localised.when_words, code=language,
                                    gettext=(translations or NullTranslations()).gettext),
                       script_json=jsonld.script_json,
                       breakable=breakable,
                       marked=fragments.finalize)  # a text from the data put in a translated sentence
    env.tests["external"] = is_external
    gettext = (translations or NullTranslations()).gettext
    env.globals.update(
        **wordtables.translated(gettext), opportunity_src=op.page_src,
        PLEDGES_PER_PAGE=PER_PAGE, CHART_COLOURS=COLOURS,
        goal_src=pg.goal_src, value_src=pg.value_src, year_src=pg.year_src,
        goal_title=partial(goal_title, gettext) if language != SOURCE else pg.goal_title,
    )
    # Compiled templates kept between builds (compiling costs more than drawing the example's pages),
    # keyed on this environment's filters and settings, which are final here.
    env.bytecode_cache = template_cache(env)
    return env


def breakable(text: str) -> Markup:
    """``text`` escaped, with a place to break the line (<wbr>) after each / _ @ and before each dot between
    letters: a long address, file name or column name then wraps at those marks, never inside a word
    (at 320 CSS px, "example" in an email address broke as "exam|ple", at 1280 "reviewed_by_bo|ard")."""
    return Markup(_BREAK_AT.sub("<wbr>", str(escape(text))))


_BREAK_AT = re.compile(r"(?<=[/_@])(?=\w)|(?<=\w)(?=\.\w)")


def _in_english(name: str) -> str:
    """An English name that stays English on every site (a data file's name, 'pledges'), marked as English."""
    return fragments.finalize(InEnglish(name))


def left_to_right(figure: str) -> Markup:
    """A signed figure (+3, −1.5) kept left to right on a right-to-left page, its sign before its number:
    alone in an Urdu line, '+3' would show as '3+'. A figure in words ('No change') is left as it is."""
    if _SIGNED.fullmatch(figure):
        return Markup('<bdi dir="ltr">{}</bdi>').format(figure)
    return escape(figure)


_SIGNED = re.compile(r"[+\-−][\d.,\u066b\u066c\u0660-\u0669\u06f0-\u06f9]+%?")


def goal_title(gettext: Callable[[str], str], goal: m.Goal) -> str:
    """'Goal 1: ...' in the page's language, the goal's own title marked if it is still in English."""
    return gettext("Goal %(number)s: %(title)s") % {"number": goal.number, "title": fragments.finalize(goal.title)}


def is_external(url: str, own_site: str = "") -> bool:
    """A link that takes the reader to another website (marked as such on the page)."""
    return url.startswith(("https://", "http://")) and not (own_site and url.startswith(own_site.rstrip("/") + "/"))


def problems_page(problems: list[Problem], template_dir: Path) -> str:
    """The preview's page for data it could not build: every problem, as `make check` words it."""
    template = environment(template_dir).get_template("problems.html")
    return template.render(problems=problems, errors=[p for p in problems if p.severity == "error"])


class Renderer:
    """Draws hub pages for one loaded Hub.

    A template sees the page, its context and ``hub``, which is the site-wide part of the
    data only (``Shared``): a page's HTML is a function of those and the templates alone.
    """

    def __init__(self, hub: m.Hub, template_dir: Path, translations: NullTranslations | None = None,
                 language: Language = ENGLISH, *, words_checked: bool = True) -> None:
        self.shared = Shared.of(hub)
        self.translations = translations or NullTranslations()
        self.language = language
        self.words_checked = words_checked
        """False while the site's own words in this language (locale/CODE.po) await a native speaker's check."""
        self.env = environment(template_dir, self.translations, language.code)
        # The status words the data gives (strategy.yml), or the hub's defaults; translated with the data.
        self.env.globals.update(STATUS_WORDS=hub.strategy.status_words, STATUSES=hub.strategy.statuses)

    def page(self, page: pg.Page) -> str:
        template = self.env.get_template(page.template)
        return self.marked(template.render(hub=self.shared, page=page, link=partial(_link, page.src),
                                           link_to=partial(_link_to, page.src), **page.context))

    def fragment(self, template_name: str, src: str, **context: Any) -> Markup:
        template = self.env.get_template(template_name)
        html = template.render(hub=self.shared, link=partial(_link, src), link_to=partial(_link_to, src), **context)
        # A feed is XML, with no place for an element in its text: only a page's HTML gets lang="en" spans.
        return Markup(fragments.strip(html) if template_name.endswith(".xml") else
                      fragments.apply(html, self.language).html)

    def in_english(self, html: str) -> str:
        """A hand-written page (content/), which is in English on every language's site."""
        note = self.translations.gettext("This page has not been translated yet. It is shown in English.")
        return str(Markup('<p class="hub-translation-note" role="note">{}</p><div lang="en" dir="ltr">').format(note)) \
            + html + "</div>"

    def marked(self, html: str) -> str:
        """A page with its English fragments marked lang="en", and a note in the page's language saying why."""
        marked = fragments.apply(html, self.language)
        notes = []
        if marked.in_english:
            notes.append(self.translations.gettext(
                "Some of this page has not been translated yet. Those parts are shown in English."))
        if marked.unchecked or not self.words_checked:
            notes.append(self.translations.gettext(
                "This page was translated by machine and has not been checked by a native speaker."))
        if not notes:
            return marked.html
        # The note itself may be in English (a catalogue without it): marked like any other English.
        note = str(fragments.apply(Markup('<p class="hub-translation-note" role="note">{}</p>').format(" ".join(notes))).html)
        at = marked.html.find("</h1>")
        at = at + len("</h1>") if at >= 0 else 0
        return marked.html[:at] + note + marked.html[at:]
