"""The site's own words in other languages: gettext catalogues read and checked with Babel.

Every word the templates and the core add is written in English in the source and extracted into
locale/messages.pot (`make messages`); each language's translation is locale/CODE.po, the format
translators and their tools (Poedit, Weblate, Crowdin) already use. A .po file is checked here
(syntax, plural forms, placeholders) with the same file/line messages as the data, and compiled in
memory for the build, so no compiled .mo file is ever committed or goes stale.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from .encoding import not_utf8
from .problems import Problem

LOCALE_DIR = "locale"
TEMPLATE = "messages.pot"


def po_path(root: Path, code: str) -> Path:
    return root / LOCALE_DIR / f"{code}.po"


@dataclass(frozen=True)
class Catalogue:
    """A language's interface words: its catalogue and how much of the template it covers."""

    code: str
    catalog: Catalog | None
    total: int
    translated: int


def _ids(catalog: Catalog) -> set[str]:
    return {message.id if isinstance(message.id, str) else message.id[0] for message in catalog if message.id}


# A .po line: a comment, or a keyword and a quoted text, or a quoted text continuing the one above.
_LINE = re.compile(r'\s*(#.*)?|(msgctxt|msgid|msgid_plural|msgstr(\[[0-9]+\])?)?\s*"([^"\\]|\\.)*"\s*')
_HINT = ("Compare the line with the entries around it: each is a msgid line, then msgstr (or msgstr[0], "
         "msgstr[1], ... for a counted word), every text in double quotes, and a \\\" for a quote mark inside it.")


def _line_problems(text: str, label: str) -> list[Problem]:
    """Lines Babel would read without complaint but wrongly: it drops the last letter of an unclosed text."""
    return [Problem(label, number, 1, "(the whole file)",
                    "This line is not a msgid or msgstr line with its text in double quotes.", found=line[:80],
                    hint=_HINT)
            for number, line in enumerate(text.splitlines(), 1) if not _LINE.fullmatch(line)][:20]


def _read(path: Path, label: str, locale: str | None) -> tuple[Catalog | None, list[Problem]]:
    if unreadable := not_utf8(path.read_bytes(), label, "(the whole file)"):
        return None, [unreadable]
    try:
        if problems := _line_problems(path.read_text(encoding="utf-8"), label):
            return None, problems
        with path.open("rb") as file:
            return read_po(file, locale=locale, abort_invalid=True), []
    except PoFileError as error:
        words = error.args[0].rsplit(" on ", 1)[0]
        if "num_plurals" in words:
            words = "an entry has more msgstr[n] lines than the Plural-Forms line at the top of the file allows"
        return None, [Problem(label, max(error.lineno, 0) + 1, 1, "(the whole file)",
                              f"The catalogue could not be read: {words}.", hint=_HINT)]
    except (UnicodeDecodeError, ValueError) as error:
        return None, [Problem(label, 1, 1, "(the whole file)", f"The catalogue could not be read ({error}).",
                              hint="Save the file as UTF-8 text, with a Content-Type: text/plain; charset=UTF-8 header.")]


def read_catalogue(root: Path, code: str) -> tuple[Catalogue, list[Problem]]:
    """A language's catalogue checked against the template and CLDR's plural rules for the language."""
    template, problems = _read(root / LOCALE_DIR / TEMPLATE, f"{LOCALE_DIR}/{TEMPLATE}", None) \
        if (root / LOCALE_DIR / TEMPLATE).is_file() else (None, [])
    wanted = _ids(template) if template else set()
    path, label = po_path(root, code), f"{LOCALE_DIR}/{code}.po"
    if not path.is_file():
        return Catalogue(code, None, len(wanted), 0), problems
    catalog, found = _read(path, label, code)
    problems += found
    if catalog is None:
        return Catalogue(code, None, len(wanted), 0), problems
    plurals = len(Locale.parse(code).plural_form.tags) + 1
    if catalog.num_plurals != plurals:
        problems.append(Problem(label, 1, 1, "Plural-Forms", f"The header gives {catalog.num_plurals} plural forms; "
                                f"{Locale.parse(code).english_name} has {plurals}.",
                                expected=f"Plural-Forms: nplurals={plurals}; plural=...;",
                                hint=f"Copy the Plural-Forms line of a new catalogue: pybabel init -l {code} "
                                     "makes one with CLDR's rule."))
    for message, errors in catalog.check():
        for error in errors:
            problems.append(Problem(label, message.lineno or 1, 1, _name(message.id),
                                    f"The translation does not fit its English: {error}.",
                                    hint="Keep every %(name)s placeholder exactly as in the English, and give "
                                         "one msgstr[n] line for each plural form."))
    for message in catalog:
        if message.id and (problem := _markup_problem(message.id, message.string)):
            problems.append(Problem(label, message.lineno or 1, 1, _name(message.id), problem,
                                    expected="the same tags as the English, e.g. <a href=\"%(contact)s\">...</a>",
                                    hint="Copy the English's tags and placeholders into the translation as they are; "
                                         "translate only the words between them."))
        if message.id and wanted and _name(message.id) not in wanted and not message.fuzzy:
            problems.append(Problem(label, message.lineno or 1, 1, _name(message.id),
                                    "The site no longer uses this text.", severity="warning",
                                    hint="Delete the entry, or run `make messages` to update the catalogue."))
    done = {_name(m.id) for m in catalog if m.id and not m.fuzzy and _complete(m.string)}
    return Catalogue(code, catalog, len(wanted), len(done & wanted) if wanted else len(done)), problems


_TAG = re.compile(r"<[^>]*>")


def _markup_problem(english: str | tuple[str, ...], translated: str | tuple[str, ...]) -> str:
    """A translation is put on the page as written, so its HTML must be the English's HTML: no added
    element, attribute or address (a script, a tracking image), and quotes only where the English has them."""
    sources = [english] if isinstance(english, str) else list(english)
    for text in [translated] if isinstance(translated, str) else list(translated or ()):
        if not text:
            continue
        if sorted(_TAG.findall(text)) != sorted(_TAG.findall(sources[0])):
            return "The translation's HTML tags are not the English's."
        if any(text.count(c) > max(source.count(c) for source in sources) for c in '<>"&'):
            return "The translation has a < > \" or & that the English does not have."
    return ""


def _name(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _complete(string: str | tuple[str, ...] | list[str]) -> bool:
    return bool(string) if isinstance(string, str) else bool(string) and all(string)


def translated_ids(catalogue: Catalogue | None) -> frozenset[str]:
    """The messages (their English) the catalogue translates: not those with an empty or fuzzy translation,
    which the compiled catalogue leaves out or gives as an empty text."""
    if catalogue is None or catalogue.catalog is None:
        return frozenset()
    return frozenset(_name(m.id) for m in catalogue.catalog if m.id and not m.fuzzy and _complete(m.string))


def gettext(catalogue: Catalogue | None) -> NullTranslations:
    """The catalogue compiled in memory, for Jinja2's i18n extension (English: the words as written)."""
    if catalogue is None or catalogue.catalog is None:
        return NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, catalogue.catalog)
    buffer.seek(0)
    return Translations(buffer)
