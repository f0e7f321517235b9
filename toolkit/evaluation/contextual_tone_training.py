"""Train the contextual actor-tone model's head, and cross-validate it, on NewsMTSC train only.

``python -m toolkit.evaluation.contextual_tone_training --benchmarks ../shared/benchmarks``

1. encodes every target of NewsMTSC train with
   :func:`toolkit.measures.contextual_encoder.mention_features` (about 9
   minutes on two cores);
2. chooses the head's regularisation ``C`` (of :data:`C_GRID`) and the weight
   of the contextual model against the fast one (of :data:`WEIGHT_GRID`) by
   5-fold cross-validation inside train, grouped by article (the folds of
   :func:`toolkit.evaluation.tone_training.fold_of`); the fast model's
   out-of-fold scores are its linear half's (the convolutional half needs
   JAX to refit);
3. fits a multinomial logistic regression on the standardised features of
   all of train (lbfgs, a fixed tolerance: the same data gives the same
   weights) and writes ``toolkit/models/actor_tone_contextual.csv`` (one row
   per feature: its mean and scale, and one weight per class; an
   ``intercept`` row) and the cross-validated figures to
   ``toolkit/models/actor_tone_contextual_cv.csv``.

NewsMTSC dev is not read here: ``make validate`` reads it once, as the check.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from ..measures.contextual_encoder import BLOCKS, WIDTH, mention_features
from ..measures.tone_model import CLASSES
from .tone_training import CONTEXTUAL_CV_FILE as CV_FILE, CV_COLUMNS, FOLDS, actor_data, fold_of, macro_f1, missing, oof_actor, read_newsmtsc

C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1)
WEIGHT_GRID = tuple(round(0.1 * k, 1) for k in range(1, 10))
WEIGHTS_FILE = "actor_tone_contextual.csv"
TOL = 1e-6
#: Features whose spread in train is under this are not standardised (see ``_fit``).
MIN_SCALE = 1e-4
#: Significant digits written (some features vary by under 1e-6: their scales need digits, not places).
DIGITS = 9


def feature_names() -> list[str]:
    return [f"{block}_{i}" for block in BLOCKS for i in range(WIDTH)]


def _fit(x: np.ndarray, labels: list[str], c: float):
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(0), x.std(0)
    # a few of the encoder's dimensions are constant up to rounding (spread under 1e-6): standardised,
    # they would be rounding noise, so they are left as they are (a scale of 1: next to no weight)
    scale[scale < MIN_SCALE] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, tol=TOL).fit((x - mean) / scale, labels)
    order = [list(model.classes_).index(k) for k in CLASSES]
    return mean, scale, model.coef_[order].T, model.intercept_[order]


def head_log_probabilities(x: np.ndarray, mean, scale, coef, intercept) -> np.ndarray:
    """The head's log-probabilities (rows x 3, in the order of ``CLASSES``)."""
    scores = ((x - mean) / scale) @ coef + intercept
    scores = scores - scores.max(1, keepdims=True)
    return scores - np.log(np.exp(scores).sum(1, keepdims=True))


def cross_validate(x: np.ndarray, labels: list[str], groups: list[str], fast: np.ndarray, log=print) -> dict:
    """Out-of-fold macro-F1 of the head alone for each C, and of the mix with the fast model for each weight."""
    folds = np.array([fold_of(g) for g in groups])
    gold = list(labels)
    best = None
    figures: dict = {"head": {}, "mix": {}}
    for c in C_GRID:
        oof = np.zeros((len(labels), len(CLASSES)))
        for k in range(FOLDS):
            train = folds != k
            params = _fit(x[train], [l for l, t in zip(labels, train) if t], c)
            oof[~train] = head_log_probabilities(x[~train], *params)
        score = macro_f1(gold, [CLASSES[j] for j in oof.argmax(1)])
        figures["head"][c] = score
        log(f"C={c}: contextual head alone, CV macro-F1 {score:.4f}")
        if best is None or score > best[0]:
            best = (score, c, oof)
    _, c, oof = best
    for w in WEIGHT_GRID:
        mixed = (1 - w) * fast + w * oof
        figures["mix"][w] = macro_f1(gold, [CLASSES[j] for j in mixed.argmax(1)])
        log(f"weight {w}: fast (linear half) + contextual, CV macro-F1 {figures['mix'][w]:.4f}")
    figures["C"] = c
    figures["weight"] = max(WEIGHT_GRID, key=lambda w: (figures["mix"][w], -w))
    figures["fast"] = macro_f1(gold, [CLASSES[j] for j in fast.argmax(1)])
    return figures


def _digits(value: float) -> str:
    return f"{float(value):.{DIGITS}g}"


def write_head(params, path: Path) -> None:
    mean, scale, coef, intercept = params
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["feature", "mean", "scale", *CLASSES])
        for name, m, s, row in zip(feature_names(), mean, scale, coef):
            writer.writerow([name, _digits(m), _digits(s), *(_digits(v) for v in row)])
        writer.writerow(["intercept", 0, 1, *(_digits(v) for v in intercept)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.contextual_tone_training",
                                     description="Retrain the contextual actor-tone model's head on NewsMTSC train.")
    parser.add_argument("--benchmarks", type=Path, required=True, help="folder holding newsmtsc/")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "models", help="where to write the CSV files")
    args = parser.parse_args(argv)
    problem = missing(args.benchmarks)
    if problem:
        print(f"skipped: {problem}\n  fix: pass the benchmarks folder with --benchmarks")
        return 2
    rows = read_newsmtsc(args.benchmarks / "newsmtsc" / "train.jsonl")
    print(f"encoding {len(rows)} NewsMTSC train targets ...", flush=True)
    x = mention_features([(s, a, b) for s, a, b, *_ in rows])
    labels, groups = [r[3] for r in rows], [r[4] for r in rows]
    data = actor_data(args.benchmarks)
    figures = cross_validate(x, labels, groups, oof_actor(args.benchmarks, data=data), lambda m: print(m, flush=True))
    write_head(_fit(x, labels, figures["C"]), args.out / WEIGHTS_FILE)
    dataset = f"newsmtsc train ({FOLDS}-fold CV by article)"
    cv_rows = [
        ("tone toward actors (contextual head alone)", dataset, "macro_f1", figures["head"][figures["C"]], len(labels)),
        ("tone toward actors (contextual model, with the fast linear half)", dataset, "macro_f1",
         figures["mix"][figures["weight"]], len(labels)),
    ]
    with open(args.out / CV_FILE, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CV_COLUMNS + ["setting"])
        for row in cv_rows:
            writer.writerow([*row, f"C={figures['C']}; weight={figures['weight']}"])
    print(f"chose C={figures['C']}, weight {figures['weight']}; wrote {args.out / WEIGHTS_FILE} and {args.out / CV_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
