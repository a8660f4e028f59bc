"""What every page may show besides its own context: the site-wide part of the data.

Templates are given this, never the whole Hub. A page's HTML is then a
function of three things only: its own context, this object and the templates.
A preview compares exactly those to decide which pages an edit changed
(``HubSite.changed_pages``), so it cannot miss a page by construction: a
template that reached for pledges, channels or years here would fail to
render (they are not here), instead of silently going stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..reading import model as m


@dataclass(frozen=True)
class Shared:
    organisation: m.Organisation
    strategy: m.Strategy
    values: tuple[m.Value, ...]
    involvement: m.Involvement
    accessibility: m.AccessibilityStatement
    channels_introduction: str
    pledges_introduction: str
    values_introduction: str
    has_pledges: bool
    has_progress: bool
    has_measures: bool
    opportunities: tuple[m.Opportunity, ...]  # a few: the get-involved page asks whether there are any
    opportunities_introduction: str

    @classmethod
    def of(cls, hub: m.Hub) -> Shared:
        return cls(organisation=hub.organisation, strategy=hub.strategy, values=hub.values,
                   involvement=hub.involvement, accessibility=hub.accessibility,
                   channels_introduction=hub.channels_introduction, pledges_introduction=hub.pledges_introduction,
                   values_introduction=hub.values_introduction, has_pledges=hub.has_pledges,
                   has_progress=hub.has_progress, has_measures=hub.has_measures,
                   opportunities=hub.opportunities, opportunities_introduction=hub.opportunities_introduction)

    def value(self, value_id: str) -> m.Value:
        return self._values[value_id]

    def goal(self, goal_id: str) -> m.Goal:
        return self._goals[goal_id]

    @cached_property
    def _values(self) -> dict[str, m.Value]:
        return {v.id: v for v in self.values}

    @cached_property
    def _goals(self) -> dict[str, m.Goal]:
        return {g.id: g for g in self.strategy.goals}
