"""The CI script that regenerates reports (.ci/report), run as a workflow would run it, on a small corpus."""

import os
import subprocess

from conftest import ROOT


def _run(*args, env=None):
    return subprocess.run(["bash", str(ROOT / ".ci" / "report"), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


def test_regenerates_the_report_of_each_corpus_named(tmp_path):
    corpus = tmp_path / "harbour"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Port Opens\n\nThe port opened on Monday, officials said. Trade rose by 5%.\n")
    (corpus / "b.txt").write_text("Port Delayed\n\nThe port did not open on Monday. Critics may object, analysts say.\n")
    result = _run(str(corpus), env={"OUT_ROOT": str(tmp_path / "out")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "harbour" / "report.html").is_file()
    assert (tmp_path / "out" / "harbour" / "data" / "numbers.csv").is_file()


def test_refuses_a_missing_corpus_with_a_fix(tmp_path):
    result = _run(str(tmp_path / "absent"))
    assert result.returncode == 2 and "fix:" in result.stderr
    assert _run().returncode == 2
