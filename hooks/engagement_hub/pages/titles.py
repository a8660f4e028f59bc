"""Page titles, descriptions and the navigation in the site's language.

The pages (pages.py) are named in English, the language the hub is written in; on a site in another
language each name is looked up in the interface catalogue, and a name that comes from the data (a
value's name, a goal's title) is already translated, or marked as still in English
(fragments.finalize), so the menu and the browser's tab say which words are English.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..reading import model as m
from ..reading.translations import InEnglish
from .fragments import finalize
from .pages import Page, goal_src, year_label, year_src

# The titles and descriptions pages.py gives in English, each a message in the catalogue (messages.py).
FIXED_TITLES = ("Home", "Our strategy", "Our values", "Pledges", "By who made them", "Pledges by who made them",
                "Get involved", "Our members", "Progress", "Open data", "Contact us", "Accessibility statement")
FIXED_DESCRIPTIONS = (
    "The values we work by, and the pledges made to live them", "The values we work by",
    "The facts on this site as CSV and JSON files, to check or reuse", "How accessible this website is",
    "Promises made to live our values, and whether they were kept",
    "Pledges grouped by the organisation or group that made them", "Ways to take part",
    "What the role involves, who we are looking for and what we offer", "Committees where our representatives sit",
    "The organisations that are members, and the pledges each has made",
    "How we are doing against our goals, year by year")
GOAL_TITLE = "Goal %(number)s: %(title)s"
YEAR_TITLE = "Progress in %(year)s"

Gettext = Callable[[str], str]


def page_titles(pages: dict[str, Page], hub: m.Hub, gettext: Gettext) -> dict[str, Page]:
    """Every page with its title and description in the language ``gettext`` translates into."""
    goals = {goal_src(goal): goal for goal in hub.strategy.goals}
    years = {year_src(year): year for year in hub.years}
    out = {}
    for src, page in pages.items():
        if src in goals:
            title = gettext(GOAL_TITLE) % {"number": goals[src].number, "title": finalize(goals[src].title)}
        elif src in years:
            title = gettext(YEAR_TITLE) % {"year": year_label(years[src])}
        elif page.title in FIXED_TITLES and type(page.title) is str:
            title = gettext(page.title)
        else:
            title = finalize(page.title)
        description = gettext(page.description) if page.description in FIXED_DESCRIPTIONS else page.description
        out[src] = dataclasses.replace(page, title=title, description=description)
    return out


def navigation_titles(nav: Any, english: dict[str, Page], translated: dict[str, Page], gettext: Gettext) -> Any:
    """MkDocs' navigation with each page named as its page is in the language (``translated``) where the
    menu gives the page's own title, and each other name (a section's, a shorter label) translated."""
    if isinstance(nav, list):
        return [navigation_titles(item, english, translated, gettext) for item in nav]
    if isinstance(nav, dict):
        return {(translated[value].title if isinstance(value, str) and value in english
                 and english[value].title == title else _title(title, gettext)):
                navigation_titles(value, english, translated, gettext) for title, value in nav.items()}
    return nav


def _title(title: str, gettext: Gettext) -> str:
    """A name the menu gives: one of the hub's (translated), from the data (marked if still English), or a
    hand-written page's, which is in English on every site (marked so)."""
    if type(title) is str:
        return gettext(title) if title in FIXED_TITLES else finalize(InEnglish(title))
    return finalize(title)
