"""The layers import only in the directions of the map (ARCHITECTURE.md): adapter → core →
dialog → knowledge/store, composed by app, and nothing imports app. Every import in every
module counts, also one inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wijkwijzer"

ALLOWED: dict[str, set[str]] = {
    "knowledge": set(),
    "store": {"knowledge"},
    "core": {"knowledge", "store"},
    "dialogs": {"core", "knowledge", "store"},
    "adapters": {"core", "knowledge", "store"},
    "app": {"adapters", "core", "dialogs", "knowledge", "store"},
}
"""Which other layers each layer may import (itself always)."""


def imported(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of a module of the package at ``root`` in ``path``."""
    own = ".".join(path.relative_to(root.parent).with_suffix("").parts).split(".")
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            package = own if path.name == "__init__.py" else own[:-1]
            base = package[: len(package) - node.level + 1]
            found.append((node.lineno, ".".join([*base, *([node.module] if node.module else [])])))
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return [(line, name) for line, name in found if name.split(".")[0] == root.name]


def violations(root: Path) -> list[str]:
    wrong = []
    for path in sorted(root.rglob("*.py")):
        if path.parent == root:
            continue
        layer = path.relative_to(root).parts[0]
        for line, name in imported(path, root):
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 else None
            if target and target != layer and target not in ALLOWED.get(layer, set()):
                wrong.append(f"{path.relative_to(root.parent)}:{line} imports {name} ({layer} → {target})")
    return wrong


def test_every_module_belongs_to_a_known_layer():
    layers = {path.relative_to(PACKAGE).parts[0] for path in PACKAGE.rglob("*.py") if path.parent != PACKAGE}
    assert layers <= set(ALLOWED), f"unknown layer(s): {sorted(layers - set(ALLOWED))}"


def test_imports_follow_the_allowed_directions():
    wrong = violations(PACKAGE)
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_the_check_finds_a_wrong_import_inside_a_function_and_a_relative_one(tmp_path):
    root = tmp_path / "wijkwijzer"
    (root / "knowledge").mkdir(parents=True)
    (root / "dialogs").mkdir()
    (root / "knowledge" / "bad.py").write_text("def f():\n    from wijkwijzer.dialogs import partner\n")
    (root / "dialogs" / "worse.py").write_text("from ..app import cli\nfrom .partner import x\n")
    assert violations(root) == [
        "wijkwijzer/dialogs/worse.py:1 imports wijkwijzer.app (dialogs → app)",
        "wijkwijzer/knowledge/bad.py:2 imports wijkwijzer.dialogs (knowledge → dialogs)",
    ]
