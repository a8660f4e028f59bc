"""Opportunities as iCalendar (.ics) files: one per opportunity, and one of them all to subscribe to.

Made with the ``icalendar`` library. Everything in a file comes from the data,
so the same data gives the same bytes: UIDs are built from the opportunity's id
and the event's start (stable while the data is), DTSTAMP is the day it was
announced, and the Europe/London time zone is written out (VTIMEZONE) for the
years the events fall in, so a calendar shows the right time either side of a
clock change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial
from urllib.parse import urlsplit

import icalendar

from ..reading import model as m
from ..reading import opportunities as op
from . import localised
from .addresses import url_of
from .fragments import strip
from .words import ENGLISH_WORDS, Words

# A reminder this long before a consultation's (or survey's, or recruitment's) closing day.
REMINDER = timedelta(days=2)


def _domain(org: m.Organisation) -> str:
    return urlsplit(org.site_url).hostname or "engagement-hub.invalid"


def _time(when: m.When, *, end: bool = False) -> datetime | date:
    """A timed moment in UK time, or an all-day date (for an end, the day after: iCalendar's end is exclusive)."""
    if when.time:
        return op.moment(when)
    return when.day + timedelta(days=1) if end else when.day


def _said(words: Words, message: str, **values: str) -> str:
    """A message in the calendar's language. A calendar is not HTML: a message the catalogue lacks is in
    English, with its marks (fragments.py) removed."""
    return strip(words.gettext(message) % values if values else words.gettext(message))


def _events(opportunity: m.Opportunity, org: m.Organisation, page_url: str, words: Words) -> list[icalendar.Event]:
    _ = partial(_said, words)
    domain = _domain(org)
    stamp = datetime.fromisoformat(opportunity.announced).replace(tzinfo=UTC)
    found = []
    for event in opportunity.events:
        item = icalendar.Event()
        start = op.moment(event.start)
        item.add("uid", f"{opportunity.id}-{start:%Y%m%dT%H%M}@{domain}")
        item.add("dtstamp", stamp)
        item.add("dtstart", _time(event.start))
        item.add("dtend", _time(event.end, end=True))
        item.add("summary", (event.title and f"{opportunity.title}: {event.title}") or opportunity.title)
        if event.place:
            item.add("location", ", ".join((event.place.name, *event.place.address)))
            item.add("description", f"{opportunity.who_for}.\n\n" + _("Access: %(access)s", access=event.place.access))
        elif event.online:
            item.add("location", _("Online"))
            item.add("description", f"{opportunity.who_for}.\n\n" + _("How to join: %(how)s",
                                                                         how=event.online.how_to_join))
        if page_url:
            item.add("url", page_url)
        item.add("organizer", f"mailto:{org.contact.email}", parameters={"cn": org.name})
        found.append(item)
    if opportunity.kind != "event":
        # The closing day, with a reminder before it: the date people most need is the last one.
        item = icalendar.Event()
        item.add("uid", f"{opportunity.id}-closes@{domain}")
        item.add("dtstamp", stamp)
        when = localised.when_words(opportunity.closes, words.code, words.gettext)
        if opportunity.closes.time:
            item.add("dtstart", op.moment(opportunity.closes) - timedelta(minutes=30))
            item.add("dtend", op.moment(opportunity.closes))
        else:
            item.add("dtstart", opportunity.closes.day)
            item.add("dtend", opportunity.closes.day + timedelta(days=1))
        item.add("summary", _("Closes: %(title)s", title=opportunity.title))
        closing = _("%(title)s closes at %(when)s.", title=opportunity.title, when=strip(when))
        item.add("description", closing)
        if page_url:
            item.add("url", page_url)
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", closing)
        alarm.add("trigger", -REMINDER)
        item.add_component(alarm)
        found.append(item)
    return found


def _calendar(name: str, events: list[icalendar.Event]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//The engagement hub//Opportunities to take part//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    for event in events:
        cal.add_component(event)
    years = [e.decoded("dtstart").year for e in events] or [2000]
    cal.add_missing_timezones(first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 1, 12, 31))
    return cal.to_ical()


def page_url(org: m.Organisation, src: str) -> str:
    """The absolute address of a page, or '' when the site's address is not set."""
    return org.site_url.rstrip("/") + "/" + url_of(src) if org.site_url else ""


def files(hub: m.Hub, words: Words = ENGLISH_WORDS) -> dict[str, str]:
    """Every calendar file by its path on the site, in the language of ``words``."""
    org = hub.organisation
    out = {}
    everything = []
    for opportunity in hub.opportunities:
        events = _events(opportunity, org, page_url(org, op.page_src(opportunity)), words)
        everything += events
        out[op.calendar_path(opportunity)] = _calendar(opportunity.title, events).decode("utf-8")
    if hub.opportunities:
        _ = partial(_said, words)  # as _(...), so `make messages` finds the words (it reads gettext calls)
        name = _("%(name)s: ways to take part", name=org.short_name)
        out[op.ALL_CALENDAR] = _calendar(name, everything).decode("utf-8")
    return out
