"""Compiled templates are kept in a folder every checkout and version of the hub on the machine shares
(engagement_hub.preview.cache): an entry compiled by one environment is never run by another that compiles differently."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from engagement_hub.preview.cache import KeyedBytecodeCache, fingerprint


def render_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache) -> tuple[str, str]:
    """The same template, by the same relative path, drawn by an environment with a finalize function and
    then by one without, sharing one cache folder (as two checkouts of different versions do)."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    (tmp_path / "cache").mkdir()
    monkeypatch.chdir(tmp_path)
    out = []
    for finalize in (lambda value: f"[{value}]", None):
        env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), finalize=finalize)
        env.bytecode_cache = cache(env)
        out.append(env.get_template("page.html").render(name="Hollowbrook"))
    return out[0], out[1]


def test_an_environment_never_runs_code_another_compiled_differently(tmp_path, monkeypatch) -> None:
    keyed = render_both(tmp_path, monkeypatch, lambda env: KeyedBytecodeCache(str(tmp_path / "cache"), fingerprint(env)))
    assert keyed == ("<p>[Hollowbrook]</p>", "<p>Hollowbrook</p>")


def test_jinjas_own_cache_would_run_the_other_environments_code(tmp_path, monkeypatch) -> None:
    """The negative case, and why the key holds the environment: Jinja checks only the template's source."""
    with pytest.raises(TypeError, match="'NoneType' object is not callable"):
        render_both(tmp_path, monkeypatch, lambda env: jinja2.FileSystemBytecodeCache(str(tmp_path / "cache")))


def test_a_template_has_one_key_by_relative_or_absolute_path(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    cache = KeyedBytecodeCache(str(tmp_path), "same settings")
    assert cache.get_cache_key("page.html", "templates/page.html") == cache.get_cache_key(
        "page.html", str(tmp_path / "templates" / "page.html"))
    assert cache.get_cache_key("page.html", "t/page.html") != KeyedBytecodeCache(
        str(tmp_path), "other settings").get_cache_key("page.html", "t/page.html")
