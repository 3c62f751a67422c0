"""Dependencies point one way (docs/architecture.md). This test reads every import to hold the line."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the delaktig package
LAYERS = {
    "core": 0,
    "background": 0.5,
    "accounts": 1,
    "mailings": 1,
    "organisations": 2,
    "foundation": 3,
    "dialogues": 4,
    "participation": 5,
    "methods": 6,
    "proposals": 6,
    "results": 6,
    "decisionbasis": 7,
    "followup": 7,
    "reports": 7,
    "opendata": 7,
    "demo": 8,
}


def app_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "delaktig" else None


def imports_in(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def source_files():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if "tests" in relative.parts or "migrations" in relative.parts:
            continue
        yield relative.parts[0], path


def test_layers_cover_every_app():
    apps = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps <= set(LAYERS)


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_app_imports_only_inner_layers(app):
    offending = []
    for owner, path in source_files():
        if owner != app:
            continue
        for module in imports_in(path):
            target = app_of(module)
            if target and target != owner and LAYERS[target] >= LAYERS[owner]:
                offending.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not offending, "\n".join(offending)


def test_methods_do_not_import_each_other():
    offending = []
    for owner, path in source_files():
        if owner != "methods":
            continue
        method = path.relative_to(ROOT / "methods").parts[0]
        for module in imports_in(path):
            parts = module.split(".")
            if parts[:2] == ["delaktig", "methods"] and len(parts) > 2 and parts[2] != method:
                offending.append(f"{path} imports {module}")
    assert not offending, "\n".join(offending)
