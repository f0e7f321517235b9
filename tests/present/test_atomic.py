"""Outputs are atomic and locked; a bad --out is a clear, early error."""

import subprocess
import sys

import pytest

from toolkit.cli import main
from toolkit.present.atomic import atomic_output

from conftest import ROOT, tree_digest

BODY = "The ministry said on Monday that exports rose sharply this year, and officials welcomed the news."


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(f"First Title\n\n{BODY}\n")
    (folder / "b.txt").write_text(f"Second Title\n\nThe port stayed shut on Tuesday. {BODY}\n")
    return folder


def _cli(capsys, *args):
    status = main(list(map(str, args)))
    return status, capsys.readouterr().err


def test_a_failed_run_leaves_the_previous_output_intact(tmp_path, corpus):
    out = tmp_path / "out"
    assert main(["corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    before = tree_digest(out)
    with pytest.raises(RuntimeError):
        with atomic_output(out, corpus) as folder:
            (folder / "data").mkdir()
            (folder / "data" / "documents.csv").write_text("half")
            raise RuntimeError("stopped midway")
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]


def test_a_killed_run_leaves_the_previous_output_intact_and_is_cleaned_up(tmp_path, corpus):
    out = tmp_path / "out"
    assert main(["corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    before = tree_digest(out)
    script = (
        "import os, signal, sys\n"
        "from toolkit.present.atomic import atomic_output\n"
        "with atomic_output(sys.argv[1]) as folder:\n"
        "    (folder / 'data').mkdir()\n"
        "    (folder / 'data' / 'coverage.csv').write_text('')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(out)], cwd=ROOT)
    assert result.returncode != 0
    assert tree_digest(out) == before
    assert main(["corpus", str(corpus), "--out", str(out), "--quiet"]) == 0  # the dead run's lock is gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]


def test_two_runs_into_one_folder_cannot_interleave(tmp_path, corpus, capsys):
    out = tmp_path / "out"
    with atomic_output(out, corpus):
        status, err = _cli(capsys, "corpus", corpus, "--out", out)
    assert status == 2 and "another run is writing" in err and str(out) in err
    assert main(["corpus", str(corpus), "--out", str(out), "--quiet"]) == 0


@pytest.mark.parametrize("where, fragment", [
    (lambda tmp, corpus: corpus, "corpus folder"),
    (lambda tmp, corpus: corpus / "report", "corpus folder"),
    (lambda tmp, corpus: tmp, "holds the corpus"),
])
def test_out_in_or_around_the_corpus_is_refused(tmp_path, corpus, capsys, where, fragment):
    before = tree_digest(corpus)
    status, err = _cli(capsys, "report", corpus, "--out", where(tmp_path, corpus))
    assert status == 2 and fragment in err and "fix:" in err
    assert tree_digest(corpus) == before


def test_out_that_is_a_file_is_an_early_clear_error(tmp_path, corpus, capsys):
    (tmp_path / "taken").write_text("x")
    status, err = _cli(capsys, "report", corpus, "--out", tmp_path / "taken")
    assert status == 2 and "taken" in err and "existing file" in err


def test_out_under_an_unwritable_parent_is_an_early_clear_error(tmp_path, corpus, capsys):
    (tmp_path / "plain").write_text("x")
    status, err = _cli(capsys, "report", corpus, "--out", tmp_path / "plain" / "out")
    assert status == 2 and "plain" in err and "cannot be created" in err


def test_out_holding_other_files_is_refused(tmp_path, corpus, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    status, err = _cli(capsys, "corpus", corpus, "--out", out)
    assert status == 2 and "notes.txt" in err
    assert (out / "notes.txt").read_text() == "mine"

