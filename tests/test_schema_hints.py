"""Hints for a value in the wrong form are keyed on the shared form's name in common.schema.json
(schema.FORM_HINTS), not on the English wording of its description, so rewording a description
keeps its hint; and every hint is reachable from a real data file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import TRUST_DATA
from engagement_hub.reading import schema
from engagement_hub.reading.source import read_yaml

COMMON = json.loads((schema.SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]

# For each shared form: a fixture file, a line in it, the line with a value in the wrong form, and the hint.
CASES = {
    "id": ("values.yml", "  - id: compassion", "  - id: Compassion And Care", "Write it as 'compassion-and-care'."),
    "date": ("accessibility.yml", "last_reviewed: 2026-11-02", "last_reviewed: 2026/11/2", "Write it as 2026-11-02."),
    "year_label": ("progress/2025-26.yml", "year: 2025/26", "year: 2025-26", "Write it as 2025/26, with a slash."),
    "when": ("opportunities.yml", "    opens: 2026-11-02 09:00", "    opens: 2/11/2026",
             "Write it as 2026-11-02 (year, month, day)."),
    "colour": ("organisation.yml", "#005eb8", "#05eb8", "Write # and exactly six digits or letters a to f"),
}


def problems_after(data: Path, file: str, find: str, replace: str) -> list:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert find in text, f"{file} no longer has {find!r}: update the case"
    doc, problems = read_yaml(text.replace(find, replace, 1), f"data/{file}")
    assert problems == []
    name = "progress" if file.startswith("progress/") else file.removesuffix(".yml")
    return schema.validate(doc, name)


def forget_schemas() -> None:
    for made in (schema.bundled, schema._fast, schema._full):
        made.cache_clear()


def test_every_hint_is_for_a_shared_form_with_a_pattern() -> None:
    assert set(schema.FORM_HINTS) <= {name for name, form in COMMON.items() if "pattern" in form}
    assert set(CASES) == set(schema.FORM_HINTS)  # and each has a case below


@pytest.mark.parametrize("form", sorted(CASES))
def test_every_hint_is_reachable(form: str) -> None:
    file, find, replace, hint = CASES[form]
    problems = problems_after(TRUST_DATA, file, find, replace)
    assert [p.hint for p in problems if p.hint.startswith(hint)], problems


def test_rewording_a_description_keeps_the_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "schemas"
    shutil.copytree(schema.SCHEMA_DIR, folder)
    common = json.loads((folder / "common.schema.json").read_text(encoding="utf-8"))
    for form in common["$defs"].values():
        if "description" in form:
            form["description"] = "Reworded: " + form["description"]
    (folder / "common.schema.json").write_text(json.dumps(common), encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMA_DIR", folder)
    forget_schemas()
    try:
        file, find, replace, hint = CASES["date"]
        problems = problems_after(TRUST_DATA, file, find, replace)
        assert [p for p in problems if p.hint == hint and p.expected.startswith("Reworded: ")], problems
    finally:
        monkeypatch.undo()
        forget_schemas()


def test_a_value_of_no_shared_form_gets_the_general_hint() -> None:
    """The negative case: a pattern of a file's own (site_url) has no form, so no guessed rewrite."""
    problems = problems_after(TRUST_DATA, "organisation.yml", "site_url: https://engagement.example.org/",
                              "site_url: https://engagement.example.org")
    assert [p.hint for p in problems] == ["Follow the form shown under 'expected'."]
