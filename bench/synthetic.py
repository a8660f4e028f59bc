"""Synthetic hub data at a multiple of the example data, for the benchmark.

The example is the fixture trust in ``tests/fixtures/trust`` (the same
organisation as the repository's own ``data/``, kept apart so that a fork's
data never changes what the benchmark measures): one small trust. A national network holds far
more: thousands of pledges, hundreds of channels, dozens of goals and fifteen
years of progress. ``generate(scale, dest)`` writes a ``data/`` folder of that
kind by copying the example's own records and giving each copy a new id, so
the text, field mix and Markdown stay realistic and every copy still passes
the schemas and the cross-reference rules. The first copy of every record is
the example record unchanged, so content pages whose macros name example ids
(the fixture's ``about.md``, which ``use_example_about`` puts in place) still build.

At 1x the output has exactly the example's records. Above 1x, pages-making
records grow slowly (values ~10 * k^0.3, goals ~4 * k^0.5, years ~2 * k^0.44,
capped at 15) while list records grow fast (channels 3k, committee seats k),
and pledges fill the rest so that the total record count is k times the
example's: the growth budget in ``run.py`` divides by that total.

Seeded and deterministic: the same scale always writes the same bytes.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "trust" / "data"
SINGLE_FILES = ["organisation", "values", "strategy", "pledges", "channels", "involvement", "accessibility"]
MAX_YEARS = 15


def _plain(node: Any) -> Any:
    """YAML as the hub reads it: dates stay text (the hub never lets PyYAML make dates)."""
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()
    return node


def read_example(example: Path = EXAMPLE) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The example's files as plain data, and its progress years in order."""
    docs = {name: _plain(yaml.safe_load((example / f"{name}.yml").read_text(encoding="utf-8")))
            for name in SINGLE_FILES}
    years = [_plain(yaml.safe_load(p.read_text(encoding="utf-8")))
             for p in sorted((example / "progress").glob("*.yml"))]
    return docs, years


def records(docs: dict[str, Any], years: list[dict[str, Any]]) -> int:
    """Records a build has to handle: every list item a reader sees on some page."""
    goals = docs["strategy"]["goals"]
    return (len(docs["values"]["values"]) + len(goals) + sum(len(g["measures"]) for g in goals)
            + len(docs["pledges"]["pledges"]) + len(docs["channels"]["channels"])
            + len(docs["involvement"]["representation"])
            + sum(len(y["goals"]) + len(y.get("you_said_we_did", []))
                  + len(y.get("involvement", {}).get("communities_reached", [])) for y in years))


def _copy_id(base: str, n: int) -> str:
    return base if n == 0 else f"{base}-{n + 1}"


def _copy_name(base: str, n: int) -> str:
    return base if n == 0 else f"{base} {n + 1}"


def _clone(items: list[dict[str, Any]], count: int) -> list[tuple[int, dict[str, Any]]]:
    """`count` copies cycling through `items`, each with its copy number (0 = the original)."""
    return [(i // len(items), copy.deepcopy(items[i % len(items)])) for i in range(count)]


def _counts(scale: int, docs: dict[str, Any], years: list[dict[str, Any]]) -> dict[str, int]:
    example = {"values": len(docs["values"]["values"]), "goals": len(docs["strategy"]["goals"]),
               "years": len(years), "channels": len(docs["channels"]["channels"]),
               "seats": len(docs["involvement"]["representation"]), "pledges": len(docs["pledges"]["pledges"])}
    if scale == 1:
        return example
    return {"values": round(example["values"] * scale ** 0.3), "goals": round(example["goals"] * scale ** 0.5),
            "years": min(MAX_YEARS, round(example["years"] * scale ** 0.44)),
            "channels": 3 * scale, "seats": scale, "pledges": 0}


def scaled(scale: int, seed: int = 7, example: Path = EXAMPLE) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The example's documents grown to `scale` times its records."""
    rng = random.Random(f"{seed}:{scale}")
    docs, template_years = read_example(example)
    target = scale * records(docs, template_years)
    n = _counts(scale, docs, template_years)
    out = copy.deepcopy(docs)

    values = []
    for copy_no, value in _clone(docs["values"]["values"], n["values"]):
        value["id"], value["name"] = _copy_id(value["id"], copy_no), _copy_name(value["name"], copy_no)
        values.append(value)
    value_ids = [v["id"] for v in values]
    out["values"]["values"] = values

    goals = []
    for number, (copy_no, goal) in enumerate(_clone(docs["strategy"]["goals"], n["goals"]), start=1):
        goal["template"] = goal["id"]
        goal["id"], goal["title"] = _copy_id(goal["id"], copy_no), _copy_name(goal["title"], copy_no)
        goal["number"] = number
        if copy_no:
            goal["values"] = rng.sample(value_ids, min(len(value_ids), len(goal["values"])))
        goals.append(goal)
    goal_ids = [g["id"] for g in goals]

    last_start = max(int(y["year"][:4]) for y in template_years)
    first_start = last_start - n["years"] + 1
    out["strategy"]["period"]["start"] = min(first_start, out["strategy"]["period"]["start"])
    by_template = {y["year"]: y for y in template_years}
    years = []
    for index in range(n["years"]):
        start = first_start + index
        label = f"{start}/{(start + 1) % 100:02d}"
        template = by_template.get(label) or template_years[index % len(template_years)]
        year = copy.deepcopy(template)
        year["year"] = label
        if "reviewed_by_board" in year:
            year["reviewed_by_board"] = f"{start + 1}-06-1{index % 10}"
        entries = {e["goal"]: e for e in template["goals"]}
        year["goals"] = []
        for goal in goals:
            entry = copy.deepcopy(entries.get(goal["template"]) or template["goals"][0])
            entry["goal"] = goal["id"]
            known = {m["id"] for m in goal["measures"]}
            entry["measures"] = {k: v if goal["id"] == goal["template"] and label in by_template
                                 else round(v * rng.uniform(0.8, 1.2), 1)
                                 for k, v in entry.get("measures", {}).items() if k in known}
            if not entry["measures"]:
                del entry["measures"]
            year["goals"].append(entry)
        feedback = []
        for copy_no, item in _clone(template.get("you_said_we_did", []), len(template.get("you_said_we_did", []))
                                    * max(1, len(goals) // len(docs["strategy"]["goals"]))):
            if "goal" in item:
                item["goal"] = _copy_id(item["goal"], copy_no) if _copy_id(item["goal"], copy_no) in goal_ids \
                    else item["goal"]
            feedback.append(item)
        if feedback:
            year["you_said_we_did"] = feedback
        years.append(year)
    for goal in goals:
        del goal["template"]
    out["strategy"]["goals"] = goals

    channels = []
    for copy_no, channel in _clone(docs["channels"]["channels"], n["channels"]):
        channel["id"], channel["name"] = _copy_id(channel["id"], copy_no), _copy_name(channel["name"], copy_no)
        channels.append(channel)
    out["channels"]["channels"] = channels

    seats = []
    for copy_no, seat in _clone(docs["involvement"]["representation"], n["seats"]):
        seat["id"], seat["committee"] = _copy_id(seat["id"], copy_no), _copy_name(seat["committee"], copy_no)
        seats.append(seat)
    out["involvement"]["representation"] = seats

    if scale > 1:  # pledges fill the rest, so the whole is `scale` times the example
        out["pledges"]["pledges"] = []
        n["pledges"] = max(len(docs["pledges"]["pledges"]), target - records(out, years))
    first_day = dt.date(first_start, 4, 1)
    span = (dt.date(last_start + 1, 3, 31) - first_day).days
    makers = max(1, n["pledges"] // 60)
    pledges = []
    for copy_no, pledge in _clone(docs["pledges"]["pledges"], n["pledges"]):
        if copy_no:
            pledge["id"] = _copy_id(pledge["id"], copy_no)
            pledge["made_by"]["name"] = _copy_name(pledge["made_by"]["name"], copy_no % makers)
            pledge["values"] = rng.sample(value_ids, min(len(value_ids), len(pledge["values"])))
            if "goal" in pledge:
                pledge["goal"] = rng.choice(goal_ids)
            made = first_day + dt.timedelta(days=rng.randrange(span))
            pledge["date"] = made.isoformat()
            if "update" in pledge:
                pledge["update"]["date"] = min(made + dt.timedelta(days=rng.randrange(30, 400)),
                                               first_day + dt.timedelta(days=span)).isoformat()
            # A history stays in date order: each update some days after the one before.
            last = made
            for update in pledge.get("updates", []):
                last = min(last + dt.timedelta(days=rng.randrange(30, 400)), first_day + dt.timedelta(days=span))
                update["date"] = last.isoformat()
        pledges.append(pledge)
    out["pledges"]["pledges"] = pledges
    return out, years


def use_example_about(project: Path) -> None:
    """Put the example's about page (whose macros name example ids) in the project's content/."""
    shutil.copy2(EXAMPLE.parent / "about.md", project / "content" / "about.md")


def write(docs: dict[str, Any], years: list[dict[str, Any]], data_dir: Path) -> None:
    """Write the documents as a data/ folder, replacing any there."""
    if data_dir.exists():
        shutil.rmtree(data_dir)
    (data_dir / "progress").mkdir(parents=True)

    def dump(node: Any, path: Path) -> None:
        path.write_text(yaml.safe_dump(node, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")

    for name, node in docs.items():
        dump(node, data_dir / f"{name}.yml")
    for year in years:
        dump(year, data_dir / "progress" / (year["year"].replace("/", "-") + ".yml"))
    # The organisation's logo and favicon files, which data/organisation.yml names (engagement_hub.reading.logo).
    for folder in EXAMPLE.iterdir():
        if folder.is_dir() and folder.name != "progress":
            shutil.copytree(folder, data_dir / folder.name)


def generate(scale: int, data_dir: Path, seed: int = 7) -> dict[str, int]:
    """Write synthetic data at `scale` times the example into `data_dir`; returns what it holds."""
    docs, years = scaled(scale, seed)
    write(docs, years, data_dir)
    return {"records": records(docs, years), "pledges": len(docs["pledges"]["pledges"]),
            "channels": len(docs["channels"]["channels"]), "goals": len(docs["strategy"]["goals"]),
            "measures": sum(len(g["measures"]) for g in docs["strategy"]["goals"]),
            "values": len(docs["values"]["values"]), "years": len(years),
            "seats": len(docs["involvement"]["representation"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scale", type=int, help="multiple of the example data, e.g. 1, 10 or 100")
    parser.add_argument("dest", type=Path, help="the data/ folder to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.scale, args.dest, args.seed))


if __name__ == "__main__":
    main()
