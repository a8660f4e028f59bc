"""Open data that describes itself: a Frictionless Data Package and a JSON Schema per JSON file.

``open-data/datapackage.json`` lists every CSV file with a Table Schema: each
column's type (and format), what an empty cell means, the primary key and
which column points at which table (foreign keys). ``open-data/schemas/NAME.schema.json``
is a JSON Schema (2020-12) for each JSON file. Both are made from the same
column list as the files (opendata.DATASETS), so they cannot drift apart.

Each language's site has its own: titles and descriptions in its language, from the same
catalogue as its pages (locale/CODE.po), in English where the catalogue has no translation.
Names, types, keys and paths stay as they are, so a program reads every language's the same way.
"""

from __future__ import annotations

import json
from typing import Any

from ..reading import model as m
from .fragments import strip
from .opendata import FOLDER, Dataset
from .words import ENGLISH_WORDS, Words

PACKAGE_PATH = f"{FOLDER}/datapackage.json"

# Our column kinds as Table Schema field types.
_FIELD = {
    "text": {"type": "string"},
    "markdown": {"type": "string", "description_suffix": "May contain Markdown."},
    "number": {"type": "number"},
    "integer": {"type": "integer"},
    "date": {"type": "date"},
    "boolean": {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]},
    "ids": {"type": "string", "description_suffix": "Ids separated by spaces."},
    "year": {"type": "string", "constraints": {"pattern": "[0-9]{4}(/[0-9]{2})?"}},
    # A day, or a day and time with its offset: one column may hold both, so Table Schema's string with a pattern.
    "datetime": {"type": "string", "constraints": {
        "pattern": "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?([+-][0-9]{2}:[0-9]{2}|Z))?"}},
}
# Our column kinds as JSON Schema types; null where a cell may be empty.
_JSON = {
    "text": {"type": "string"},
    "markdown": {"type": "string"},
    "number": {"type": ["number", "null"]},
    "integer": {"type": ["integer", "null"]},
    "date": {"type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"},
    "boolean": {"type": "boolean"},
    "ids": {"type": "array", "items": {"type": "string"}},
    "year": {"type": "string", "pattern": "^([0-9]{4}(/[0-9]{2})?)?$"},
    "datetime": {"type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:]+([+-][0-9]{2}:[0-9]{2}|Z)?)?)?$"},
}
# Which column of which table each id column points at; and each table's own key.
_POINTS_AT = {"goal_id": ("goals", "goal_id"), "pledge_id": ("pledges", "pledge_id")}
_OWN_KEY = {"goals": ["goal_id"], "measures": ["goal_id", "measure_id"], "pledges": ["pledge_id"],
            "values": ["value_id"], "channels": ["channel_id"], "years": ["year"], "members": ["member_id"]}


_TITLE = "%(organisation)s: %(strategy)s, open data"


def texts() -> list[str]:
    """The words this file adds to the datasets' own (opendata.texts), for the catalogue's template."""
    return [_TITLE, *(spec["description_suffix"] for spec in _FIELD.values() if "description_suffix" in spec)]


def _said(words: Words, message: str, **values: str) -> str:
    """A message in the site's language, without the marks an HTML page gives English words: this is JSON."""
    return strip(words.gettext(message) % values if values else words.gettext(message))


def schema_path(dataset: Dataset) -> str:
    return f"{FOLDER}/schemas/{dataset.name}.schema.json"


def table_schema(dataset: Dataset, names: set[str], words: Words = ENGLISH_WORDS) -> dict[str, Any]:
    fields = []
    for column in dataset.columns:
        spec = dict(_FIELD.get(column.kind, {"type": "string"}))  # a new kind is at least text
        suffix = spec.pop("description_suffix", "")
        description = " ".join(_said(words, text) for text in (column.description, suffix) if text)
        fields.append({"name": column.name, **spec, "description": description})
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if dataset.name in _OWN_KEY:
        schema["primaryKey"] = _OWN_KEY[dataset.name]
    keys = [{"fields": column.name, "reference": {"resource": target, "fields": key}}
            for column in dataset.columns
            if (point := _POINTS_AT.get(column.name)) and (target := point[0]) != dataset.name and target in names
            for key in [point[1]]]
    columns = {c.name for c in dataset.columns}
    if "measure_id" in columns and dataset.name != "measures" and "measures" in names:  # a measure id is unique in its goal
        keys.append({"fields": ["goal_id", "measure_id"],
                     "reference": {"resource": "measures", "fields": ["goal_id", "measure_id"]}})
    if "year" in columns and dataset.name != "years" and "years" in names:
        keys.append({"fields": "year", "reference": {"resource": "years", "fields": "year"}})
    if keys:
        schema["foreignKeys"] = keys
    return schema


def package(hub: m.Hub, datasets: list[Dataset], words: Words = ENGLISH_WORDS) -> dict[str, Any]:
    """The datapackage.json descriptor for the CSV files, described in the language of ``words``."""
    names = {d.name for d in datasets}
    return {
        "profile": "tabular-data-package",
        "name": "engagement-hub-open-data",
        "title": _said(words, _TITLE, organisation=hub.organisation.name,
                       strategy=hub.strategy.title),
        "licenses": [{"title": strip(hub.organisation.licence_name), "path": hub.organisation.licence_url}],
        "resources": [{
            "name": d.name, "path": f"{d.name}.csv", "title": _said(words, d.title),
            "description": _said(words, d.description),
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": table_schema(d, names, words),
        } for d in datasets],
    }


def json_schema(dataset: Dataset, words: Words = ENGLISH_WORDS) -> dict[str, Any]:
    """A JSON Schema for the dataset's JSON file: its document, and every row's columns and types."""
    row = {"type": "object", "additionalProperties": False, "required": [c.name for c in dataset.columns],
           "properties": {c.name: {**_JSON.get(c.kind, {}), "description": _said(words, c.description)}
                          for c in dataset.columns}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{dataset.name}.schema.json",
        "title": f"{_said(words, dataset.title)} ({dataset.name}.json)",
        "type": "object",
        "required": ["title", "description", "publisher", "licence", "columns", "rows"],
        "properties": {
            "title": {"type": "string"}, "description": {"type": "string"}, "publisher": {"type": "string"},
            "licence": {"type": "object", "required": ["name", "url"]},
            "columns": {"type": "array", "items": {"type": "object", "required": ["name", "type", "description"]}},
            "rows": {"type": "array", "items": row},
        },
    }


def files(hub: m.Hub, datasets: list[Dataset], words: Words = ENGLISH_WORDS) -> dict[str, str]:
    """datapackage.json and one JSON Schema per JSON file, by path in the site, in the language of ``words``."""
    out = {PACKAGE_PATH: json.dumps(package(hub, datasets, words), ensure_ascii=False, indent=2) + "\n"}
    for dataset in datasets:
        out[schema_path(dataset)] = json.dumps(json_schema(dataset, words), ensure_ascii=False, indent=2) + "\n"
    return out
