"""`make messages`: gather every word the site adds into locale/messages.pot, and bring each
language's catalogue (locale/CODE.po) up to date with it.

The words are found where they are written: in the templates ({{ _("...") }}, {% trans %}), in the
core's gettext calls, and in the core's tables of words and page names (wordtables.py, titles.py).
A new word arrives in every catalogue untranslated, so `make check` counts it as missing; a word the
site no longer uses is kept at the end of the catalogue, commented out (#~), for a translator to reuse.

Usage: python -m engagement_hub.tools.messages [--root FOLDER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po

from ..output.languagebuild import codes
from ..pages import titles, wordtables
from ..reading.catalogue import LOCALE_DIR, TEMPLATE

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "t": None}  # t: partials/hub-words.html
# Templates by the Jinja2 extractor, with the i18n extension and the same whitespace rules as render.py.
JINJA_METHOD = "jinja2.ext:babel_extract"
JINJA = {"extensions": "jinja2.ext.i18n", "trim_blocks": "yes", "lstrip_blocks": "yes", "newstyle_gettext": "yes"}
# A fixed date: the catalogue changes only when its words do, so its diff in a pull request is the words.
DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def template(root: Path) -> Catalog:
    """Every word the site adds, as a catalogue template."""
    catalog = Catalog(project="engagement hub", creation_date=DATE, fuzzy=False)
    for folder, suffixes, method, options in (("theme_overrides", (".html", ".xml"), JINJA_METHOD, JINJA),
                                               ("hooks", (".py",), "python", {})):
        for path in sorted(p for p in (root / folder).rglob("*") if p.suffix in suffixes and p.is_file()):
            with path.open("rb") as file:
                for lineno, message, comments, context in extract(method, file, KEYWORDS, options=options):
                    catalog.add(message, None, [(path.relative_to(root).as_posix(), lineno)],
                                auto_comments=comments, context=context)
    core = "hooks/engagement_hub/pages"
    for word in wordtables.words():
        catalog.add(word, None, [(f"{core}/wordtables.py", 0)])
    for word in (*titles.FIXED_TITLES, *titles.FIXED_DESCRIPTIONS):
        catalog.add(word, None, [(f"{core}/titles.py", 0)])
    for word in (titles.GOAL_TITLE, titles.YEAR_TITLE):
        catalog.add(word, None, [(f"{core}/titles.py", 0)], flags=("python-format",))
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    with path.open("wb") as file:
        write_po(file, catalog, width=100, sort_output=True, include_lineno=False)


def update(root: Path) -> list[str]:
    """Write messages.pot and update every .po in locale/ with it; what was done, a line each."""
    folder = root / LOCALE_DIR
    folder.mkdir(exist_ok=True)
    pot = template(root)
    _write(pot, folder / TEMPLATE)
    done = [f"{LOCALE_DIR}/{TEMPLATE}: {len(pot)} messages"]
    for code in codes(root):  # a language just added to organisation.yml: its catalogue, with CLDR's plural rule
        if not (path := folder / f"{code}.po").exists():
            _write(Catalog(locale=code, project="engagement hub", creation_date=DATE, revision_date=DATE,
                           fuzzy=False), path)
            done.append(f"{LOCALE_DIR}/{path.name}: made, for the language '{code}' in data/organisation.yml")
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as file:
            catalog = read_po(file, locale=path.stem)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.revision_date = DATE
        _write(catalog, path)
        done.append(f"{LOCALE_DIR}/{path.name}: updated")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make messages", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    print("\n".join(update(args.root)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
