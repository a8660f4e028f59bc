"""The pages the hub makes from data, their places in the navigation, and
what each page's template is given.

Adding a goal, value or year to data/ adds its page and its navigation entry
(up to ``MENU_LIMIT`` of a kind) here, with no other edit. Individual pledges
and channels never become pages of their own, so thousands of them cost no
navigation entries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..preview.memory import Memory
from ..reading import model as m
from ..reading import opportunities as op
from . import charts as ch
from . import ics, jsonld, ways
from . import opendata as od
from . import progress as pr
from .fragments import finalize
from .paging import RECENT_YEAR_TABLES, paginate, shortened
from .words import ENGLISH_WORDS, Words


@dataclass(frozen=True)
class PageKind:
    """One kind of page, named once: the template that draws it, and for a page the site has once,
    where it lives and its entry in the menu. Code and templates refer to a kind by its name."""

    name: str
    template: str
    src: str = ""  # a single page's source; pages made once per record name theirs (goal_src, ...)
    menu: str = ""  # a single page's words in the menu, when its title there is fixed
    # Addresses a single page had before it moved ('get-involved/patient-partners/'): old links in board
    # papers and leaflets keep working, each through a notice there that sends the reader on (moved.py).
    former: tuple[str, ...] = ()


# Every kind of page the hub makes, in the order the pages are built and listed.
KINDS = {kind.name: kind for kind in (
    PageKind("home", "home.html", "index.md", "Home"),
    PageKind("strategy", "strategy.html", "strategy/index.md", "Our strategy"),
    PageKind("goal", "goal.html"),
    PageKind("values", "values.html", "values/index.md", "Our values"),
    PageKind("value", "value.html"),
    PageKind("pledges", "pledges.html", "pledges/index.md", "Pledges"),
    PageKind("pledges-by-maker", "pledges-by-maker.html", "pledges/who-made-them.md", "By who made them"),
    PageKind("pledge-list", "pledge-pages.html"),  # the numbered pages a long pledge list continues on
    PageKind("get-involved", "get-involved.html", "get-involved/index.md", "Get involved"),
    # A page per kind of channel, when there are too many channels for Get involved (ways.py); out of the menu.
    PageKind("ways", "ways.html"),
    # An address that fits any organisation's name for the role ("Join us as a volunteer", "Become a patient
    # partner"): the title comes from words.partner_role_page, the address never says whose partners they are.
    PageKind("patient-partners", "patient-partner.html", "get-involved/partner-role.md",
             former=("get-involved/patient-partners/",)),
    PageKind("representation", "representation.html", "get-involved/representation.md"),
    PageKind("opportunity", "opportunity.html"),
    PageKind("members", "members.html", "members/index.md", "Our members"),
    PageKind("progress", "progress.html", "progress/index.md", "Progress"),
    PageKind("year", "year.html"),
    PageKind("year-goals", "year-goals.html"),  # the numbered pages a long year's goal reports continue on
    PageKind("open-data", "open-data.html", "open-data/index.md", "Open data"),
    PageKind("contact", "contact.html", "contact.md", "Contact us"),
    PageKind("accessibility", "accessibility.html", "accessibility.md"),
)}

# The pages that exist once per site, by name: templates link to them by these names
# (``link_to('contact')``), never by file, so a page can move in one place.
NAMED = {name: kind.src for name, kind in KINDS.items() if kind.src}


@dataclass(frozen=True)
class Page:
    """One generated page: where it lives, what it is called, and its kind (which names its template)."""

    src: str
    title: str
    kind: str
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    description: str = ""
    # Continuation pages of long lists repeat pledges that search already finds elsewhere.
    in_search: bool = True

    @property
    def template(self) -> str:
        return KINDS[self.kind].template


def single(name: str, title: str, context: dict[str, Any], description: str) -> Page:
    """The page the site has once of the kind ``name``, at the source the registry gives it."""
    return Page(named_src(name), title, name, context, description=description)


def named_src(name: str) -> str:
    """The source of the page called ``name`` in NAMED; a name no page has stops the build."""
    if name not in NAMED:
        raise KeyError(f"No page is called '{name}'. Pages with names: {', '.join(sorted(NAMED))}.")
    return NAMED[name]


def goal_src(goal: m.Goal) -> str:
    return f"strategy/{goal.id}.md"


def value_src(value: m.Value) -> str:
    return f"values/{value.id}.md"


def year_src(year: m.Year) -> str:
    return f"progress/{year.slug}.md"


def year_label(year: m.Year) -> str:
    """A year as named in titles and navigation; a draft (previews only) says so."""
    return f"{year.label} (draft)" if year.status == "draft" else year.label


def goal_title(goal: m.Goal) -> str:
    return f"Goal {goal.number}: {goal.title}"


def _in(table: dict[str, str], words: Words) -> dict[str, str]:
    """A table of the core's words (wordtables.py) in the language of ``words``."""
    return {code: words.gettext(word) for code, word in table.items()}


def _group(items: list[Any], key: Any, order: dict[str, str]) -> list[tuple[str, str, list[Any]]]:
    """Group items under headings in a fixed order, leaving out empty groups."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return [(k, label, groups[k]) for k, label in order.items() if groups.get(k)]


def _group_by_kind(items: list[Any], key: Any, kinds: tuple[m.Kind, ...]) -> list[tuple[m.Kind, list[Any]]]:
    """Items under their kind, in the order the kinds are listed, leaving out kinds with none."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return [(kind, groups[kind.id]) for kind in kinds if groups.get(kind.id)]


def goal_status_rows(hub: m.Hub, year: m.Year, words: Words = ENGLISH_WORDS) -> list[dict[str, Any]]:
    previous = hub.previous_year(year)
    rows = []
    for goal in hub.strategy.goals:
        entry = year.for_goal(goal.id)
        before = previous.for_goal(goal.id) if previous else None
        status = entry.status if entry else "not-reported"  # left out of the year's report: not "not started"
        move = pr.movement(status, before.status if before else None)
        rows.append({
            "goal": goal, "entry": entry, "status": status, "previous_status": before.status if before else None,
            "movement": move, "movement_words": words.gettext(pr.MOVEMENT_WORDS[move]),
            "measures": pr.measure_rows(goal, year, previous, words),
            "you_said_we_did": [f for f in year.you_said_we_did if f.goal_id == goal.id],
        })
    return rows


@dataclass(frozen=True)
class Making:
    """What every builder may use besides the hub: the build date's opportunity groups and the preview's memory."""

    groups: dict[str, list[m.Opportunity]]
    memory: Memory  # one for the whole call: the open data rows are worked out once
    feed: str = ""  # the Atom feed's path, when the site has one (only with something to announce)
    words: Words = ENGLISH_WORDS  # the core's words in the site's language (charts, changes, page titles)


Builder = Callable[[m.Hub, Making], list[Page]]


def build_pages(hub: m.Hub, today: date | None = None, memory: Memory | None = None, *,
                feed: str = "", words: Words = ENGLISH_WORDS, whole_reports: bool = False) -> list[Page]:
    """Every generated page, in navigation order, as on the build date ``today`` (default: no opportunities
    open, so a caller that does not care about dates still gets every page). ``memory``: see memory.py.
    ``feed``: the Atom feed's path when the site has one (output/site.py writes it only with entries in it).
    ``whole_reports``: each year's goal reports all on its page, for printing the board's PDF (paging.py).

    Each kind's builder (BUILDERS) makes the pages of that kind; a kind the data has nothing for makes none.
    """
    making = Making(op.split(hub.opportunities, today or date.min), memory or Memory(), feed, words)
    pages = [page for name in KINDS if (build := BUILDERS.get(name)) for page in build(hub, making)]
    return paginate(pages, words, whole_reports)  # long lists continue on numbered pages


def _home(hub: m.Hub, making: Making) -> list[Page]:
    latest = hub.latest_year
    return [single("home", KINDS["home"].menu, {
        "latest": latest, "latest_statuses": _latest_statuses(latest),
        "latest_rows": goal_status_rows(hub, latest, making.words) if latest else [],
        "values_by_family": _group(list(hub.values), lambda v: v.family, _in(m.VALUE_FAMILY_WORDS, making.words)),
        "open_opportunities": making.groups["open"],
        "channel_count": len(hub.channels),
    }, description=hub.organisation.strapline)]


def _strategy(hub: m.Hub, making: Making) -> list[Page]:
    strategy, latest = hub.strategy, hub.latest_year
    return [single("strategy", strategy.title, {"latest": latest, "latest_statuses": _latest_statuses(latest)},
                   description=making.words.gettext("Our goals to %(end)s") % {"end": strategy.end} if strategy.end
                   else making.words.gettext("Our goals"))]


def _latest_statuses(latest: m.Year | None) -> dict[str, str]:
    """Each goal's status in the latest year that reports it, shown first on the goal cards."""
    return {entry.goal_id: entry.status for entry in latest.goals} if latest else {}


@dataclass(frozen=True)
class YearName:
    """A reporting year as a page that links to its report names it: a goal page shows the latest year's
    label, not its summary, so editing a summary leaves forty goal pages' contexts as they were."""

    label: str
    slug: str
    status: str

    @classmethod
    def of(cls, year: m.Year | None) -> YearName | None:
        return cls(year.label, year.slug, year.status) if year else None


def _goals(hub: m.Hub, making: Making) -> list[Page]:
    latest = hub.latest_year
    pages = []
    for goal in hub.strategy.goals:
        years = [(y, y.for_goal(goal.id)) for y in hub.years]
        pages.append(Page(goal_src(goal), goal_title(goal), "goal", {
            "goal": goal,
            "values": [hub.value(v) for v in goal.value_ids],
            "pledges": hub.pledges_for_goal(goal.id),
            "latest": YearName.of(latest),
            "latest_entry": latest.for_goal(goal.id) if latest else None,
            "latest_measures": pr.measure_rows(goal, latest, hub.previous_year(latest), making.words) if latest else [],
            "history": [(YearName.of(y), e) for y, e in years if e],
            "trends": [(measure, points, ch.trend_chart(measure, points, f"chart-trend-{measure.id}", making.words))
                       for measure in goal.measures for points in [pr.trend(measure, goal, hub.years, making.words)]],
        }, description=goal.summary))
    return pages


def _values(hub: m.Hub, making: Making) -> list[Page]:
    return [single("values", KINDS["values"].menu, {
        "values_by_family": _group(list(hub.values), lambda v: v.family, _in(m.VALUE_FAMILY_WORDS, making.words)),
        "downloads": od.downloads_for(hub, "values", memory=making.memory, words=making.words),
    }, description=("The values we work by, and the pledges made to live them" if hub.has_pledges
                    else "The values we work by"))]


def _value_pages(hub: m.Hub, making: Making) -> list[Page]:
    goals_by_value: dict[str, list[m.Goal]] = defaultdict(list)
    for goal in hub.strategy.goals:
        for value_id in goal.value_ids:
            goals_by_value[value_id].append(goal)
    return [Page(value_src(value), value.name, "value", {
        "value": value, "pledges": hub.pledges_for_value(value.id), "goals": goals_by_value[value.id],
    }, description=value.summary) for value in hub.values]


def _pledges(hub: m.Hub, making: Making) -> list[Page]:
    if not hub.has_pledges:
        return []
    return [single("pledges", KINDS["pledges"].menu, {
        "by_value": [(v, hub.pledges_for_value(v.id)) for v in hub.values if hub.pledges_for_value(v.id)],
        "counts": {k: sum(1 for p in hub.pledges if p.status == k) for k in m.PLEDGE_STATUS_WORDS},
        "pledge_count": len(hub.pledges),
        "downloads": od.downloads_for(hub, "pledges", "pledge-updates", memory=making.memory, words=making.words),
    }, description="Promises made to live our values, and whether they were kept")]


def _pledges_by_maker(hub: m.Hub, making: Making) -> list[Page]:
    if not hub.has_pledges:
        return []
    return [single("pledges-by-maker", "Pledges by who made them", {
        "by_kind": [(kind.name, _group_makers(items)) for kind, items in
                    _group_by_kind(sorted(hub.pledges, key=lambda p: p.made_by), lambda p: p.made_by_kind,
                                   hub.maker_kinds)],
        "kinds": {kind.name: kind for kind in hub.maker_kinds},
    }, description="Pledges grouped by the organisation or group that made them")]


def _get_involved(hub: m.Hub, making: Making) -> list[Page]:
    apart = ways.apart(hub)
    return [single("get-involved", KINDS["get-involved"].menu, {
        # With many channels, a few of each kind and a link to the kind's page (kind id -> its source).
        "channels_by_kind": shortened(ways.by_kind(hub), apart),
        "ways": {kind.id: ways.kind_src(kind) for kind in hub.channel_kinds} if apart else {},
        "opportunities": making.groups, "all_calendar": op.ALL_CALENDAR, "feed": making.feed,
        "downloads": od.downloads_for(hub, "channels", "communities", "opportunities", memory=making.memory, words=making.words),
    }, description="Ways to take part")]


def _ways(hub: m.Hub, making: Making) -> list[Page]:
    """A page per kind of channel, only when the Get involved page lists just a few of each (ways.apart)."""
    if not ways.apart(hub):
        return []
    return [Page(ways.kind_src(kind), kind.name, "ways", {"kind": kind, "channels": channels},
                 description=making.words.gettext("Ways to take part: %(kind)s") % {"kind": finalize(kind.name)})
            for kind, channels in ways.by_kind(hub)]


def _patient_partners(hub: m.Hub, making: Making) -> list[Page]:
    if hub.involvement.patient_partner is None:
        return []
    return [single("patient-partners", hub.organisation.words.partner_role_page, {
        "role": hub.involvement.patient_partner,
    }, description="What the role involves, who we are looking for and what we offer")]


def _representation(hub: m.Hub, making: Making) -> list[Page]:
    if hub.involvement.representation is None:
        return []
    return [single("representation", hub.organisation.words.representation_page, {
        "seats": hub.involvement.representation,
    }, description="Committees where our representatives sit")]


def _opportunities(hub: m.Hub, making: Making) -> list[Page]:
    """A page for each opportunity, reached from Get involved (not from the menu)."""
    org = hub.organisation
    channels = {c.id: c for c in hub.channels}
    addresses = ways.addresses(hub)
    years = {y.label: y for y in hub.years}
    pages = []
    for state, items in making.groups.items():
        for item in items:
            src = op.page_src(item)
            pages.append(Page(src, item.title, "opportunity", {
                "opportunity": item, "state": state, "calendar": op.calendar_path(item),
                "goals": [hub.goal(g) for g in item.goal_ids],
                "channels": [channels[c] for c in item.channel_ids],
                "channel_links": {c: addresses[c] for c in item.channel_ids},  # where each channel's card is
                "outcome_year": years.get(item.outcome.year) if item.outcome else None,
                "structured_data": jsonld.events(item, org, ics.page_url(org, src)),
            }, description=f"{making.words.gettext(m.OPPORTUNITY_KIND_WORDS[item.kind])}, "
                           f"{making.words.gettext(m.OPPORTUNITY_STATE_WORDS[state]).lower()}: {item.who_for}"))
    return pages


def _members(hub: m.Hub, making: Making) -> list[Page]:
    if hub.members is None:
        return []
    kinds: dict[str, list[tuple[m.Member, list[m.Pledge]]]] = {}
    for member in sorted(hub.members, key=lambda x: x.name):
        kinds.setdefault(member.kind, []).append((member, hub.pledges_by_member(member)))
    return [single("members", KINDS["members"].menu, {
        "members_by_kind": sorted(kinds.items()), "introduction": hub.members_introduction,
        "count": len(hub.members), "downloads": od.downloads_for(hub, "members", memory=making.memory, words=making.words)},
                   description="The organisations that are members, and the pledges each has made")]


def _progress(hub: m.Hub, making: Making) -> list[Page]:
    if not hub.has_progress:
        return []
    return [single("progress", KINDS["progress"].menu, {
        "years": list(reversed(hub.years)),
        # Each goal's status for recent years; older years link to their own report (keeps the page light).
        "summaries": {y.label: goal_status_rows(hub, y, making.words) for y in hub.years[-RECENT_YEAR_TABLES:]},
        "downloads": od.downloads_for(hub, "years", "progress", "measures", "measure-values", "you-said-we-did",
                                      "highlights", "communities", memory=making.memory, words=making.words),
    }, description="How we are doing against our goals, year by year")]


def _years(hub: m.Hub, making: Making) -> list[Page]:
    if not hub.has_progress:
        return []
    org, strategy = hub.organisation, hub.strategy
    pages = []
    by_year = pr.pledges_by_year(hub, making.memory)
    for year in reversed(hub.years):
        made, completed = by_year[year.label]
        first, last = pr.year_bounds(year.label, org.year_start_month)
        previous = hub.previous_year(year)
        progress_rows = ch.progress_rows(strategy.goals, year, previous)
        # A first year whose every measure is still at its baseline would chart nothing but 0% bars:
        # the report shows the starting point (baseline and target of each measure) instead.
        starting_point = previous is None and all(not row.current for row in progress_rows)
        rows = goal_status_rows(hub, year, making.words)
        pages.append(Page(year_src(year), f"Progress in {year_label(year)}", "year", {
            # rows: every goal, for the summary; reports: those reported on this page (paging.py splits a long list).
            "year": year, "previous": previous, "rows": rows, "reports": rows, "changes": pr.changes(rows),
            # "You said, we did" entries that belong to no goal (each goal's own are in its row).
            "general_you_said": [f for f in year.you_said_we_did if not f.goal_id],
            "new_pledges": made, "completed_pledges": completed, "first_day": first, "last_day": last,
            "reviewer": pr.reviewer(year, org),
            "progress_rows": progress_rows, "involvement": pr.involvement_rows(year, previous, making.words),
            "progress_chart": ch.progress_chart(progress_rows, year, previous, "chart-progress", making.words)
            if progress_rows and not starting_point else None,
            "starting_point": [(g, x) for g in strategy.goals for x in g.measures] if starting_point else [],
            "downloads": od.downloads_for(hub, "progress", "measure-values", "you-said-we-did", "communities",
                                          "pledges-by-year", memory=making.memory, words=making.words),
        }, description=making.words.gettext("Our report to %(board)s on %(year)s") % {
            "board": finalize(pr.reviewer(year, org)), "year": year.label}))
    return pages


def _open_data(hub: m.Hub, making: Making) -> list[Page]:
    return [single("open-data", KINDS["open-data"].menu, {
        "datasets": od.in_language(od.datasets_for(hub), making.words), "counts": od.row_counts(hub, making.memory),
        "kind_words": od.kind_words(hub, making.words), "topics": od.topics(hub, making.words),
    }, description="The facts on this site as CSV and JSON files, to check or reuse")]


def _contact(hub: m.Hub, making: Making) -> list[Page]:
    return [single("contact", KINDS["contact"].menu, {}, description=making.words.gettext("How to contact %(name)s") % {
        "name": finalize(hub.organisation.short_name)})]


def _accessibility(hub: m.Hub, making: Making) -> list[Page]:
    return [single("accessibility", "Accessibility statement", {"statement": hub.accessibility},
                   description="How accessible this website is")]


# One builder per kind of page (the numbered pages of a long list are made by paging.py from their host).
BUILDERS: dict[str, Builder] = {
    "home": _home, "strategy": _strategy, "goal": _goals, "values": _values, "value": _value_pages,
    "pledges": _pledges, "pledges-by-maker": _pledges_by_maker, "get-involved": _get_involved, "ways": _ways,
    "patient-partners": _patient_partners, "representation": _representation, "opportunity": _opportunities,
    "members": _members, "progress": _progress, "year": _years, "open-data": _open_data, "contact": _contact,
    "accessibility": _accessibility,
}


def _group_makers(pledges: list[m.Pledge]) -> list[tuple[str, list[m.Pledge]]]:
    makers: dict[str, list[m.Pledge]] = {}
    for pledge in pledges:
        makers.setdefault(pledge.made_by, []).append(pledge)
    return list(makers.items())


MENU_LIMIT = 12
"""The most goals, values or years the menu lists under their section; a phone shows about this many."""


def navigation(hub: m.Hub, extra: list[tuple[str, str]] | None = None) -> list[Any]:
    """The site navigation in MkDocs' nav format, generated from the data.

    ``extra`` adds hand-written pages (title, source) before Contact. A section with more than
    ``MENU_LIMIT`` pages is a single entry, its index page, which lists and links them all.
    """
    words, involvement = hub.organisation.words, hub.involvement
    def entry(name: str) -> dict[str, str]:
        return {KINDS[name].menu: named_src(name)}

    def section(name: str, pages: list[dict[str, str]]) -> dict[str, Any]:
        # Over MENU_LIMIT pages, the section is one entry: its index page lists them all. Every page draws
        # the whole menu, so a menu that grew with the data would make each page, and the build, grow too.
        return {KINDS[name].menu: [named_src(name), *pages] if len(pages) <= MENU_LIMIT else named_src(name)}

    nav: list[Any] = [
        entry("home"),
        section("strategy", [{goal_title(g): goal_src(g)} for g in hub.strategy.goals]),
        section("values", [{v.name: value_src(v)} for v in hub.values]),
    ]
    if hub.has_pledges:
        nav.append({KINDS["pledges"].menu: [named_src("pledges"), entry("pledges-by-maker")]})
    involve: list[Any] = [named_src("get-involved")]
    if involvement.patient_partner is not None:
        involve.append({words.partner_role_page: named_src("patient-partners")})
    if involvement.representation is not None:
        involve.append({words.representation_page: named_src("representation")})
    nav.append({KINDS["get-involved"].menu: involve if len(involve) > 1 else named_src("get-involved")})
    if hub.members is not None:
        nav.append(entry("members"))
    if hub.has_progress:
        nav.append(section("progress", [{year_label(y): year_src(y)} for y in reversed(hub.years)]))
    nav += [{title: src} for title, src in (extra or [])]
    nav.append(entry("open-data"))
    nav.append(entry("contact"))
    return nav
