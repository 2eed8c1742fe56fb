"""The store's modules import each other in one direction only: schema at the bottom, no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import wijkwijzer.store

STORE = Path(wijkwijzer.store.__file__).parent
PACKAGE = "wijkwijzer.store"


def store_imports() -> dict[str, set[str]]:
    """For each module of wijkwijzer/store (migrations aside), the store modules it imports."""
    graph: dict[str, set[str]] = {}
    for path in sorted(STORE.glob("*.py")):
        name = f"{PACKAGE}.{path.stem}" if path.stem != "__init__" else PACKAGE
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGE + "."):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith(PACKAGE + "."))
        graph[name] = found - {name}
    return graph


def test_store_modules_import_each_other_without_cycles():
    graph = store_imports()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import cycle: " + " -> ".join((*path[path.index(module):], module))
        if module in done:
            return
        for imported in sorted(graph.get(module, ())):
            visit(imported, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_tables_are_defined_only_in_schema():
    graph = store_imports()
    for path in sorted(STORE.glob("*.py")):
        if path.stem == "schema":
            continue
        source = path.read_text(encoding="utf-8")
        assert "Table(" not in source and "MetaData(" not in source, f"{path.name} defines a table; use schema.py"
    assert graph[f"{PACKAGE}.schema"] <= {f"{PACKAGE}.roles"}, "schema.py sits at the bottom of the store"
