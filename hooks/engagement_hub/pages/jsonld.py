"""Structured data for search engines: schema.org Event, as JSON-LD.

JSON-LD sits in the page as ``<script type="application/ld+json">``, a data
block the browser never runs. Text from the data is still escaped so it cannot
end the block early: ``<``, ``>`` and ``&`` are written as JSON's \\u escapes, so
``</script>`` in a title stays inside the JSON string.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..reading import model as m
from ..reading import opportunities as op

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
            0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(data: Any) -> Markup:
    """JSON safe to place between <script type="application/ld+json"> and </script>."""
    return Markup(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None).translate(_ESCAPES))


def events(opportunity: m.Opportunity, org: m.Organisation, page_url: str) -> list[dict[str, Any]]:
    """One schema.org Event per session of an opportunity (none for an opportunity without events)."""
    found = []
    organiser: dict[str, Any] = {"@type": "Organization", "name": org.name}
    if org.site_url:
        organiser["url"] = org.site_url
    for event in opportunity.events:
        item: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "Event",
            "name": f"{opportunity.title}: {event.title}" if event.title else opportunity.title,
            "description": opportunity.summary,
            "startDate": op.iso(event.start), "endDate": op.iso(event.end, end=True),
            "eventStatus": "https://schema.org/EventScheduled",
            "isAccessibleForFree": True, "organizer": organiser, "audience": {"@type": "Audience",
                                                                             "audienceType": opportunity.who_for},
        }
        if event.place:
            item["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            item["location"] = {"@type": "Place", "name": event.place.name,
                                "address": {"@type": "PostalAddress", "streetAddress": ", ".join(event.place.address),
                                            "addressCountry": "GB"}}
        else:
            item["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            location: dict[str, Any] = {"@type": "VirtualLocation"}
            if event.online and event.online.url:
                location["url"] = event.online.url
            item["location"] = location
        if page_url:
            item["url"] = page_url
        found.append(item)
    return found
