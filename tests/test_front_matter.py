"""The information at the top of a content/ page (front matter), which Material prints into every page
without escaping it and which can name templates and icons: only the fields the hub's pages use, as text
that cannot become HTML. `make check` and the build refuse the rest with file, line and field (found by a
helper fuzzing the check: a title held live script, an icon name failed the build with a traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_env, examples, fixture_project, run_build, with_languages
from engagement_hub.output.frontmatter import page_problems

ATTACKS = {  # a page's information, the line of the field refused, and the field
    "a title holding script": ("---\ntitle: About <script>alert(1)</script>\n---\n", 2, "title"),
    "a description leaving its attribute": ("---\ntitle: About\ndescription: 'D\" onmouseover=\"x()'\n---\n", 3,
                                            "description"),
    "a subtitle in the menu": ("---\nsubtitle: S<script>x()</script>\n---\n", 2, "subtitle"),
    "a status class": ("---\nstatus: 'new\"><script>x()</script>'\n---\n", 2, "status"),
    "an icon file that is not there": ("---\nicon: nope\n---\n", 2, "icon"),
    "a template that is not there": ("---\ntemplate: nope.html\n---\n", 2, "template"),
    "an environment variable read into the page": ("---\ntitle: !ENV HOME\n---\n", 2, "title"),
    "information without a --- block": ("title: T<img src=x onerror=x()>\n\n# T\n", 1, "title"),
    "a first line MkDocs would take away": ("Note: we meet monthly\n\n# Notes\n", 1, "note"),
}


def make_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "engagement_hub.tools.check", "--root", str(root)],
                          env=build_env(), capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("case", sorted(ATTACKS))
def test_page_information_that_could_break_the_page_is_refused_where_it_is(case: str) -> None:
    top, line, field = ATTACKS[case]
    problems = page_problems(top + "Some text.\n", "content/about.md")
    assert [(p.file, p.line, p.path) for p in problems] == [("content/about.md", line, field)], \
        [p.human() for p in problems]


@pytest.mark.parametrize("kind", ["trust", "group"])
def test_check_and_build_both_refuse_it_and_nothing_is_built(tmp_path: Path, kind: str) -> None:
    root = fixture_project(kind, tmp_path / "project")
    about = root / "content" / "about.md"
    about.write_text(ATTACKS["a title holding script"][0] + about.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "content" / "notes.md").write_text(ATTACKS["an icon file that is not there"][0] + "# Notes\n",
                                               encoding="utf-8")
    (root / "content" / "values.md").write_text("# Our values, again\n", encoding="utf-8")  # an address in use
    checked = make_check(root)
    built = run_build(root, tmp_path / "site")
    for said in (checked.stderr, built.stderr):
        assert "content/about.md, line 2" in said and "field: title" in said and "Traceback" not in said
        assert "content/notes.md, line 2" in said and "field: icon" in said
        assert "content/values.md" in said and "where the hub already makes a page" in said
    assert checked.returncode == 1 and built.returncode != 0
    assert not (tmp_path / "site" / "about" / "index.html").exists()


def test_the_fields_the_hub_uses_are_accepted(tmp_path: Path) -> None:
    """The negative: the editors' guide's own information, and a page with none, build as before."""
    guide = (Path(__file__).parents[1] / "content" / "guide" / "index.md").read_text(encoding="utf-8")
    assert page_problems(guide, "content/guide/index.md") == []
    assert page_problems("---\ntitle: Our story\nhide:\n  - toc\nsearch:\n  exclude: false\n---\n# x\n", "p") == []
    assert page_problems("title: Our story\n\n# Our story\n", "p") == []
    assert page_problems("# About us\n\nNote: this is text.\n", "p") == []


@settings(max_examples=examples(200), deadline=None)
@given(title=st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=30))
def test_any_title_is_refused_exactly_when_it_holds_a_character_that_could_become_html(title: str) -> None:
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    problems = page_problems(f'---\ntitle: "{quoted}"\n---\n# x\n', "p")
    assert bool(problems) == any(char in title for char in '<>"'), [p.human() for p in problems]


def test_a_language_name_from_the_data_is_shown_as_text_on_every_page(tmp_path: Path) -> None:
    """Material's templates print what they are given as HTML: the switcher's language names are escaped."""
    root = with_languages(fixture_project("trust", tmp_path / "project"))
    organisation = root / "data" / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "name: Cymraeg", 'name: "Cymraeg<script>alert(1)</script>"'), encoding="utf-8")
    result = run_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Cymraeg&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_a_content_page_inside_a_languages_folder_is_refused_by_check_and_build(tmp_path: Path) -> None:
    """/cy/ is where the Welsh site is built: content/cy.md or content/cy/anything.md would be overwritten by it,
    or overwrite it. Without Welsh in the data, the same page is an ordinary page (the negative)."""
    plain = fixture_project("trust", tmp_path / "plain")
    (plain / "content" / "cy.md").write_text("# Cymru\n", encoding="utf-8")
    assert make_check(plain).returncode == 0

    root = with_languages(fixture_project("trust", tmp_path / "project"))
    (root / "content" / "cy.md").write_text("# Cymru\n", encoding="utf-8")
    (root / "content" / "ur").mkdir()
    (root / "content" / "ur" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    checked, built = make_check(root), run_build(root, tmp_path / "site")
    for said in (checked.stderr, built.stderr):
        assert "content/cy.md would be published at /cy/, inside /cy/" in said
        assert "content/ur/notes.md would be published at /ur/notes/, inside /ur/" in said
    assert checked.returncode == 1 and built.returncode != 0


def test_a_page_named_with_markup_is_refused_by_check_and_build(tmp_path: Path) -> None:
    """With no title of its own, MkDocs titles a page from its file's name, which Material prints unescaped."""
    root = fixture_project("group", tmp_path / "project")
    (root / "content" / 'x<img src=x onerror="alert(1)">.md').write_text("Some text.\n", encoding="utf-8")
    checked, built = make_check(root), run_build(root, tmp_path / "site")
    for said in (checked.stderr, built.stderr):
        assert "field: (the file's name)" in said and "may not contain '<'" in said and "Traceback" not in said
    assert checked.returncode == 1 and built.returncode != 0
