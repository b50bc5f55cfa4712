"""The layer rules, checked on the source: imports point down only, Qt stays in gui/,
and no two modules import each other (directly or round a longer circle).

    gui/  cli/            the two front ends; neither imports the other
      services/           use cases; the only way data changes
    documents/  storage/  PDFs from plain data | SQL, migrations, audit chain
      domain/             the law, pure: no Qt, no SQL, no I/O
    i18n, paths, files, csv_output, crash_report   the base every layer may use

Every import counts, also one inside a function (a lazy import is still a dependency);
only imports under `if TYPE_CHECKING:` are left out, as they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "rekisteri_app"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE
BASE = {"i18n", "paths", "files", "csv_output", "crash_report", "__init__"}

# What each layer may import of the package (besides itself and the base).
ALLOWED: dict[str, set[str]] = {
    "gui": {"services", "documents", "storage", "domain"},
    "cli": {"services", "documents", "storage", "domain"},
    "services": {"documents", "storage", "domain"},
    "documents": {"domain"},
    "storage": {"domain"},
    "domain": set(),
    "base": set(),
}
# Libraries that belong to one layer only.
LAYER_LIBRARIES = {
    "PySide6": {"gui"},
    "shiboken6": {"gui"},
    "sqlalchemy": {"storage", "services"},
    "alembic": {"storage"},
    "sqlcipher3": {"storage"},
    "reportlab": {"documents"},
}


@dataclass(frozen=True)
class Import:
    source: str  # dotted module name
    target: str  # dotted name as written (absolute)
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts and "versions" in path.parts:
            continue
        found[module_name(path)] = path
    return found


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = getattr(test, "id", None) or getattr(test, "attr", None)
            if name == "TYPE_CHECKING":
                for child in node.body:
                    for sub in ast.walk(child):
                        if hasattr(sub, "lineno"):
                            lines.add(sub.lineno)
    return lines


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_lines(tree)
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            for alias in node.names:
                candidate = f"{prefix}.{alias.name}"
                yield Import(name, candidate if candidate in known else prefix, node.lineno)


def layer(dotted: str) -> str:
    parts = dotted.split(".")
    if len(parts) == 1 or parts[1] in BASE:
        return "base"
    return parts[1]


ALL = modules()
EDGES = [imp for name, path in ALL.items() for imp in imports_of(name, path, ALL)]


def test_every_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for imp in EDGES:
        if not imp.target.startswith(PACKAGE + ".") and imp.target != PACKAGE:
            continue
        source, target = layer(imp.source), layer(imp.target)
        if target in (source, "base"):
            continue
        if target not in ALLOWED[source]:
            wrong.append(f"{imp.source}:{imp.line} imports {imp.target} ({source} -> {target})")
    assert not wrong, "\n".join(wrong)


def test_libraries_stay_in_their_layer() -> None:
    wrong = []
    for imp in EDGES:
        library = imp.target.split(".")[0]
        layers = LAYER_LIBRARIES.get(library)
        if layers is not None and layer(imp.source) not in layers:
            wrong.append(f"{imp.source}:{imp.line} imports {imp.target}")
    assert not wrong, "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    for imp in EDGES:
        if imp.target in ALL and imp.target != imp.source:
            # A package re-exporting its submodules is not a circle with them.
            if imp.target.startswith(imp.source + ".") and ALL[imp.source].name == "__init__.py":
                continue
            graph.setdefault(imp.source, set()).add(imp.target)
    circles = _cycles(graph)
    assert not circles, "\n".join(" <-> ".join(c) for c in circles)


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        ("rekisteri_app.gui.main_window", "rekisteri_app.services.requests", True),
        ("rekisteri_app.gui.main_window", "rekisteri_app.cli.common", False),
        ("rekisteri_app.services.letters", "rekisteri_app.gui.dialogs", False),
        ("rekisteri_app.documents.letters", "rekisteri_app.storage.models", False),
        ("rekisteri_app.domain.deadlines", "rekisteri_app.i18n", True),
        ("rekisteri_app.domain.deadlines", "rekisteri_app.storage.models", False),
        ("rekisteri_app.files", "rekisteri_app.services.context", False),
    ],
)
def test_the_rules_themselves(source: str, target: str, ok: bool) -> None:
    src, dst = layer(source), layer(target)
    assert (dst in (src, "base") or dst in ALLOWED[src]) is ok


def test_the_walk_sees_the_whole_package() -> None:
    assert "rekisteri_app.gui.main_window" in ALL
    assert "rekisteri_app.domain.deadlines" in ALL
    assert any(imp.target.startswith("PySide6") for imp in EDGES)


def test_a_circle_is_found_however_long_it_is() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
