"""A script that starts a local Dask cluster at its top level gets a clear message, not pages of errors."""

import subprocess
import sys

from conftest import ROOT

CHECK = "from toolkit.engine import unguarded_script\n"


def _run(tmp_path, body):
    script = tmp_path / "script.py"
    script.write_text(body)
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_unguarded_dask_call_is_refused_with_the_fix(tmp_path):
    result = _run(tmp_path, "from toolkit import load_corpus\nfrom toolkit.pipeline import analyze\n"
                            "analyze(load_corpus('seeds'), engine='dask')\n")
    assert result.returncode == 1
    assert 'if __name__ == "__main__":' in result.stderr and "script.py" in result.stderr
    assert result.stderr.count("Traceback") == 1 and "multiprocessing" not in result.stderr


def test_guarded_call_and_other_callers_are_not_refused(tmp_path):
    result = _run(tmp_path, CHECK + "print(unguarded_script())\nif __name__ == '__main__':\n    print(unguarded_script())\n")
    assert result.stdout.split() == [str(tmp_path / "script.py"), "None"]
    assert _run(tmp_path, CHECK + "def f():\n    return unguarded_script()\nif __name__ == '__main__':\n    print(f())\n").stdout.strip() == "None"
