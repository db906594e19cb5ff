"""The bench/ and tools/ scripts still import what they name from the package.

They are run by hand, not by the tests, so a move inside the package (the re-layout moved
``routing`` into ``core/``) would otherwise break them silently. Every ``from kindness_challenge...
import name`` in them must resolve; no script is run.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted([*ROOT.glob("bench/*.py"), *ROOT.glob("tools/*.py")])


def package_imports(path: Path) -> list[tuple[str, str | None]]:
    """(module, name) for each import of the package in ``path``; name None for ``import m``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if (node.module or "").startswith("kindness_challenge"):
                found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [
                (alias.name, None)
                for alias in node.names
                if alias.name.startswith("kindness_challenge")
            ]
    return found


def test_there_are_scripts_to_check():
    assert any(package_imports(path) for path in SCRIPTS)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_script_imports_resolve(path):
    for module_name, name in package_imports(path):
        module = importlib.import_module(module_name)
        if name is None or hasattr(module, name):
            continue
        # ``from package import submodule``
        importlib.import_module(f"{module_name}.{name}")
