"""Long lists of pledges split over numbered pages, so no page grows with the data.

A national network may hold thousands of pledges. Listed in full, a value's
page or the "by who made them" page would run to megabytes, far too much for
a phone. So every pledge list on a generated page shows at most
``PER_PAGE`` pledges; the rest follow on numbered pages beside it
(``values/compassion/`` then ``values/compassion/pledges-2/`` and so on), linked
by a pager. These pages stay out of the navigation, so they cost no
navigation entries. At the example's size nothing is split and every page
looks exactly as it did.

Templates get a ``Shown`` list: the pledges for this page, plus ``total`` and
``statuses`` (counts over the whole list) and the ``pager`` (None when it all fits).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from ..reading import model as m
from .addresses import url_of
from .fragments import finalize
from .words import ENGLISH_WORDS, Words, capitalised

PER_PAGE = 50
# The pledges page shows a few pledges under each value and links to the value's
# own page for the rest, once the lists together would pass this many cards.
OVERVIEW_LIMIT = 2 * PER_PAGE
# The progress page tables each goal's status for this many recent years; the
# rest link to their own reports, so fifteen years of forty goals stay light.
RECENT_YEAR_TABLES = 3
# A year's report is already long (every goal, printed for the board): it shows
# this many new and completed pledges, and its pager leads to the rest.
YEAR_FIRST = 10
# A year's report with more goals than this reports on the first this many on its own page and continues on
# numbered pages of this many ('progress/2025-26/goal-reports-2/'), so forty goals do not make one page of
# a quarter of a megabyte. The board's PDF is printed from a build that keeps them whole (``whole_reports``).
YEAR_GOALS = 10
# A long list of channels of one kind continues on 'get-involved/ways/online/page-2/' and so on.
WAYS_SLUG = "page"


@dataclass(frozen=True)
class Tally:
    """All a page shows of a whole list: how many items, and how many with each status."""

    total: int
    statuses: Counter[str]

    @classmethod
    def of(cls, items: Sequence[Any]) -> Tally:
        return cls(len(items), Counter(getattr(item, "status", None) for item in items))


class Shown(list):
    """The items shown on one page, with a tally of the whole list and where the rest are.

    A page keeps only the tally of the whole list, not the list, so a page
    that does not show an edited pledge compares equal to its last build and
    is not redrawn.
    """

    def __init__(self, items: Sequence[Any], whole: Tally, pager: Pager | None = None) -> None:
        super().__init__(items)
        self.total = whole.total
        self.statuses = whole.statuses
        self.pager = pager

    @classmethod
    def whole(cls, items: Sequence[Any]) -> Shown:
        """A list shown in full on one page."""
        return cls(items, Tally.of(items))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Shown):
            return list.__eq__(self, other)
        return (list.__eq__(self, other) is True and self.total == other.total and self.statuses == other.statuses
                and self.pager == other.pager)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]  # a list, so never a dict key


@dataclass(frozen=True)
class Pager:
    """Where one page sits among the pages of a long list."""

    label: str  # what is listed, e.g. "pledges that name Compassion"
    number: int  # this page, from 1
    srcs: tuple[str, ...]  # every page's source; the first is the page the list belongs to
    start: int  # position of the first item shown here, from 1
    end: int
    total: int

    @property
    def count(self) -> int:
        return len(self.srcs)

    @property
    def previous(self) -> str:
        return self.srcs[self.number - 2] if self.number > 1 else ""

    @property
    def next(self) -> str:
        return self.srcs[self.number] if self.number < self.count else ""

    def window(self, around: int = 2) -> list[tuple[int, str]]:
        """Page numbers to link (first, last and those near this one); 0 marks a gap."""
        shown = sorted({1, self.count, *range(max(1, self.number - around), min(self.count, self.number + around) + 1)})
        out: list[tuple[int, str]] = []
        for number in shown:
            if out and number - out[-1][0] > 1:
                out.append((0, ""))
            out.append((number, self.srcs[number - 1]))
        return out


@dataclass(frozen=True)
class Host:
    """The page a continuation page continues: all it shows of it is a link. Not the page itself, whose
    whole context a preview would compare again for each of its numbered pages (preview/sameness.py)."""

    src: str
    title: str


def _folder(src: str) -> str:
    """The address folder of a page, where its continuation pages go ('values/compassion/')."""
    return url_of(src)


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [items]


def continuation_src(src: str, slug: str, number: int) -> str:
    """Where page ``number`` (from 2) of the list on page ``src`` lives: 'values/compassion/pledges-2.md'."""
    return f"{_folder(src)}{slug}-{number}.md"


def page_number(position: int, first: int = PER_PAGE) -> int:
    """Which of split's pages shows the item at ``position`` (from 0) of a list longer than PER_PAGE."""
    return 1 if position < first else 2 + (position - first) // PER_PAGE


def split(host: Any, key: str, slug: str, label: str, continuation_title: str, first: int = PER_PAGE, *,
          continuation_kind: str = "pledge-list", continuation_key: str = "pledges",
          in_search: bool = False,  # pledges: each found once, on the "who made them" pages
          per_page: int = PER_PAGE, carry: tuple[str, ...] = (),
          words: Words = ENGLISH_WORDS) -> list[Any]:
    """The host page with its list cut short (to `first` items), and pages of ``per_page`` for the rest.

    The rest go on pages of ``continuation_kind``, their list under ``continuation_key``, the host
    page under ``host`` and the host's context keys named in ``carry`` (what their items are drawn with).
    ``in_search``: whether search indexes them (not when their items are found elsewhere).
    """
    items = list(host.context[key])
    if len(items) <= per_page:
        return [replace(host, context={**host.context, key: Shown.whole(items)})]
    tally = Tally.of(items)
    parts = [items[:first], *_chunks(items[first:], per_page)]
    srcs = (host.src, *(continuation_src(host.src, slug, n) for n in range(2, len(parts) + 1)))
    out = []
    for number, part in enumerate(parts, start=1):
        start = 1 if number == 1 else first + (number - 2) * per_page + 1
        pager = Pager(label, number, srcs, start, start + len(part) - 1, len(items))
        shown = Shown(part, tally, pager)
        if number == 1:
            out.append(replace(host, context={**host.context, key: shown}))
        else:
            carried = {name: host.context[name] for name in carry}
            out.append(type(host)(srcs[number - 1], _page_of(continuation_title, number, len(parts), words),
                                  continuation_kind,
                                  {**carried, continuation_key: shown, "host": Host(host.src, host.title)},
                                  description=words.gettext("%(list)s, %(start)s to %(end)s") % {
                                      "list": capitalised(label), "start": start, "end": pager.end},
                                  in_search=in_search))
    return out


def overview(host: Any, key: str = "by_value") -> Any:
    """The pledges page: when the lists are long, a few pledges per value and a link to the rest."""
    groups = host.context[key]
    cards = sum(len(items) for _, items in groups)
    return replace(host, context={**host.context, key: shortened(groups, cards > OVERVIEW_LIMIT)})


def shortened(groups: Sequence[tuple[Any, Sequence[Any]]], short: bool) -> list[tuple[Any, Shown]]:
    """Each group's items in full, or when ``short`` its first few (about PER_PAGE in all) with the whole's tally."""
    if not short:
        return [(g, Shown.whole(items)) for g, items in groups]
    each = max(1, PER_PAGE // max(1, len(groups)))
    return [(g, Shown(items[:each], Tally.of(items))) for g, items in groups]


def _page_of(title: str, number: int, count: int, words: Words) -> str:
    """A continuation page's title: 'Pledges that name Compassion, page 2 of 5'."""
    return words.gettext("%(title)s, page %(number)s of %(count)s") % {"title": title, "number": number, "count": count}


def by_maker(host: Any, key: str = "by_kind", words: Words = ENGLISH_WORDS) -> list[Any]:
    """The "by who made them" page, split between makers into pages of about PER_PAGE pledges."""
    rows = [(label, maker, pledge) for label, makers in host.context[key] for maker, pledges in makers
            for pledge in pledges]
    parts = _chunks(rows, PER_PAGE)
    if len(parts) == 1:
        return [host]
    srcs = (host.src, *(continuation_src(host.src, "page", n) for n in range(2, len(parts) + 1)))
    out = []
    for number, part in enumerate(parts, start=1):
        grouped: list[tuple[str, list[tuple[str, list[m.Pledge]]]]] = []
        for label, maker, pledge in part:
            if not grouped or grouped[-1][0] != label:
                grouped.append((label, []))
            makers = grouped[-1][1]
            if not makers or makers[-1][0] != maker:
                makers.append((maker, []))
            makers[-1][1].append(pledge)
        start = (number - 1) * PER_PAGE + 1
        pager = Pager(words.gettext("pledges"), number, srcs, start, start + len(part) - 1, len(rows))
        context = {**host.context, key: grouped, "pager": pager}
        if number == 1:
            out.append(replace(host, context=context))
        else:
            # The page's own title is one of titles.FIXED_TITLES, a message in the catalogue.
            out.append(replace(host, src=srcs[number - 1], title=_page_of(words.gettext(host.title), number, len(parts), words),
                               context=context))
    return out


Rule = Callable[[Any], list[Any]]


def _rules(words: Words, whole_reports: bool = False) -> dict[str, Rule]:
    """How each kind of page is split, its lists named in the language of ``words``; ``whole_reports``:
    a year's goal reports all on its own page, for the board's PDF."""
    def value(page: Any) -> list[Any]:
        name = {"name": finalize(page.context["value"].name)}
        return split(page, "pledges", "pledges", words.gettext("pledges that name %(name)s") % name,
                     words.gettext("Pledges that name %(name)s") % name, words=words)

    def goal(page: Any) -> list[Any]:
        goal = page.context["goal"]
        title = {"goal": words.gettext("Goal %(number)s: %(title)s") % {"number": goal.number,
                                                                         "title": finalize(goal.title)}}
        return split(page, "pledges", "pledges", words.gettext("pledges that support %(goal)s") % title,
                     words.gettext("Pledges that support %(goal)s") % title, words=words)

    def year(page: Any) -> list[Any]:
        label = {"year": page.context["year"].label}
        out = [page]
        for key, slug, list_name, title in (
                ("new_pledges", "new-pledges", words.gettext("new pledges in %(year)s"),
                 words.gettext("New pledges in %(year)s")),
                ("completed_pledges", "completed-pledges", words.gettext("pledges completed in %(year)s"),
                 words.gettext("Pledges completed in %(year)s"))):
            first, *rest = split(out[0], key, slug, list_name % label, title % label, first=YEAR_FIRST, words=words)
            out = [first, *out[1:], *rest]
        return goal_reports(out, label)

    def goal_reports(pages: list[Any], label: dict[str, str]) -> list[Any]:
        """The year page's goal reports from YEAR_GOALS on continued on numbered pages, searched (each report is
        found once, where it is shown), and where each goal's report is, for the page's links to it."""
        host = pages[0]
        # The print build keeps every report on the year page: one page is as many as it has.
        per_page = max(YEAR_GOALS, len(host.context["reports"])) if whole_reports else YEAR_GOALS
        first, *rest = split(host, "reports", "goal-reports", words.gettext("goal reports for %(year)s") % label,
                             words.gettext("Goal reports for %(year)s") % label, first=YEAR_GOALS,
                             continuation_kind="year-goals", continuation_key="reports", in_search=True,
                             per_page=per_page, carry=("year", "previous"), words=words)
        # "" for a report on the year page itself, so its links stay '#goal-…' within the page.
        where = {row["goal"].id: part.src if part is not first else ""
                 for part in (first, *rest) for row in part.context["reports"]}
        return [replace(first, context={**first.context, "report_src": where}), *rest, *pages[1:]]

    def ways(page: Any) -> list[Any]:
        # Continuation pages are searched: each channel is found once, on whichever page of its kind shows it.
        name = finalize(page.context["kind"].name)
        return split(page, "channels", WAYS_SLUG, words.gettext("ways to take part: %(kind)s") % {"kind": name},
                     name, continuation_kind="ways", continuation_key="channels", in_search=True, words=words)

    return {"value": value, "goal": goal, "year": year, "pledges": lambda p: [overview(p)],
            "pledges-by-maker": partial(by_maker, words=words), "ways": ways}


# The kinds of page (pages.KINDS) whose long lists (pledges, channels, a year's goal reports) are split.
RULES = _rules(ENGLISH_WORDS)


def paginate(pages: list[Any], words: Words = ENGLISH_WORDS, whole_reports: bool = False) -> list[Any]:
    """Every page, with long lists split; continuation pages follow the page they belong to.
    ``whole_reports``: each year's goal reports kept on its page (the board pack's print build)."""
    rules = RULES if words is ENGLISH_WORDS and not whole_reports else _rules(words, whole_reports)
    out: list[Any] = []
    for page in pages:
        rule = rules.get(page.kind)
        out += rule(page) if rule else [page]
    return out
