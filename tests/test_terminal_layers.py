"""The command line's layers: apps' terminal modules lean on core, never on `tending.cli`."""

from __future__ import annotations

import ast
from pathlib import Path

import tending

PACKAGE = Path(tending.__file__).parent
# Only these may import the command line: it is what composes everything else.
COMPOSERS = {PACKAGE / "cli.py", PACKAGE / "__main__.py"}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_item_26_no_module_imports_the_command_line_back():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path not in COMPOSERS
        and any(m == "tending.cli" or m.startswith("tending.cli.") for m in imported_modules(path))
    ]
    assert offenders == []


def test_item_26_no_terminal_module_borrows_from_another_apps_terminal_module():
    borrowed = {}
    for path in PACKAGE.glob("*/terminal.py"):
        others = {
            m
            for m in imported_modules(path)
            if m.endswith(".terminal") and m != f"tending.{path.parent.name}.terminal"
        }
        if others:
            borrowed[path.parent.name] = sorted(others)
    assert borrowed == {}


def test_item_26_the_shared_helpers_are_one_class_everywhere():
    from tending import cli
    from tending.core import terminal_support

    assert cli.CommandError is terminal_support.CommandError
    assert cli.setup_django is terminal_support.setup_django
