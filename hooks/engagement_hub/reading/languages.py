"""The languages a site is published in: English (the language the data is written in) and those
organisation.yml lists under ``languages:``.

Each language's own name and writing direction come from Unicode's CLDR through Babel unless the
data gives them, so adding a language is one line: ``- code: cy``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError

from .problems import Problem
from .source import Document

SOURCE = "en"
"""The language the data and the templates are written in; every other language translates it."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    """The language's name in itself (Cymraeg, اردو), as the language switcher shows it."""
    dir: str = "ltr"
    minimum_coverage: int = 0
    """The share (in %) of text that must be translated, or `make check` fails."""

    @property
    def plural_forms(self) -> int:
        """How many forms a counted word takes (Welsh 6, Urdu 2, English 2), as CLDR counts them."""
        return len(Locale.parse(self.code).plural_form.tags) + 1


ENGLISH = Language(code=SOURCE, name="English")


def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


def languages(organisation: dict[str, Any]) -> tuple[Language, ...]:
    """The translations the data asks for, in its order (English, the source, is not among them).

    Call only on data ``language_problems`` passed."""
    out = []
    for entry in organisation.get("languages", ()):
        locale = _locale(entry["code"])
        assert locale is not None, "language_problems refuses a code CLDR does not know"
        out.append(Language(code=entry["code"], name=entry.get("name") or locale.display_name,
                            dir=entry.get("dir") or locale.text_direction,
                            minimum_coverage=entry.get("minimum_coverage", 0)))
    return tuple(out)


def language_problems(doc: Document) -> list[Problem]:
    """Codes CLDR does not know, English listed as a translation of itself, and a language listed twice."""
    problems = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(doc.data.get("languages", ())):
        code = entry["code"]
        path = ("languages", index, "code")
        if code == SOURCE:
            problems.append(doc.problem(path, "English is the language the data is written in, not a translation.",
                                        expected="the code of another language, e.g. cy", found=code,
                                        hint="Delete this language: the English site is always built."))
        elif _locale(code) is None:
            problems.append(doc.problem(path, f"'{code}' is not a language code the hub knows.",
                                        expected="an ISO 639 language code, e.g. cy (Welsh), ur (Urdu), pl (Polish)",
                                        found=code, hint="Check the code at https://www.loc.gov/standards/iso639-2/"))
        elif code in seen:
            problems.append(doc.problem(path, f"The language '{code}' is listed twice (first as item {seen[code] + 1}).",
                                        found=code, hint="Delete one of them."))
        seen.setdefault(code, index)
    return problems
