"""The console script `newslens` runs the command line, with or without an activated environment."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT


def test_console_script_is_declared_for_the_cli():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"newslens": "toolkit.cli:main"}


def test_installed_console_script_runs_without_activation():
    script = Path(sys.executable).parent / "newslens"
    if not script.exists():
        pytest.skip("the project is not installed in this environment")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0 and result.stdout.startswith("usage: ") and "report" in result.stdout
