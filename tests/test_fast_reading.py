"""The faster YAML reader gives exactly what the reader before it gave, for any text.

``source.read_yaml`` was made faster (issue 15: load + validate at 100x the data
within a second) by a cheaper tag resolver, a leaner walk of the node tree and
cheaper scans of the raw text. None of that may change a result, so each test
here reads the same text with the reader and with ``reading_oracle`` (the reader
as it was before, kept unchanged) and compares everything a Document holds: the
data with its Python types, every field's position, the raw text of non-text
values, the inline blocks, the '|' texts, the editor's line table, and every
problem (file, line, column, field, message, hint).

The texts are drawn two ways: documents shaped like hub data (mappings, lists,
inline { } and [ ], '|' texts) whose values are the traps the reader exists for
(yes/no, 9:30, 012, dates, tags, anchors and aliases, merge keys, duplicate keys,
quoted and unquoted, every YAML line break), and the same documents with odd
pieces dropped in anywhere (tabs, stray quotes and brackets, control
characters), so invalid text is covered as well as valid. Four changes since the
oracle are expected, each named where it is made (same_as_before).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import reading_oracle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TRUST_DATA, examples
from engagement_hub.reading import source
from engagement_hub.reading.hiddenbreaks import hidden_breaks
from engagement_hub.reading.problems import Problem

BAD_INPUTS = Path(__file__).parent / "bad_inputs"  # the catalogue of mistakes test_bad_inputs.py checks

SCALARS = [
    "yes", "no", "Yes", "NO", "on", "Off", "true", "False", "y", "n", "~", "null", "Null", "", "9:30", "1:2:3",
    "-9:30", "190:20:30.15", "012", "0o12", "0x1F", "0b101", "1_000", "+12", "-0", "0", "1e3", "1.5", ".5", "1.",
    ".inf", "-.Inf", ".nan", "2026-12-01", "2026-12-01 10:00:00", "2026-1-1", "2001-12-14t21:59:43.10-05:00",
    "<<", "=", "hello world", "It's", "a: b", "#no", "x #c", "@x", "`x", "%x", "|", "> x", "- x", "[a, b]",
    "{a: b}", "https://example.org/a?b=c", "a,b", "é ü", "\u00a0", "tab\there", "two\nlines", "[link](javascript:x)",
    "?", "? x", ": x", "x:", "-", "---", "...", "'", '"', "\\", "\x07", "\ufeff", "100%", "5 of 10", "£3.50",
]
KEYS = ["id", "name", "a", "b", "yes", "1", "9:30", "x y", "<<", "", "? k", "'q'", "id"]
BREAKS = ["\n"] * 8 + ["\r\n", "\r", "\x85", "\u2028", "\u2029"]
TAGS = ["!!str ", "!!int ", "!!bool ", "!!float ", "!!null ", "!!timestamp ", "!!binary ", "!!python/object ",
        "!x ", "!!map ", "!!seq ", "! "]
PIECES = ["\t", "'", '"', "[", "]", "{", "}", ",", ":", ": ", "- ", "#", " #", "&a ", "*a", "!x ", "\x00", "\x1b",
          "\r", "\x85", "\u2028", "|", ">", "  ", "\n", "\n  ", "\n- ", "x: ", "? ", "\ufeff", "name:x", "...\n",
          "--- "]


@st.composite
def scalars(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from(SCALARS) | st.text(alphabet="ab :#'\"-*&!yn0129.\\", max_size=8))
    style = draw(st.sampled_from(["plain", "plain", "plain", "single", "double", "tag", "anchor", "alias"]))
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "tag":
        return draw(st.sampled_from(TAGS)) + value
    if style == "anchor":
        return f"&{draw(st.sampled_from('ab'))} {value}"
    if style == "alias":
        return f"*{draw(st.sampled_from('ab'))}"
    return value


@st.composite
def keys(draw: st.DrawFn) -> str:
    key = draw(st.sampled_from(KEYS))
    return draw(st.sampled_from([key, key, key, f'"{key}"', f"'{key}'", f"!!str {key}", f"&k {key}", "*k"]))


def flow(draw: st.DrawFn, depth: int) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(scalars())
    items = draw(st.lists(st.tuples(keys(), st.just(None)), max_size=3))
    if draw(st.booleans()):
        return "[" + ", ".join(flow(draw, depth + 1) for _ in items) + "]"
    return "{" + ", ".join(f"{key}: {flow(draw, depth + 1)}" for key, _ in items) + "}"


def value_lines(draw: st.DrawFn, indent: int, depth: int) -> tuple[str, list[str]]:
    """What follows 'key:' or '- ' on its line, and the lines below it."""
    kind = draw(st.sampled_from(["scalar", "scalar", "flow", "block", "map", "seq", "anchored"] if depth < 4
                                else ["scalar", "flow"]))
    if kind == "scalar":
        return " " + draw(scalars()), []
    if kind == "flow":
        return " " + flow(draw, 0), []
    if kind == "block":
        text = draw(st.lists(st.sampled_from(["line one", "  indented", "", "yes", "[x](http://a)", "9:30"]),
                             min_size=1, max_size=3))
        return " " + draw(st.sampled_from(["|", ">", "|-", "|+", "|2"])), [" " * (indent + 2) + t for t in text]
    head = " &a" if kind == "anchored" else ""
    if kind == "seq" and draw(st.booleans()):
        return head, sequence_lines(draw, indent + draw(st.sampled_from([0, 2])), depth + 1)
    return head, mapping_lines(draw, indent + 2, depth + 1)


def mapping_lines(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        after, below = value_lines(draw, indent, depth)
        if draw(st.integers(0, 9)) == 0:
            lines.append(" " * indent + draw(st.sampled_from(["# a comment", "", "<<: *a", "? x"])))
        lines.append(" " * indent + draw(keys()) + ":" + after)
        lines += below
    return lines


def sequence_lines(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            after, below = value_lines(draw, indent, depth)
            lines.append(" " * indent + "-" + after)
            lines += below
        else:
            item = mapping_lines(draw, indent + 2, depth + 1)
            lines += [" " * indent + "- " + item[0].lstrip(" "), *item[1:]]
    return lines


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = sequence_lines(draw, 0, 0) if draw(st.integers(0, 5)) == 0 else mapping_lines(draw, 0, 0)
    breaks = draw(st.lists(st.sampled_from(BREAKS), min_size=len(lines), max_size=len(lines)))
    return "".join(line + end for line, end in zip(lines, breaks, strict=True))


@st.composite
def damaged(draw: st.DrawFn) -> str:
    text = draw(documents())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
    return text


def reading(module: Any, text: str | bytes) -> tuple:
    """Everything a reading gives, with Python types spelled out (True == 1 but repr(True) != repr(1))."""
    try:
        doc, problems = module.read_yaml(text, "data/x.yml")
    except Exception as error:  # a crash must stay the same crash
        return ("raised", type(error).__name__, str(error))
    return (repr(doc.data), repr(doc.positions), repr(doc.raw), repr(sorted(doc.flow, key=repr)),
            repr(doc.blocks), doc.editor.starts if doc.editor else None,
            [dataclasses.astuple(p) for p in problems])


def same_as_before(text: str | bytes) -> None:
    if isinstance(text, str):  # the bound that decides whether a file may skip the walk of events, unchanged too
        assert source.depth_bound(text) == reading_oracle.depth_bound(text)
    ours, before = reading(source, text), reading(reading_oracle, text)
    if before[:2] in (("raised", "ValueError"), ("raised", "KeyError")):
        # The one change: a tag the value does not fit ('!!int yes') crashed the reader; now it is a problem.
        assert ours[0] != "raised" and any("The YAML tag '!!" in problem[4] for problem in ours[-1]), ours
        return
    expected = lines_in_words_as_the_editor_counts(before, text)
    if ours[0] != "raised" and expected[0] != "raised":
        rest = [p for p in ours[-1] if not p[4].startswith(HIDDEN_BREAK)]
        expected = (*expected[:-1], hidden_breaks_named(text, in_words_of_texts(rest, expected[-1])))
    assert ours == expected


HIDDEN_BREAK = "This line holds an invisible character ("


def hidden_breaks_named(text: str | bytes, before: list[tuple]) -> list[tuple]:
    """The fourth change: when a file with a NEL, U+2028, U+2029 or lone carriage return has problems, each such
    break on or just above a problem's line is named first (engagement_hub/reading/hiddenbreaks.py)."""
    try:
        decoded = text if isinstance(text, str) else text.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return before  # the reader stops at the encoding, before any line is read
    if not before or not decoded or not source.EditorLines.needed(decoded):
        return before
    named = hidden_breaks(decoded, "data/x.yml", [Problem(*p) for p in before])
    return [dataclasses.astuple(p) for p in named] + before


# The third change: a mistake in a text written after | or > is named as one (engagement_hub/reading/blocktext.py).
REPLACED = ("Every line of a text written after ", " of the text written after ")
ADDED = " is indented like the text written after "


def in_words_of_texts(ours: list[tuple], before: list[tuple]) -> list[tuple]:
    """The oracle's problems, with ours where ours name a mistake in a text written after | or >.

    Such a problem replaces the oracle's for the same syntax error or tab (one for the file, or one per
    tab), at the line where the text went wrong; a field swallowed by a text that YAML read without
    complaint is a problem the oracle did not have. Anything else must be the oracle's, in its order.
    """
    theirs = iter(before)
    merged = []
    for mine in ours:
        if ADDED in mine[4]:
            merged.append(mine)
            continue
        old = next(theirs, None)
        replaced = old is not None and any(words in mine[4] for words in REPLACED)
        if replaced:
            assert old[0] == mine[0] and ("tab character" in old[4]) == ("tab character" in mine[4]), (mine, old)
        merged.append(mine if replaced else old)
    return [*merged, *theirs]


LINE_IN_WORDS = re.compile(r"(\(first on line |up to line )(\d+)")


def lines_in_words_as_the_editor_counts(before: tuple, text: str | bytes) -> tuple:
    """The second change: a line named in a message's words ('first on line 4') is the editor's, like the problem's
    own line, where the oracle gave YAML's count after a NEL, U+2028, U+2029 or lone carriage return."""
    if before[0] == "raised":
        return before
    decoded = text if isinstance(text, str) else text.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    problems = [(*p[:4], LINE_IN_WORDS.sub(lambda m: m[1] + str(source.editor_line(decoded, int(m[2]))), p[4]),
                 *p[5:]) for p in before[-1]]
    return (*before[:-1], problems)


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_documents_read_as_before(text: str) -> None:
    same_as_before(text)


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_documents_read_as_before(text: str) -> None:
    same_as_before(text)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff"]))
def test_bytes_read_as_before(text: str, prefix: bytes) -> None:
    same_as_before(prefix + text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("path", sorted(TRUST_DATA.rglob("*.yml")) + sorted(BAD_INPUTS.glob("*.yml")),
                         ids=lambda path: f"{path.parent.name}/{path.name}")
def test_real_data_and_every_bad_input_read_as_before(path: Path) -> None:
    same_as_before(path.read_bytes())


@pytest.mark.parametrize("text", [
    "a: yes\nb: 9:30\nc: 012\nd: 2026-12-01\ne: ~\nf: 1.5\ng: .nan\n",
    "a: &x [1, 2]\nb: *x\n", "a: 1\na: 2\n", "<<: {a: 1}\n", "a: !!python/object x\n", "a: |\n  one\n  two\n",
    "a:\u2028  b: yes\x85c: 'x\ry'\n", "a: 'it''s\n  name: x'\nb: 1\n", "[" * 30 + "]" * 30, "a: {b: c, d: [e, f]}\n",
    "# a\x85# b\u2028# c\na: 1\na: 2\n", "# a\r# b\nname: \"open\nother: x\nlast: y\"\n",
])
def test_the_traps_read_as_before(text: str) -> None:
    same_as_before(text)


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a: !!int yes\n", 1, "The YAML tag '!!int' says this is a whole number, but 'yes' is not one."),
    ("a: !!bool maybe\n", 1, "The YAML tag '!!bool' says this is a yes or no, but 'maybe' is not one."),
    ("a:\n  - !!float x\n", 2, "The YAML tag '!!float' says this is a number, but 'x' is not one."),
])
def test_a_tag_the_value_does_not_fit_is_a_problem_not_a_crash(text: str, line: int, words: str) -> None:
    problems = source.read_yaml(text, "data/x.yml")[1]
    assert [(p.line, p.message) for p in problems] == [(line, words)]
    with pytest.raises((ValueError, KeyError)):
        reading_oracle.read_yaml(text, "data/x.yml")  # what it was


def test_the_comparison_can_fail() -> None:
    """A reader that reads one trap differently is caught: the comparison is not vacuous."""
    text = "a: yes\nb: text\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "_IMPLICIT", {})  # as if no plain value could be anything but text
        with pytest.raises(AssertionError):
            same_as_before(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source._Walker, "_mapping", lambda self, node, path: {})
        with pytest.raises(AssertionError):
            same_as_before(text)
