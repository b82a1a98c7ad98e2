"""The package's import structure: the engine knows no task, tasks know no other task, and no
module imports another that is still being initialised (no import cycle).

The imports are read from the source (``ast``), every import statement counted: module level,
inside functions and under ``TYPE_CHECKING``. Then every module is imported first, in a fresh
interpreter, which is where a cycle that the order of a test session hides would break.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "summarizer"
TASKS = "summarizer.tasks"
#: the compatibility modules: they re-export the regulatory task's code at its 0.1.0 paths
#: (tests/test_compat.py checks they define nothing)
COMPAT = frozenset({
    "summarizer.arbitration", "summarizer.lexicon", "summarizer.merging", "summarizer.rules",
    "summarizer.rules_backend", "summarizer.schemas", "summarizer.schemas.summary",
    "summarizer.scoring", "summarizer.timeline", "summarizer.vocabulary",
})
#: the package's front door re-exports the default task's public types (``RegulatorySummary``
#: and its parts, 0.1.0's API) and nothing else of a task
FACADE = "summarizer"
#: ``python -m summarizer`` runs the CLI: it is run, never imported
MAIN = "summarizer.__main__"


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module if _is_package(module) else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        base = base.rpartition(".")[0]
    return f"{base}.{node.module}" if node.module else base


def imported(module: str, *, module_level: bool = False) -> set[str]:
    """The summarizer modules ``module`` imports: every statement, or (``module_level``) only
    those that run when it is imported (not in a function, not under ``TYPE_CHECKING``). A
    ``from package import name`` imports the submodule ``name`` when there is one, else the
    package itself."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()

    def add(statement: ast.Import | ast.ImportFrom) -> None:
        if isinstance(statement, ast.Import):
            found.update(alias.name for alias in statement.names)
            return
        base = _absolute(module, statement)
        subs = [f"{base}.{a.name}" for a in statement.names if f"{base}.{a.name}" in MODULES]
        found.update(subs)
        if len(subs) < len(statement.names):
            found.add(base)

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                add(node)
            elif isinstance(node, ast.If):
                if "TYPE_CHECKING" not in ast.unparse(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                for block in (node.body, node.orelse, node.finalbody,
                              *(h.body for h in node.handlers)):
                    visit(block)
            elif isinstance(node, ast.With):
                visit(node.body)

    if module_level:
        visit(tree.body)
    else:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                add(node)
    return {name for name in found if name.startswith("summarizer")} - {module}


def _task_of(module: str) -> str | None:
    parts = module.split(".")
    return ".".join(parts[:3]) if module.startswith(TASKS + ".") else None


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


ENGINE = sorted(m for m in MODULES
                if not _under(m, TASKS) and m not in COMPAT and m not in (FACADE, MAIN))


def test_the_module_lists_are_current() -> None:
    assert set(COMPAT) <= set(MODULES) and MAIN in MODULES
    assert {"summarizer.api", "summarizer.extraction", "summarizer.task",
            "summarizer._pipeline", "summarizer.corrections"} <= set(ENGINE)
    assert {_task_of(m) for m in MODULES} - {None} == {
        "summarizer.tasks.regulatory", "summarizer.tasks.trial_readout"}


@pytest.mark.parametrize("module", ENGINE)
def test_the_engine_imports_no_task(module: str) -> None:
    """Tasks reach the engine through the registry (entry points, ``summarizer._registry``)."""
    reached = sorted(name for name in imported(module) if _under(name, TASKS))
    assert not reached, f"{module} imports {reached}"


def test_the_engine_loads_no_task_by_a_dynamic_import() -> None:
    """Only the registry names a task's module (its table of the built-in entry points)."""
    for module in ENGINE:
        if module == "summarizer._registry":
            continue
        for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(
                    ("import_module", "__import__")) and node.args:
                arg = node.args[0]
                assert not (isinstance(arg, ast.Constant) and str(arg.value).startswith(TASKS)), (
                    module, ast.unparse(node))


def test_the_front_door_re_exports_only_the_default_task() -> None:
    reached = {name for name in imported(FACADE) if _under(name, TASKS)}
    assert reached and all(_under(name, "summarizer.tasks.regulatory") for name in reached)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _task_of(m)))
def test_a_task_imports_the_engine_and_itself_only(module: str) -> None:
    """No task leans on another, nor on the deprecated compatibility modules."""
    own = _task_of(module)
    assert own is not None
    for name in imported(module):
        assert name not in COMPAT and name != FACADE, f"{module} imports {name}"
        if _under(name, TASKS) and name != TASKS:
            assert _under(name, own), f"{module} imports {name}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def test_no_module_level_import_cycle() -> None:
    graph = {m: {n for n in imported(m, module_level=True) if n in MODULES} for m in MODULES}
    assert _cycles(graph) == []
    # the walk sees what it must: the api imports the pipeline when it is imported
    assert "summarizer._pipeline" in graph["summarizer.api"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


_IMPORT_EACH_FIRST = """
import importlib, json, sys
failed = {}
for module in json.loads(sys.argv[1]):
    for name in [n for n in sys.modules if n == "summarizer" or n.startswith("summarizer.")]:
        del sys.modules[name]  # each module is the first of the package to be imported
    try:
        importlib.import_module(module)
    except Exception as exc:
        failed[module] = f"{type(exc).__name__}: {exc}"
print(json.dumps(failed))
"""


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    modules = sorted(m for m in MODULES if m != MAIN)
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH_FIRST, json.dumps(modules)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {}
