"""The core's folders show the data flow, and the imports keep to it.

hooks/engagement_hub/ holds one folder per step: preview/ (the speed-ups'
state), reading/ (data files in, a checked Hub out), pages/ (the page registry,
each page's context and the data files beside pages), output/ (HTML and the
finished site) and tools/ (the make targets' entry points). A module may import
its own folder and the folders before it in that order, never a later one; no
module imports itself back through others (no cycles); and nothing in the core
imports an engine (MkDocs, ProperDocs, Zensical), so another engine needs only
a new adapter. Imports under ``if TYPE_CHECKING:`` are for type names only,
never run, so they carry no data and are not counted.

The checker runs on small packages written here too, so each rule is shown to fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "hooks" / "engagement_hub"
ORDER = ["preview", "reading", "pages", "output", "tools"]
ENGINES = {"mkdocs", "properdocs", "zensical", "material"}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, is_package: bool) -> list[str]:
    """Every module name imported when the module runs (top level or inside functions)."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append(target)
            # "from . import model" imports the module package.model
            found.extend(f"{target}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """module -> the modules of the same package it imports, and the outside top-level names it imports."""
    top = root.name
    modules: dict[str, tuple[ast.AST, bool]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = [top, *path.relative_to(root).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        modules[".".join(parts)] = (ast.parse(path.read_text(encoding="utf-8")), is_package)
    graph: dict[str, set[str]] = {}
    for name, (tree, is_package) in modules.items():
        edges = set()
        for target in _imports(tree, name, is_package):
            if target.split(".")[0] != top:
                edges.add(target.split(".")[0])
            elif target in modules and target != name:
                edges.add(target)
        graph[name] = edges
    return graph


def folder_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else None  # engagement_hub.reading.load -> reading


def upward_imports(graph: dict[str, set[str]], order: list[str]) -> list[str]:
    """Imports from a folder to a later folder in the data flow, or from a folder to a module outside the folders."""
    wrong = []
    for module, targets in graph.items():
        here = folder_of(module)
        if here is None:
            continue
        for target in targets:
            there = folder_of(target) if "." in target else None
            if there is None:
                continue
            if there not in order or order.index(there) > order.index(here):
                wrong.append(f"{module} imports {target}")
    return sorted(wrong)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def engine_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(f"{module} imports {target}" for module, targets in graph.items() for target in targets
                  if target in ENGINES)


# --- the core itself ---

def test_every_module_is_in_a_folder_of_the_data_flow():
    folders = {path.parent.name for path in CORE.rglob("*.py") if path.parent != CORE}
    assert folders == set(ORDER)
    assert [path.name for path in CORE.glob("*.py")] == ["__init__.py"]


def test_data_flows_one_way_between_the_folders():
    assert upward_imports(import_graph(CORE), ORDER) == []


def test_no_module_imports_itself_back():
    assert cycles(import_graph(CORE)) == []


def test_the_core_imports_no_engine():
    graph = import_graph(CORE)
    assert engine_imports(graph) == []
    assert any("yaml" in targets for targets in graph.values())  # outside imports are seen at all


# --- the checker, shown to fail ---

def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "engagement_hub"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(text)
    return root


@pytest.mark.parametrize("text", ["from ..pages import pages\n", "from ..pages.pages import Page\n",
                                  "def f():\n    from engagement_hub.output import render\n"])
def test_an_import_against_the_flow_is_found(tmp_path, text):
    root = _package(tmp_path, {"reading/load.py": text, "pages/pages.py": "", "output/render.py": ""})
    assert len(upward_imports(import_graph(root), ORDER)) == 1


def test_an_import_with_the_flow_or_for_types_only_is_allowed(tmp_path):
    root = _package(tmp_path, {
        "pages/pages.py": "from ..reading import load\nfrom . import paging\n",
        "pages/paging.py": "",
        "reading/load.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..pages import pages\n",
    })
    graph = import_graph(root)
    assert upward_imports(graph, ORDER) == []
    assert cycles(graph) == []


def test_a_cycle_is_found(tmp_path):
    root = _package(tmp_path, {"pages/a.py": "from . import b\n", "pages/b.py": "from .c import x\n",
                               "pages/c.py": "from .a import y\n"})
    assert cycles(import_graph(root)) == [["engagement_hub.pages.a", "engagement_hub.pages.b", "engagement_hub.pages.c"]]


def test_an_engine_import_is_found(tmp_path):
    root = _package(tmp_path, {"output/site.py": "def f():\n    from mkdocs.structure.files import File\n"})
    assert engine_imports(import_graph(root)) == ["engagement_hub.output.site imports mkdocs"]
