"""Reading YAML: each trap a comms officer can fall into gives a located, plain message."""

from __future__ import annotations

import pytest

from engagement_hub.reading.schema import validate
from engagement_hub.reading.source import read_yaml


def problems_of(text: str | bytes) -> list:
    return read_yaml(text, "data/example.yml")[1]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("name: one\nname: two\n", 2, "appears twice"),
        ('name: "unclosed\nother: x\n', 1, "quote mark is opened but never closed"),
        ("items:\n\t- one\n", 2, "tab character"),
        ("goal:\n\tname: x\n", 2, "tab character"),
        ("a: b: c\n", 1, "colon"),
        ("list:\n  - 1\n - 2\n", 3, "indentation"),
        ("time: 9:30\n", 1, "would be read as the number 570"),
        ("code: 0123\n", 1, "would be read as the number 83"),
        ("", 1, "empty"),
        ("# only a comment\n", 1, "empty"),
        (b"\xef\xbb\xbfname: x\n", 1, "byte-order mark"),
        (b"name: caf\xe9\n", 1, "not saved as UTF-8"),
        ("a: &x [1]\nb: *x\n", 2, "anchor"),
        ("a: !!python/object:os.system x\n", 1, "not allowed"),
    ],
)
def test_trap_is_reported_with_its_line(text: str | bytes, line: int, words: str) -> None:
    found = problems_of(text)
    assert found, "expected a problem"
    assert found[0].line == line
    assert words in found[0].message
    assert found[0].file == "data/example.yml"
    assert found[0].hint


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    # Refused, not expanded: no time limit here (a busy machine would make it flaky); the reader never builds
    # the aliased data at all, which the absence of any value read shows.
    doc, found = read_yaml("\n".join(lines) + "\n", "data/example.yml")
    assert any("anchor" in p.message for p in found)
    assert doc.data is None or not any(isinstance(v, list) and len(v) == 9 and isinstance(v[0], list)
                                       for v in (doc.data or {}).values())


def test_yes_in_a_text_field_is_explained() -> None:
    doc, problems = read_yaml(
        "values:\n  - id: kind\n    name: yes\n    family: organisation\n    summary: x\n"
        "    description: x\n    what_you_can_expect: [x]\n    source: {title: x}\n",
        "data/values.yml",
    )
    assert not problems
    found = validate(doc, "values")
    assert len(found) == 1
    assert (found[0].line, found[0].path) == (3, "values[0].name")
    assert 'put it in quotes: "yes"' in found[0].hint


def test_number_that_loses_a_digit_is_explained() -> None:
    doc, _ = read_yaml(
        "values:\n  - id: kind\n    name: Kind\n    family: organisation\n    summary: 1.10\n"
        "    description: x\n    what_you_can_expect: [x]\n    source: {title: x}\n",
        "data/values.yml",
    )
    found = validate(doc, "values")
    assert found[0].path == "values[0].summary"
    assert "1.10" in found[0].hint and "1.1" in found[0].hint


# YAML ends a line at each of these; an editor (GitHub's among them) counts only line feeds.
YAML_ONLY_BREAKS = ["\x85", "\u2028", "\u2029", "\r"]


@pytest.mark.parametrize("mark", YAML_ONLY_BREAKS, ids=["NEL", "LS", "PS", "CR"])
@pytest.mark.parametrize("where", ["quoted", "comment", "block"])
def test_lines_are_counted_as_an_editor_counts_them(mark: str, where: str) -> None:
    """A problem below a YAML-only line break is reported on the line the editor shows."""
    first = {"quoted": f'a: "one{mark}two"\n', "comment": f"# one{mark}# two\na: x\n",
             "block": f"a: |\n  one{mark}  two\n"}[where]
    text = first + "b: x\ncode: 0123\n"
    problem = next(p for p in problems_of(text) if "0123" in p.message)
    assert problem.line == text.count("\n")
    assert problem.column == 1


@pytest.mark.parametrize("mark", YAML_ONLY_BREAKS, ids=["NEL", "LS", "PS", "CR"])
def test_positions_of_fields_follow_the_editor_too(mark: str) -> None:
    """Checks after reading (schemas, references) ask the document where a field is."""
    doc, found = read_yaml(f'title: "a{mark}b"\nitems:\n  - name: \"x{mark}y\"\n  - name: z\n', "data/example.yml")
    assert not found
    assert doc.where(("items", 1, "name")) == (4, 5)
    assert doc.where(("items", 0)) == (3, 5)


def test_a_syntax_error_after_a_line_separator_is_on_the_editors_line() -> None:
    text = 'a: "x\u2028y\u2028z"\nb: [1, 2\nc: d\n'
    found = problems_of(text)
    assert found and found[0].line <= text.count("\n") and found[0].line >= 2


@pytest.mark.parametrize("mark", YAML_ONLY_BREAKS, ids=["NEL", "LS", "PS", "CR"])
def test_a_line_named_in_a_message_is_the_editors_line_too(mark: str) -> None:
    """'first on line N' and 'up to line N' name a second line in the words: it must be the editor's as well."""
    comments = f"# one{mark}# two{mark}# three\n"  # one editor line, three lines as YAML counts them
    twice = next(p for p in problems_of(comments + "a: x\na: y\n") if "appears twice" in p.message)
    assert twice.line == 3 and "(first on line 2)" in twice.message
    runaway = problems_of(comments + 'name: "unclosed\nother: x\nlast: z"\n')
    assert runaway[0].line == 2 and "up to line 4," in runaway[0].message


@pytest.mark.parametrize("mark", YAML_ONLY_BREAKS, ids=["NEL", "LS", "PS", "CR"])
@pytest.mark.parametrize(("text", "line", "column", "field"), [
    # A text pasted from Word: the rest of the line starts a new line at the left edge, and YAML fails below.
    ("items:\n  - name: One\n    description: Groups of patients{mark}and carers\n    kind: x\n", 3, 36,
     "items[0].description"),
    # In a comment: what follows the break is no longer a comment.
    ("items:\n  - name: One\n    # a note{mark}on one line\n    kind: x\n", 3, 13, "(the whole file)"),
])
def test_a_hidden_break_that_stops_yaml_reading_the_file_is_named_where_it_is(mark: str, text: str, line: int,
                                                                             column: int, field: str) -> None:
    found = problems_of(text.format(mark=mark))
    hidden = [p for p in found if "invisible character" in p.message]
    assert len(hidden) == 1 and len(found) > 1, found  # YAML's own complaint is kept, below it
    assert (hidden[0].line, hidden[0].column, hidden[0].path) == (line, column, field), hidden[0]
    assert found == sorted(found, key=lambda p: (p.line, p.column)) or found[0] is hidden[0]


@pytest.mark.parametrize("mark", YAML_ONLY_BREAKS, ids=["NEL", "LS", "PS", "CR"])
def test_a_hidden_break_is_not_blamed_for_a_problem_elsewhere(mark: str) -> None:
    """The negative cases: a break YAML reads without complaint (in quotes), or far above what it complains of."""
    assert not problems_of(f'a: "one{mark}two"\nb: x\n')
    found = problems_of(f'a: "one{mark}two"\nb: x\nc: y\nd: [1, 2\ne: f\n')
    assert found and not [p for p in found if "invisible character" in p.message], found


def test_a_line_named_in_a_message_needs_no_translation_with_line_feeds_alone() -> None:
    """The negative case: the same files with line feeds name YAML's own lines."""
    comments = "# one\n# two\n# three\n"
    assert "first on line 4" in problems_of(comments + "a: x\na: y\n")[0].message
    assert "up to line 6," in problems_of(comments + 'name: "unclosed\nother: x\nlast: z"\n')[0].message


def test_line_feeds_alone_need_no_translation() -> None:
    """The negative case: plain files keep YAML's own count."""
    doc, _ = read_yaml("a: x\n\nb: y\n", "data/example.yml")
    assert doc.editor is None and doc.where(("b",)) == (3, 1)


def test_a_tab_names_the_field_written_on_its_line_or_else_the_whole_file() -> None:
    assert problems_of("goal:\n\tname: x\n")[0].path == "name (on this line)"
    assert problems_of("goal:\n  - id: a\n\t  - one\n")[0].path == "(the whole file)"
