import pandas as pd

from toolkit.corpus.documents import load_corpus
from toolkit.measures.numbers import numbers

TEXT = ("Ferry sinks off Veloria\n\nPublished March 3 2031 A passenger ferry sank off Veloria last month, the coast "
        "guard said. Divers searched the hull on Tuesday.\n")


def _corpus(tmp_path, published):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(f"doc_id,file,published\none,one.txt,{published}\n", encoding="utf-8")
    return load_corpus(tmp_path)


def test_a_dateline_run_into_the_text_is_cut_and_kept_as_the_date(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    doc = load_corpus(tmp_path).documents[0]
    assert "Published" not in doc.text and doc.text.split("\n\n")[1].startswith("A passenger ferry")
    assert doc.metadata["published"] == "2031-03-03" and doc.provenance["published"] == "inferred:dateline"
    assert any(r.rule == "dateline" and "March 3 2031" in r.text for r in doc.removals)


def test_a_manifest_date_far_from_the_dateline_is_kept_with_a_warning_and_the_dateline_dates_the_text(tmp_path):
    corpus = _corpus(tmp_path, "2031-04-10")
    doc = corpus.documents[0]
    assert doc.metadata["published"] == "2031-04-10" and doc.metadata["dateline"] == "2031-03-03"
    assert [n.code for n in corpus.notices] == ["dateline_differs"]
    assert "2031-03-03" in corpus.notices[0].message and "published column" in corpus.notices[0].message
    found = numbers(corpus)
    last_month = found[found["surface"] == "last month"]
    # the month before the dateline's (February 2031), whatever the manifest says
    assert pd.Timestamp(last_month["date_low"].iloc[0]) == pd.Timestamp("2031-02-01")
    assert "dateline" in corpus.documents_table().columns


def test_a_manifest_date_a_day_from_the_dateline_is_no_conflict(tmp_path):
    corpus = _corpus(tmp_path, "2031-03-04")
    assert corpus.notices == [] and "dateline" not in corpus.documents[0].metadata
