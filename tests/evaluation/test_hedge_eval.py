"""The FactBank evaluation of epistemic hedges: its machinery on sentences
written for these tests, and the shipped cue file against an exact rebuild
(skipped when the public benchmark is not beside the project; set BENCHMARKS
to point elsewhere)."""

import json
import os
from pathlib import Path

import pytest

from toolkit.evaluation import hedge_eval
from toolkit.evaluation.hedge_eval import (build_cue_model, candidate_cues, cross_validate, cue_span_score, cue_token_score,
                                dropped_terms, evaluate, grouped_folds, sentence_score, term_counts)

from conftest import ROOT

BENCHMARKS = Path(os.environ.get("BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))

#: Sentences written for these tests, in the benchmark's format.
SENTENCES = [
    ("a", "The council may delay the vote.", [("may", "speculation_modal_possible")]),
    ("a", "Officials expect the bridge to reopen in May.", [("expect", "speculation_hypo_doxastic")]),
    ("a", "About 40 people attended the hearing.", []),
    ("b", "The firm estimated its losses at $2 million.", []),
    ("b", "Analysts estimated that sales fell.", []),
    ("b", "The estimated cost rose again.", []),
    ("c", "The storm could reach the coast by night.", [("could", "speculation_modal_possible")]),
    ("c", "If it rains, the match moves indoors.", [("If", "speculation_hypo_condition")]),
    ("d", "Investigators asked whether the alarm worked.", [("whether", "speculation_hypo_investigation")]),
    ("d", "The mayor is likely to resign.", [("likely", "speculation_modal_probable")]),
]


def _write(folder: Path) -> Path:
    target = folder / "szeged-factbank-dev"
    target.mkdir(parents=True)
    with open(target / "factbank_dev.jsonl", "w", encoding="utf-8") as handle:
        for i, (doc, text, cues) in enumerate(SENTENCES):
            spans = []
            for word, kind in cues:
                start = text.index(word)
                spans.append({"start": start, "end": start + len(word), "text": word, "type": kind})
            handle.write(json.dumps({"doc": doc, "sentence_id": i, "text": text, "cues": spans}) + "\n")
    return folder


@pytest.fixture()
def bench(tmp_path):
    return _write(tmp_path)


def test_absent_benchmark_is_skipped_with_a_message(tmp_path):
    messages = []
    assert evaluate(tmp_path / "absent", messages.append) == []
    assert messages and "not found" in messages[0]
    assert hedge_eval.main(["--benchmarks", str(tmp_path / "absent")]) == 0


def test_folds_keep_documents_whole_and_are_deterministic(bench):
    sentences = hedge_eval.read_factbank(bench)
    folds = grouped_folds(sentences, k=3)
    assert folds == grouped_folds(sentences, k=3)
    assert sorted(i for fold in folds for i in fold) == list(range(len(sentences)))
    for fold in folds:
        docs = {sentences[i]["doc"] for i in fold}
        assert all(sentences[i]["doc"] in docs for i in range(len(sentences)) if i in fold)
        others = {sentences[i]["doc"] for f in folds if f is not fold for i in f}
        assert not docs & others


def test_counts_selection_and_scores(bench):
    sentences = hedge_eval.read_factbank(bench)
    cues = candidate_cues(sentences)
    counts = term_counts(sentences, cues, range(len(sentences)))
    assert counts["may"] == (1, 1) and counts["could"] == (1, 1)
    assert counts["estimated"] == (3, 0)
    assert dropped_terms(counts) == {"estimated"}  # three occurrences, none an epistemic cue
    everything = {i: cues[i] for i in range(len(sentences))}
    score = sentence_score(sentences, everything)
    assert (score.gold, score.true_positives) == (4, 4)  # conditions and questions are not epistemic gold
    assert score.predicted == 7  # the three "estimated" sentences are the false positives
    assert cue_span_score(sentences, everything).recall == 1.0
    assert 0 < cue_token_score(sentences, everything).precision < 1
    oof = cross_validate(sentences, cues, k=2)
    assert sorted(oof) == list(range(len(sentences)))


def test_cue_model_rebuild_is_exact(bench, tmp_path):
    first, second = tmp_path / "one.csv", tmp_path / "two.csv"
    build_cue_model(bench, first)
    build_cue_model(bench, second)
    assert first.read_bytes() == second.read_bytes()
    assert "estimated,3,0,0.0000,no" in first.read_text(encoding="utf-8")


def test_shipped_cue_model_matches_a_rebuild(tmp_path):
    if not hedge_eval.factbank_path(BENCHMARKS).is_file():
        pytest.skip(f"szeged-factbank-dev not found in {BENCHMARKS}")
    rebuilt = tmp_path / "hedge_cues.csv"
    build_cue_model(BENCHMARKS, rebuilt)
    shipped = ROOT / "toolkit" / "models" / "hedge_cues.csv"
    assert rebuilt.read_bytes() == shipped.read_bytes(), "run python -m toolkit.evaluation.hedge_eval --benchmarks DIR --rebuild"
