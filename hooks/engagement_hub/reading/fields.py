"""Field checks the JSON Schemas cannot make: what every value must be before it is built.

The schemas say what shape each file has; this module says what no value may
be, whichever field holds it, so a value that passes `make check` can neither
put script on a page nor crash or stall the build:

* web addresses and email addresses are parsed and rebuilt, not matched by a
  loose pattern (``url_problem``);
* text holds no invisible or control characters and has a size limit, and
  Markdown text has a bounded number of ``[`` (Python-Markdown's time grows
  with the square of unmatched brackets: 1,000 take 2 s, 4,000 take 20 s);
* numbers are finite and of a sensible size; dates are real calendar dates;
  ids are short and never a name the site already uses for a page or folder.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from .problems import Path, Problem
from .source import Document

MAX_TEXT = 20_000  # characters in one field; the longest example text is under 2,000
MAX_BRACKETS = 60  # '[' in one text: a link or two per sentence in the longest text
MAX_NUMBER = 10**12  # no count, percentage or money figure on an engagement site comes near
MAX_ID = 60
# The years a date in hub data may have. An engagement site's dates are decades from today, not centuries;
# a year such as 0001 or 9999 is a slip, and at the ends of the calendar the build's date sums (90 days after
# closing, a calendar's time zone a year either side) would run off it.
FIRST_YEAR, LAST_YEAR = 1900, 2199
# Page and folder names the site makes itself: an id with one of these names would replace a page.
RESERVED_IDS = re.compile(r"index|assets|search|pagefind|sitemap|404|page-[0-9]+|feed|stylesheets|javascripts")

# Characters a reader cannot see or that change how the text around them is shown:
# C0/C1 controls (except tab and line breaks), bidi embeddings/overrides/isolates and marks,
# zero-width characters, line/paragraph separators, the byte-order mark, and the noncharacters
# U+FDD0-FDEF (which fragments.py uses to mark text in another language).
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
                        "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufdd0-\ufdef\ufeff\ufff9-\ufffb]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?")
_TEL = re.compile(r"\+?[0-9][0-9 ()-]*")
# Anything a browser or Markdown could read as the end of an attribute, a tag, or a different address.
_UNSAFE_IN_URL = re.compile(r"""["'<>`\\\s\x00-\x1f\x7f]""")
_MAILTO_FIELDS = {"subject", "body"}  # a prefilled subject is fine; cc, bcc and other headers are not
URL_FIELDS = {"url", "feedback_url", "site_url", "href", "link"}
EMAIL_FIELDS = {"email"}
# Any text written exactly like a date is read as one, in whichever field it is.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_url_field(name: str | int) -> bool:
    """A field whose whole value is one web address, checked by ``url_problem``."""
    return isinstance(name, str) and (name in URL_FIELDS or name.endswith("_url"))


def url_problem(value: str, *, field: str = "url") -> str:
    """Why a web address is refused, or an empty string when it is safe to put in an href.

    The address is split into its parts and put back together; it must come back
    unchanged, from an allowed scheme, with no character that could end an HTML
    attribute or make a browser read it as a different address.
    """
    if _UNSAFE_IN_URL.search(value if not value.startswith("tel:") else value.replace(" ", "")) or _INVISIBLE.search(value):
        return "A web address may not contain spaces, quotes, angle brackets, backslashes or control characters."
    if field == "site_url":
        if not value.startswith("https://") or not value.endswith("/"):
            return "The site's address must start https:// and end with /."
    parts = urlsplit(value)
    if urlunsplit(parts) != value:
        return "This address does not read back the same once split into its parts; write it in full, plainly."
    scheme = parts.scheme.lower()
    if not scheme:
        if not value.startswith("/") or value.startswith("//"):
            return "An address on this site starts with a single /; any other address starts https://."
        return ""
    if scheme in ("http", "https"):
        if not value.lower().startswith(f"{scheme}://") or not parts.netloc or not _HOST.fullmatch(parts.netloc):
            return "A web address starts https:// followed by a site name, such as https://www.example.org/."
        if field == "site_url" and (parts.query or parts.fragment):
            return "The site's address may not have a ? or # part."
        return ""
    if scheme == "mailto":
        if not _EMAIL.fullmatch(parts.path):
            return "A mailto: link holds exactly one email address, such as mailto:team@example.org."
        names = {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
        if parts.fragment or names - _MAILTO_FIELDS or (parts.query and not names):
            return "A mailto: link may only add ?subject= or &body=; copies (cc, bcc) and other headers are not allowed."
        return ""
    if scheme == "tel":
        return "" if _TEL.fullmatch(parts.path) else "A tel: link holds a phone number: digits, spaces, brackets and +."
    return f"Addresses starting '{parts.scheme}:' are not allowed. Use https://, mailto:, tel: or a / path on this site."


def email_problem(value: str) -> str:
    return "" if _EMAIL.fullmatch(value) else (
        "An email address is letters, numbers, dots, hyphens, + or _, then @, then a domain such as example.org.")


def text_problem(value: str) -> tuple[str, int, str]:
    """Why a text is refused, where in it, and how to fix it; or ('', 0, '')."""
    if found := _INVISIBLE.search(value):
        return (f"This text holds an invisible or control character (U+{ord(found.group()):04X}), which can hide "
                "or reorder what readers see.", found.start(),
                "Retype the text around it, or paste the text again as plain text.")
    if len(value) > MAX_TEXT:
        return (f"This text is {len(value):,} characters long; the limit for one field is {MAX_TEXT:,}.", 0,
                "Shorten the text, or split it between fields or pages.")
    if value.count("[") > MAX_BRACKETS:
        return (f"This text has {value.count('[')} '[' characters; one field may have at most {MAX_BRACKETS}.", 0,
                "Use fewer links in this text, or remove the stray [ characters.")
    return "", 0, ""


def number_problem(value: float) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "This is not a number a page can show (YAML read it as infinity or 'not a number')."
    if abs(value) > MAX_NUMBER:
        return f"This number is too large; numbers here are at most {MAX_NUMBER:,}."
    return ""


def id_problem(value: str) -> str:
    if len(value) > MAX_ID:
        return f"This id is {len(value)} characters long; ids are at most {MAX_ID}, as they become web addresses."
    if RESERVED_IDS.fullmatch(value):
        return f"The id '{value}' is a name the site already uses for one of its own pages or folders."
    return ""


def date_problem(value: str) -> str:
    if not _DATE.fullmatch(value):
        return ""  # the schema explains the form
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return f"{value} is not a date on the calendar (check the month is 01 to 12 and the day exists in that month)."
    return year_problem(day)


def year_problem(day: dt.date) -> str:
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return ""
    return f"{day.isoformat()} is in the year {day.year}; dates here are between {FIRST_YEAR} and {LAST_YEAR}. Check the year."


def field_problems(doc: Document, node: Any, path: Path = (), checked: set[int] | frozenset[int] = frozenset()
                   ) -> list[Problem]:
    """Every value in a document that no field may hold, with file, line and field."""
    walk = _FieldWalk(doc, checked)
    walk.value(path, next((p for p in reversed(path) if isinstance(p, str)), ""), node)
    return walk.problems


class _FieldWalk:
    """One walk of a document's values for ``field_problems``, each value's checks made with the field name it sits under.

    Recursive (hub files nest at most MAX_DEPTH deep) and in the order the loop it replaced took: each block's
    field names first, then its values last to first. At 100x the data nearly every value is an ordinary text
    with nothing to report, so that case is settled in the loop, with no path made for it and no call.
    """

    def __init__(self, doc: Document, checked: set[int] | frozenset[int]) -> None:
        self.doc = doc
        self.checked = checked
        self.problems: list[Problem] = []
        self.good_keys: set[str] = set()  # the same few field names repeat thousands of times: each is checked once
        self.plain_names: dict[str, bool] = {}  # field names whose texts need no address or email check

    def _plain(self, name: str) -> bool:
        if (plain := self.plain_names.get(name)) is None:
            plain = self.plain_names[name] = not (is_url_field(name) or name in EMAIL_FIELDS)
        return plain

    def value(self, at: Path, name: str, value: Any) -> None:
        if isinstance(value, dict):
            for key in value:
                if isinstance(key, str) and key not in self.good_keys:
                    if message := text_problem(key)[0]:
                        self.problems.append(self.doc.problem((*at, key), "A field name: " + message,
                                                              hint="Retype the field name."))
                    else:
                        self.good_keys.add(key)
            children: Any = reversed(value.items())
        elif isinstance(value, list):
            children = ((index, value[index]) for index in range(len(value) - 1, -1, -1)
                        if id(value[index]) not in self.checked)
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, (int, float)):
            if message := number_problem(value):
                self.problems.append(self.doc.problem(
                    at, message, expected=f"a number between -{MAX_NUMBER:,} and {MAX_NUMBER:,}",
                    found=str(value)[:40], hint="Write the number in figures."))
            return
        else:
            if isinstance(value, str):
                self.problems += _string_problems(self.doc, at, name, value)
            return
        plain_names = self.plain_names
        for key, item in children:
            item_name = key if isinstance(key, str) else name
            # What _string_problems would pass without a word: no check applies to it (no address, email, id or
            # date) and text_problem finds nothing.
            if item.__class__ is not str:
                self.value((*at, key), item_name, item)
            elif not (len(item) != 10 and key != "id" and (plain_names.get(item_name) or self._plain(item_name))
                      and len(item) <= MAX_TEXT and item.count("[") <= MAX_BRACKETS and not _INVISIBLE.search(item)):
                self.problems += _string_problems(self.doc, (*at, key), item_name, item)


def _string_problems(doc: Document, at: Path, name: str, value: str) -> list[Problem]:
    message, offset, hint = text_problem(value)
    if message:
        return [doc.problem(at, message, hint=hint, offset=offset)]
    shown = value[:80]
    if is_url_field(name):
        if message := url_problem(value, field=name):
            return [doc.problem(at, message, expected="an address starting https:// (or mailto:, tel:, or a / path)",
                                found=shown, hint="Copy the address from the browser's address bar.")]
    elif name in EMAIL_FIELDS:
        if message := email_problem(value):
            return [doc.problem(at, message, expected="an email address such as team@example.org", found=shown,
                                hint="Write just the address, with no name, spaces or quotes.")]
    elif at and at[-1] == "id":
        if message := id_problem(value):
            return [doc.problem(at, message, expected=f"a short id, at most {MAX_ID} characters, not a reserved name",
                                found=shown, hint="Choose a different id, such as 'goal-1-index'.")]
    if len(value) == 10 and (message := date_problem(value)):
        return [doc.problem(at, message, expected="a real date written YYYY-MM-DD", found=shown,
                            hint="Check the day, month and year.")]
    return []
