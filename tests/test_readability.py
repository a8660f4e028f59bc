"""Plain language: `make check` warns about hard-to-read public text, naming file, line and field,
and still succeeds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import build_env
from engagement_hub.reading.readability import (
    LONG_SENTENCE_WORDS,
    LOW_READING_EASE,
    plain_text,
    reading_ease,
    sentences,
    syllables,
    words,
)

LONG = ("We will make sure that every single one of the many different services that the trust runs across all "
        "of its hospital and community sites takes part in the programme of listening events that we have "
        "planned for the coming year.")
HARD = ("Organisational transformation necessitates comprehensive multidisciplinary collaboration. "
        "Institutional accountability mechanisms facilitate continuous evaluation. "
        "Stakeholder representatives contribute considerable experiential knowledge. "
        "Implementation considerations incorporate demographic variability. "
        "Operational deliverables prioritise equitable accessibility improvements. "
        "Comprehensive documentation facilitates organisational understanding of institutional responsibilities. "
        "Collaborative partnership arrangements necessitate considerable administrative coordination.")
PLAIN = ("We want to hear from you. Tell us what works and what does not. We read every message. "
         "We will write back in ten days. You can call us, send an email or come to a meeting near you. "
         "It is free and you do not need to sign up.")


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project)],
                          env=build_env(), capture_output=True, text=True, timeout=60, check=False)


def replace_field(project: Path, file: str, key: str, text: str) -> int:
    """Set a top-level text field in the scratch data; returns its line."""
    path = project / "data" / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n")), len(lines))
    lines[start:end] = [f"{key}: |\n", f"  {text}\n"]
    path.write_text("".join(lines), encoding="utf-8")
    return start + 1


def test_a_long_sentence_is_a_warning_naming_file_line_and_field(project: Path) -> None:
    line = replace_field(project, "strategy.yml", "introduction", LONG + " " + PLAIN)
    result = make_check(project)
    assert result.returncode == 0, result.stderr
    assert f"WARNING: data/strategy.yml, line {line}" in result.stderr
    words = len(LONG.split())
    assert words > LONG_SENTENCE_WORDS
    assert f"A sentence here has {words} words" in result.stderr
    assert '"We will make sure that every single one of the many different ..."' in result.stderr
    assert "field: introduction" in result.stderr
    assert "The data is valid" in result.stdout


def test_hard_words_give_a_low_reading_ease_warning(project: Path) -> None:
    line = replace_field(project, "strategy.yml", "introduction", HARD)
    result = make_check(project)
    assert result.returncode == 0
    warning = result.stderr.split(f"WARNING: data/strategy.yml, line {line}")[1].split("\n\n")[0]
    assert "field: introduction" in warning and "Flesch reading ease" in warning


def test_plain_text_gives_no_warning(project: Path) -> None:
    line = replace_field(project, "strategy.yml", "introduction", PLAIN)
    result = make_check(project)
    assert result.returncode == 0
    assert f"data/strategy.yml, line {line}," not in result.stderr


def test_warnings_appear_as_github_annotations_too(project: Path) -> None:
    line = replace_field(project, "strategy.yml", "introduction", LONG)
    result = subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(project), "--format", "github"],
                            env=build_env(), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert f"::warning file=data/strategy.yml,line={line}," in result.stdout


def test_reading_ease_ranks_plain_above_hard_text() -> None:
    assert reading_ease(PLAIN) >= 80  # "easy": a reading age of about 11
    assert reading_ease(HARD) < LOW_READING_EASE
    assert syllables("cat") == 1 and syllables("hospital") >= 3


def test_sentences_end_at_full_stops_paragraphs_and_list_items() -> None:
    text = "First one. Second one!\n\n- a list item\n- another item\n\nA [linked](https://example.org/x) end."
    assert sentences(text) == ["First one.", "Second one!", "a list item", "another item", "A linked end."]


def test_the_untouched_example_meets_its_own_plain_language_bar() -> None:
    # A newcomer's first `make check` should not complain about the example (the tests above show it can).
    from conftest import ROOT
    result = make_check(ROOT)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr


# --- The same checks over every built page's own words (engagement_hub.tools.page_words) ---

def test_the_built_example_has_no_plain_language_warnings_in_its_own_words(site: Path) -> None:
    from conftest import ROOT
    from engagement_hub.tools.page_words import site_problems
    problems = site_problems(ROOT, site)
    assert not problems, "\n\n".join(p.human() for p in problems)


def test_a_long_sentence_in_a_content_page_is_reported_with_its_file(project: Path, tmp_path: Path) -> None:
    from conftest import run_build
    from engagement_hub.tools.page_words import site_problems
    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\n" + LONG + "\n", encoding="utf-8")
    assert run_build(project, tmp_path / "site").returncode == 0
    problems = site_problems(project, tmp_path / "site")
    assert {(p.source, p.address) for p in problems} == {("content/about.md", "about/")}
    assert any(f"has {len(LONG.split())} words" in p.message for p in problems)


def test_page_words_leave_data_text_to_make_check_and_name_the_template() -> None:
    from engagement_hub.tools.page_words import page_problems
    html = f'<article id="main-content"><p>{LONG}</p><p>{HARD}</p><nav>{LONG}</nav></article>'
    found = page_problems(html, "theme_overrides/hub/goal.html", "strategy/x/", set())
    assert {p.source for p in found} == {"theme_overrides/hub/goal.html"} and len(found) == 2 + 1
    from engagement_hub.reading.readability import sentences
    from engagement_hub.tools.page_words import _key
    assert not page_problems(html, "x", "y/", {_key(s) for s in sentences(LONG + " " + HARD)})


# --- Where a sentence starts --------------------------------------------------------------------------
# The guide's "… in quotes. `make check` warns …" was read as one 43-word sentence: a sentence that starts
# with code (or anything but a capital) after a full stop was joined to the one before.

SHORT = "Check the spelling of every name in the data file before you save it."  # 14 words
OPENINGS = ["`make check` says which line it is on.", "2 of the files have a mistake in them.",
            "\u201cWhy?\u201d is a good question to ask here.", "'Why?' is a good question to ask here.",
            "[nhs.uk](https://www.nhs.uk) has more about it.", "\U0001f389 The check passed at last.",
            "\u0627\u0631\u062f\u0648 is the word for Urdu in Urdu.", "\u0174yn is a Welsh word for lamb."]


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_sentence_starting_with_code_a_number_a_quote_a_link_an_emoji_or_another_script_is_its_own(
        opening: str) -> None:
    assert len(sentences(f"{SHORT} {opening}")) == 2, sentences(f"{SHORT} {opening}")
    assert len(sentences(f"{SHORT} {opening} {SHORT}")) == 3


@given(first=st.lists(st.sampled_from(["we", "read", "every", "message", "today"]), min_size=1, max_size=20),
       opening=st.sampled_from(OPENINGS), end=st.sampled_from([".", "!", "?", ".)", ".\u201d"]))
def test_no_short_sentences_are_read_as_one_long_one(first: list[str], opening: str, end: str) -> None:
    text = " ".join(first).capitalize() + end + " " + opening
    assert [len(words(s)) for s in sentences(text)] == [len(first), len(words(plain_text(opening)))]


def test_a_small_letter_after_a_full_stop_does_not_start_a_sentence() -> None:
    assert sentences("Bring e.g. a letter, a bill etc. and a photo. done. \u2014 then go.") == [
        "Bring e.g. a letter, a bill etc. and a photo. done. \u2014 then go."]


def test_a_long_sentence_that_starts_with_code_still_fails() -> None:
    from engagement_hub.reading.readability import text_problems
    from engagement_hub.reading.source import read_yaml

    text = f"{SHORT} `make check` {LONG[0].lower()}{LONG[1:]}"
    doc, _ = read_yaml(f"purpose: {text}\n".encode(), "data/organisation.yml")
    found = text_problems(doc, ("purpose",), text)
    assert [p.message.split(".")[0] for p in found] == [f"A sentence here has {len(LONG.split()) + 2} words"]


def test_a_sentence_starting_with_code_on_a_built_page_is_its_own() -> None:
    from engagement_hub.tools.page_words import page_problems

    # Code is left out of a page's words; where it began still ends the sentence before it.
    html = f'<article id="main-content"><p>{SHORT} <code>make check</code> says which line the mistake is on, ' \
           f'and what it expected. <a href="/x/">more about it</a> is on the next page, with examples.</p></article>'
    assert page_problems(html, "content/guide/index.md", "guide/", set()) == []
    long = f'<article id="main-content"><p>{SHORT} <code>make</code> {LONG}</p></article>'
    assert len(page_problems(long, "content/guide/index.md", "guide/", set())) == 1


def test_e_g_before_code_does_not_end_a_sentence() -> None:
    assert sentences("Each names the field (e.g. `goals[2].target`), what was expected and how to fix it.") == [
        "Each names the field (e.g. goals[2].target), what was expected and how to fix it."]
