"""Open data files written from kept pieces are byte for byte what writing them whole gives.

A preview rewrites the open data on every save, so ``opendata`` keeps each
dataset's files and each row's CSV line and JSON text. These tests write the
files the plain way (``json.dumps`` of the whole document, one ``csv.writer``
for the whole table) and compare.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, TRUST, examples
from engagement_hub.pages import opendata
from engagement_hub.preview.memory import Memory
from engagement_hub.reading.load import load
from engagement_hub.reading.model import Hub

sys.path.insert(0, str(ROOT / "bench"))


def plain_json(dataset: opendata.Dataset, rows: list[dict], hub: Hub) -> str:
    document = {
        "title": dataset.title, "description": dataset.description, "publisher": hub.organisation.name,
        "licence": {"name": hub.organisation.licence_name, "url": hub.organisation.licence_url},
        "columns": [{"name": c.name, "type": c.kind, "description": c.description} for c in dataset.columns],
        "rows": [{c.name: row[c.name] for c in dataset.columns} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def plain_csv(dataset: opendata.Dataset, rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in dataset.columns])
    for row in rows:
        writer.writerow([opendata.csv_cell(row[c.name]) for c in dataset.columns])
    return out.getvalue()


def test_every_dataset_matches_the_plain_writer(tmp_path: Path) -> None:
    import synthetic

    synthetic.generate(3, tmp_path / "data")
    for root in (TRUST, tmp_path):
        hub = load(root, include_drafts=True)
        memory = Memory()
        files = opendata.files(hub, memory)
        again = opendata.files(hub, memory)  # the second time from what was kept
        for dataset in opendata.datasets_for(hub):  # the synthetic data has no opportunities file
            rows = dataset.rows(hub, Memory())
            assert files[dataset.json_path] == plain_json(dataset, rows, hub) == again[dataset.json_path]
            assert files[dataset.csv_path] == plain_csv(dataset, rows) == again[dataset.csv_path]


odd = st.one_of(st.text(), st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                st.lists(st.text(), max_size=3))


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.fixed_dictionaries({"pledge_id": odd, "text": odd, "made_by": odd, "made_by_kind": odd,
                                        "date": odd, "value_ids": odd, "goal_id": odd, "status": odd,
                                        "update_date": odd, "update_text": odd}), max_size=4))
def test_odd_rows_match_the_plain_writer(rows: list[dict]) -> None:
    hub = load(TRUST)
    dataset = opendata.BY_NAME["pledges"]
    # One memory for every example, as a preview keeps one: rows that compare equal in Python
    # (1, 1.0, True) but are written differently must each get their own text.
    assert opendata.to_json(dataset, rows, hub, SHARED) == plain_json(dataset, rows, hub)
    assert opendata.to_csv(dataset, rows, SHARED) == plain_csv(dataset, rows)


SHARED = Memory()
