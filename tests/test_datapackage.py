"""Open data that describes itself: datapackage.json (Frictionless) for the CSV files, a JSON Schema per JSON file.

Validated with the frictionless library and jsonschema, and each check shown able to fail on a broken file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from frictionless import Package, system

# Tables whose rows belong to a reporting year, so each must carry it.
BY_YEAR = {"progress", "measure-values", "highlights", "you-said-we-did", "communities", "pledges-by-year", "years"}


def validate(folder: Path) -> list[str]:
    """Frictionless' errors for the package in ``folder`` (empty when every file matches its Table Schema)."""
    with system.use_context(trusted=True):
        report = Package(str(folder / "datapackage.json")).validate()
    return [f"{task.name}: {error.type}: {error.message}" for task in report.tasks for error in task.errors]


@pytest.fixture
def open_data(trust_site: Path, tmp_path: Path) -> Path:
    """A copy of the fixture trust's open-data folder (every table), safe to break."""
    return Path(shutil.copytree(trust_site / "open-data", tmp_path / "open-data"))


def package_problems(open_data: Path) -> list[str]:
    """What is wrong with a built open-data folder: files the package leaves out, columns that differ from the
    header, a year table without its year, and every error frictionless and jsonschema find."""
    descriptor = json.loads((open_data / "datapackage.json").read_text(encoding="utf-8"))
    problems = [f"not in the package: {name}" for name in
                sorted({p.name for p in open_data.glob("*.csv")} ^ {r["path"] for r in descriptor["resources"]})]
    problems += validate(open_data)
    for resource in descriptor["resources"]:
        columns = [f["name"] for f in resource["schema"]["fields"]]
        header = (open_data / resource["path"]).read_text(encoding="utf-8").splitlines()[0].split(",")
        if columns != header:
            problems.append(f"{resource['path']}: columns {columns} but header {header}")
        if resource["name"] in BY_YEAR and "year" not in columns:
            problems.append(f"{resource['name']} has no year column")
    for path in sorted((open_data / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        document = json.loads((open_data / f"{path.name.removesuffix('.schema.json')}.json").read_text(encoding="utf-8"))
        problems += [f"{path.name}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(document)]
    return problems


def test_the_package_lists_every_csv_file_and_every_file_matches_its_table_schema(open_data: Path) -> None:
    assert package_problems(open_data) == []
    descriptor = json.loads((open_data / "datapackage.json").read_text(encoding="utf-8"))
    keys = {(r["name"], json.dumps(k["fields"]), k["reference"]["resource"])
            for r in descriptor["resources"] for k in r["schema"].get("foreignKeys", [])}
    assert ("pledges-by-year", '"pledge_id"', "pledges") in keys and ("progress", '"goal_id"', "goals") in keys


@pytest.mark.parametrize("kind", ["group", "network"])
def test_each_kind_of_organisation_publishes_a_valid_package_of_only_its_own_tables(kind: str, build_org) -> None:
    open_data = build_org(kind) / "open-data"
    assert package_problems(open_data) == []
    names = {r["name"] for r in json.loads((open_data / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    assert ("pledges" in names) == (kind == "network") and ("members" in names) == (kind == "network")


def test_this_sites_own_open_data_is_a_valid_package(site: Path) -> None:
    """data/'s own site (whatever a fork holds there): every file matches its package and schemas."""
    assert package_problems(site / "open-data") == []


def test_a_broken_csv_fails_the_package_check(open_data: Path) -> None:
    path = open_data / "pledge-updates.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines[1].split(",", 2)
    lines[1] = ",".join(["no-such-pledge", "31/04/2026", first[2]])  # a pledge that is not there, a date that is not one
    path.write_text("".join(lines), encoding="utf-8")
    errors = validate(open_data)
    assert any("type-error" in e for e in errors) and any("foreign-key" in e for e in errors), errors


def test_every_json_file_matches_its_json_schema_and_a_wrong_row_does_not(open_data: Path) -> None:
    schemas = sorted((open_data / "schemas").glob("*.schema.json"))
    assert {p.name.removesuffix(".schema.json") for p in schemas} == {p.stem for p in open_data.glob("*.json")
                                                                      if p.name != "datapackage.json"}
    assert package_problems(open_data) == []
    schema = json.loads((open_data / "schemas" / "pledges.schema.json").read_text(encoding="utf-8"))
    document = json.loads((open_data / "pledges.json").read_text(encoding="utf-8"))
    document["rows"][0]["value_ids"] = "not a list"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_a_wrong_row_is_a_package_problem(open_data: Path) -> None:
    document = json.loads((open_data / "values.json").read_text(encoding="utf-8"))
    document["rows"][0]["name"] = 7
    (open_data / "values.json").write_text(json.dumps(document), encoding="utf-8")
    (open_data / "goals.csv").write_text("goal_id,oops\n", encoding="utf-8")
    problems = package_problems(open_data)
    assert any(p.startswith("values.schema.json") for p in problems) and any("goals.csv: columns" in p for p in problems)


def test_the_open_data_page_links_the_package_and_each_schema(site: Path) -> None:
    soup = BeautifulSoup((site / "open-data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"] for a in soup.select("article a[href]")}
    assert any(h.endswith("datapackage.json") for h in hrefs)
    for path in (site / "open-data" / "schemas").glob("*.schema.json"):
        href = next(h for h in hrefs if h.endswith(f"schemas/{path.name}"))
        assert (site / "open-data" / href).resolve() == path.resolve()


# --- Each language's package ----------------------------------------------------------------------------------


def _generated(project: Path, language: str) -> dict[str, str | bytes]:
    from conftest import ROOT
    from engagement_hub.output.site import HubSite

    site = HubSite.load(project, template_dir=ROOT / "theme_overrides" / "hub", content_dir=project / "content",
                        language=language)
    return site.generated_files()


@pytest.fixture(scope="module")
def languages_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture trust in English, Welsh and Urdu, with the project's own catalogues (locale/)."""
    from conftest import fixture_project, with_languages

    return with_languages(fixture_project("trust", tmp_path_factory.mktemp("datapackage") / "project"), locale=False)


def _shape(descriptor: dict) -> list:
    """What a program reads: every name, path, type, key and constraint, without the words for people."""
    def without_words(node: object) -> object:
        if isinstance(node, dict):
            return {k: without_words(v) for k, v in node.items() if k not in ("title", "description")}
        if isinstance(node, list):
            return [without_words(v) for v in node]
        return node
    return without_words(descriptor)


@pytest.mark.parametrize("code, title, goals, markdown", [
    ("cy", ", data agored", "Nodau", "Gall gynnwys Markdown."),
    ("ur", "، اوپن ڈیٹا", "اہداف", "اس میں Markdown ہو سکتا ہے۔"),
])
def test_each_languages_datapackage_describes_the_files_in_its_language(languages_project: Path, code: str,
                                                                         title: str, goals: str,
                                                                         markdown: str, tmp_path: Path) -> None:
    from engagement_hub.pages import fragments

    english = _generated(languages_project, "en")
    files = _generated(languages_project, code)
    theirs = json.loads(files["open-data/datapackage.json"])
    ours = json.loads(english["open-data/datapackage.json"])
    assert theirs["title"].endswith(title) and not ours["title"].endswith(title)
    resources = {r["name"]: r for r in theirs["resources"]}
    assert resources["goals"]["title"] == goals
    descriptions = [f["description"] for r in theirs["resources"] for f in r["schema"]["fields"]]
    assert any(d.endswith(markdown) for d in descriptions)
    # Names, paths, types and keys are the English package's: a program reads each language's the same way.
    assert _shape(theirs) == _shape(ours)
    schema = json.loads(files["open-data/schemas/goals.schema.json"])
    assert schema["title"] == f"{goals} (goals.json)"
    # A message the catalogue lacks is English, without the marks a page gives it: this is JSON, not HTML.
    text = json.dumps(theirs, ensure_ascii=False)
    assert not fragments._MARKS.search(text)
    # And it is still a valid package of the files beside it.
    for path, content in files.items():
        if path.startswith("open-data/"):
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(content if isinstance(content, str) else content.decode(), encoding="utf-8")
    assert package_problems(tmp_path / "open-data") == []


def test_the_english_package_is_unchanged_by_the_catalogue(languages_project: Path, trust_site: Path) -> None:
    """English is written as it always was: the built English site's package is the one made without any language."""
    descriptor = json.loads((trust_site / "open-data" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["resources"][0]["title"] == "Goals"
    assert any(f["description"].endswith(" May contain Markdown.")
               for r in descriptor["resources"] for f in r["schema"]["fields"])
