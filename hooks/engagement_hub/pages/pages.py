"""The pages the hub makes from data, their places in the navigation, and
what each page's template is given.

Adding a goal, value or year to data/ adds its page and its navigation entry
here, with no other edit. Individual pledges and channels never become pages
of their own, so thousands of them cost no navigation entries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..preview.memory import Memory
from ..reading import model as m
from ..reading import opportunities as op
from . import charts as ch
from . import ics, jsonld
from . import opendata as od
from . import progress as pr
from .paging import RECENT_YEAR_TABLES, paginate


@dataclass(frozen=True)
class Page:
    """One generated page: where it lives, what it is called, how it is drawn."""

    src: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    description: str = ""
    # Continuation pages of long lists repeat pledges that search already finds elsewhere.
    in_search: bool = True


# The pages that exist once per site, by name: templates link to them by these names
# (``link_to('contact')``), never by file, so a page can move in one place.
NAMED = {
    "home": "index.md", "strategy": "strategy/index.md", "values": "values/index.md",
    "pledges": "pledges/index.md", "pledges-by-maker": "pledges/who-made-them.md",
    "get-involved": "get-involved/index.md", "patient-partners": "get-involved/partner-role.md",
    "representation": "get-involved/representation.md", "progress": "progress/index.md",
    "open-data": "open-data/index.md", "contact": "contact.md", "accessibility": "accessibility.md",
}


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


MEMBERS_SRC = "members/index.md"


def partner_role_src() -> str:
    # An address that fits any organisation's name for the role ("Join us as a volunteer", "Become a patient
    # partner"): the title comes from words.partner_role_page, the address never says whose partners they are.
    return NAMED["patient-partners"]


def representation_src() -> str:
    return "get-involved/representation.md"


def goal_status_rows(hub: m.Hub, year: m.Year) -> list[dict[str, Any]]:
    previous = hub.previous_year(year)
    rows = []
    for goal in hub.strategy.goals:
        entry = year.for_goal(goal.id)
        before = previous.for_goal(goal.id) if previous else None
        status = entry.status if entry else "not-reported"  # left out of the year's report: not "not started"
        move = pr.movement(status, before.status if before else None)
        rows.append({
            "goal": goal, "entry": entry, "status": status, "previous_status": before.status if before else None,
            "movement": move, "movement_words": pr.MOVEMENT_WORDS[move],
            "measures": pr.measure_rows(goal, year, previous),
            "you_said_we_did": [f for f in year.you_said_we_did if f.goal_id == goal.id],
        })
    return rows


def build_pages(hub: m.Hub, today: date | None = None, memory: Memory | None = None) -> list[Page]:
    """Every generated page, in navigation order, as on the build date ``today`` (default: no opportunities
    open, so a caller that does not care about dates still gets every page). ``memory``: see memory.py."""
    memory = memory or Memory()  # one for the whole call: the open data rows are worked out once
    org, strategy = hub.organisation, hub.strategy
    latest = hub.latest_year
    groups = op.split(hub.opportunities, today or date.min)
    pages = [
        Page("index.md", "Home", "home.html", {
            "latest": latest,
            "latest_rows": goal_status_rows(hub, latest) if latest else [],
            "values_by_family": _group(list(hub.values), lambda v: v.family, m.VALUE_FAMILY_WORDS),
            "open_opportunities": groups["open"],
            "channel_count": len(hub.channels),
        }, description=org.strapline),
        Page("strategy/index.md", strategy.title, "strategy.html", {},
             description=f"Our goals to {strategy.end}" if strategy.end else "Our goals"),
    ]
    for goal in strategy.goals:
        years = [(y, y.for_goal(goal.id)) for y in hub.years]
        pages.append(Page(goal_src(goal), goal_title(goal), "goal.html", {
            "goal": goal,
            "values": [hub.value(v) for v in goal.value_ids],
            "pledges": hub.pledges_for_goal(goal.id),
            "latest": latest,
            "latest_entry": latest.for_goal(goal.id) if latest else None,
            "latest_measures": pr.measure_rows(goal, latest, hub.previous_year(latest)) if latest else [],
            "history": [(y, e) for y, e in years if e],
            "trends": [(measure, points, ch.trend_chart(measure, points, f"chart-trend-{measure.id}"))
                       for measure in goal.measures for points in [pr.trend(measure, goal, hub.years)]],
        }, description=goal.summary))
    pages.append(Page("values/index.md", "Our values", "values.html", {
        "values_by_family": _group(list(hub.values), lambda v: v.family, m.VALUE_FAMILY_WORDS),
        "downloads": od.downloads_for(hub, "values", memory=memory),
    }, description="The values we work by, and the pledges made to live them"))
    goals_by_value: dict[str, list[m.Goal]] = defaultdict(list)
    for goal in strategy.goals:
        for value_id in goal.value_ids:
            goals_by_value[value_id].append(goal)
    for value in hub.values:
        pages.append(Page(value_src(value), value.name, "value.html", {
            "value": value, "pledges": hub.pledges_for_value(value.id), "goals": goals_by_value[value.id],
        }, description=value.summary))
    if hub.has_pledges:
        pages += _pledge_pages(hub, memory)
    pages += _involvement_pages(hub, groups, memory)
    pages += opportunity_pages(hub, groups)
    if hub.members is not None:
        pages.append(_members_page(hub, memory))
    if hub.has_progress:
        pages += _progress_pages(hub, memory)
    pages.append(Page("open-data/index.md", "Open data", "open-data.html", {
        "datasets": od.datasets_for(hub), "counts": od.row_counts(hub, memory), "kind_words": od.KIND_WORDS,
        "topics": od.topics(hub),
    }, description="The facts on this site as CSV and JSON files, to check or reuse"))
    pages.append(Page("contact.md", "Contact us", "contact.html", {}, description=f"How to contact {org.short_name}"))
    pages.append(Page("accessibility.md", "Accessibility statement", "accessibility.html", {
        "statement": hub.accessibility}, description="How accessible this website is"))
    return paginate(pages)  # long pledge lists continue on numbered pages


def _pledge_pages(hub: m.Hub, memory: Memory) -> list[Page]:
    pages = []
    pages.append(Page("pledges/index.md", "Pledges", "pledges.html", {
        "by_value": [(v, hub.pledges_for_value(v.id)) for v in hub.values if hub.pledges_for_value(v.id)],
        "counts": {k: sum(1 for p in hub.pledges if p.status == k) for k in m.PLEDGE_STATUS_WORDS},
        "pledge_count": len(hub.pledges),
        "downloads": od.downloads_for(hub, "pledges", "pledge-updates", memory=memory),
    }, description="Promises made to live our values, and whether they were kept"))
    pages.append(Page("pledges/who-made-them.md", "Pledges by who made them", "pledges-by-maker.html", {
        "by_kind": [(kind.name, _group_makers(items)) for kind, items in
                    _group_by_kind(sorted(hub.pledges, key=lambda p: p.made_by), lambda p: p.made_by_kind,
                                   hub.maker_kinds)],
        "kinds": {kind.name: kind for kind in hub.maker_kinds},
    }, description="Pledges grouped by the organisation or group that made them"))
    return pages


def _involvement_pages(hub: m.Hub, groups: dict[str, list[m.Opportunity]], memory: Memory) -> list[Page]:
    words, involvement = hub.organisation.words, hub.involvement
    pages = [Page("get-involved/index.md", "Get involved", "get-involved.html", {
        "channels_by_kind": _group_by_kind(list(hub.channels), lambda c: c.kind, hub.channel_kinds),
        "opportunities": groups, "all_calendar": op.ALL_CALENDAR,
        "downloads": od.downloads_for(hub, "channels", "communities", "opportunities", memory=memory),
    }, description="Ways to take part")]
    if involvement.patient_partner is not None:
        pages.append(Page(partner_role_src(), words.partner_role_page, "patient-partner.html", {
            "role": involvement.patient_partner,
        }, description="What the role involves, who we are looking for and what we offer"))
    if involvement.representation is not None:
        pages.append(Page(representation_src(), words.representation_page, "representation.html", {
            "seats": involvement.representation,
        }, description="Committees where our representatives sit"))
    return pages


def _members_page(hub: m.Hub, memory: Memory) -> Page:
    kinds: dict[str, list[tuple[m.Member, list[m.Pledge]]]] = {}
    for member in sorted(hub.members or (), key=lambda x: x.name):
        kinds.setdefault(member.kind, []).append((member, hub.pledges_by_member(member)))
    return Page(MEMBERS_SRC, "Our members", "members.html", {
        "members_by_kind": sorted(kinds.items()), "introduction": hub.members_introduction,
        "count": len(hub.members or ()), "downloads": od.downloads_for(hub, "members", memory=memory)},
                description="The organisations that are members, and the pledges each has made")


def _progress_pages(hub: m.Hub, memory: Memory) -> list[Page]:
    org, strategy = hub.organisation, hub.strategy
    pages = []
    pages.append(Page("progress/index.md", "Progress", "progress.html", {
        "years": list(reversed(hub.years)),
        # Each goal's status for recent years; older years link to their own report (keeps the page light).
        "summaries": {y.label: goal_status_rows(hub, y) for y in hub.years[-RECENT_YEAR_TABLES:]},
        "downloads": od.downloads_for(hub, "years", "progress", "measures", "measure-values", "you-said-we-did",
                                      "highlights", "communities", memory=memory),
    }, description="How we are doing against our goals, year by year"))
    by_year = pr.pledges_by_year(hub)
    for year in reversed(hub.years):
        made, completed = by_year[year.label]
        first, last = pr.year_bounds(year.label, org.year_start_month)
        previous = hub.previous_year(year)
        progress_rows = ch.progress_rows(strategy.goals, year, previous)
        # A first year whose every measure is still at its baseline would chart nothing but 0% bars:
        # the report shows the starting point (baseline and target of each measure) instead.
        starting_point = previous is None and all(not row.current for row in progress_rows)
        pages.append(Page(year_src(year), f"Progress in {year_label(year)}", "year.html", {
            "year": year, "previous": previous, "rows": goal_status_rows(hub, year),
            "new_pledges": made, "completed_pledges": completed, "first_day": first, "last_day": last,
            "progress_rows": progress_rows, "involvement": pr.involvement_rows(year, previous),
            "progress_chart": ch.progress_chart(progress_rows, year, previous, "chart-progress")
            if progress_rows and not starting_point else None,
            "starting_point": [(g, x) for g in strategy.goals for x in g.measures] if starting_point else [],
            "downloads": od.downloads_for(hub, "progress", "measure-values", "you-said-we-did", "communities",
                                          "pledges-by-year", memory=memory),
        }, description=f"Our report to {org.words.progress_reviewed_by} on {year.label}"))
    return pages


def opportunity_pages(hub: m.Hub, groups: dict[str, list[m.Opportunity]]) -> list[Page]:
    """A page for each opportunity, reached from Get involved (not from the menu)."""
    org = hub.organisation
    channels = {c.id: c for c in hub.channels}
    years = {y.label: y for y in hub.years}
    pages = []
    for state, items in groups.items():
        for item in items:
            src = op.page_src(item)
            pages.append(Page(src, item.title, "opportunity.html", {
                "opportunity": item, "state": state, "calendar": op.calendar_path(item),
                "goals": [hub.goal(g) for g in item.goal_ids],
                "channels": [channels[c] for c in item.channel_ids],
                "outcome_year": years.get(item.outcome.year) if item.outcome else None,
                "structured_data": jsonld.events(item, org, ics.page_url(org, src)),
            }, description=f"{m.OPPORTUNITY_KIND_WORDS[item.kind]}, {m.OPPORTUNITY_STATE_WORDS[state].lower()}: "
                           f"{item.who_for}"))
    return pages


def _group_makers(pledges: list[m.Pledge]) -> list[tuple[str, list[m.Pledge]]]:
    makers: dict[str, list[m.Pledge]] = {}
    for pledge in pledges:
        makers.setdefault(pledge.made_by, []).append(pledge)
    return list(makers.items())


def navigation(hub: m.Hub, extra: list[tuple[str, str]] | None = None) -> list[Any]:
    """The site navigation in MkDocs' nav format, generated from the data.

    ``extra`` adds hand-written pages (title, source) before Contact.
    """
    words, involvement = hub.organisation.words, hub.involvement
    nav: list[Any] = [
        {"Home": "index.md"},
        {"Our strategy": ["strategy/index.md", *({goal_title(g): goal_src(g)} for g in hub.strategy.goals)]},
        {"Our values": ["values/index.md", *({v.name: value_src(v)} for v in hub.values)]},
    ]
    if hub.has_pledges:
        nav.append({"Pledges": ["pledges/index.md", {"By who made them": "pledges/who-made-them.md"}]})
    involve: list[Any] = ["get-involved/index.md"]
    if involvement.patient_partner is not None:
        involve.append({words.partner_role_page: partner_role_src()})
    if involvement.representation is not None:
        involve.append({words.representation_page: representation_src()})
    nav.append({"Get involved": involve if len(involve) > 1 else "get-involved/index.md"})
    if hub.members is not None:
        nav.append({"Our members": MEMBERS_SRC})
    if hub.has_progress:
        nav.append({"Progress": ["progress/index.md", *({year_label(y): year_src(y)} for y in reversed(hub.years))]})
    nav += [{title: src} for title, src in (extra or [])]
    nav.append({"Open data": "open-data/index.md"})
    nav.append({"Contact us": "contact.md"})
    return nav
