"""Train and cross-validate the text-type model on the labelled texts of ``tests/gold/text_type/``.

Evaluation code, never imported by the toolkit at run time. The labelled texts
are the short texts written for the purpose (``written.csv``, with their
text) and the documents of the development corpora and of the seed corpus
(``corpora.csv``, labels only; the corpora are read from their folders). The
development corpora are not part of this project: their folder is a parameter,
and they are left out with a message when absent.

``python -m toolkit.evaluation.text_type_training --corpora DIR`` rebuilds
``toolkit/models/text_type.csv`` exactly and prints the leave-one-out
confusion table and accuracy beside the majority baseline.

Protocol
--------
Each document is one sample, so leave-one-out is grouped by document. The
signals are standardised and the logistic regression fitted inside each
training fold; its settings are fixed in advance (:data:`C`, balanced class
weights, lbfgs), not chosen on the data, so the leave-one-out figures are not
tuned. The shipped model is fitted on all labelled texts with the same settings.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus.documents import load_corpus
from ..measures.text_type import FEATURES, MODEL, TYPES, explain, has_author_note, signals

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "text_type"
SEEDS = ROOT / "seeds"
#: Inverse regularisation strength of the logistic regression: scikit-learn's
#: default, fixed in advance and not tuned (the labelled set is too small to tune it honestly).
C = 1.0
#: A standardised signal whose spread is zero on the training texts is divided by this instead.
MIN_SCALE = 1e-6


def labelled(gold: Path = GOLD, corpora: Path | None = None, seeds: Path = SEEDS, log=print) -> pd.DataFrame:
    """The labelled texts with their signals: ``set, corpus, doc_id, label`` and one column per signal."""
    rows = []
    written = pd.read_csv(gold / "written.csv")
    for r in written.itertuples():
        values, _ = signals(r.text, r.title)
        rows.append({"set": "written", "corpus": "written", "doc_id": r.id, "label": r.label, **values})
    labels = pd.read_csv(gold / "corpora.csv")
    for name, group in labels.groupby("corpus", sort=True):
        folder = seeds if name == "seeds" else (corpora / name if corpora else None)
        if folder is None or not folder.is_dir():
            log(f"left out: corpus {name} not found" + (f" at {folder}" if folder else " (no --corpora)"))
            continue
        docs = {d.doc_id: d for d in load_corpus(folder).documents}
        for r in group.itertuples():
            doc = docs[r.doc_id]
            values, _ = signals(doc.text, doc.metadata.get("title", ""), len(doc.sentences), has_author_note(doc))
            rows.append({"set": "seeds" if name == "seeds" else "corpora", "corpus": name, "doc_id": r.doc_id,
                         "label": r.label, **values})
    return pd.DataFrame(rows)


def fit(x: np.ndarray, y: list[str]):
    """Fit the model on signal rows ``x`` and labels ``y``; returns ``(mean, scale, weights, bias, classes)``."""
    from sklearn.linear_model import LogisticRegression

    mean = np.nanmean(x, axis=0)
    scale = np.nanstd(x, axis=0)
    scale[~(scale >= MIN_SCALE)] = 1.0
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=10000, solver="lbfgs")
    model.fit(np.nan_to_num((x - mean) / scale, nan=0.0), y)  # an unknown signal (no headline) reads as average
    classes = tuple(str(c) for c in model.classes_)
    return mean, scale, model.coef_.T.copy(), model.intercept_.copy(), classes


def leave_one_out(table: pd.DataFrame) -> pd.Series:
    """The leave-one-out prediction of every labelled text."""
    x = table[list(FEATURES)].to_numpy(float)
    y = table["label"].tolist()
    predicted = []
    for i in range(len(table)):
        keep = np.arange(len(table)) != i
        model = fit(x[keep], [y[j] for j in np.flatnonzero(keep)])
        values = {**dict(zip(FEATURES, x[i])), "qa_labelled": table["qa_labelled"].iloc[i]}
        predicted.append(explain(values, {"reply": [], "press": [], "prescriptive": []}, model)[0])
    return pd.Series(predicted, index=table.index, name="predicted")


def confusion(gold: pd.Series, predicted: pd.Series) -> pd.DataFrame:
    """Gold type by predicted type, every type shown."""
    table = pd.crosstab(pd.Categorical(gold, TYPES), pd.Categorical(predicted, TYPES), dropna=False)
    table.index.name, table.columns.name = "gold", "predicted"
    return table


def majority_baseline(train: pd.Series, test: pd.Series) -> float:
    """Accuracy of giving every text the most frequent type of ``train``."""
    return float((test == train.value_counts().idxmax()).mean())


def write_model(model, path: Path) -> None:
    """Write ``(mean, scale, weights, bias, classes)`` as CSV (one row per signal, one column per type)."""
    mean, scale, weights, bias, classes = model
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["feature", "mean", "scale", *classes])
        out.writerow(["__bias__", "", "", *(f"{b:.6g}" for b in bias)])
        for i, name in enumerate(FEATURES):
            out.writerow([name, f"{mean[i]:.6g}", f"{scale[i]:.6g}", *(f"{w:.6g}" for w in weights[i])])


def build_model(table: pd.DataFrame, path: Path) -> None:
    """Fit on every labelled text and write the weights to ``path``."""
    write_model(fit(table[list(FEATURES)].to_numpy(float), table["label"].tolist()), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.text_type_training",
                                     description="Rebuild the text-type model and print its leave-one-out figures.")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora",
                        help="folder holding the development corpora named in corpora.csv")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "models",
                        help="where to write the CSV weights")
    parser.add_argument("--no-cv", action="store_true", help="only rebuild the weights")
    args = parser.parse_args(argv)
    table = labelled(corpora=args.corpora)
    if not args.no_cv:
        table["predicted"] = leave_one_out(table)
        for part, rows in [("all", table), *table.groupby("set", sort=True)]:
            accuracy = float((rows["label"] == rows["predicted"]).mean())
            baseline = majority_baseline(table["label"], rows["label"])
            print(f"\nleave-one-out, {part}: accuracy {accuracy:.3f} ({int((rows['label'] == rows['predicted']).sum())}/"
                  f"{len(rows)}); majority baseline ({table['label'].value_counts().idxmax()}) {baseline:.3f}")
            print(confusion(rows["label"], rows["predicted"]).to_string())
        wrong = table[table["label"] != table["predicted"]]
        print("\nmisclassified:", ", ".join(f"{r.corpus}/{r.doc_id} {r.label}->{r.predicted}" for r in wrong.itertuples()))
    path = args.out / MODEL
    build_model(table, path)
    print(f"\nwrote {path.name}: {len(FEATURES)} signals, {len(table)} labelled texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
