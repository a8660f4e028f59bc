"""Translations of the data and of the interface, on the fixture trust in Welsh and Urdu
(tests/fixtures/languages/): what may be translated, how a translation is checked, how much is
translated (make check), and how stale or missing text falls back to the English, marked as such.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT, TRUST_DATA, with_languages
from engagement_hub.reading.catalogue import gettext, read_catalogue
from engagement_hub.reading.languages import languages
from engagement_hub.reading.load import build_hub, check, checked_documents, language_texts
from engagement_hub.reading.multilingual import coverage_report, documents_in, english_files
from engagement_hub.reading.translatable import units
from engagement_hub.reading.translations import InEnglish, Translated


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(root)], check=False,
                          capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return with_languages(tmp_path / "hub")


def errors(problems: list) -> list:
    return [p for p in problems if p.severity == "error"]


# What may be translated


def test_only_text_is_translatable_never_ids_numbers_dates_or_codes(root: Path) -> None:
    _, docs, years, _ = checked_documents(root)
    files = english_files(docs, years)
    keys = {"/".join(u.key) for _, level in files.values() for u in units(level)}
    assert "goals/build-a-culture-of-involvement/title" in keys
    assert "goals/build-a-culture-of-involvement/commitments" in keys  # a list of text, translated as a whole
    strategy = files["strategy.yml"][1]
    goal = strategy.children["goals"].children["build-a-culture-of-involvement"]
    assert {"id", "number", "values"} <= goal.fixed  # id, number, links to values
    measure = goal.children["measures"].children["staff-trained"]
    assert {"baseline", "target", "better", "unit"} - {"unit"} <= measure.fixed
    assert "period" in strategy.fixed
    assert not any(key.endswith(("/id", "/date", "/url", "/email")) for key in keys)


# Applying translations


def test_translated_text_replaces_the_english_and_the_rest_is_marked_english(root: Path) -> None:
    hub, docs, years, problems = checked_documents(root)
    assert hub is not None, [p.human() for p in errors(problems)]
    texts, _ = language_texts(root, docs, years)
    welsh = build_hub(*documents_in(texts[0], docs, years))
    first = welsh.strategy.goals[0]
    assert first.title == "Meithrin diwylliant o gynnwys" and isinstance(first.title, Translated)
    assert first.title.machine and not first.title.reviewed
    assert first.summary.reviewed  # an entry's own reviewed: true overrides the file's default
    assert first.description == hub.strategy.goals[0].description and isinstance(first.description, InEnglish)
    assert welsh.strategy.developed_with[1] == "Staff clinigol ac anghlinigol"
    assert first.measures[0].baseline == hub.strategy.goals[0].measures[0].baseline  # numbers are shared
    assert first.id == hub.strategy.goals[0].id
    urdu = build_hub(*documents_in(texts[1], docs, years))
    assert urdu.strategy.goals[0].title == "شمولیت کا کلچر بنائیں"
    assert isinstance(urdu.organisation.strapline, InEnglish)
    assert hub.strategy.goals[0].title == "Build a culture of involvement"  # the English is untouched


def test_a_translation_of_older_english_is_stale_shown_in_english_and_warned(root: Path) -> None:
    hub, docs, years, problems = checked_documents(root)
    stale = [p for p in problems if "changed since" in p.message]
    assert [(p.file, p.path, p.severity) for p in stale] == [
        ("data/translations/cy.yml", "['strategy.yml'].goals.act-on-what-matters-most.title.english", "warning")]
    assert stale[0].line == (root / "data/translations/cy.yml").read_text().splitlines().index(
        "        english: Act on what matters most") + 1
    assert stale[0].hint.startswith("Nothing else needs to change now")  # said to whoever edited the English
    texts, _ = language_texts(root, docs, years)
    welsh = build_hub(*documents_in(texts[0], docs, years))
    assert welsh.strategy.goals[1].title == hub.strategy.goals[1].title
    assert isinstance(welsh.strategy.goals[1].title, InEnglish)


def test_rewrapped_english_is_not_stale(root: Path) -> None:
    edit(root / "data/translations/cy.yml", "english: Make involving patients and the public part of everyone's job.",
         "english: |\n          Make involving patients and the public\n          part of everyone's job.")
    _, problems = check(root)
    assert len([p for p in problems if "changed since" in p.message]) == 1  # only the one stale on purpose


# Mistakes, each reported where it is


@pytest.mark.parametrize(("old", "new", "field", "words"), [
    ("    build-a-culture-of-involvement:\n      title:", "    build-a-culture-of-involvment:\n      title:",
     "['strategy.yml'].goals.build-a-culture-of-involvment", "did you mean 'build-a-culture-of-involvement'"),
    ("      summary:\n        text: Gwneud", "      sumary:\n        text: Gwneud",
     "['strategy.yml'].goals.build-a-culture-of-involvement.sumary", "did you mean 'summary'"),
    ("strategy.yml:\n  title:", "strategy.yml:\n  period:\n    text: 2024\n    english: 2024\n  title:",
     "['strategy.yml'].period", "same in every language"),
    ("values.yml:", "valus.yml:", "['valus.yml']", "did you mean 'values.yml'"),
    ("  title:\n    text: Strategaeth Ymgysylltu â Chleifion a'r Cyhoedd\n    english: Patient and Public Engagement "
     "Strategy\n", "  title: Strategaeth Ymgysylltu\n", "['strategy.yml'].title", "'text:' and 'english:'"),
    ("        text: Amrywiaeth\n        english: Diversity\n", "        text: Amrywiaeth\n",
     "['values.yml'].values.diversity.name", "no 'english:' line"),
    ("        text: Amrywiaeth\n", "        text: [Amrywiaeth]\n", "['values.yml'].values.diversity.name.text",
     "is not a text"),
    ("        reviewed: true", "        reviewed: yes please", "['strategy.yml'].goals.build-a-culture-of-involvement"
     ".summary.reviewed", "true or false"),
    ("        text: Amrywiaeth\n", "        txt: Amrywiaeth\n", "['values.yml'].values.diversity.name.txt",
     "did you mean 'text'"),
    ("        text: Amrywiaeth\n", "        text: Amrywiaeth ![x](https://tracker.example/p.gif)\n",
     "['values.yml'].values.diversity.name.text", "image"),
])
def test_a_mistake_in_a_translation_is_an_error_on_its_line(root: Path, old: str, new: str, field: str,
                                                            words: str) -> None:
    path = root / "data/translations/cy.yml"
    edit(path, old, new)
    line = path.read_text(encoding="utf-8").index(new)
    line = path.read_text(encoding="utf-8")[:line].count("\n") + 1
    hub, problems = check(root)
    assert hub is None, "the mistake was not noticed"
    found = [p for p in errors(problems) if p.file == "data/translations/cy.yml" and p.path == field
             and words in f"{p.message} {p.hint}".lower()]
    assert found, "\n".join(p.human() for p in problems)
    assert line - 1 <= found[0].line <= line + new.count("\n")  # the line, or the field's name above it
    assert all(p.hint for p in problems)
    result = run_check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"data/translations/cy.yml, line {found[0].line}" in result.stderr


def test_a_translation_file_for_a_language_not_listed_is_refused(root: Path) -> None:
    shutil.copy(LANGUAGES / "cy.yml", root / "data/translations/pl.yml")
    hub, problems = check(root)
    assert hub is None
    assert any(p.file == "data/translations/pl.yml" and "does not list" in p.message for p in problems)


@pytest.mark.parametrize(("code", "words"), [("xx", "not a language code"), ("en", "not a translation"),
                                             ("cy", "listed twice")])
def test_a_language_code_must_be_known_once_and_not_english(root: Path, code: str, words: str) -> None:
    edit(root / "data/organisation.yml", "  - code: ur\n", f"  - code: ur\n  - code: {code}\n")
    hub, problems = check(root)
    assert hub is None
    assert any(p.file == "data/organisation.yml" and p.path == "languages[2].code" and words in p.message
               for p in problems), [p.human() for p in problems]


def test_the_language_name_and_direction_come_from_cldr_unless_given(root: Path) -> None:
    _, docs, _, _ = checked_documents(root)
    welsh, urdu = languages(docs["organisation"].data)
    assert (welsh.name, welsh.dir, welsh.plural_forms) == ("Cymraeg", "ltr", 6)
    assert (urdu.name, urdu.dir, urdu.plural_forms) == ("اردو", "rtl", 2)


# Coverage, and its minimum


def test_make_check_reports_coverage_per_language_and_file(root: Path) -> None:
    result = run_check(root)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    _, docs, years, _ = checked_documents(root)
    texts, _ = language_texts(root, docs, years)
    total = sum(len(units(level)) for level in texts[0].files.values())
    # Welsh: strapline, title, developed_with, goal 1 title and summary, a measure's name, a value's name;
    # the second goal's title is stale, so not counted.
    assert f"Cymraeg (cy): {int(100 * 7 / total)}% of the data's text and 75% of the site's own words" in out
    assert "  strategy.yml: 5 of " in out and "1 stale (the English changed since)" in out
    assert "  values.yml: 1 of " in out
    assert "  locale/cy.po: 3 of 4 of the site's own words" in out
    assert "7 translations not yet checked by a native speaker" in out  # 8 entries, one reviewed
    assert "اردو (ur): " in out and "  locale/ur.po: 2 of 4" in out
    assert coverage_report(texts) in out


def test_under_the_minimum_coverage_make_check_fails(root: Path) -> None:
    edit(root / "data/organisation.yml", "  - code: ur\n", "  - code: ur\n    minimum_coverage: 60\n")
    hub, problems = check(root)
    assert hub is None
    found = [p for p in errors(problems) if p.path == "languages[1].minimum_coverage"]
    assert {p.message.split(" is translated")[0] for p in found} == {
        "Only 0% of the data's text", "Only 50% of the site's own words"}
    result = run_check(root)
    assert result.returncode == 1 and "Translations:" in result.stderr
    edit(root / "data/organisation.yml", "minimum_coverage: 60", "minimum_coverage: 0")
    assert check(root)[0] is not None


def test_a_language_with_no_translations_yet_is_counted_as_nothing_translated(tmp_path: Path) -> None:
    root = with_languages(tmp_path / "hub", ur=False, locale=False)
    result = run_check(root)
    assert result.returncode == 0, result.stderr
    assert "اردو (ur): 0% of the data's text and 100% of the site's own words" in result.stdout


def test_without_languages_make_check_says_nothing_of_translations(tmp_path: Path) -> None:
    shutil.copytree(TRUST_DATA, tmp_path / "data")
    result = run_check(tmp_path)
    assert result.returncode == 0 and "Translations" not in result.stdout + result.stderr


# The interface catalogues


def test_welsh_has_six_plural_forms_and_urdu_two(root: Path) -> None:
    welsh, problems = read_catalogue(root, "cy")
    assert not problems
    forms = [gettext(welsh).ngettext("%(num)s pledge", "%(num)s pledges", n) % {"num": n} for n in (0, 1, 2, 3, 6, 7)]
    assert forms == ["dim addewidion", "un addewid", "dwy addewid", "tair addewid", "chwe addewid", "7 addewid"]
    urdu, problems = read_catalogue(root, "ur")
    assert not problems
    assert gettext(urdu).ngettext("%(num)s pledge", "%(num)s pledges", 5) % {"num": 5} == "5 عہد"
    assert gettext(urdu).gettext("Values") == "Values"  # untranslated: the English


@pytest.mark.parametrize(("old", "new", "words"), [
    ("nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n == 3 ? 3 : n == 6 ? 4 \"\n\": 5);",
     "nplurals=2; plural=(n != 1);", "plural-forms line"),
    ('"Plural-Forms: nplurals=6;', '"Plural-Forms: nplurals=7;', "welsh has 6"),
    ('msgstr "Diweddarwyd %(date)s"', 'msgstr "Diweddarwyd %(dyddiad)s"', "placeholder"),
    ('msgstr "Nodau"', 'msgstr "Nodau', "in double quotes"),
    ('msgstr "Nodau"', 'msgtr "Nodau"', "in double quotes"),
    ('msgstr "Nodau"', 'msgstr "Nodau<script>alert(1)</script>"', "html tags are not the english"),
    ('msgstr "Nodau"', 'msgstr "Nodau \\" onmouseover=\\"x"', "that the english does not have"),
])
def test_a_broken_catalogue_is_an_error_with_its_line(root: Path, old: str, new: str, words: str) -> None:
    edit(root / "locale/cy.po", old, new)
    hub, problems = check(root)
    assert hub is None
    found = [p for p in errors(problems) if p.file == "locale/cy.po"]
    assert found and any(words in f"{p.message} {p.hint}".lower() for p in found), [p.human() for p in found]
    assert all(p.line > 0 for p in found)
    result = run_check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "locale/cy.po, line" in result.stderr


def test_a_catalogue_not_saved_as_utf8_is_named_at_the_line_of_the_byte(root: Path) -> None:
    """An editor saving in Windows' old encoding: the check names the line and column, not line 1 and Python's
    codec words ("can't decode byte 0xe9 in position 972")."""
    path = root / "locale/cy.po"
    text = path.read_text(encoding="utf-8").replace('msgstr "Nodau"', 'msgstr "Nodau caf\u00e9"')
    path.write_bytes(text.encode("cp1252"))
    line = text[: text.index("Nodau caf")].count("\n") + 1
    result = run_check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "codec" not in result.stderr
    assert f"ERROR: locale/cy.po, line {line}, column 18" in result.stderr, result.stderr
    assert "not saved as UTF-8" in result.stderr


def test_a_symbolic_link_in_locale_is_refused(root: Path) -> None:
    (root / "locale/cy.po").unlink()
    (root / "locale/cy.po").symlink_to("/etc/hostname")
    hub, problems = check(root)
    assert hub is None and any(p.file == "locale/cy.po" and "symbolic link" in p.message for p in problems)


# Dates and numbers


def test_english_dates_are_unchanged_and_other_languages_use_cldr() -> None:
    from datetime import date, timedelta

    from engagement_hub.output.render import long_date as site_long_date
    from engagement_hub.pages.localised import long_date, number

    day = date(2024, 1, 1)
    for _ in range(0, 800, 7):  # every month, both sides of the year's turn
        assert long_date(day.isoformat()) == site_long_date(day.isoformat())
        day += timedelta(days=7)
    assert long_date("2025-04-01", "cy") == "1 Ebrill 2025"
    assert long_date("2025-04-01", "ur") == "1 اپریل، 2025"
    assert long_date("") == ""
    assert number(12345) == "12,345" and number(12345, "cy") == "12,345"


# The editors' guide


def test_the_guides_translation_example_is_valid_and_used(tmp_path: Path) -> None:
    guide = (ROOT / "content" / "guide" / "index.md").read_text(encoding="utf-8")
    example = guide.split("```\n# data/translations/cy.yml\n", 1)[1].split("```", 1)[0]
    root = with_languages(tmp_path / "hub", locale=False)
    (root / "data/translations/cy.yml").write_text(example, encoding="utf-8")
    hub, docs, years, problems = checked_documents(root)
    assert hub is not None and not problems, [p.human() for p in problems]
    texts, _ = language_texts(root, docs, years)
    welsh = build_hub(*documents_in(texts[0], docs, years))
    assert welsh.strategy.goals[0].title == "Meithrin diwylliant o gynnwys"
    assert welsh.values[0].name == "Amrywiaeth"
    for words in ("## Translate the site", "### Add a language", "### Translate a field", "minimum_coverage",
                  "reviewed: true"):
        assert words in guide
