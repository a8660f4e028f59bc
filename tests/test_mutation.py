"""Random damage to the example data ends in a valid load or clean problems, never a crash.

Hypothesis takes the valid example data and breaks it the ways people and
editors do: keys deleted, values of the wrong kind, ids swapped, odd text and
Unicode pasted in, files cut short, lines duplicated or shifted, bytes that
are not UTF-8. The whole core runs on the result (reading, schemas, cross
references, building the objects) and, when the data is still valid, every
page and macro is drawn. No exception may escape, and every problem must say
where it is and how to fix it.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import ROOT, TRUST, TRUST_DATA, examples
from engagement_hub.output.site import HubSite
from engagement_hub.reading.load import check
from engagement_hub.reading.problems import Problem

FILES = sorted(str(p.relative_to(TRUST)) for p in TRUST_DATA.rglob("*.yml"))
ORIGINAL = {name: (TRUST / name).read_bytes() for name in FILES}

ODD_TEXT = [
    "", " ", "\t", "yes", "No", "on", "off", "~", "null", "1.10", "0123", "2025-26", "9:30", "1e3", ".inf",
    "-", "- x", "? x", ": x", "#", "# x", "*x", "&x", "!x", "!!python/name:os.system", "|", ">", "%", "@", "`",
    "'", '"', "{", "}", "[", "]", "{a: b}", "[a, b]", "a, b", "a: b", "<<: *x", "---", "...",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "[x](data:x)",
    "![x](../../etc/passwd)", "[x](../..)", "<a href='//evil.example'>x</a>", "{{ 7 * 7 }}", "{% raw %}",
    "\u202eevil", "\u200b", "\ufeff", "\x00", "\x07", "\x85", "\u2028", "é", "😀", "ﷺ", "İ", "a" * 3000,
    "**bold** _em_ `code`", "\n\n\n", "line\nbreak", "\\", "\\u0000", "%s%s%n", "../../", "C:\\Windows",
]


def odd_scalar() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(ODD_TEXT), st.text(max_size=40), st.none(), st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20), st.floats(allow_nan=True, allow_infinity=True),
    )


def odd_value() -> st.SearchStrategy[Any]:
    return st.recursive(odd_scalar(), lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.sampled_from(["id", "name", "x", "text", "values"]) | st.text(max_size=8),
                                          inner, max_size=3), max_leaves=6)


def places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value in the data, the whole file included."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*path, index))


def strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def mutate_structure(draw: st.DrawFn, text: str) -> str:
    """Change the data YAML holds, then write it out as YAML again."""
    data = yaml.safe_load(text)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in places(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = parent_of(data, path), path[-1]
        kind = draw(st.sampled_from(["delete", "replace", "swap-id", "duplicate", "rename-key", "empty"]))
        if kind == "delete":
            del parent[last]
        elif kind == "replace":
            parent[last] = draw(odd_value())
        elif kind == "swap-id":
            parent[last] = draw(st.sampled_from(strings(data) or ["x"]))
        elif kind == "duplicate" and isinstance(parent, list):
            parent.insert(last, parent[last])
        elif kind == "rename-key" and isinstance(parent, dict):
            parent[draw(st.sampled_from(ODD_TEXT[:20]) | st.text(min_size=1, max_size=10))] = parent.pop(last)
        elif kind == "empty":
            parent[last] = type(parent[last])() if isinstance(parent[last], (list, dict, str)) else None
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False,
                          default_flow_style=draw(st.sampled_from([False, None])))


def mutate_text(draw: st.DrawFn, raw: bytes) -> bytes:
    """Damage the file as an editor or a careless paste would."""
    for _ in range(draw(st.integers(1, 3))):
        lines = raw.split(b"\n")
        kind = draw(st.sampled_from(["truncate", "delete-line", "duplicate-line", "insert", "indent", "swap-lines",
                                     "bytes"]))
        at = draw(st.integers(0, max(len(raw) - 1, 0)))
        line = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "truncate":
            raw = raw[:at]
        elif kind == "delete-line":
            raw = b"\n".join(lines[:line] + lines[line + 1:])
        elif kind == "duplicate-line":
            raw = b"\n".join(lines[:line + 1] + lines[line:])
        elif kind == "insert":
            piece = draw(st.sampled_from(ODD_TEXT) | st.text(max_size=20))
            raw = raw[:at] + piece.encode("utf-8", "surrogatepass") + raw[at:]
        elif kind == "indent":
            lines[line] = b" " * draw(st.integers(1, 3)) + lines[line] if draw(st.booleans()) else lines[line][1:]
            raw = b"\n".join(lines)
        elif kind == "swap-lines":
            other = draw(st.integers(0, max(len(lines) - 1, 0)))
            lines[line], lines[other] = lines[other], lines[line]
            raw = b"\n".join(lines)
        else:
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at + 1:]
    return raw


@st.composite
def damaged_data(draw: st.DrawFn) -> dict[str, bytes]:
    """One to three files of the example data, each damaged one way or another."""
    names = draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=3, unique=True))
    changed = {}
    for name in names:
        if draw(st.integers(0, 9)) == 0:
            changed[name] = b""  # an emptied file; deleting is covered below
        elif draw(st.booleans()):
            changed[name] = mutate_structure(draw, ORIGINAL[name].decode("utf-8")).encode("utf-8", "surrogatepass")
        else:
            changed[name] = mutate_text(draw, ORIGINAL[name])
    if draw(st.integers(0, 19)) == 0:
        changed[draw(st.sampled_from(FILES))] = None  # a deleted file
    return changed


@st.composite
def odd_text_everywhere(draw: st.DrawFn) -> dict[str, bytes]:
    """Valid structure, odd text: so that most examples load and every page is drawn with them."""
    changed = {}
    for name in draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=4, unique=True)):
        data = yaml.safe_load(ORIGINAL[name])
        # Free text only (it has spaces): ids, dates and set words have their own rules.
        paths = [p for p in places(data) if p and isinstance(parent_of(data, p)[p[-1]], str)
                 and " " in parent_of(data, p)[p[-1]]]
        for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=6, unique=True)):
            text = draw(st.sampled_from(ODD_TEXT) | st.text(min_size=1, max_size=30))
            original = parent_of(data, path)[path[-1]]
            parent_of(data, path)[path[-1]] = draw(st.sampled_from([f"{original} {text}", f"{text} {original}"]))
        changed[name] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    return changed


@contextmanager
def scratch_root() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(TRUST_DATA, root / "data")
        yield root


@contextmanager
def applied(root: Path, changed: dict[str, bytes | None]) -> Iterator[None]:
    for name, content in changed.items():
        if content is None:
            (root / name).unlink()
        else:
            (root / name).write_bytes(content)
    try:
        yield
    finally:
        for name in changed:
            (root / name).write_bytes(ORIGINAL[name])


def assert_clean(problems: list[Problem], root: Path) -> None:
    assert problems == sorted(problems)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file.startswith("data/"), problem
        assert problem.line >= 1 and problem.column >= 1, problem
        path = root / problem.file
        if path.is_file():
            assert problem.line <= path.read_bytes().count(b"\n") + 1, problem.human()
        assert problem.message.strip() and problem.hint.strip() and problem.path.strip(), problem
        assert "Traceback" not in problem.human()


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """One scratch copy of the data for all examples; each example restores what it changed."""
    with scratch_root() as root:
        yield root


@settings(max_examples=examples(1200), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(changed=damaged_data())
def test_damaged_data_loads_or_gives_clean_problems(scratch: Path, changed: dict[str, bytes | None]) -> None:
    root = scratch
    with applied(root, changed):
        hub, problems = check(root)
        event("loaded" if hub is not None else "refused")
        if hub is None:
            assert [p for p in problems if p.severity == "error"], "refused without saying why"
        assert_clean(problems, root)


def draw_every_page(root: Path) -> int:
    site = HubSite.load(root, template_dir=ROOT / "theme_overrides" / "hub", content_dir=ROOT / "content",
                        preview=True)
    for src in site.pages:
        html = site.render(src)
        assert html.strip(), src
        # The one script element a page may hold is a JSON-LD data block (an event's schema.org data), which
        # browsers never run, and only while the data inside it cannot close it (no '<' left unescaped).
        data_blocks = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", html)
        assert "<script" not in data_blocks.lower(), f"{src} has a script element drawn from the data"
    for page in sorted((ROOT / "content").rglob("*.md")):
        site.expand_macros(page.read_text(encoding="utf-8"), str(page.relative_to(ROOT / "content")))
    site.generated_files()
    return len(site.pages)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(changed=odd_text_everywhere())
def test_odd_text_anywhere_is_drawn_on_every_page_or_refused_cleanly(scratch: Path,
                                                                     changed: dict[str, bytes]) -> None:
    root = scratch
    with applied(root, changed):
        hub, problems = check(root)
        event("loaded" if hub is not None else "refused")
        assert_clean(problems, root)
        if hub is not None:
            assert draw_every_page(root) > 10


def test_the_example_data_itself_draws_every_page() -> None:
    """The property tests start from valid data: if this fails, so would every example above."""
    with scratch_root() as root:
        hub, problems = check(root)
        assert hub is not None, "\n".join(p.human() for p in problems)
        assert draw_every_page(root) > 10
