"""No test without an assertion: each test function asserts, expects an exception, uses a query-count fixture, or
calls a helper of its module (or a helper named assert…/expect…/check…) that does."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ASSERTING_NAMES = ("assert", "expect", "check", "django_assert")
RAISING = {"raises", "warns", "fail"}


def called_name(call):
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def asserts_directly(node):
    for inner in ast.walk(node):
        if isinstance(inner, ast.Assert):
            return True
        if isinstance(inner, ast.Call):
            name = called_name(inner)
            if name in RAISING or name.startswith(ASSERTING_NAMES):
                return True
    return False


def helpers_that_assert(tree):
    helpers = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("test")}
    asserting = {name for name, node in helpers.items() if asserts_directly(node)}
    grew = True
    while grew:  # a helper that calls an asserting helper asserts too
        grew = False
        for name, node in helpers.items():
            if name not in asserting and any(
                isinstance(c, ast.Call) and called_name(c) in asserting for c in ast.walk(node)
            ):
                asserting.add(name)
                grew = True
    return asserting


def unasserted_tests_in(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    asserting = helpers_that_assert(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
            continue
        if any(getattr(d, "attr", getattr(d, "id", "")) == "fixture" for d in _decorators(node)):
            continue
        calls = {called_name(c) for c in ast.walk(node) if isinstance(c, ast.Call)}
        if not asserts_directly(node) and not calls & asserting:
            yield f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"


def _decorators(node):
    for decorator in node.decorator_list:
        yield decorator.func if isinstance(decorator, ast.Call) else decorator


def test_every_test_asserts_something():
    paths = [p for folder in ("delaktig", "tests", "bench") for p in (ROOT / folder).rglob("test_*.py")]
    missing = [found for path in sorted(paths) for found in unasserted_tests_in(path)]
    assert not missing, "Tests without an assertion:\n" + "\n".join(missing)
