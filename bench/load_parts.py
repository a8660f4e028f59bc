"""Where `make bench`'s load + validate time goes: the hub's whole check beside its reader alone.

Each figure is the median of fresh processes taken in turns (imports excluded), as bench/run.py takes
the load line and its floor:

- check: ``reading.load.check``, what the budget line measures (read, check, build the Hub);
- reader alone: ``reading.source.read_yaml`` on every file ``check`` reads, checking nothing after it
  (PyYAML's C parser composing the nodes, and the walk that turns them into data with line numbers),
  with Python's cycle collector paused as ``check`` pauses it;
- PyYAML alone: ``yaml.load`` with the C loader on the same files (bench/run.py's LOAD_FLOOR).

So a budget in seconds can be weighed against what this machine needs just to read the files.

    .venv/bin/python bench/load_parts.py --scale 100
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402
from project import copy_project  # noqa: E402
from run import LOAD, LOAD_FLOOR, python_run  # noqa: E402

READER = r"""
import sys, time
from pathlib import Path
from engagement_hub.preview import collector
from engagement_hub.reading.load import data_paths
from engagement_hub.reading.source import read_yaml
start = time.perf_counter()
with collector.paused():  # as check reads: no cycle collection while reading
    for path in data_paths(Path(sys.argv[1]) / "data"):
        doc, problems = read_yaml(path.read_bytes(), path.name)
        assert doc.data is not None and not problems, [p.human() for p in problems]
print(time.perf_counter() - start)
"""


def parts(project: Path, repeat: int) -> dict[str, float]:
    runs: dict[str, list[float]] = {"check": [], "reader alone": [], "PyYAML alone": []}
    for _ in range(repeat):
        for name, code in (("check", LOAD), ("reader alone", READER), ("PyYAML alone", LOAD_FLOOR)):
            runs[name].append(python_run(code, project, str(project)))
    return {name: statistics.median(times) for name, times in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100, help="the example data times this (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per figure (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hub-load-parts-") as work:
        project = copy_project(Path(work) / "project", with_data=False)
        synthetic.generate(args.scale, project / "data")
        synthetic.use_example_about(project)
        figures = parts(project, args.repeat)
    for name, seconds in figures.items():
        print(f"{args.scale}x {name}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
