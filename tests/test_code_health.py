"""Code health: ruff finds nothing, the project's modules import each other without a cycle, no
file is too long to read, model/ never imports Qt, and both packages say they are typed.

Static checks over the source (``ast`` and ruff): nothing of the project is imported or run. The
import walker is tested first on small packages written to tmp_path, so the real check cannot
pass just because the walker sees nothing.
"""
from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
import tomllib
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINTED = ("app", "model", "tests", "tools", "packaging")  # what ruff checks and what must stay short
PACKAGES = ("app", "model")  # whose imports must not go round in a circle
MAX_LINES = 600  # hard limit; aim for 500


# ------------------------------------------------------------------------------------ the walker
def project_modules(root: Path, packages=PACKAGES) -> dict[str, Path]:
    """Every module of the packages by dotted name (a package by its ``__init__.py``)."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The nodes under ``if TYPE_CHECKING:``: never run, so they import nothing."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
                    isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
                skipped.update(id(n) for statement in node.body for n in ast.walk(statement))
    return skipped


def imported_names(path: Path, module: str) -> list[tuple[int, str, str | None]]:
    """Every import in the file, at module level or inside functions: (line, absolute module,
    imported name or None), relative imports resolved against ``module``'s package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    skipped = _type_checking_only(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - (node.level - 1)] + ([node.module] if node.module else []))
            else:
                base = node.module
            found += [(node.lineno, base, alias.name) for alias in node.names]
    return found


def import_graph(root: Path, packages=PACKAGES) -> dict[str, set[str]]:
    """module -> the project modules it imports (``from pkg import sub`` counts as importing pkg.sub)."""
    modules = project_modules(root, packages)
    graph = {}
    for module, path in modules.items():
        targets = set()
        for _line, base, name in imported_names(path, module):
            if name is not None and f"{base}.{name}" in modules:
                targets.add(f"{base}.{name}")
                continue
            parts = base.split(".")
            for n in range(len(parts), 0, -1):  # `import app.cli.main` is app.cli.main; `from app import x` is app
                if ".".join(parts[:n]) in modules:
                    targets.add(".".join(parts[:n]))
                    break
        targets.discard(module)
        graph[module] = targets
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (``[a, b, ..., a]``) per group of modules that import each other in a circle."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    cycles = []
    for group in groups:  # the shortest way round from the group's first module
        start = min(group)
        came_from = {start: None}
        queue = deque([start])
        while queue:
            v = queue.popleft()
            if start in graph[v]:  # v leads back: start -> ... -> v -> start
                path = [v]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                cycles.append([*reversed(path), start])
                break
            for w in sorted(graph[v] & group):
                if w not in came_from:
                    came_from[w] = v
                    queue.append(w)
    return sorted(cycles)


def _write_package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_the_walker_finds_a_cycle_through_lazy_and_relative_imports(tmp_path):
    _write_package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from .b import thing\n",
        "pkg/b.py": "def f():\n    from pkg.sub import c  # inside a function\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/c.py": "def g():\n    from .. import a\n",
        "pkg/d.py": "import pkg.a as alias\n",  # into the cycle, not part of it
    })
    graph = import_graph(tmp_path, ["pkg"])
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.b"] == {"pkg.sub.c"} and graph["pkg.sub.c"] == {"pkg.a"}
    assert graph["pkg.d"] == {"pkg.a"}
    assert find_cycles(graph) == [["pkg.a", "pkg.b", "pkg.sub.c", "pkg.a"]]


def test_the_walker_ignores_what_never_runs_and_reports_each_circle_once(tmp_path):
    _write_package(tmp_path, {
        "pkg/__init__.py": "from . import x\n",  # the package and its submodule: a circle
        "pkg/x.py": "import pkg\n",
        "pkg/y.py": """
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                from pkg.z import Z  # annotations only: no import at run time
            """,
        "pkg/z.py": "from pkg.y import *\nimport os, numpy\n",
    })
    graph = import_graph(tmp_path, ["pkg"])
    assert graph["pkg.y"] == set() and graph["pkg.z"] == {"pkg.y"}
    assert find_cycles(graph) == [["pkg", "pkg.x", "pkg"]]


# ------------------------------------------------------------------------------------ the checks
def test_ruff_finds_nothing():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *LINTED], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, (f"ruff check {' '.join(LINTED)} (config: pyproject.toml [tool.ruff]; "
                               f"ruff comes with pip install -e '.[test]'):\n{r.stdout}{r.stderr}")


def test_no_import_cycles_in_app_and_model():
    graph = import_graph(ROOT)
    assert len(graph) > 50 and sum(map(len, graph.values())) > len(graph)  # the walker sees the code
    cycles = find_cycles(graph)
    assert not cycles, "modules that import each other in a circle (move the shared piece down):\n" + "\n".join(
        " -> ".join(c) for c in cycles)


def test_no_file_is_over_600_lines():
    lengths = {path.relative_to(ROOT): len(path.read_text(encoding="utf-8").splitlines())
               for folder in LINTED for path in (ROOT / folder).rglob("*.py")}
    assert len(lengths) > 100
    too_long = sorted(f"{path}: {n} lines" for path, n in lengths.items() if n > MAX_LINES)
    assert not too_long, f"files over {MAX_LINES} lines (split them, one concern per module):\n" + "\n".join(too_long)


def test_model_shows_its_architecture_in_folders():
    """At most 12 modules at model/'s top level; the rest in subpackages (data, training, store,
    samples), each a package with a docstring that says what it holds."""
    top = sorted(p.name for p in (ROOT / "model").glob("*.py") if p.name != "__init__.py")
    assert len(top) <= 12, f"model/ has {len(top)} top-level modules (at most 12; group the rest): {top}"
    packages = sorted(p.parent for p in (ROOT / "model").glob("*/__init__.py"))
    assert {p.name for p in packages} >= {"data", "training", "store", "samples"}
    for package in packages:
        assert ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))), package


def test_model_never_imports_qt():
    qt = sorted(f"{path.relative_to(ROOT)}:{line}: {base}" + (f" ({name})" if name else "")
                for module, path in project_modules(ROOT, ["model"]).items()
                for line, base, name in imported_names(path, module)
                if base.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
    assert not qt, "model/ must not import Qt (app/ holds the widgets):\n" + "\n".join(qt)


def test_both_packages_are_typed():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    for package in PACKAGES:
        assert (ROOT / package / "py.typed").is_file(), f"{package}/py.typed is missing"
        assert "py.typed" in declared["package-data"].get(package, []), f"{package}/py.typed is not package data"
