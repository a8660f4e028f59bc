"""The organisation's brand colours, checked against WCAG 2.2 contrast minimums.

The colours in ``data/organisation.yml`` become the header bar, the links and
the card borders of every page (``site.brand_css``), so a pale brand colour
would make the whole site fail WCAG 2.2 AA. Checking them with the data,
before any page is built, turns that into a plain error naming the two
colours, the file, line and field, instead of a finding in an audit.

The ratio is WCAG 2.2's contrast ratio, worked out here from its definition of
relative luminance (a few lines, for colours written #rrggbb, the only form the
schema allows). ColorAide, which gave the same figures, computed colour
temperature tables as it was imported: a tenth of every small build's time.
tests/test_contrast.py checks these figures against ColorAide's on random colours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem
from .source import Document

TEXT = 4.5  # WCAG 2.2 SC 1.4.3, normal-size text
PAGE = "#ffffff"  # Material's default scheme: the page background behind links and cards


@dataclass(frozen=True)
class Pairing:
    """Two colours the site shows one on the other, and what a reader sees there."""

    foreground: str  # a field of brand, e.g. "on_primary", or a fixed colour
    background: str
    minimum: float
    used_for: str
    field: str  # the brand field a fix would most likely change; the error points at its line


PAIRINGS = (
    Pairing("on_primary", "primary", TEXT, "the site name, menu and search text on the header bar", "primary"),
    Pairing("primary", PAGE, TEXT, "links on the white page (and the borders of cards, which need 3:1)", "primary"),
    Pairing("accent", PAGE, TEXT, "links under the mouse pointer", "accent"),
)


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # as common.schema.json's colour


def relative_luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of a colour written #rrggbb: 0 for black, 1 for white."""
    red, green, blue = (_linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _linear(channel: float) -> float:
    """An sRGB channel (0 to 1) as light, as WCAG's definition of relative luminance undoes the sRGB curve."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours written #rrggbb, from 1 (none) to 21 (black on white)."""
    darker, lighter = sorted((relative_luminance(first), relative_luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def _describe(name: str, brand: dict[str, str]) -> str:
    return f'brand.{name} "{brand[name]}"' if name in brand else f"white ({name})"


def _fix(pairing: Pairing, brand: dict[str, str], doc: Document) -> str:
    """What to change: each brand colour of the pair, on its own line, as the editor counts lines. Either may be
    the one that was edited, and whether it must get darker or lighter depends on the other."""
    fields = [name for name in (pairing.foreground, pairing.background) if name in brand]
    named = " or ".join(f"brand.{name} (line {doc.where(('brand', name))[0]})" for name in fields)
    if len(fields) == 2:
        return (f"Change {named} so that one is much darker than the other, until the ratio is at least "
                f"{pairing.minimum:g}:1. White on NHS blue #005eb8 is 6.4:1.")
    return (f"Make {named} darker until the ratio is at least {pairing.minimum:g}:1. "
            "NHS blue #005eb8 on white is 6.4:1.")


def brand_problems(doc: Document) -> list[Problem]:
    """Every brand colour pairing below its WCAG minimum, located at the field a fix would change."""
    brand = (doc.data or {}).get("brand") if isinstance(doc.data, dict) else None
    if not isinstance(brand, dict):
        return []
    problems = []
    for pairing in PAIRINGS:
        fg = brand.get(pairing.foreground, pairing.foreground)
        bg = brand.get(pairing.background, pairing.background)
        if not (isinstance(fg, str) and HEX_COLOUR.fullmatch(fg) and isinstance(bg, str) and HEX_COLOUR.fullmatch(bg)):
            continue  # the schema names a colour that is not #rrggbb
        ratio = contrast_ratio(fg, bg)
        if ratio >= pairing.minimum:
            continue
        kind = "text" if pairing.minimum == TEXT else "large text and interface parts"
        field = pairing.field
        problems.append(doc.problem(
            ("brand", field),
            f"{_describe(pairing.foreground, brand)} on {_describe(pairing.background, brand)} has a contrast "
            f"ratio of {ratio:.2f}:1, below the {pairing.minimum:g}:1 that WCAG 2.2 AA requires for {kind}. "
            f"These colours are used for {pairing.used_for}.",
            expected=f"a contrast ratio of at least {pairing.minimum:g}:1",
            found=f"{ratio:.2f}:1",
            hint=_fix(pairing, brand, doc)))
    return problems
