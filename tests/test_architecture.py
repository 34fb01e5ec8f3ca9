"""The layer order of docs/architecture.md, enforced: imports only go down.

Every module of the package must be listed in LAYERS; a module may import
modules of its own layer or a lower one (function-level imports included), and
the import graph has no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storytrace"

# Keep in step with docs/architecture.md.
LAYERS: dict[str, int] = {
    # 0 text and documents
    "records": 0,
    "text": 0,
    "dates": 0,
    "articles": 0,
    "errors": 0,
    "_version": 0,
    "tablecache": 0,
    "procpool": 0,
    "titles": 0,
    # 1 diff primitives and lexical resources
    "diff": 1,
    "names": 1,
    "synonyms": 1,
    # 2 analyses
    "spin": 2,
    "semantic": 2,
    "quotes": 2,
    "boilerplate": 2,
    "revision": 2,
    "evidence": 2,
    # 3 alignment
    "align": 3,
    "pairs": 3,
    # 4 corpus data
    "fingerprints": 4,
    "store": 4,
    "stories": 4,
    # 5 pipeline
    "corpus": 5,
    "lookup": 5,
    "corroborate": 5,
    "spark": 5,
    # 6 presentation and entry points
    "report": 6,
    "web": 6,
    "cli": 6,
    "schema": 6,
    "__main__": 6,
}
# The package root re-exports the public API lazily; it sits above everything.
ROOT = "__init__"


def _unit(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> set[str]:
    return _imports_of(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).parts)


def _imports_of(source: str, rel: tuple[str, ...]) -> set[str]:
    """Top-level storytrace units that a module imports, anywhere in its source.

    ``rel`` is the module's path inside the package, as parts.
    """
    tree = ast.parse(source)
    own = rel[0] if len(rel) > 1 else rel[0].removesuffix(".py")
    found: set[str] = set()
    pkg_parts = rel[:-1]
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(pkg_parts[: len(pkg_parts) - node.level + 1])
                mod = ".".join(["storytrace", *base, *([node.module] if node.module else [])])
                if node.module or base:
                    names = [mod]
                else:
                    names = [f"storytrace.{a.name}" for a in node.names]
            elif node.module == "storytrace":
                names = [f"storytrace.{a.name}" for a in node.names]
            elif node.module:
                names = [node.module]
        for n in names:
            parts = n.split(".")
            if parts[0] == "storytrace" and len(parts) > 1 and parts[1] != own:
                found.add(parts[1])
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        unit = _unit(path)
        graph.setdefault(unit, set()).update(_imports(path))
    return graph


def test_every_module_has_a_layer() -> None:
    units = set(_graph()) - {ROOT}
    assert sorted(units - set(LAYERS)) == []


def test_imports_only_go_down() -> None:
    bad = [
        f"{unit} (layer {LAYERS[unit]}) imports {dep} (layer {LAYERS[dep]})"
        for unit, deps in _graph().items()
        if unit != ROOT
        for dep in deps
        if dep in LAYERS and LAYERS[dep] > LAYERS[unit]
    ]
    assert bad == []


def test_no_import_cycle() -> None:
    graph = {u: {d for d in ds if d in LAYERS} for u, ds in _graph().items() if u != ROOT}
    state: dict[str, int] = {}

    def visit(u: str, path: list[str]) -> None:
        state[u] = 1
        for d in sorted(graph.get(u, ())):
            if state.get(d) == 1:
                pytest.fail("import cycle: " + " -> ".join([*path, u, d]))
            if d not in state:
                visit(d, [*path, u])
        state[u] = 2

    for u in sorted(graph):
        if u not in state:
            visit(u, [])


def test_checker_sees_function_level_and_relative_imports() -> None:
    # The checker itself must catch the kinds of import that hid the old cycles.
    src = (
        "from . import align\n"
        "from .frames import cue\n"
        "def f():\n"
        "    from storytrace.report import x\n"
        "    import storytrace.web\n"
    )
    assert _imports_of(src, ("spin.py",)) == {"align", "frames", "report", "web"}
    # Inside a package, relative imports stay within it unless they climb out.
    assert _imports_of(src, ("quotes", "speakers.py")) == {"report", "web"}
    assert _imports_of("from .. import align\n", ("quotes", "x.py")) == {"align"}
