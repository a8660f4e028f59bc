"""Where each way to take part (channel) is listed, once there are too many for the Get involved page.

Up to PER_PAGE channels, the Get involved page lists them all. Past that it
would grow without bound (hundreds of cards for a national network), so it
shows a few of each kind and links to a page per kind,
``get-involved/ways/<kind id>/``, which lists them all and continues on
numbered pages when long (paging.RULES). ``apart`` is the one place that
decides, so the overview, the kind pages and every link to a channel agree.
"""

from __future__ import annotations

from collections import defaultdict

from ..reading import model as m
from .paging import PER_PAGE, WAYS_SLUG, continuation_src, page_number

GET_INVOLVED = "get-involved/index.md"


def apart(hub: m.Hub) -> bool:
    """Whether channels are listed on a page per kind (and only a few of each on the Get involved page)."""
    return len(hub.channels) > PER_PAGE


def kind_src(kind: m.Kind) -> str:
    return f"get-involved/ways/{kind.id}.md"


def by_kind(hub: m.Hub) -> list[tuple[m.Kind, list[m.Channel]]]:
    """Channels under their kind, in the order the kinds are listed, leaving out kinds with none."""
    groups: dict[str, list[m.Channel]] = defaultdict(list)
    for channel in hub.channels:
        groups[channel.kind].append(channel)
    return [(kind, groups[kind.id]) for kind in hub.channel_kinds if groups.get(kind.id)]


def addresses(hub: m.Hub) -> dict[str, str]:
    """Each channel's id -> the source and anchor of the page that shows its card ('...#channel-<id>').

    Other pages link to a channel through this, so links follow a channel to its kind page.
    """
    if not apart(hub):
        return {c.id: f"{GET_INVOLVED}#channel-{c.id}" for c in hub.channels}
    out = {}
    for kind, channels in by_kind(hub):
        src = kind_src(kind)
        for position, channel in enumerate(channels):
            number = page_number(position) if len(channels) > PER_PAGE else 1
            page = src if number == 1 else continuation_src(src, WAYS_SLUG, number)
            out[channel.id] = f"{page}#channel-{channel.id}"
    return out
