"""Reading without the event walk: the depth guard still holds and every message stays the same.

``read_yaml`` skips its walk of YAML events (the guard against nesting deep
enough to crash libyaml) when a look at the raw text proves the file cannot
nest past the limit. These tests take YAML-like text made of the characters
that matter (brackets, quotes, comments, list dashes, indentation, line
breaks) and check, first, that the bound is never below the depth libyaml
really reaches, and second, that a file read the quick way gives exactly the
data, positions and problems the full walk gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TRUST_DATA, examples
from engagement_hub.reading import reread, source
from engagement_hub.reading.source import MAX_DEPTH, depth_bound, read_yaml

PIECES = ["[", "]", "{", "}", ",", ":", ": ", "- ", "-", "? ", "'", '"', "''", "#", " #", "&a ", "!x ", "*a",
          "a", "b c", "it's", "\n", "\n", "\n", "  ", "    ", "\r", "\r\n", "\u2028", "\x85", "|", "|\n", ">",
          "\\", "---", "--- ", "\t", "x: ", "- x: ", "  - ", "[a, b]", "{k: v}", '"q"', "'q'", "a]", "a[", "]]"]


def real_depth(text: str) -> int:
    """The deepest nesting libyaml's parser reaches before the end or the first syntax error."""
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    return deepest


yaml_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=examples(3000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_like)
def test_the_bound_is_never_below_the_real_depth(text: str) -> None:
    assert depth_bound(text) >= real_depth(text)


@pytest.mark.parametrize("text", [
    "a: " + "[" * 30 + "]" * 30, "- " * 30 + "x", "".join(f"{' ' * 2 * n}k{n}:\n" for n in range(30)) + "  " * 30 + "v",
    "a: [\n" + "[\n" * 25 + "]" * 26, 'a: ["]",' + "[" * 25 + "]" * 26, "a: [ # ]\n" + "[" * 25 + "]" * 26,
    "a: ['x''],'," + "{b: " * 25 + "}" * 25 + "]", "x:\r" + "".join(f"{' ' * n}k{n}:\r" for n in range(1, 30)),
])
def test_deep_files_are_never_read_the_quick_way(text: str) -> None:
    assert real_depth(text) > MAX_DEPTH
    assert depth_bound(text) > MAX_DEPTH


def both_ways(text: str) -> tuple[tuple, tuple]:
    def seen(doc: source.Document, problems: list) -> tuple:
        return (doc.data, doc.positions, doc.raw, doc.flow, doc.blocks, [p.human() for p in problems])

    quick = seen(*read_yaml(text, "data/x.yml"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "depth_bound", lambda text: MAX_DEPTH + 1)
        full = seen(*read_yaml(text, "data/x.yml"))
    return quick, full


@settings(max_examples=examples(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_like)
def test_odd_text_reads_the_same_both_ways(text: str) -> None:
    quick, full = both_ways(text)
    assert quick == full


EXAMPLE = sorted((TRUST_DATA).rglob("*.yml"))


@settings(max_examples=examples(600), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLE), st.integers(min_value=0), st.integers(min_value=0), st.sampled_from(PIECES))
def test_damaged_example_data_reads_the_same_both_ways(path: Path, line: int, column: int, piece: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    n = line % len(lines)
    at = column % (len(lines[n]) + 1)
    lines[n] = lines[n][:at] + piece + lines[n][at:]
    quick, full = both_ways("\n".join(lines))
    assert quick == full


@pytest.mark.parametrize("path", EXAMPLE, ids=lambda p: p.name)
def test_the_example_data_is_read_the_quick_way(path: Path) -> None:
    """Well-formed hub files are shallow, so the pre-check lets them skip the walk (bench/ measures the gain)."""
    assert depth_bound(path.read_text(encoding="utf-8")) <= MAX_DEPTH


def pledges_file() -> str:
    return (TRUST_DATA / "pledges.yml").read_text(encoding="utf-8")


def block_style(text: str) -> str:
    return yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=True, width=100)


@settings(max_examples=examples(700), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.booleans(), st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0),
                                         st.sampled_from([*PIECES, "", "\n- id: extra\n  text: x", "\n"])),
                               min_size=1, max_size=3), st.booleans())
def test_an_edited_list_reads_as_if_read_whole(flow_style: bool, edits: list, delete: bool) -> None:
    """A preview reads only the records an edit touched; the result is what reading the whole file gives."""
    before = pledges_file() if flow_style else block_style(pledges_file())
    old, problems = read_yaml(before, "data/pledges.yml")
    assert not problems
    lines = before.split("\n")
    for line, column, piece in edits:
        n = line % len(lines)
        at = column % (len(lines[n]) + 1)
        lines[n] = lines[n][:at] + piece + lines[n][at:]
        if delete and len(lines) > 3:
            del lines[(n + 1) % len(lines)]
    after = "\n".join(lines)
    quick = reread.read_changed(before.encode(), old, after.encode())
    whole, problems = read_yaml(after, "data/pledges.yml")
    if quick is not None:
        assert not problems
        assert (quick.data, quick.positions, quick.raw, quick.flow, quick.blocks) == (
            whole.data, whole.positions, whole.raw, whole.flow, whole.blocks)


def test_editing_one_pledge_reads_only_that_pledge() -> None:
    before = block_style(pledges_file())
    old, _ = read_yaml(before, "data/pledges.yml")
    text = old.data["pledges"][3]["text"]
    after = before.replace(text, text + " Edited.", 1)
    quick = reread.read_changed(before.encode(), old, after.encode())
    assert quick is not None
    assert quick.data["pledges"][3]["text"] == text + " Edited."
    assert quick.data == read_yaml(after, "data/pledges.yml")[0].data
