"""The package's shape, enforced: app shell -> audience packages -> core <- scoring.

Imports point down, or sideways into ``core/``. ``core/``, ``scoring/`` and ``insights/`` are
Flask-free (no flask, click or audience package); ``core/`` imports nothing from the package
but ``models`` (and itself); audience packages never import each other; the root holds only
the app shell.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kindness_challenge"
AUDIENCES = {"participate", "moderate", "wall", "api", "ops"}
FLASK_FREE = {"core", "scoring", "insights"}
ROOT_MODULES = {
    "__init__",
    "config",
    "extensions",
    "models",
    "errors",
    "metrics",
    "logging_setup",
    "services",
    "forms",
    "i18n",
}
# The app shell's packages: every flask command; the HTTP edge (proxies, canonical host,
# response headers, sessions over https, log redaction).
SHELL_PACKAGES = {"cli", "security"}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "migrations":
            continue
        yield rel, path


def _imports(rel: Path, path: Path) -> list[tuple[str, int]]:
    """Every imported module as a dotted name inside the package (``core.routing``), or the
    top-level name of a third-party one (``flask``), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = list(rel.with_suffix("").parts)
    package = here[:-1] if here[-1] != "__init__" else here[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                if name.startswith("kindness_challenge"):
                    out.append((name.removeprefix("kindness_challenge").lstrip("."), node.lineno))
                else:
                    out.append((name.split(".")[0], node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                name = node.module or ""
                if name.startswith("kindness_challenge"):
                    base = name.removeprefix("kindness_challenge").lstrip(".")
                    out.append((base, node.lineno))
                else:
                    out.append((name.split(".")[0], node.lineno))
                continue
            base = package[: len(package) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            if node.module:
                out.append((target, node.lineno))
            else:  # "from . import a, b": each name may be a module
                for alias in node.names:
                    out.append((f"{target}.{alias.name}".lstrip("."), node.lineno))
    return out


def _top(dotted: str) -> str:
    return dotted.split(".")[0]


def _violations() -> list[str]:
    found = []
    for rel, path in _modules():
        owner = rel.parts[0] if len(rel.parts) > 1 else None
        for target, line in _imports(rel, path):
            where = f"{rel}:{line} imports {target or 'the package root'}"
            top = _top(target) if target else ""
            if owner in FLASK_FREE and top in ("flask", "flask_login", "flask_wtf", "click"):
                found.append(where + f" ({owner}/ is Flask-free)")
            is_internal = (
                target == "" or top in AUDIENCES | FLASK_FREE | ROOT_MODULES | SHELL_PACKAGES
            )
            if not is_internal:
                continue
            if owner in FLASK_FREE and top in AUDIENCES | SHELL_PACKAGES:
                found.append(where + f" ({owner}/ must not import an audience package)")
            if owner == "core" and top not in ("core", "models"):
                found.append(where + " (core/ imports only models and itself)")
            if owner in FLASK_FREE and target == "":
                found.append(where + f" ({owner}/ must not import the app factory)")
            if owner in AUDIENCES and top in AUDIENCES and top != owner:
                found.append(where + " (audience packages never import each other)")
    return found


def test_imports_follow_the_architecture():
    assert _violations() == []


def test_the_root_holds_only_the_app_shell():
    root = {path.stem for path in PACKAGE.glob("*.py")}
    assert root <= ROOT_MODULES, sorted(root - ROOT_MODULES)


@pytest.mark.parametrize(
    "module",
    [rel for rel, _ in _modules() if len(rel.parts) == 1 and rel.stem not in ("__init__",)],
    ids=str,
)
def test_every_root_module_serves_several_parts(module):
    """A root module used by only one audience belongs in that audience's package."""
    users = set()
    for rel, path in _modules():
        if rel == module:
            continue
        owner = rel.parts[0] if len(rel.parts) > 1 else "root"
        if any(_top(target) == module.stem for target, _ in _imports(rel, path)):
            users.add(owner)
    outside_shell = users - {"root"}
    assert not (len(outside_shell) == 1 and outside_shell <= AUDIENCES), (
        f"{module} is used only by {sorted(outside_shell)}"
    )
