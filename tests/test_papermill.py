"""A notebook runs under papermill from the repository root with its default parameters."""

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_papermill_from_the_repository_root(tmp_path):
    result = subprocess.run([sys.executable, "-m", "papermill", "notebooks/01-corpus.ipynb", str(tmp_path / "out.ipynb"),
                             "--kernel", "python3", "--cwd", str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
