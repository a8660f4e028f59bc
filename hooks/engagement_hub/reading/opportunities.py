"""Opportunities to take part: when each is open, and the checks on their dates and links.

Times in data/opportunities.yml are UK clock times (Europe/London): what a
poster says. Whether an opportunity is open depends on the build date (see
``builddate``), counted in whole UK days, because the site is rebuilt every
night: an opportunity is open from the day it opens to the day it closes,
both included, and its page gives the exact times. The nightly build moves it
to "closed" the day after it closes, with no edit to the data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from . import model as m
from .builddate import UK
from .fields import FIRST_YEAR, LAST_YEAR, year_problem
from .problems import Problem
from .references import refers, unique
from .source import Document

# A closed opportunity should report back: after this many days without an outcome, `make check` warns.
OUTCOME_DAYS = 90


def parse_when(text: str) -> m.When:
    """'2027-01-31' or '2027-01-31 17:00' (already checked by the schema's pattern)."""
    day, _, clock = text.partition(" ")
    return m.When(date.fromisoformat(day), time.fromisoformat(clock) if clock else None)


def moment(when: m.When, *, end: bool = False) -> datetime:
    """The UK moment a When stands for: its time, or the day's start (or, for an end, its last minute)."""
    clock = when.time or (time(23, 59) if end else time(0, 0))
    return datetime.combine(when.day, clock, tzinfo=UK)


def exists_in_uk(when: m.When) -> bool:
    """False for a clock time skipped when the clocks go forward (01:00 to 01:59 on the last Sunday in March)."""
    if when.time is None:
        return True
    local = moment(when)
    return local.astimezone(UTC).astimezone(UK).replace(tzinfo=None) == local.replace(tzinfo=None)


def state(opportunity: m.Opportunity, today: date) -> str:
    """'upcoming', 'open' or 'closed' on the build date, in whole UK days."""
    if today < opportunity.opens.day:
        return "upcoming"
    if today > opportunity.closes.day:
        return "closed"
    return "open"


def split(opportunities: tuple[m.Opportunity, ...] | list[m.Opportunity],
          today: date) -> dict[str, list[m.Opportunity]]:
    """Open (soonest closing first), coming up (soonest opening first), closed (latest closing first)."""
    groups: dict[str, list[m.Opportunity]] = {"open": [], "upcoming": [], "closed": []}
    for item in opportunities:
        groups[state(item, today)].append(item)
    groups["open"].sort(key=lambda o: (moment(o.closes, end=True), o.title))
    groups["upcoming"].sort(key=lambda o: (moment(o.opens), o.title))
    groups["closed"].sort(key=lambda o: (moment(o.closes, end=True), o.title), reverse=True)
    return groups


def clock_words(clock: time) -> str:
    """GOV.UK style: 5pm, 9:30am, midday, 11:59pm."""
    if clock == time(12, 0):
        return "midday"
    hour = clock.hour % 12 or 12
    minutes = f":{clock.minute:02d}" if clock.minute else ""
    return f"{hour}{minutes}{'am' if clock.hour < 12 else 'pm'}"


def day_words(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def when_words(when: m.When) -> str:
    """'5pm on Sunday 31 January 2027', or 'Sunday 31 January 2027'."""
    return f"{clock_words(when.time)} on {day_words(when.day)}" if when.time else day_words(when.day)


def iso(when: m.When, *, end: bool = False) -> str:
    """The moment with its UK offset, e.g. 2027-03-30T18:00:00+01:00 (a date alone if it has no time)."""
    return moment(when, end=end).isoformat() if when.time else when.day.isoformat()


def page_src(opportunity: m.Opportunity) -> str:
    return f"get-involved/opportunities/{opportunity.id}.md"


def calendar_path(opportunity: m.Opportunity) -> str:
    return f"calendar/{opportunity.id}.ics"


ALL_CALENDAR = "calendar/all.ics"


# --- Checks -----------------------------------------------------------------------------------------------


def has_join(join: dict[str, Any] | None) -> bool:
    return bool(join) and any(join.get(k) for k in ("url", "email", "phone", "contact"))


def channel_problems(doc: Document) -> list[Problem]:
    """A channel that does not say how to join is a warning: a reader finds it and cannot act."""
    problems = []
    for index, channel in enumerate(doc.data["channels"]):
        if "join" not in channel:
            problems.append(doc.problem(
                ("channels", index), f"The channel '{channel['id']}' does not say how to join.",
                expected="a 'join:' block with a url, email, phone or a named contact",
                hint="Add 'join:' with at least one of url, email, phone or contact (see the editors' guide).",
                severity="warning"))
        elif not has_join(channel["join"]):
            problems.append(_no_way(doc, ("channels", index, "join")))
    return problems


def _no_way(doc: Document, path: tuple[str | int, ...]) -> Problem:
    return doc.problem(path, "This 'join' block gives no way to join.",
                       expected="at least one of url, email, phone or contact",
                       hint="Add a web address (url), an email address, a phone number or a named contact.")


def _when(doc: Document, path: tuple[str | int, ...], text: str) -> tuple[m.When | None, list[Problem]]:
    try:
        when = parse_when(text)
    except ValueError:
        return None, [doc.problem(path, "This date does not exist.", expected="a real date, YYYY-MM-DD",
                                  found=text, hint="Check the day and the month.")]
    if message := year_problem(when.day):
        return None, [doc.problem(path, message, expected=f"a date between {FIRST_YEAR} and {LAST_YEAR}",
                                  found=text, hint="Check the year.")]
    if not exists_in_uk(when):
        return when, [doc.problem(
            path, "This time does not exist in the UK: the clocks go forward from 1am to 2am that night.",
            expected="a UK time that exists on that day", found=text, hint="Use 2am or later, or before 1am.")]
    return when, []


def opportunity_problems(doc: Document, *, goal_ids: set[str], channel_ids: set[str], year_labels: set[str],
                         today: date | None = None) -> list[Problem]:
    """Dates in order and links that exist (errors); a closed opportunity long without an outcome (warning)."""
    items = doc.data["opportunities"]
    problems = unique(doc, items, ("opportunities",), "opportunity")
    for index, item in enumerate(items):
        base: tuple[str | int, ...] = ("opportunities", index)
        owner = f"Opportunity '{item['id']}'"
        opens, found = _when(doc, (*base, "opens"), item["opens"])
        problems += found
        closes, found = _when(doc, (*base, "closes"), item["closes"])
        problems += found
        if opens and closes and moment(closes, end=True) < moment(opens):
            problems.append(doc.problem((*base, "closes"), f"{owner} closes before it opens.",
                                        expected=f"a date and time after {item['opens']}", found=item["closes"],
                                        hint="Check both dates: 'opens' comes first."))
        if not has_join(item["join"]):
            problems.append(_no_way(doc, (*base, "join")))
        for ei, event in enumerate(item.get("events", [])):
            start, found = _when(doc, (*base, "events", ei, "start"), event["start"])
            problems += found
            end, found = _when(doc, (*base, "events", ei, "end"), event["end"])
            problems += found
            if start and end and moment(end, end=True) < moment(start):
                problems.append(doc.problem((*base, "events", ei, "end"), f"An event of {owner} ends before it starts.",
                                            expected=f"a date and time after {event['start']}", found=event["end"],
                                            hint="Check the start and the end."))
            if ("place" in event) == ("online" in event):
                problems.append(doc.problem(
                    (*base, "events", ei), f"An event of {owner} needs either a place or online, not "
                    + ("both." if "place" in event else "neither."),
                    expected="'place:' (name, address, access) or 'online:' (how_to_join)",
                    hint="For an event held both in a room and online, list it twice: once with each."))
        for gi, ref in enumerate(item.get("goals", [])):
            problems += refers(doc, (*base, "goals", gi), owner, ref, "goal", "data/strategy.yml", goal_ids)
        for ci, ref in enumerate(item.get("channels", [])):
            problems += refers(doc, (*base, "channels", ci), owner, ref, "channel", "data/channels.yml", channel_ids)
        outcome = item.get("outcome")
        if outcome and "year" in outcome:
            problems += refers(doc, (*base, "outcome", "year"), owner, outcome["year"], "reporting year",
                               "data/progress/", year_labels)
        if outcome and closes and outcome["published"] < closes.day.isoformat():
            problems.append(doc.problem((*base, "outcome", "published"),
                                        f"{owner}'s outcome is dated before it closes.",
                                        expected=f"a date on or after {closes.day.isoformat()}",
                                        found=outcome["published"], hint="Check both dates."))
        if not outcome and closes and today and today > closes.day + timedelta(days=OUTCOME_DAYS):
            problems.append(doc.problem(
                base, f"{owner} closed on {closes.day.isoformat()}, more than {OUTCOME_DAYS} days ago, "
                "and does not say what happened.",
                expected="an 'outcome:' block (published, summary, and a year report or a link)",
                hint="Add what you heard and what you did, or a date when you will report back.",
                severity="warning"))
    return problems


def build(item: dict[str, Any]) -> m.Opportunity:
    """A checked opportunity as a typed object."""
    events = tuple(
        m.Event(start=parse_when(e["start"]), end=parse_when(e["end"]), title=e.get("title", ""),
                place=m.Place(name=e["place"]["name"], address=tuple(e["place"]["address"]),
                              access=e["place"]["access"]) if "place" in e else None,
                online=m.Online(how_to_join=e["online"]["how_to_join"], url=e["online"].get("url", ""))
                if "online" in e else None)
        for e in item.get("events", []))
    outcome = item.get("outcome")
    opens = parse_when(item["opens"])
    return m.Opportunity(
        id=item["id"], title=item["title"], kind=item["kind"], summary=item["summary"], who_for=item["who_for"],
        opens=opens, closes=parse_when(item["closes"]), how_to_take_part=item["how_to_take_part"],
        join=m.Join(**item["join"]), support=tuple(item["support"]),
        announced=item.get("announced", opens.day.isoformat()), events=events,
        goal_ids=tuple(item.get("goals", ())), channel_ids=tuple(item.get("channels", ())),
        outcome=m.Outcome(**outcome) if outcome else None)
