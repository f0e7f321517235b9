"""The package's layer contract: imports run one way along the pipeline, with no loops."""

import grimp
from importlinter.cli import lint_imports

from conftest import ROOT


def test_layer_contract_holds(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def _cycle(graph) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(module, path):
        state[module] = 1
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if state.get(imported) == 1:
                return path + [imported]
            if imported not in state:
                found = visit(imported, path + [imported])
                if found:
                    return found
        state[module] = 2
        return None

    for module in sorted(graph.modules):
        if module not in state:
            found = visit(module, [module])
            if found:
                return found
    return None


def test_no_import_loops():
    graph = grimp.build_graph("toolkit")
    # the package's __init__ re-exports the public API, so it imports from its own modules; leave it out
    graph.remove_module("toolkit")
    assert _cycle(graph) is None


def test_runtime_never_imports_evaluation():
    graph = grimp.build_graph("toolkit")
    runtime = [m for m in graph.modules if not m.startswith("toolkit.evaluation") and m != "toolkit"]
    for module in runtime:
        assert not any(m.startswith("toolkit.evaluation") for m in graph.find_modules_directly_imported_by(module)), module
