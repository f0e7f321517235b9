import subprocess
import sys

import pandas as pd

from toolkit.cli import main

from conftest import ROOT, SEEDS

REPORT = ROOT / "reports" / "seeds"


def _run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, cwd=cwd)


def test_help():
    result = _run("--help")
    assert result.returncode == 0
    assert "corpus" in result.stdout and "report" in result.stdout


def test_corpus_command_end_to_end(tmp_path):
    result = _run("corpus", str(SEEDS), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    docs = pd.read_csv(tmp_path / "data" / "documents.csv", keep_default_na=False)
    sentences = pd.read_csv(tmp_path / "data" / "sentences.csv", keep_default_na=False)
    removed = pd.read_csv(tmp_path / "data" / "removed.csv", keep_default_na=False)
    assert {"doc_id", "file", "title", "outlet", "author", "published", "words"} <= set(docs.columns)
    assert {"doc_id", "sentence_id", "kind", "start", "end", "text"} <= set(sentences.columns)
    assert len(docs) == 5 and len(sentences) > 300
    assert "No comments:" in set(removed["text"])
    dated = docs.set_index("doc_id")["published"].to_dict()
    assert dated["zehra-2025-11-07"] == "2025-11-07" and dated["world-news-2025-10-07"] == "2025-10-07"


def test_report_is_deterministic(tmp_path):
    assert main(["report", str(SEEDS), "--out", str(tmp_path / "a")]) == 0
    assert main(["report", str(SEEDS), "--out", str(tmp_path / "b")]) == 0
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_committed_report_is_current(tmp_path):
    """reports/seeds holds the output of `make report`; regenerate it when this fails."""
    assert main(["report", str(SEEDS), "--out", str(tmp_path)]) == 0
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(REPORT) for p in REPORT.rglob("*") if p.is_file())
    assert fresh == committed
    for name in fresh:
        if name.suffix == ".png":
            # rasterised text depends on the fonts installed on the machine; the SVG, Vega-Lite JSON and CSV
            # beside each PNG are compared byte for byte instead
            continue
        assert (tmp_path / name).read_bytes() == (REPORT / name).read_bytes(), f"{name} is stale: run make report"


def test_report_writes_no_machine_paths(tmp_path):
    main(["report", str(SEEDS), "--out", str(tmp_path)])
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".md", ".html", ".json", ".svg"):
            assert str(ROOT) not in path.read_text(encoding="utf-8")


def test_report_on_another_corpus_without_config(tmp_path):
    corpus = tmp_path / "other"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Port Opens\n\nThe port opened on Monday, officials said. Critics may object, according to Reuters.\n")
    (corpus / "b.txt").write_text("Port Delayed\n\nThe port did not open. Residents were angry and the mayor apologised.\n")
    assert main(["report", str(corpus), "--out", str(tmp_path / "out")]) == 0
    data = tmp_path / "out" / "data"
    for name in ("sentiment", "actor_sentiment", "stance", "frames", "readability", "stance_profile", "frame_shares"):
        assert (data / f"{name}.csv").is_file(), name
    stance = pd.read_csv(data / "stance.csv", keep_default_na=False)
    assert "Reuters" in set(stance["source"])
    assert "## Tone" in (tmp_path / "out" / "report.md").read_text()


def test_quiet_prints_nothing_on_success(tmp_path):
    result = _run("corpus", str(SEEDS), "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_progress_is_off_in_ci_and_off_a_terminal(monkeypatch):
    from toolkit.progress import wanted

    monkeypatch.setenv("CI", "true")
    assert not wanted()
    monkeypatch.delenv("CI")
    assert not wanted(quiet=True)


def test_progress_shows_in_a_notebook_kernel_unless_ci(monkeypatch):
    import sys
    import types

    from toolkit import progress

    kernel_stream = type("OutStream", (), {"__module__": "ipykernel.iostream", "isatty": lambda self: False})()
    monkeypatch.setitem(sys.modules, "ipykernel", types.ModuleType("ipykernel"))
    monkeypatch.setattr(sys, "stderr", kernel_stream)
    monkeypatch.delenv("CI", raising=False)
    assert progress.in_notebook() and progress.wanted()
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted()


def test_report_on_a_single_article(tmp_path):
    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Lonely Title\n\nThe port opened on Monday, officials said, and it was good news.\n")
    assert main(["report", str(corpus), "--out", str(tmp_path / "out")]) == 0
    assert "only one source" in (tmp_path / "out" / "report.md").read_text()


def test_analyze_command_on_dask_equals_the_committed_tables(tmp_path):
    result = _run("analyze", str(SEEDS), "--out", str(tmp_path), "--engine", "dask", "--quiet")
    assert result.returncode == 0, result.stderr
    for name in ("numbers", "stance", "frames", "actor_sentiment", "quantity_groups", "suggested_actors"):
        assert (tmp_path / "data" / f"{name}.csv").read_bytes() == (REPORT / "data" / f"{name}.csv").read_bytes(), name


def test_analyze_command_reads_jsonl_lazily(tmp_path):
    import json

    rows = [{"doc_id": f"d{i}", "outlet": f"O{i % 2}", "text": f"Officials said exports rose 5% in {2020 + i}. Critics disagreed."} for i in range(6)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = _run("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    numbers = pd.read_csv(tmp_path / "out" / "data" / "numbers.csv")
    assert set(numbers["doc_id"]) == {f"d{i}" for i in range(6)} and "5%" in set(numbers["surface"])


def test_scheduler_without_dask_engine_is_refused():
    result = _run("report", str(SEEDS), "--out", "unused", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.returncode == 2 and "--scheduler needs --engine dask" in result.stderr and "Traceback" not in result.stderr


def test_report_by_outlet_is_per_outlet_and_listings_are_capped(tmp_path, monkeypatch):
    import json

    from toolkit.evaluation.bench import synthetic_corpus

    monkeypatch.setattr("toolkit.present.sections.MAX_LISTED", 3)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in synthetic_corpus(8_000, SEEDS, sentences=6)), encoding="utf-8")
    assert main(["report", str(corpus), "--out", str(tmp_path / "out"), "--by", "outlet", "--quiet"]) == 0
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    outlets = {f"Outlet {i}" for i in range(7)}
    similarity = pd.read_csv(tmp_path / "out" / "data" / "source_similarity.csv")
    assert set(similarity["source_a"]) == outlets
    assert set(pd.read_csv(tmp_path / "out" / "data" / "coverage.csv")["source"]) <= outlets
    assert set(pd.read_csv(tmp_path / "out" / "charts" / "frames.csv")["source"]) == outlets
    assert "The first 3 of" in text and "all are in `data/documents.csv`" in text
    assert "means over its articles" in text


def test_report_quotes_a_quantity_one_source_states_twice(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Port Plan\n\nThe new port project will cost $5 million, officials said on Monday. "
                                  "Later, the new port project will cost $9 million, officials said on Monday.\n")
    (corpus / "b.txt").write_text("Rain Report\n\nHeavy rain fell across the northern hills for three days.\n")
    assert main(["report", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    groups = pd.read_csv(tmp_path / "out" / "data" / "quantity_groups.csv")
    assert "inconsistent_within_source" in set(groups["status"])
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "one source gives two values that do not overlap" in text and "**$5 million**" in text and "**$9 million**" in text
