"""The benchmark runs end to end on a small corpus (its timings are not tested)."""

import pandas as pd

from toolkit.evaluation.bench import ratios, run, synthetic_corpus

from conftest import SEEDS


def test_synthetic_corpus_is_reproducible():
    first, second = synthetic_corpus(3000, SEEDS), synthetic_corpus(3000, SEEDS)
    assert first == second and len(first) >= 2


def test_bench_writes_every_stage(tmp_path):
    table = run(3000, tmp_path, SEEDS, quantulum=False, dask=False, log=lambda message: None)
    stages = set(table["stage"])
    assert {"load", "segment", "sentiment", "stance", "framing", "numbers", "readability", "analysis_total",
            "alignment", "analyze_local", "comparison", "report", "peer_vader", "peer_textstat"} <= stages
    process = table[table["stage"] == "analyze_process"]
    assert len(process) == 3 and process["words"].is_monotonic_increasing and (process["peak_rss_mb"] > 50).all()
    written = pd.read_csv(tmp_path / "results.csv")
    assert list(written.columns) == ["stage", "words", "seconds", "words_per_s", "peak_rss_mb"]
    assert (written.loc[written["stage"] != "analyze_process", "words"] > 2500).all() and (written["seconds"] > 0).all()
    assert "report_process" in stages and (tmp_path / "report-process" / "report.html").is_file()
    assert (tmp_path / "words_per_second.png").is_file()
    assert "x2" in (tmp_path / "words_per_second.vl.json").read_text()  # bars need a baseline on a log scale
    assert "analysis_total / peer_vader" in ratios(table)
