"""The import direction is one way: clinic, then techniques and contact, then
locations, then home.

The contracts are in ``pyproject.toml`` (``[tool.importlinter]``); the first
test runs them as ``lint-imports`` would. The second looks at every module of
the five packages, lazy imports inside functions included, and fails on any
cycle, printing the chain of imports that closes it.
"""

from pathlib import Path

import grimp
from importlinter import configuration
from importlinter.application.use_cases import SUCCESS, lint_imports

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "clinic",
    "home",
    "techniques",
    "contact",
    "referrals",
    "locations",
    "enquiries",
)


def test_the_import_contracts_are_kept(monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.chdir(ROOT)
    configuration.configure()  # what the lint-imports command does first
    passed = lint_imports(str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True)
    report = capsys.readouterr().out
    assert passed == SUCCESS, report


def find_cycle(graph):
    """One import cycle as a list of modules (first == last), or None."""
    imports = {
        module: sorted(graph.find_modules_directly_imported_by(module))
        for module in sorted(graph.modules)
    }
    done, path, on_path = set(), [], set()

    def visit(module):
        path.append(module)
        on_path.add(module)
        for imported in imports[module]:
            if imported in on_path:
                return [*path[path.index(imported) :], imported]
            if imported not in done and (cycle := visit(imported)):
                return cycle
        on_path.discard(path.pop())
        done.add(module)
        return None

    for module in imports:
        if module not in done and (cycle := visit(module)):
            return cycle
    return None


def describe(graph, cycle):
    lines = []
    for importer, imported in zip(cycle, cycle[1:], strict=False):
        details = graph.get_import_details(importer=importer, imported=imported)
        where = ", ".join(f"line {d['line_number']}" for d in details)
        lines.append(f"  {importer} -> {imported} ({where})")
    return "\n".join(lines)


def test_no_module_imports_itself_through_others(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    cycle = find_cycle(graph)
    assert cycle is None, "Import cycle:\n" + describe(graph, cycle)


def test_the_cycle_check_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(module)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.d")
    graph.add_import(importer="a.d", imported="a.b")
    assert find_cycle(graph) == ["a.b", "a.c", "a.d", "a.b"]
