"""The hub's data as typed objects, built only from data that passed its checks.

Templates and page builders read these objects, never raw YAML, so a field
renamed in a schema is renamed in one place.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, time

STATUS_WORDS = {
    "not-started": "Not started",
    "on-track": "On track",
    "at-risk": "At risk",
    "off-track": "Off track",
    "achieved": "Achieved",
    # Not a status anyone writes: a goal left out of a year's report is shown as this, never as not started.
    "not-reported": "Not reported",
}
# What each status means, unless data/strategy.yml says otherwise (its `statuses`).
STATUS_MEANINGS = {
    "not-started": "We have not started work on this goal yet.",
    "on-track": "We are doing what we planned, when we planned to.",
    "at-risk": "We have made progress, but we may not meet this goal on time unless we do more.",
    "off-track": "We are behind, and will not meet this goal on time unless something changes.",
    "achieved": "We have met this goal.",
    "not-reported": "That year's report did not cover this goal.",
}
# Order used to say whether a goal's status moved up or down between years.
STATUS_RANK = {"off-track": 0, "not-started": 1, "at-risk": 2, "on-track": 3, "achieved": 4}

PLEDGE_STATUS_WORDS = {"made": "Made", "in-progress": "In progress", "kept": "Kept", "not-kept": "Not kept"}


def year_bounds(label: str, start_month: int) -> tuple[str, str]:
    """The first and last day (ISO dates) of a reporting year such as 2025/26."""
    start_year = int(label[:4])
    end_month = start_month - 1 or 12
    end_year = start_year + 1 if start_month > 1 else start_year
    last_day = calendar.monthrange(end_year, end_month)[1]
    return f"{start_year}-{start_month:02d}-01", f"{end_year}-{end_month:02d}-{last_day:02d}"


@dataclass(frozen=True)
class Kind:
    """A kind of channel or of pledge maker: an organisation's own, or one of the hub's defaults."""

    id: str
    name: str
    description: str = ""


# The kinds an NHS trust uses, for data that does not list its own (kinds: in channels.yml,
# maker_kinds: in pledges.yml).
DEFAULT_MAKER_KINDS = (
    Kind("trust-team", "Teams in the trust", "Teams, departments and groups within the trust."),
    Kind("nhs-organisation", "NHS organisations", "Other NHS bodies."),
    Kind("community-group", "Community groups", "Voluntary, faith and community groups."),
    Kind("patient-group", "Patient groups", "Groups of patients and carers."),
    Kind("partner", "Partners", "Councils, charities and other partners."),
)
DEFAULT_CHANNEL_KINDS = (
    Kind("nhs", "NHS involvement groups", "Groups run by the NHS where patients and carers advise services."),
    Kind("governance", "Governors and members", "Ways to take part in how the organisation is run."),
    Kind("primary-care", "GP practices and primary care", "Patient groups at GP practices and in primary care."),
    Kind("research", "Research networks", "Chances to help shape health research."),
    Kind("statutory", "Healthwatch and statutory bodies", "Independent and public bodies that hear people's views."),
    Kind("community", "Community organisations", "Voluntary and community groups people already belong to."),
    Kind("online", "Online communities", "Ways to take part from home."),
)
MAKER_KIND_WORDS = {k.id: k.name for k in DEFAULT_MAKER_KINDS}
CHANNEL_KIND_WORDS = {k.id: k.name for k in DEFAULT_CHANNEL_KINDS}
OPPORTUNITY_KIND_WORDS = {"consultation": "Consultation", "survey": "Survey", "event": "Event",
                          "recruitment": "Recruitment"}
OPPORTUNITY_STATE_WORDS = {"open": "Open now", "upcoming": "Coming up", "closed": "Closed"}
VALUE_FAMILY_WORDS = {"organisation": "Our own values", "nhs-constitution": "NHS Constitution values"}


@dataclass(frozen=True)
class Contact:
    email: str
    phone: str = ""  # optional: an organisation with no phone number to publish leaves it out
    address: tuple[str, ...] = ()  # optional, as phone
    team: str = ""
    helpline_name: str = ""
    helpline_phone: str = ""
    helpline_hours: str = ""
    feedback_url: str = ""


@dataclass(frozen=True)
class Brand:
    primary: str = "#005eb8"
    on_primary: str = "#ffffff"
    accent: str = "#003087"


@dataclass(frozen=True)
class Words:
    """The organisation's own words for parts of the site (words: in organisation.yml); an NHS trust's by default."""

    progress_reviewed_by: str = "the Trust Board"
    people_told_us: str = "What patients told us matters most"
    partner_role_page: str = "Become a patient partner"
    representation_page: str = "Where patients have a seat"


@dataclass(frozen=True)
class Organisation:
    name: str
    short_name: str
    purpose: str
    strapline: str
    contact: Contact
    licence_name: str
    licence_url: str
    year_start_month: int = 4
    about: str = ""
    site_url: str = ""
    brand: Brand = field(default_factory=Brand)
    words: Words = field(default_factory=Words)
    logo_file: str = ""  # a path inside data/, e.g. brand/logo.svg; "" keeps Material's icon
    logo_alt: str = ""  # the logo's text alternative
    favicon_file: str = ""
    last_reviewed: str = ""  # YYYY-MM-DD: when the site's content was last reviewed
    next_review_due: str = ""

    @property
    def calendar_years(self) -> bool:
        """Years that start in January are named like 2025; any other start month names them like 2025/26."""
        return self.year_start_month == 1


@dataclass(frozen=True)
class Value:
    id: str
    name: str
    family: str
    summary: str
    description: str
    what_you_can_expect: tuple[str, ...]
    source_title: str
    source_url: str = ""


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    unit: str
    baseline: float
    baseline_year: str
    target: float
    target_year: str
    better: str
    notes: str = ""


@dataclass(frozen=True)
class Goal:
    id: str
    number: int
    title: str
    summary: str
    description: str
    patients_told_us: tuple[str, ...]
    commitments: tuple[str, ...]
    measures: tuple[Measure, ...]
    value_ids: tuple[str, ...]
    measures_listed: bool = True  # False when the goal has no measures: field at all (no section on its page)


@dataclass(frozen=True)
class Strategy:
    title: str
    start: int
    end: int | None  # None: the strategy has no end year
    introduction: str
    how_developed: str
    developed_with: tuple[str, ...]
    goals: tuple[Goal, ...]
    parent_strategy: str = ""
    why_it_matters: str = ""
    delivery: str = ""
    review: str = ""
    # Each status's word and what it means, in STATUS_WORDS order: the data's wording or the defaults.
    statuses: tuple[tuple[str, str, str], ...] = tuple(
        (key, word, STATUS_MEANINGS[key]) for key, word in STATUS_WORDS.items())

    @property
    def status_words(self) -> dict[str, str]:
        return {key: word for key, word, _ in self.statuses}


# A pledge is finished once it is kept or not kept; the year it finished in reports it as completed.
FINISHED = ("kept", "not-kept")


@dataclass(frozen=True)
class PledgeUpdate:
    """One dated entry in a pledge's history: its status from that day, and what was said."""

    date: str
    status: str
    text: str = ""


@dataclass(frozen=True)
class Pledge:
    id: str
    text: str
    made_by: str
    made_by_kind: str
    date: str
    value_ids: tuple[str, ...]
    status: str
    goal_id: str = ""
    update_date: str = ""
    update_text: str = ""
    member_id: str = ""  # the member (data/members.yml) that made it, if any
    # Every dated update, oldest first. status and update_* above are the latest of them, kept as
    # fields because most pages show only the latest; a year's report shows the pledge as of its last day.
    history: tuple[PledgeUpdate, ...] = ()

    @classmethod
    def with_history(cls, history: tuple[PledgeUpdate, ...], **fields: object) -> Pledge:
        """A pledge whose status and latest update are worked out from its history (status 'made' if none)."""
        latest = history[-1] if history else None
        return cls(**fields, history=history, status=latest.status if latest else "made",  # type: ignore[arg-type]
                   update_date=latest.date if latest else "", update_text=latest.text if latest else "")

    def as_of(self, day: str) -> Pledge | None:
        """The pledge as it stood at the end of ``day`` (YYYY-MM-DD); None if it had not yet been made."""
        if self.date > day:
            return None
        known = tuple(u for u in self.history if u.date <= day)
        if len(known) == len(self.history):
            return self
        fields = {f: getattr(self, f) for f in ("id", "text", "made_by", "made_by_kind", "date", "value_ids",
                                               "goal_id", "member_id")}
        return Pledge.with_history(known, **fields)

    @property
    def completed_on(self) -> str:
        """The day the pledge was finished (kept or not kept) and stayed so; '' if it is not finished.

        A later note on a kept pledge does not finish it a second time, in another year.
        """
        day = ""
        for update in reversed(self.history):
            if update.status not in FINISHED:
                break
            day = update.date
        return day


@dataclass(frozen=True)
class Member:
    """A member organisation of a network or partnership."""

    id: str
    name: str
    kind: str
    joined: str
    url: str = ""


@dataclass(frozen=True)
class Join:
    """How to join a channel or take part in an opportunity: the call to action."""

    label: str = ""
    url: str = ""
    email: str = ""
    phone: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    kind: str
    description: str
    reaches: str
    url: str = ""
    join: Join | None = None
    involves: str = ""
    support: tuple[str, ...] = ()


@dataclass(frozen=True)
class When:
    """A day in the UK, with a time of day (UK clock time) or without one."""

    day: date
    time: time | None = None


@dataclass(frozen=True)
class Place:
    name: str
    address: tuple[str, ...]
    access: str


@dataclass(frozen=True)
class Online:
    how_to_join: str
    url: str = ""


@dataclass(frozen=True)
class Event:
    start: When
    end: When
    title: str = ""
    place: Place | None = None
    online: Online | None = None


@dataclass(frozen=True)
class Outcome:
    published: str
    summary: str
    year: str = ""
    url: str = ""


@dataclass(frozen=True)
class Opportunity:
    id: str
    title: str
    kind: str
    summary: str
    who_for: str
    opens: When
    closes: When
    how_to_take_part: str
    join: Join
    support: tuple[str, ...]
    announced: str
    events: tuple[Event, ...] = ()
    goal_ids: tuple[str, ...] = ()
    channel_ids: tuple[str, ...] = ()
    outcome: Outcome | None = None


@dataclass(frozen=True)
class SpecSection:
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class PatientPartner:
    summary: str
    responsibilities: tuple[str, ...]
    person_specification: tuple[SpecSection, ...]
    our_commitments: tuple[str, ...]
    recognition: tuple[str, ...]


@dataclass(frozen=True)
class Seat:
    id: str
    committee: str
    organisation: str
    role: str
    description: str = ""


@dataclass(frozen=True)
class Involvement:
    """None means the data leaves the section out (no page); an empty tuple means it has none yet."""

    patient_partner: PatientPartner | None = None
    representation: tuple[Seat, ...] | None = None
    introduction: str = ""
    raise_an_issue: str = ""


@dataclass(frozen=True)
class GoalProgress:
    goal_id: str
    status: str
    narrative: str
    measures: dict[str, float]
    highlights: tuple[str, ...]


@dataclass(frozen=True)
class Feedback:
    you_said: str
    we_did: str
    goal_id: str = ""


@dataclass(frozen=True)
class Community:
    name: str
    people: int
    under_represented: bool


@dataclass(frozen=True)
class Figures:
    people_involved: int
    activities: int
    communities: tuple[Community, ...]


PURPOSE_WORDS = {"information": "For information", "assurance": "For assurance", "decision": "For decision"}


@dataclass(frozen=True)
class BoardPaper:
    """The cover sheet of a year's board paper, as NHS trust boards set them out."""

    meeting: str
    date: str
    agenda_item: str
    author: str
    executive_lead: str
    purpose: str
    recommendation: str
    executive_summary: str


@dataclass(frozen=True)
class Correction:
    """A change to a published report, recorded as public bodies record corrections: when, what and why."""

    date: str
    what: str
    why: str


@dataclass(frozen=True)
class Year:
    label: str
    slug: str
    status: str
    summary: str
    goals: tuple[GoalProgress, ...]
    you_said_we_did: tuple[Feedback, ...]
    figures: Figures | None
    reviewed_by_board: str = ""
    reviewed_by: str = ""
    """Who reviewed the report, as it reads in a sentence: written by `make publish-year` from the organisation's
    words.progress_reviewed_by, so renaming the board later leaves the reports it reviewed as they were."""
    corrections: tuple[Correction, ...] = ()
    board_paper: BoardPaper | None = None

    @property
    def start(self) -> int:
        return int(self.label[:4])

    def for_goal(self, goal_id: str) -> GoalProgress | None:
        return next((g for g in self.goals if g.goal_id == goal_id), None)


@dataclass(frozen=True)
class KnownIssue:
    issue: str
    criterion: str
    plan: str


@dataclass(frozen=True)
class AccessibilityStatement:
    standard: str
    compliance: str
    prepared: str
    last_reviewed: str
    last_tested: str
    tested_by: str
    how_tested: str
    formats_contact_days: int
    known_issues: tuple[KnownIssue, ...]
    disproportionate_burden: tuple[str, ...] = ()
    outside_scope: tuple[str, ...] = ()
    # public-sector: the model statement the 2018 Regulations ask for; voluntary: for bodies they do not cover.
    kind: str = "public-sector"


@dataclass(frozen=True)
class Hub:
    """Everything in data/, checked and cross-linked."""

    organisation: Organisation
    values: tuple[Value, ...]
    strategy: Strategy
    pledges: tuple[Pledge, ...]
    channels: tuple[Channel, ...]
    channels_introduction: str
    pledges_introduction: str
    values_introduction: str
    involvement: Involvement
    years: tuple[Year, ...]
    accessibility: AccessibilityStatement
    has_pledges: bool = True  # False when there is no pledges.yml: no pledge pages, lists or downloads
    channel_kinds: tuple[Kind, ...] = DEFAULT_CHANNEL_KINDS
    maker_kinds: tuple[Kind, ...] = DEFAULT_MAKER_KINDS
    members: tuple[Member, ...] | None = None  # None: no members.yml, no members page
    members_introduction: str = ""

    def pledges_by_member(self, member: Member) -> list[Pledge]:
        """The member's pledges: those naming it by id, or made under its exact name."""
        return [p for p in self.pledges if p.member_id == member.id or (not p.member_id and p.made_by == member.name)]

    @property
    def has_progress(self) -> bool:
        """Whether any year is reported: without one there are no progress pages or downloads."""
        return bool(self.years)

    @property
    def has_measures(self) -> bool:
        return any(goal.measures for goal in self.strategy.goals)
    # Optional: a hub without data/opportunities.yml has none, and no section for them.
    opportunities: tuple[Opportunity, ...] = ()
    opportunities_introduction: str = ""

    def value(self, value_id: str) -> Value:
        return self._values_by_id[value_id]

    def goal(self, goal_id: str) -> Goal:
        return self._goals_by_id[goal_id]

    @property
    def _values_by_id(self) -> dict[str, Value]:
        return self.__dict__.setdefault("_vcache", {v.id: v for v in self.values})

    @property
    def _goals_by_id(self) -> dict[str, Goal]:
        return self.__dict__.setdefault("_gcache", {g.id: g for g in self.strategy.goals})

    def pledges_for_value(self, value_id: str) -> list[Pledge]:
        return self._pledge_index("_pv", lambda p: p.value_ids).get(value_id, [])

    def pledges_for_goal(self, goal_id: str) -> list[Pledge]:
        return self._pledge_index("_pg", lambda p: (p.goal_id,) if p.goal_id else ()).get(goal_id, [])

    def _pledge_index(self, key: str, ids: object) -> dict[str, list[Pledge]]:
        if key not in self.__dict__:
            index: dict[str, list[Pledge]] = {}
            for pledge in self.pledges:
                for ref in ids(pledge):  # type: ignore[operator]
                    index.setdefault(ref, []).append(pledge)
            self.__dict__[key] = index
        return self.__dict__[key]

    @property
    def latest_year(self) -> Year | None:
        return self.years[-1] if self.years else None

    def previous_year(self, year: Year) -> Year | None:
        index = self.years.index(year)
        return self.years[index - 1] if index > 0 else None
