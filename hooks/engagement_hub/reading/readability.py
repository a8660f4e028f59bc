"""Plain language: public text in data/ that is likely to be hard to read.

NHS content aims for a reading age of about 9 to 11, and the NHS digital
service manual asks for short sentences. ``make check`` reports text that
misses that as warnings, never errors: readability formulas are rough, and a
comms officer should decide, not a script. Each warning names the file, line
and field, and quotes the sentence, so it can be found and rewritten.

Two measures:

* a sentence longer than 25 words (GOV.UK and NHS guidance: about 15 to 20);
* a Flesch reading ease below 60 ("harder than plain English") for a field
  long enough for the score to mean something.

Syllables are counted with Pyphen's hyphenation dictionary, as textstat does
when it has no pronouncing dictionary. textstat itself is not used: its
current releases download NLTK's CMU dictionary from the internet the first
time they run (a third-party request, and a failure offline), and the
releases before that take about a second to load the dictionary, on every
``make check``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyphen

from .problems import Problem
from .source import Document, read_yaml

LONG_SENTENCE_WORDS = 25
LOW_READING_EASE = 60.0
MIN_WORDS_FOR_SCORE = 40  # Flesch scores of a sentence or two swing too much to act on
MIN_WORDS_TO_READ = 8  # shorter values are names, labels, ids, dates and addresses

# Fields that hold names, addresses or codes rather than sentences for the public.
NOT_PROSE = {"id", "url", "email", "phone", "file", "standard", "criterion", "site_url", "feedback_url"}

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|mailto:|tel:|www\.)\S+")
_MARKUP = re.compile(r"[*_`#>|]")
_BREAK = re.compile(r"\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s+")  # paragraphs and list items end a sentence
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A full stop, closing quotes or brackets, then space: a sentence ends there if the next one starts
# (_starts_sentence), which a small letter does not ("e.g. the", "etc. and").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]\u201d\u2019\u00bb]*\s+")
_OPENING = "*_\"'([\u201c\u2018\u00ab\u201e\u00bf\u00a1"  # quotes, brackets and emphasis before a first word
# Put where inline code or a link begins: code such as `make check` starts a sentence with a small letter.
CODE = "\x01"
_NEVER_LAST = ("e.g.", "i.e.", "E.g.", "I.e.")
_CODE_OR_LINK = re.compile(r"`+|!?\[")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['\u2019-][A-Za-z0-9\u00c0-\u024f]+)*")


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")  # closer to spoken syllables than en_GB's printing rules


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables in one word, estimated from its hyphenation points (at least one)."""
    return max(1, len(_hyphenator().positions(word.lower())) + 1)


def plain_text(markdown: str) -> str:
    """The words a reader sees: link text without its address, no Markdown symbols."""
    text = _LINK.sub(r"\1", markdown)
    text = _URL.sub("", text)
    return _MARKUP.sub("", text)


def _starts_sentence(rest: str) -> bool:
    """Whether text after a full stop starts a sentence: code, a link, a capital, a number, an emoji or a
    letter of a script without capitals (Urdu, Chinese); not a small letter or a dash."""
    first = rest.lstrip(_OPENING)[:1]
    return bool(first) and (first == CODE or first.isupper() or first.isdigit()
                            or (first.isalpha() and not first.islower())
                            or unicodedata.category(first).startswith("So"))


def _split(text: str) -> list[str]:
    parts, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        # "e.g." and "i.e." never end a sentence, even before code: "(e.g. `goals[2]`)".
        if _starts_sentence(text[end.end():]) and not text[:end.start()].endswith(_NEVER_LAST):
            parts.append(text[start:end.start()] + end.group().rstrip())
            start = end.end()
    return [*parts, text[start:]]


def sentences(markdown: str) -> list[str]:
    """Sentences of a text; paragraphs and list items end one even without a full stop."""
    found = []
    marked = _CODE_OR_LINK.sub(lambda opening: opening.group() + CODE, markdown)
    for block in _BREAK.split(plain_text(marked)):
        for sentence in _split(" ".join(_BULLET.sub("", block).split())):
            if plain := " ".join(sentence.replace(CODE, "").split()):  # code of markup only leaves a gap
                found.append(plain)
    return found


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def reading_ease(markdown: str) -> float:
    """Flesch reading ease: 206.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    parts = sentences(markdown)
    all_words = [w for s in parts for w in words(s)]
    if not all_words:
        return 100.0
    per_sentence = len(all_words) / len(parts)
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def _quote(sentence: str, limit: int = 12) -> str:
    """The sentence's first words as written, so it can be found with the editor's search."""
    found = list(_WORD.finditer(sentence))
    if len(found) <= limit:
        return sentence
    return sentence[: found[limit - 1].end()] + " ..."


def text_problems(doc: Document, path: tuple[str | int, ...], text: str) -> list[Problem]:
    """Warnings for one field's text: each long sentence, and a low score for the whole."""
    problems = []
    for sentence in sentences(text):
        count = len(words(sentence))
        if count > LONG_SENTENCE_WORDS:
            problems.append(doc.problem(
                path, f"A sentence here has {count} words. Long sentences are hard to read, "
                      f"especially on a phone or for people with low literacy.",
                expected=f"sentences of {LONG_SENTENCE_WORDS} words or fewer (aim for 15 to 20)",
                found=f'"{_quote(sentence)}"',
                hint="Split it into two or three shorter sentences, or use a bulleted list.",
                severity="warning"))
    if len(words(plain_text(text))) >= MIN_WORDS_FOR_SCORE:
        score = reading_ease(text)
        if score < LOW_READING_EASE:
            problems.append(doc.problem(
                path, f"This text may be hard to read: its Flesch reading ease is {score:.0f}. "
                      "NHS content aims for a reading age of 9 to 11.",
                expected=f"a reading ease of {LOW_READING_EASE:.0f} or more (plain English)",
                found=f"{score:.0f}",
                hint="Use shorter sentences and everyday words (for example 'help' not 'facilitate').",
                severity="warning"))
    return problems


def _texts(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_PROSE:
                yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))
    elif isinstance(node, str) and len(node.split()) >= MIN_WORDS_TO_READ:
        yield path, node


def document_problems(doc: Document) -> list[Problem]:
    """Warnings for every piece of public text in one data file."""
    return [p for path, text in _texts(doc.data, ()) for p in text_problems(doc, path, text)]


def readability_problems(root: Path) -> list[Problem]:
    """Warnings for every data file; files that cannot be read are left to the data check."""
    data = Path(root) / "data"
    problems = []
    for path in sorted([*data.glob("*.yml"), *data.glob("progress/*.yml")]):
        doc, errors = read_yaml(path.read_bytes(), path.relative_to(root).as_posix())
        if not errors:
            problems += document_problems(doc)
    return problems
