"""What changed, as the entries of an Atom feed: newest first, each dated from the data.

New opportunities (on the day they were announced), results published, a
year's report published (the day the board reviewed it) and pledge updates.
Only what is dated on or before the build date is in the feed, so a result
written ahead of its publication day appears on that day's nightly build. The
XML is drawn by a template (``theme_overrides/hub/feed.xml``), escaped like every page.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from ..reading import model as m
from ..reading import opportunities as op
from ..reading.builddate import UK
from . import pages as pg

FEED_PATH = "feed.xml"
# The feed lists this many of the newest changes; older ones are on the site itself.
MAX_ENTRIES = 50


@dataclass(frozen=True)
class Entry:
    id: str
    day: date
    title: str
    src: str
    summary: str
    category: str

    @property
    def updated(self) -> str:
        """The day as an RFC 3339 time: midnight in the UK, with that day's offset."""
        return datetime.combine(self.day, time(0, 0), tzinfo=UK).isoformat()


def _id(key: str) -> str:
    # A stable id from the record's own id: the same change keeps the same id in every build.
    return uuid.uuid5(uuid.NAMESPACE_URL, f"engagement-hub:{key}").urn


def entries(hub: m.Hub, today: date) -> list[Entry]:
    found: list[Entry] = []
    for item in hub.opportunities:
        kind = m.OPPORTUNITY_KIND_WORDS[item.kind]
        found.append(Entry(_id(f"opportunity/{item.id}"), date.fromisoformat(item.announced),
                           f"{kind}: {item.title}", op.page_src(item),
                           f"{item.summary} Open from {op.when_words(item.opens)} to {op.when_words(item.closes)}.",
                           "opportunity"))
        if item.outcome:
            found.append(Entry(_id(f"opportunity/{item.id}/outcome"), date.fromisoformat(item.outcome.published),
                               f"What happened: {item.title}", op.page_src(item), item.outcome.summary, "result"))
    for year in hub.years:
        if year.status == "published" and year.reviewed_by_board:
            found.append(Entry(_id(f"year/{year.slug}"), date.fromisoformat(year.reviewed_by_board),
                               f"Our report for {year.label}", pg.year_src(year), year.summary, "report"))
    for pledge in hub.pledges:
        if pledge.update_date:
            found.append(Entry(_id(f"pledge/{pledge.id}/{pledge.update_date}"), date.fromisoformat(pledge.update_date),
                               f"Pledge update from {pledge.made_by}: {m.PLEDGE_STATUS_WORDS[pledge.status].lower()}",
                               "pledges/index.md", pledge.update_text, "pledge"))
    found = [e for e in found if e.day <= today]
    found.sort(key=lambda e: (e.day, e.title), reverse=True)
    return found[:MAX_ENTRIES]


def subtitle(hub: m.Hub) -> str:
    """What the feed carries, naming only what this organisation's data can announce."""
    kinds = [*(["new opportunities to take part", "results"] if hub.opportunities else []),
             *(["year reports"] if hub.has_progress else []), *(["pledge updates"] if hub.has_pledges else [])]
    said = ", ".join(kinds[:-1]) + " and " + kinds[-1] if len(kinds) > 1 else "".join(kinds)
    return said[:1].upper() + said[1:]


def feed_id(org: m.Organisation) -> str:
    """The feed's own id: its address when the site has one, otherwise one made from the organisation's name."""
    return org.site_url.rstrip("/") + "/" + FEED_PATH if org.site_url else _id(f"feed/{org.name}")
