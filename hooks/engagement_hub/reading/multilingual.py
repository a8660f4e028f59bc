"""Every language's translations read and checked together: the data's (translations.py) and the
interface's (catalogue.py), how much of each is translated, and the data in a language for a build.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, read_catalogue
from .languages import Language, languages
from .problems import Problem
from .source import Document
from .translatable import Level, translatable, units
from .translations import FOLDER, Translation, read_translation, translated_data


@dataclass(frozen=True)
class LanguageText:
    """One language's translations of the data and of the interface."""

    language: Language
    translation: Translation
    catalogue: Catalogue
    files: dict[str, Level]

    def file_coverage(self) -> list[tuple[str, int, int, int]]:
        """(file, texts in the English, translated and up to date, stale) for each file with text."""
        out = []
        for file, level in self.files.items():
            found = units(level)
            entries = [self.translation.entries.get((file, u.key)) for u in found]
            out.append((file, len(found), sum(1 for e in entries if e and not e.stale),
                        sum(1 for e in entries if e and e.stale)))
        return [row for row in out if row[1]]

    @property
    def data_percent(self) -> int:
        rows = self.file_coverage()
        total = sum(r[1] for r in rows)
        return 100 if not total else int(100 * sum(r[2] for r in rows) / total)

    @property
    def interface_percent(self) -> int:
        return 100 if not self.catalogue.total else int(100 * self.catalogue.translated / self.catalogue.total)

    @property
    def unreviewed(self) -> int:
        return sum(1 for e in self.translation.entries.values() if not e.reviewed)


def english_files(docs: dict[str, Document], years: list[Document]) -> dict[str, tuple[Document, Level]]:
    """Each English file by its name under data/, with its translatable text."""
    out = {}
    for name, doc in docs.items():
        file = doc.file.removeprefix("data/")
        out[file] = (doc, translatable(file, name, doc.data))  # each data file's schema bears its name
    for doc in years:
        file = doc.file.removeprefix("data/")
        out[file] = (doc, translatable(file, "progress", doc.data))
    return out


def read_languages(root: Path, docs: dict[str, Document], years: list[Document],
                   read: Callable[[Path, str], tuple[Document | None, list[Problem]]]
                   ) -> tuple[list[LanguageText], list[Problem]]:
    """Every listed language's translations, checked; ``read(path, label)`` reads a YAML file as load.py does.

    A translation file for a language organisation.yml does not list is an error, not silently unused."""
    problems: list[Problem] = []
    listed = languages(docs["organisation"].data)
    # A site in English only has nothing to translate: walking 100x data for its text costs a second.
    english = english_files(docs, years) if listed else {}
    files = {file: level for file, (_, level) in english.items()}
    folder = root / "data" / FOLDER
    out = []
    for language in listed:
        path = folder / f"{language.code}.yml"
        doc, found = read(path, f"data/{FOLDER}/{path.name}") if path.exists() else (None, [])
        problems += found
        if doc is None:
            translation = Translation(language.code, {}, reviewed=False, machine=False)
        else:
            translation, found = read_translation(doc, language.code, files)
            problems += found
        catalogue, found = read_catalogue(root, language.code)
        problems += found
        out.append(LanguageText(language, translation, catalogue, files))
    codes = {language.code for language in listed}
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix.lower() in (".yml", ".yaml") and path.stem not in codes:
            problems.append(Problem(f"data/{FOLDER}/{path.name}", 1, 1, "(the whole file)",
                                    f"This translates the data into '{path.stem}', a language data/organisation.yml "
                                    "does not list, so no site would show it.",
                                    expected="a file named after a code under languages: in organisation.yml",
                                    hint=f"Add '- code: {path.stem}' under languages: in data/organisation.yml, "
                                         "or rename the file to the code of a language listed there."))
    for text in out:
        minimum = text.language.minimum_coverage
        for what, percent, where in (("the data's text", text.data_percent, f"data/{FOLDER}/{text.language.code}.yml"),
                                     ("the site's own words", text.interface_percent,
                                      f"locale/{text.language.code}.po")):
            if percent < minimum:
                problems.append(docs["organisation"].problem(
                    ("languages", listed.index(text.language), "minimum_coverage"),
                    f"Only {percent}% of {what} is translated into {text.language.name}; the minimum set here is "
                    f"{minimum}%.", expected=f"at least {minimum}% translated", found=f"{percent}%",
                    hint=f"Translate more of it in {where} (make check lists what is missing per file), "
                         "or lower minimum_coverage."))
    return out, problems


def documents_in(text: LanguageText, docs: dict[str, Document], years: list[Document]
                 ) -> tuple[dict[str, Document], list[Document]]:
    """The English documents with their text in ``text``'s language (English where there is no translation)."""
    def one(doc: Document) -> Document:
        file = doc.file.removeprefix("data/")
        return dataclasses.replace(doc, data=translated_data(doc.data, text.files[file], file, text.translation))
    return {name: one(doc) for name, doc in docs.items()}, [one(doc) for doc in years]


def coverage_report(texts: list[LanguageText]) -> str:
    """What `make check` prints: how much of each language is translated, overall and per file."""
    lines = []
    for text in texts:
        lang = text.language
        lines.append(f"{lang.name} ({lang.code}): {text.data_percent}% of the data's text and "
                     f"{text.interface_percent}% of the site's own words translated"
                     + (f" (minimum {lang.minimum_coverage}%)" if lang.minimum_coverage else "")
                     + (f"; {text.unreviewed} translations not yet checked by a native speaker" if text.unreviewed
                        else "") + ".")
        for file, total, done, stale in text.file_coverage():
            lines.append(f"  {file}: {done} of {total} texts ({int(100 * done / total)}%)"
                         + (f", {stale} stale (the English changed since)" if stale else ""))
        lines.append(f"  locale/{lang.code}.po: {text.catalogue.translated} of {text.catalogue.total} of the site's "
                     "own words" if text.catalogue.total else
                     "  locale/messages.pot is missing: run make messages to gather the site's own words")
    return "\n".join(lines)
