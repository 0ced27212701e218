"""The layout's rules, read from the source: no import cycle, and the core never imports the window.

Every import counts, those inside functions too (the lazy imports that keep start-up
fast still make a cycle); only imports under ``if TYPE_CHECKING:`` do not, as they never
run. See docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "ui")


def _modules() -> dict[str, Path]:
    """Every module of app/ and ui/ by its dotted name (a package by its own name)."""
    found = {}
    for top in PACKAGES:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(tree: ast.AST):
    """Every import statement that runs: anywhere, except under ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and _type_checking(child):
            for other in child.orelse:
                yield from _statements_in(other)
            continue
        yield from _statements_in(child)


def _statements_in(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    yield from _statements(node)


def _targets(node: ast.Import | ast.ImportFrom, name: str, is_package: bool) -> set[str]:
    """The modules of app/ and ui/ that an import statement runs."""
    if isinstance(node, ast.Import):
        named = [alias.name for alias in node.names]
    else:
        module = node.module or ""
        if node.level:
            base = name.split(".") if is_package else name.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            module = ".".join([*base, *([module] if module else [])])
        submodules = [f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in MODULES]
        named = submodules if len(submodules) == len(node.names) else [*submodules, module]
    found = set()
    for target in named:
        parts = target.split(".")
        for end in range(1, len(parts) + 1):
            candidate = ".".join(parts[:end])
            if candidate not in MODULES or candidate == name:
                continue
            if end < len(parts) and name.startswith(candidate + "."):
                continue  # the package this module is in is being imported already
            found.add(candidate)
    return found


def _graph() -> dict[str, set[str]]:
    graph = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        graph[name] = set()
        for statement in _statements(tree):
            graph[name] |= _targets(statement, name, is_package)
    return graph


GRAPH = _graph()


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), and self-imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_graph_sees_the_modules_and_their_lazy_imports():
    assert "app.notes.file" in MODULES and "ui.mainwindow" in MODULES
    assert "ui.main" in GRAPH["ui.launch"]  # imported inside a function only


def test_no_module_of_app_or_ui_takes_part_in_an_import_cycle():
    assert _cycles(GRAPH) == []


def test_the_core_never_imports_the_window():
    into_ui = sorted(
        (name, target)
        for name, targets in GRAPH.items()
        if name.split(".")[0] == "app"
        for target in targets
        if target.split(".")[0] == "ui"
    )
    assert into_ui == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set()}, []),
    ],
)
def test_a_cycle_is_found_however_long(graph, expected):
    assert _cycles(graph) == expected


def test_an_import_under_type_checking_does_not_count_but_one_in_a_function_does():
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ui.mainwindow import MainWindow\n"
        "def later():\n    from ui.main import main\n"
    )
    seen = {t for s in _statements(tree) for t in _targets(s, "app.example", False)}
    assert seen == {"ui", "ui.main"}


def test_every_package_says_what_lives_there_and_what_it_may_use():
    packages = [name for name, path in MODULES.items() if path.name == "__init__.py"]
    assert len(packages) > 10
    for name in packages:
        docstring = ast.get_docstring(ast.parse(MODULES[name].read_text(encoding="utf-8")))
        assert docstring, f"{name} has no docstring"
        if "." in name:
            assert "may use" in docstring.lower(), f"{name} does not say what it may use"
