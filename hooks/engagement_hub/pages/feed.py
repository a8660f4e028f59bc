"""What changed, as the entries of an Atom feed: newest first, each dated from the data.

New opportunities (on the day they were announced), results published, a
year's report published (the day the board reviewed it) and pledge updates.
Only what is dated on or before the build date is in the feed, so a result
written ahead of its publication day appears on that day's nightly build. The
XML is drawn by a template (``theme_overrides/hub/feed.xml``), escaped like every page.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from babel.lists import format_list

from ..reading import model as m
from ..reading import opportunities as op
from ..reading.builddate import UK
from ..reading.languages import SOURCE
from . import localised
from . import pages as pg
from .words import ENGLISH_WORDS, Words

FEED_PATH = "feed.xml"
# The feed lists this many of the newest changes; older ones are on the site itself.
MAX_ENTRIES = 50


@dataclass(frozen=True)
class Entry:
    id: str  # while entries are gathered, the key the id is made from (_id)
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


def entries(hub: m.Hub, today: date, words: Words = ENGLISH_WORDS) -> list[Entry]:
    """The feed's entries, newest first, in the language of ``words`` (the same ids in every language)."""
    _ = words.gettext
    def when(moment: m.When) -> str:
        return localised.when_words(moment, words.code, _)
    # Each entry's id is made only for the entries kept: a network's thousands of pledge updates would
    # otherwise each cost a hash on every build and every preview save, for the newest fifty.
    found: list[Entry] = []
    for item in hub.opportunities:
        kind = _(m.OPPORTUNITY_KIND_WORDS[item.kind])
        found.append(Entry(f"opportunity/{item.id}", date.fromisoformat(item.announced),
                           f"{kind}: {item.title}", op.page_src(item),
                           f"{item.summary} " + _("Open from %(opens)s to %(closes)s.") % {
                               "opens": when(item.opens), "closes": when(item.closes)},
                           "opportunity"))
        if item.outcome:
            found.append(Entry(f"opportunity/{item.id}/outcome", date.fromisoformat(item.outcome.published),
                               _("What happened: %(title)s") % {"title": item.title}, op.page_src(item),
                               item.outcome.summary, "result"))
    for year in hub.years:
        if year.status == "published" and year.reviewed_by_board:
            found.append(Entry(f"year/{year.slug}", date.fromisoformat(year.reviewed_by_board),
                               _("Our report for %(year)s") % {"year": year.label}, pg.year_src(year), year.summary,
                               "report"))
    # Only the newest pledge updates can be among the newest entries: a network's thousands of others are
    # left out before their titles are written (every entry on the cut-off day is kept, so ties sort as before).
    updated = [pledge for pledge in hub.pledges if pledge.update_date and pledge.update_date <= today.isoformat()]
    if len(updated) > MAX_ENTRIES:
        cutoff = sorted((p.update_date for p in updated), reverse=True)[MAX_ENTRIES - 1]
        updated = [pledge for pledge in updated if pledge.update_date >= cutoff]
    for pledge in updated:
        found.append(Entry(f"pledge/{pledge.id}/{pledge.update_date}", date.fromisoformat(pledge.update_date),
                           _("Pledge update from %(maker)s: %(status)s") % {
                               "maker": pledge.made_by, "status": _(m.PLEDGE_STATUS_WORDS[pledge.status]).lower()},
                           "pledges/index.md", pledge.update_text, "pledge"))
    found = [e for e in found if e.day <= today]
    found.sort(key=lambda e: (e.day, e.title), reverse=True)
    return [replace(e, id=_id(e.id)) for e in found[:MAX_ENTRIES]]


def subtitle(hub: m.Hub, words: Words = ENGLISH_WORDS) -> str:
    """What the feed carries, naming only what this organisation's data can announce; the list joined as the
    language joins one (CLDR's list patterns: "a, b and c")."""
    _ = words.gettext
    kinds = [*([_("new opportunities to take part"), _("results")] if hub.opportunities else []),
             *([_("year reports")] if hub.has_progress else []), *([_("pledge updates")] if hub.has_pledges else [])]
    said = format_list(kinds, locale="en_GB" if words.code == SOURCE else words.code) if kinds else ""
    return said[:1].upper() + said[1:]


def feed_id(org: m.Organisation, folder: str = "") -> str:
    """The feed's own id: its address when the site has one, otherwise one made from the organisation's name.
    ``folder`` is a language's folder ('cy/'): each language's feed is a feed of its own, with an id of its own."""
    if org.site_url:
        return org.site_url.rstrip("/") + "/" + folder + FEED_PATH
    return _id(f"feed/{org.name}" + (f"/{folder.rstrip('/')}" if folder else ""))
