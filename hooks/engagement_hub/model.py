"""The hub's data as typed objects, built only from data that passed its checks.

Templates and page builders read these objects, never raw YAML, so a field
renamed in a schema is renamed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUS_WORDS = {
    "not-started": "Not started",
    "on-track": "On track",
    "at-risk": "At risk",
    "off-track": "Off track",
    "achieved": "Achieved",
}
# Order used to say whether a goal's status moved up or down between years.
STATUS_RANK = {"off-track": 0, "not-started": 1, "at-risk": 2, "on-track": 3, "achieved": 4}

PLEDGE_STATUS_WORDS = {"made": "Made", "in-progress": "In progress", "kept": "Kept", "not-kept": "Not kept"}
MAKER_KIND_WORDS = {
    "trust-team": "Teams in the trust",
    "nhs-organisation": "NHS organisations",
    "community-group": "Community groups",
    "patient-group": "Patient groups",
    "partner": "Partners",
}
CHANNEL_KIND_WORDS = {
    "nhs": "NHS involvement groups",
    "governance": "Governors and members",
    "primary-care": "GP practices and primary care",
    "research": "Research networks",
    "statutory": "Healthwatch and statutory bodies",
    "community": "Community organisations",
    "online": "Online communities",
}
VALUE_FAMILY_WORDS = {"organisation": "Our own values", "nhs-constitution": "NHS Constitution values"}


@dataclass(frozen=True)
class Contact:
    email: str
    phone: str
    address: tuple[str, ...]
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
class Organisation:
    name: str
    short_name: str
    purpose: str
    strapline: str
    contact: Contact
    licence_name: str
    licence_url: str
    year_start_month: int
    about: str = ""
    site_url: str = ""
    brand: Brand = field(default_factory=Brand)


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


@dataclass(frozen=True)
class Strategy:
    title: str
    start: int
    end: int
    introduction: str
    how_developed: str
    developed_with: tuple[str, ...]
    goals: tuple[Goal, ...]
    parent_strategy: str = ""
    why_it_matters: str = ""
    delivery: str = ""
    review: str = ""


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


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    kind: str
    description: str
    reaches: str
    url: str = ""


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
    patient_partner: PatientPartner
    representation: tuple[Seat, ...]
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
