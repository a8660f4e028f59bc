"""HTML written in data text (pasted from a web page, say) is never used as HTML: the site shows the tag as
typed in a plain field and removes it from Markdown. `make check` warns, naming file, line and field, so
the author finds out before readers do; autolinks and comparisons are not tags and are not warned about."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import build_env, fixture_project
from engagement_hub.reading.htmltags import TAG

# (file, field path) of a text in each fixture organisation's data.
TEXTS = {"trust": ("channels.yml", ("channels", 0, "description")), "group": ("strategy.yml", ("goals", 0, "title")),
         "network": ("values.yml", ("values", 0, "name"))}


def make_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(root)],
                          env=build_env(), capture_output=True, text=True, timeout=120, check=False)


def with_text(kind: str, dest: Path, before: str) -> tuple[Path, str, str]:
    """The fixture ``kind`` with ``before`` put in front of one of its texts; the file and the field's name."""
    root = fixture_project(kind, dest)
    file, path = TEXTS[kind]
    data = yaml.safe_load((root / "data" / file).read_text(encoding="utf-8"))
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = before + node[path[-1]]
    (root / "data" / file).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return root, f"data/{file}", field


@pytest.mark.parametrize("kind", sorted(TEXTS))
def test_a_tag_in_any_organisations_text_is_a_warning_naming_file_line_and_field(tmp_path: Path, kind: str) -> None:
    root, file, field = with_text(kind, tmp_path / "project", "<strong>New:</strong> ")
    result = make_check(root)
    said = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in said, said  # a warning, not an error: nothing is unsafe
    assert f"WARNING: {file}, line " in said and f"field: {field}\n" in said
    assert "This text contains HTML ('<strong>')" in said and said.count("contains HTML") == 1


@pytest.mark.parametrize("kind", sorted(TEXTS))
def test_autolinks_and_comparisons_are_not_tags(tmp_path: Path, kind: str) -> None:
    """The negative: Markdown's <https://...> and <name@example.org>, and 'a < b > c', are not HTML."""
    root, _, _ = with_text(kind, tmp_path / "project", "See <https://www.nhs.uk/> or <team@example.org>; 3 < 5 > 2. ")
    result = make_check(root)
    assert result.returncode == 0 and "contains HTML" not in result.stdout + result.stderr


@given(name=st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,8}", fullmatch=True),
       rest=st.sampled_from(["", " class=x", "/", " onclick='a()'", "\n"]), closing=st.booleans())
def test_any_tag_is_found_and_no_autolink_is(name: str, rest: str, closing: bool) -> None:
    tag = f"<{'/' if closing else ''}{name}{rest}>"
    assert TAG.search(f"words {tag} words").group() == tag
    assert TAG.search(f"words <{name}:{rest.strip()}x> words") is None  # a scheme: an autolink
