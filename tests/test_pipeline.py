"""The engines: partitioned in-process runs, lazy JSONL/Parquet reading, and Dask."""

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT
from toolkit import CorpusError, ToolkitError, analyze, load_corpus
from toolkit.pipeline import TABLES
from toolkit.evaluation.bench import synthetic_corpus
from toolkit.corpus.partitions import load_partition, plan




def assert_same_tables(left: dict, right: dict) -> None:
    assert list(left) == list(right) == list(TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """About 2,000 short synthetic articles (3 sentences each), as a JSONL file and loaded."""
    rows = synthetic_corpus(130_000, ROOT / "seeds", sentences=3)
    path = write_jsonl(rows, tmp_path_factory.mktemp("many") / "many.jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return path, load_corpus(path)


def test_partitioning_does_not_change_the_tables(seeds_corpus):
    whole = analyze(seeds_corpus)
    assert_same_tables(whole, analyze(seeds_corpus, partition_documents=1))
    assert_same_tables(whole, analyze(seeds_corpus, partition_documents=2))


def test_dask_engine_equals_local_on_thousands_of_documents(many):
    path, corpus = many
    assert len(corpus) >= 2000
    local = analyze(corpus)
    assert len(local["numbers"]) > 1000 and local["quantity_groups"]["status"].nunique() > 1
    assert_same_tables(local, analyze(corpus, engine="dask", partition_documents=250, workers=2))
    # read lazily, partition by partition, on the workers
    assert_same_tables(local, analyze(path, engine="dask"))


def test_lazy_jsonl_and_parquet_equal_a_whole_load(tmp_path, many, monkeypatch):
    path, _ = many
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:300]]
    small = write_jsonl(rows, tmp_path / "small.jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = analyze(load_corpus(small))
    partitions = plan(small, partition_bytes=20_000)
    assert len(partitions) > 5
    assert partitions[0].start == 0 and partitions[-1].stop == small.stat().st_size
    assert all(a.stop == b.start for a, b in zip(partitions, partitions[1:]))
    assert sum(len(load_partition(p, load_corpus(small).config, 10**7)) for p in partitions) == 300
    monkeypatch.setattr("toolkit.corpus.partitions.PARTITION_BYTES", 20_000)  # many partitions
    assert_same_tables(expected, analyze(small))

    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = tmp_path / "small.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet, row_group_size=40)
    assert [p.row_groups for p in plan(parquet, partition_rows=50)] == [(0, 1), (2, 3), (4, 5), (6, 7)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = analyze(load_corpus(parquet))
    assert_same_tables(whole, analyze(parquet))
    assert (whole["documents"]["format"] == "parquet").all()
    for name in TABLES:  # the same articles as the JSONL file: only the file and format differ
        columns = [c for c in expected[name].columns if c not in ("file", "format")]
        pd.testing.assert_frame_equal(expected[name][columns], whole[name][columns], obj=name)


def test_lazy_rows_keep_their_numbers_and_errors_name_the_line(tmp_path, monkeypatch):
    text = "Officials said the plan may cost about $5 million. Critics disagreed."
    rows = [{"text": text + f" Row {i}."} for i in range(40)]
    path = write_jsonl(rows, tmp_path / "c.jsonl")
    path.write_text(path.read_text() + "\n" + json.dumps({"text": ""}) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"row 42 \(row-00042\) has no text"):
        lazy = analyze(path, partition_documents=5)
    ids = lazy["documents"]["doc_id"].tolist()
    assert ids == [f"row-{i:05d}" for i in range(1, 41)]  # blank line 41 keeps the numbering
    broken = tmp_path / "broken.jsonl"
    broken.write_text(path.read_text().replace(json.dumps(rows[29]), "{not json"), encoding="utf-8")
    monkeypatch.setattr("toolkit.corpus.partitions.PARTITION_BYTES", 500)
    monkeypatch.setattr("toolkit.corpus.partitions.HEAD_ROWS", 5)  # the bad line is found in its partition, not in the head
    assert len(plan(broken)) > 5
    with pytest.raises(CorpusError, match="line 30 is not valid JSON"):
        analyze(broken)


def test_lazy_duplicates_and_empty_files_are_refused(tmp_path):
    rows = [{"doc_id": "a", "text": "One sentence here about trade."}] * 2
    with pytest.raises(CorpusError, match="share the doc_id 'a'"):
        analyze(write_jsonl(rows, tmp_path / "dup.jsonl"))
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no rows"):
        analyze(tmp_path / "empty.jsonl")
    with pytest.raises(CorpusError, match="no text column"):
        analyze(write_jsonl([{"body_text": "x"}], tmp_path / "cols.jsonl"))
    with pytest.raises(CorpusError, match="load it first"):
        analyze(tmp_path)


def test_unknown_engine_and_unreachable_scheduler(seeds_corpus, monkeypatch):
    monkeypatch.setattr("toolkit.engine.SCHEDULER_TIMEOUT", "2s")
    with pytest.raises(ToolkitError, match="unknown engine"):
        analyze(seeds_corpus, engine="spark")
    with pytest.raises(ToolkitError, match="cannot reach the Dask scheduler"):
        analyze(seeds_corpus, engine="dask", scheduler="tcp://127.0.0.1:9")
