"""Notebooks are thin, stored without outputs, and start with a parameters cell."""

import ast

import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def _code(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_stored_without_outputs(notebook):
    for cell in _code(notebook):
        assert not cell.outputs and cell.execution_count is None


def test_no_function_or_class_definitions(notebook):
    for cell in _code(notebook):
        tree = ast.parse(cell.source)
        defined = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))]
        assert not defined, cell.source[:80]


def test_first_code_cell_is_tagged_parameters(notebook):
    first = _code(notebook)[0]
    assert "parameters" in first.metadata.get("tags", [])
    assert "CORPUS" in first.source


def test_has_assert_cells(notebook):
    assert any("assert " in cell.source for cell in _code(notebook))


def test_readme_describes_each_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert path.name in readme, path.name
