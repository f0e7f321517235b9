"""Text type: the model scored on the written gold texts, leave-one-out over every labelled text, and on the development corpora."""

import importlib.util
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.measures.text_type import FEATURES, TYPES, classify, load_model, news_headline, signals, text_types

GOLD = Path(__file__).resolve().parent.parent / "gold" / "text_type"
ROOT = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("NEWSLENS_CORPORA", ROOT.parent / "shared" / "corpora"))
needs_sklearn = pytest.mark.skipif(importlib.util.find_spec("sklearn") is None,
                                   reason="scikit-learn (dev extra) is needed to refit the model")


def confusion(gold: pd.Series, predicted: pd.Series) -> pd.DataFrame:
    return pd.crosstab(gold.rename("gold"), predicted.rename("predicted"))


def test_written_texts_confusion():
    written = pd.read_csv(GOLD / "written.csv")
    assert written["label"].value_counts().min() >= 7 and set(written["label"]) == set(TYPES)
    predicted = pd.Series([classify(t, title)[0] for t, title in zip(written["text"], written["title"])])
    print(confusion(written["label"], predicted).to_string())
    # the model was fitted on these texts (in-sample): this guards against regressions only;
    # the leave-one-out figures are in test_leave_one_out_beats_the_baseline
    assert (predicted == written["label"]).mean() >= 0.95


def test_evidence_names_the_signals():
    kind, evidence = classify("You're right to ask. Let me know if this helps, and feel free to write again.")
    assert kind == "conversational_reply" and "you're right" in evidence
    kind, evidence = classify("The council voted on Tuesday, officials said. The mayor told reporters it would pass.",
                              "Council backs new budget")
    assert kind == "news_report" and "attributions" in evidence and "model probability" in evidence
    kind, evidence = classify("I have argued for years that we must fix the buses. I think the council should act now, "
                              "and we should hold it to that.", "It is time we fixed the buses")
    assert kind == "opinion" and "first person singular" in evidence


def test_signals_are_rates_and_flags():
    values, found = signals('She said "we must go" today. Could it work? Perhaps.', "Can it work?")
    assert set(values) == set(FEATURES) | {"qa_labelled"}
    assert values["first_plural"] == 0 and values["prescriptive"] == 0  # inside quotation marks
    assert values["question_headline"] == 1 and values["hedged"] > 0 and values["quoted_share"] > 0


def test_news_headline_form():
    assert news_headline("Court blocks mining permit") and news_headline("Storm cuts power to 30,000 homes")
    assert not news_headline("Why the talks are stalling") and not news_headline("Is the deal worth it?")
    assert not news_headline("The budget is a missed chance") and not news_headline("")


def test_shipped_model_matches_the_signals():
    mean, scale, weights, bias, classes = load_model()
    assert weights.shape == (len(FEATURES), len(TYPES)) and set(classes) == set(TYPES)
    assert np.all(scale > 0) and np.all(np.isfinite(weights))


@needs_sklearn
def test_leave_one_out_beats_the_baseline():
    from toolkit.evaluation.text_type_training import confusion as full_confusion, labelled, leave_one_out

    table = labelled(corpora=CORPORA, log=lambda *_: None)
    table["predicted"] = leave_one_out(table)
    print(full_confusion(table["label"], table["predicted"]).to_string())
    accuracy = (table["label"] == table["predicted"]).mean()
    baseline = (table["label"] == table["label"].value_counts().idxmax()).mean()
    print(f"leave-one-out accuracy {accuracy:.3f}, majority baseline {baseline:.3f}, n={len(table)}")
    # measured: 42/42 on the written texts alone (73/74 with the corpora); a margin below, not tuned
    written = table[table["set"] == "written"]
    assert (written["label"] == written["predicted"]).mean() >= 0.9
    assert accuracy >= baseline + 0.3


@needs_sklearn
def test_model_rebuilds_exactly(tmp_path):
    from toolkit.evaluation.text_type_training import build_model, labelled

    if not CORPORA.is_dir():
        pytest.skip(f"development corpora not found at {CORPORA} (set NEWSLENS_CORPORA)")
    build_model(labelled(corpora=CORPORA, log=lambda *_: None), tmp_path / "text_type.csv")
    shipped = (ROOT / "toolkit" / "models" / "text_type.csv").read_text(encoding="utf-8")
    assert (tmp_path / "text_type.csv").read_text(encoding="utf-8") == shipped


def test_seed_documents_carry_a_type(seeds_corpus):
    table = text_types(seeds_corpus)
    assert list(table.columns) == ["doc_id", "text_type", "text_type_evidence"]
    assert set(table["text_type"]) <= set(TYPES) and table["text_type_evidence"].str.len().min() > 20
    assert table.set_index("doc_id").loc["azad-news-hd", "text_type"] == "conversational_reply"


def test_development_corpora_confusion():
    labels = pd.read_csv(GOLD / "corpora.csv")
    if not CORPORA.is_dir():
        pytest.skip(f"development corpora not found at {CORPORA} (set NEWSLENS_CORPORA)")
    rows = []
    for name, group in labels.groupby("corpus", sort=True):
        folder = ROOT / "seeds" if name == "seeds" else CORPORA / name
        rows.append(text_types(load_corpus(folder)).assign(corpus=name))
    scored = pd.concat(rows).merge(labels, on=["corpus", "doc_id"])
    assert len(scored) == len(labels)
    # in-sample (these documents are among the model's training texts)
    print(confusion(scored["label"], scored["text_type"]).to_string())
    assert (scored["label"] == scored["text_type"]).mean() >= 0.9


def test_a_text_without_headline_reads_its_headline_signals_as_average():
    values, _ = signals("The council voted on Tuesday, officials said.")
    assert np.isnan(values["news_headline"]) and np.isnan(values["question_headline"])
    kind, evidence = classify("The council voted on Tuesday to close two schools, officials said. The mayor told "
                              "reporters the decision was final, according to a statement.")
    assert kind == "news_report" and "nan" not in evidence


def test_blind_set_confusion():
    """The held-out texts of ``blind.csv``, written and labelled before the model was scored on them."""
    blind = pd.read_csv(GOLD / "blind.csv")
    assert len(blind) == 54 and blind["label"].value_counts().eq(9).all() and set(blind["label"]) == set(TYPES)
    predicted = pd.Series([classify(t, title)[0] for t, title in zip(blind["text"], blind["title"])])
    table = pd.crosstab(pd.Categorical(blind["label"], TYPES), pd.Categorical(predicted, TYPES), dropna=False)
    table.index.name, table.columns.name = "gold", "predicted"
    print(table.to_string())
    accuracy = (predicted == blind["label"]).mean()
    baseline = blind["label"].value_counts().max() / len(blind)  # every type has 9 texts: 1/6
    print(f"blind accuracy {accuracy:.3f} ({int((predicted == blind['label']).sum())}/{len(blind)}), "
          f"majority baseline {baseline:.3f}")
    # measured once, when the set was first scored: 46/54 = 0.852; a small margin below it
    assert accuracy >= 0.80 and accuracy > baseline
