import shutil
import subprocess
import sys
import tomllib

import pytest

from conftest import ROOT


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _environment_pip():
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("  - pip:")
    return [line.strip()[2:] for line in lines[start + 1:] if line.startswith("      - ")]


def test_environment_yml_mirrors_pyproject():
    project = _pyproject()["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    listed = [item for item in _environment_pip() if item != "-e ."]
    assert sorted(listed) == sorted(wanted)
    assert "-e ." in _environment_pip()
    assert f"python={project['requires-python'].removeprefix('>=')}" in (ROOT / "environment.yml").read_text()


def test_lexicons_are_declared_package_data():
    data = _pyproject()["tool"]["setuptools"]["package-data"]["toolkit.lexicons"]
    assert "*.csv" in data


@pytest.mark.slow
def test_non_editable_install_carries_package_data(tmp_path):
    source, target = tmp_path / "src", tmp_path / "site"
    # Build from a copy so that the build leaves nothing in the working tree.
    shutil.copytree(ROOT / "toolkit", source / "toolkit", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    package = target / "toolkit"
    for name in ("lexicons/furniture.csv", "lexicons/abbreviations.csv", "lexicons/function_words.csv",
                 "lexicons/stance.csv", "lexicons/frames.csv", "lexicons/README.md",
                 "models/actor_tone.csv", "models/actor_tone_sequence.npz", "models/sentence_tone.csv", "models/tone_cv.csv", "data/validation.csv"):
        assert (package / name).is_file(), name
    check = subprocess.run(
        [sys.executable, "-c", "import toolkit, toolkit.text.cleaning as c; print(toolkit.__file__); print(len(c.furniture_rules()))"],
        capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": ""},
    )
    assert check.returncode == 0, check.stderr
    assert str(target) in check.stdout and int(check.stdout.split()[-1]) > 5
