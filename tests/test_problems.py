"""One failing sentence never fails a corpus: it is recorded in ``problems``."""

import json

import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.cli import main
from toolkit.measures import stance as stance_module
from toolkit.pipeline import PROBLEM_COLUMNS, analyze

BODY = "The ministry said on Monday that exports rose sharply this year, and officials welcomed the news."
POISON = "The poisoned sentence mentions zanzibarite twice, zanzibarite."


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(f"First Title\n\n{BODY} {POISON} Exports rose 5% to $2 billion.\n")
    (folder / "b.txt").write_text(f"Second Title\n\nThe port stayed shut on Tuesday. {BODY}\n")
    return folder


@pytest.fixture
def poisoned(monkeypatch):
    """Make the stance measure raise on any sentence holding the poison word."""
    original = stance_module.stance

    def failing(corpus, *args, **kwargs):
        for doc in corpus:
            if "zanzibarite" in doc.text:
                raise KeyError("zanzibarite")
        return original(corpus, *args, **kwargs)

    monkeypatch.setattr("toolkit.pipeline.stance", failing)


def test_clean_corpus_has_an_empty_problems_table(corpus):
    tables = analyze(load_corpus(corpus))
    assert list(tables["problems"].columns) == PROBLEM_COLUMNS and tables["problems"].empty


def test_a_failing_sentence_is_recorded_and_left_out(corpus, poisoned):
    loaded = load_corpus(corpus)
    tables = analyze(loaded)
    problems = tables["problems"]
    bad = next(s.sentence_id for s in loaded.document("a").sentences if "zanzibarite" in s.text)
    assert problems[["doc_id", "sentence_id"]].values.tolist() == [["a", bad]]
    assert problems["error"].iloc[0] == "KeyError: 'zanzibarite'" and problems["step"].iloc[0]
    assert "zanzibarite" in " ".join(tables["sentences"]["text"])  # the corpus tables keep the text
    assert set(tables["stance"]["doc_id"]) <= {"a", "b"} and len(tables["readability"]) == 2
    assert "$2 billion" in set(tables["numbers"]["surface"])  # the rest of the document is measured


def test_report_mentions_problems(corpus, poisoned, tmp_path, capsys):
    assert main(["report", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "problems.csv" in capsys.readouterr().err
    assert len(pd.read_csv(tmp_path / "out" / "data" / "problems.csv")) == 1
    assert "1 sentence in 1 article could not be measured" in (tmp_path / "out" / "report.md").read_text()


def test_numbers_survive_long_s_units_and_relative_dates_at_the_calendar_ends(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "late", "published": "9999-12-31", "text": "Late Title\n\nGrowth is due next year, next month and next week."},
            {"id": "early", "published": "0001-01-01", "text": "Early Title\n\nIt fell last year, last month and last week."},
            {"id": "tons", "published": "2020-05-05", "text": "Tons Title\n\nThe ship carried 5 tonſ of grain and 4 metric  tons more."}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    tables = analyze(load_corpus(path))
    assert tables["problems"].empty
    numbers = tables["numbers"]
    assert numbers.loc[numbers["doc_id"] == "tons", "unit"].tolist() == ["ton", "ton"]
    ends = numbers.loc[numbers["doc_id"].isin(["late", "early"])]
    assert ends[["low", "high", "date_low", "date_high"]].isna().all().all()


def test_by_outlet_without_outlets_warns(corpus, tmp_path, capsys):
    assert main(["report", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--by", "outlet"]) == 0
    assert "--by outlet: no document names an outlet" in capsys.readouterr().err
