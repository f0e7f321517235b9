"""Training and cross-validation of the tone models (not imported at run time).

Two models, both multinomial logistic regressions over the features of
:func:`toolkit.measures.tone_model.featurize` (the actor model also over the
context embeddings of :func:`toolkit.measures.tone_embeddings.context_vectors`),
shipped as CSV weights in ``toolkit/models/``:

``actor_tone``
    tone toward a marked mention, trained on NewsMTSC ``train.jsonl`` only
    (Hamborg & Donnay, EACL 2021, MIT licence). Its regularisation is chosen
    by cross-validation inside ``train.jsonl``, grouped by article, so that
    the development splits are read once, to check the shipped model.
``sentence_tone``
    the tone of a sentence, trained on the NewsMTSC sentences whose targets
    all share one label and on the NYT opinion snippets of Hutto & Gilbert
    (ICWSM 2014, MIT licence), their mean rating binned at
    ``|rating| < 0.5`` = neutral (the benchmark's protocol). Its figure on the
    snippets is cross-validated by article: the snippets of an article are
    never scored by a model that saw them.

The actor model's second, convolutional half
(``toolkit/models/actor_tone_sequence.npz``) is trained by
:mod:`toolkit.evaluation.tone_sequence_training` (JAX, the ``tone-train``
extra); the two are averaged with ``tone_model.SEQUENCE_WEIGHT``. The actor
model's cross-validated macro-F1 inside NewsMTSC train, grouped by article:
0.663 (linear half 0.647, convolutional half 0.607).

Rebuild the shipped weights (scikit-learn, a dev extra, and JAX, the
``tone-train`` extra, are needed; ``--no-sequence`` rebuilds the CSV weights
only)::

    python -m toolkit.evaluation.tone_training --benchmarks ../shared/benchmarks

``--cv`` recomputes the shipped settings' cross-validated figures (written
to ``toolkit/models/tone_cv.csv``, which :func:`toolkit.evaluation.validation.validate`
prints beside the dev figures; it trains the convolutional half once per
fold, which needs JAX and about a quarter of an hour) and ``--select`` prints
the linear models' for every C of ``C_GRID``. The same data gives
the same weights: the solver is deterministic and the folds are fixed.
Every function takes the benchmark folder as a parameter; :func:`main`
stops with a message when it is missing.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path

import numpy as np

from ..measures.tone_embeddings import context_vectors
from ..measures.tone_model import (CLASSES, EMBEDDING_FEATURES, NEWSMTSC_LABELS, clause_bounds, featurize, predict,
                                  structural_prior)

#: Inverse regularisation strength of the actor model, chosen by 5-fold
#: cross-validation inside NewsMTSC train (grouped by article) among
#: ``C_GRID`` (:func:`select_c`). With the context embeddings, the reversers'
#: scope and ``tone_model.EFFECT_VALUE`` 3 (before the harm prior and the words
#: of change, which moved the figure at 0.1 to 0.649 and then 0.648): CV macro-F1 0.646 at 0.03, 0.648
#: at 0.1, 0.641 at 0.3 (``EFFECT_VALUE`` 1 at 0.1: 0.646; without the
#: reversers' scope: 0.645; before the embeddings: 0.625, 0.627, 0.619).
ACTOR_C = 0.1
#: ... of the sentence model, chosen the same way on the NYT snippets
#: (grouped by article; CV Pearson r 0.553 at 0.03, 0.553 at 0.1, 0.540 at 0.3, with word pairs, which
#: were then dropped: 0.555 without them at 0.1).
SENTENCE_C = 0.1
C_GRID = (0.03, 0.1, 0.3)
#: Features seen in fewer training examples than this are dropped.
MIN_COUNT = 2
#: Folds of every cross-validation.
FOLDS = 5
#: NYT snippets: |mean rating| below this is neutral (the benchmark README's protocol).
NYT_NEUTRAL_BAND = 0.5
#: Significant digits of the shipped weights.
DIGITS = 4
#: Tolerance of the solver. Float sums (the actor model's context embeddings, the solver's own products) differ in
#: their last bits between CPUs; with scikit-learn's default (1e-4) the solver stops where its path happened to
#: lead, and those bits moved the actor model's weights in their third digit. Run to the optimum, which the
#: regularised loss fixes, the rebuild gives the same weights on any machine.
TOL = 1e-8


def article_of(gid: str) -> str:
    """The article of a NewsMTSC id (``allsides_<article>_...``)."""
    parts = gid.split("_")
    return "_".join(parts[:2])


def read_newsmtsc(path: Path) -> list[tuple[str, int, int, str, str]]:
    """(sentence, from, to, label, article) for every target of a NewsMTSC file."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for target in record["targets"]:
                rows.append((record["sentence_normalized"], target["from"], target["to"],
                             NEWSMTSC_LABELS[target["polarity"]], article_of(record["primary_gid"])))
    return rows


def read_nyt(path: Path) -> list[tuple[str, float, str]]:
    """(article, mean rating, text) for every NYT snippet (ids are ``<article>_<sentence>``)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for line in handle.read().splitlines():
            parts = line.rstrip("\r").split("\t")
            if len(parts) >= 3:
                rows.append((parts[0].split("_")[0], float(parts[1]), parts[2]))
    return rows


def nyt_label(rating: float) -> str:
    return "pos" if rating >= NYT_NEUTRAL_BAND else "neg" if rating <= -NYT_NEUTRAL_BAND else "neu"


def fold_of(group: str, folds: int = FOLDS) -> int:
    """A fixed fold for a group (a stable hash of its name, not Python's salted one)."""
    value = 0
    for char in group:
        value = (value * 131 + ord(char)) % 1_000_003
    return value % folds


def _vocabulary(samples: list[dict[str, float]], min_count: int) -> list[str]:
    counts: dict[str, int] = {}
    for sample in samples:
        for feature in sample:
            counts[feature] = counts.get(feature, 0) + 1
    return sorted(f for f, n in counts.items() if n >= min_count)


def _matrix(samples: list[dict[str, float]], vocabulary: list[str]):
    from scipy.sparse import csr_matrix

    index = {f: i for i, f in enumerate(vocabulary)}
    data, cols, indptr = [], [], [0]
    for sample in samples:
        for feature, value in sample.items():
            j = index.get(feature)
            if j is not None:
                cols.append(j)
                data.append(value)
        indptr.append(len(cols))
    return csr_matrix((data, cols, indptr), shape=(len(samples), len(vocabulary)))


def fit(samples: list[dict[str, float]], labels: list[str], c: float, min_count: int = MIN_COUNT,
        dense: np.ndarray | None = None, tol: float = TOL) -> list[dict]:
    """Weight rows (``feature, neg, neu, pos``) of a class-balanced logistic regression.

    ``dense``: more columns (one row per sample), named by ``EMBEDDING_FEATURES``
    (the context embeddings of the actor model).
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    vocabulary = _vocabulary(samples, min_count)
    matrix = _matrix(samples, vocabulary)
    if dense is not None:
        matrix = hstack([matrix, csr_matrix(dense)]).tocsr()
        vocabulary = vocabulary + list(EMBEDDING_FEATURES)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced", solver="lbfgs", fit_intercept=False, tol=tol)
    model.fit(matrix, labels)
    order = [list(model.classes_).index(k) for k in CLASSES]
    return [
        {"feature": feature, **{k: f"{model.coef_[order[i], j]:.{DIGITS}g}" for i, k in enumerate(CLASSES)}}
        for j, feature in enumerate(vocabulary)
    ]


def _as_weights(rows: list[dict]) -> dict[str, tuple[float, ...]]:
    return {row["feature"]: tuple(float(row[k]) for k in CLASSES) for row in rows}


def _probabilities(samples, rows, dense: np.ndarray | None = None) -> list[dict[str, float]]:
    weights = _as_weights(rows)
    if dense is None:
        return [predict(sample, weights) for sample in samples]
    offsets = dense @ np.array([weights[f] for f in EMBEDDING_FEATURES], dtype=np.float64)
    return [predict(sample, weights, np.array(structural_prior(sample)) + offset) for sample, offset in zip(samples, offsets)]


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for k in CLASSES:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == k)
        n_pred, n_gold = predicted.count(k), gold.count(k)
        precision, recall = tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx, syy = sum((a - mx) ** 2 for a in x), sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def embedding_matrix(rows) -> np.ndarray:
    """Context embeddings (:func:`toolkit.measures.tone_embeddings.context_vectors`) of NewsMTSC targets, one row each."""
    return np.stack([context_vectors(s, a, b, clause_bounds(s, a, b)) for s, a, b, *_ in rows]).astype(np.float64)


def actor_data(benchmarks: Path, split: str = "train"):
    """Features, labels, articles and context embeddings of every NewsMTSC target of ``split``."""
    rows = read_newsmtsc(Path(benchmarks) / "newsmtsc" / f"{split}.jsonl")
    return ([featurize(s, a, b) for s, a, b, _, _ in rows], [r[3] for r in rows], [r[4] for r in rows],
            embedding_matrix(rows))


def oof_actor(benchmarks: Path, c: float = ACTOR_C, data=None) -> np.ndarray:
    """Out-of-fold log-probabilities (targets x 3) of the linear actor model, 5 folds inside NewsMTSC train by article."""
    samples, labels, groups, dense = data or actor_data(benchmarks)
    fold = [fold_of(g) for g in groups]
    out = np.zeros((len(labels), len(CLASSES)))
    for k in range(FOLDS):
        train_idx = [i for i, f in enumerate(fold) if f != k]
        test_idx = [i for i, f in enumerate(fold) if f == k]
        rows = fit([samples[i] for i in train_idx], [labels[i] for i in train_idx], c, dense=dense[train_idx])
        probs = _probabilities([samples[i] for i in test_idx], rows, dense[test_idx])
        out[test_idx] = np.log([[max(p[k], 1e-300) for k in CLASSES] for p in probs])
    return out


def cv_actor(benchmarks: Path, c: float = ACTOR_C, data=None) -> float:
    """Macro-F1 of the linear actor model by 5-fold cross-validation inside NewsMTSC train, grouped by article."""
    data = data or actor_data(benchmarks)
    labels = data[1]
    return macro_f1(labels, [CLASSES[j] for j in oof_actor(benchmarks, c, data).argmax(1)])


def cv_actor_combined(benchmarks: Path, data=None, log=print) -> dict[str, float]:
    """Macro-F1 of the shipped actor model (linear and convolutional halves averaged with
    ``tone_model.SEQUENCE_WEIGHT``) and of each half, by 5-fold cross-validation
    inside NewsMTSC train, grouped by article; the convolutional half needs JAX.
    """
    from ..measures.tone_model import SEQUENCE_WEIGHT
    from . import tone_sequence_training as sequence

    data = data or actor_data(benchmarks)
    labels = data[1]
    linear = oof_actor(benchmarks, ACTOR_C, data)
    rows = read_newsmtsc(Path(benchmarks) / "newsmtsc" / "train.jsonl")
    conv = sequence.cross_validate(sequence.inputs_of(rows), labels, data[2], max_epochs=sequence.EPOCHS, log=log)[sequence.EPOCHS]
    prior = np.array([structural_prior(sample) for sample in data[0]])
    combined = (1 - SEQUENCE_WEIGHT) * linear + SEQUENCE_WEIGHT * conv + SEQUENCE_WEIGHT * prior  # as actor_probabilities_many
    score = lambda z: macro_f1(labels, [CLASSES[j] for j in z.argmax(1)])  # noqa: E731
    return {"combined": score(combined), "linear": score(linear), "sequence": score(conv)}


def newsmtsc_sentences(benchmarks: Path) -> list[tuple[dict[str, float], str]]:
    """(features, label) of the NewsMTSC train sentences whose targets all share one label."""
    by_sentence: dict[str, list[str]] = {}
    for sentence, _, _, label, _ in read_newsmtsc(Path(benchmarks) / "newsmtsc" / "train.jsonl"):
        by_sentence.setdefault(sentence, []).append(label)
    agreed = sorted((s, labels[0]) for s, labels in by_sentence.items() if len(set(labels)) == 1)
    return [(featurize(s), label) for s, label in agreed]


def sentence_data(benchmarks: Path):
    news = newsmtsc_sentences(benchmarks)
    nyt = read_nyt(Path(benchmarks) / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt")
    return news, [(article, rating, featurize(text)) for article, rating, text in nyt]


def cv_sentence(benchmarks: Path, c: float = SENTENCE_C, data=None, use_nyt: bool = True) -> dict[str, float]:
    """Pearson r and macro-F1 on the NYT snippets, 5-fold cross-validated by article.

    Each fold's model is trained on the NewsMTSC sentences and the snippets
    of the other folds' articles (or, with ``use_nyt=False``, on NewsMTSC only).
    """
    news, nyt = data or sentence_data(benchmarks)
    fold = [fold_of(article) for article, _, _ in nyt]
    scores, labels, gold = [], [], []
    for k in range(FOLDS):
        samples = [f for f, _ in news] + ([f for (_, _, f), j in zip(nyt, fold) if j != k] if use_nyt else [])
        targets = [lab for _, lab in news] + ([nyt_label(r) for (_, r, _), j in zip(nyt, fold) if j != k] if use_nyt else [])
        rows = fit(samples, targets, c)
        held = [(r, f) for (_, r, f), j in zip(nyt, fold) if j == k]
        for (rating, _), p in zip(held, _probabilities([f for _, f in held], rows)):
            scores.append(p["pos"] - p["neg"])
            labels.append(max(CLASSES, key=p.get))
            gold.append(rating)
    return {"pearson_r": pearson(scores, gold), "macro_f1": macro_f1([nyt_label(g) for g in gold], labels), "n": len(gold)}


def select_c(benchmarks: Path, grid: tuple[float, ...] = C_GRID, log=print) -> dict[str, dict[float, float]]:
    """Cross-validated figure of both models for each C of ``grid`` (how ACTOR_C and SENTENCE_C were chosen)."""
    actor = actor_data(benchmarks)
    sentence = sentence_data(benchmarks)
    out: dict[str, dict[float, float]] = {"actor_cv_macro_f1": {}, "sentence_cv_pearson_r": {}}
    for c in grid:
        out["actor_cv_macro_f1"][c] = cv_actor(benchmarks, c, actor)
        out["sentence_cv_pearson_r"][c] = cv_sentence(benchmarks, c, sentence)["pearson_r"]
        log(f"C={c}: actor CV macro-F1 {out['actor_cv_macro_f1'][c]:.4f}, sentence CV r {out['sentence_cv_pearson_r'][c]:.4f}")
    return out


def train(benchmarks: Path) -> dict[str, list[dict]]:
    """Fit both shipped models on all their training data; return their weight rows."""
    samples, labels, _, dense = actor_data(benchmarks)
    actor = fit(samples, labels, ACTOR_C, dense=dense)
    news, nyt = sentence_data(benchmarks)
    sentence = fit([f for f, _ in news] + [f for _, _, f in nyt], [lab for _, lab in news] + [nyt_label(r) for _, r, _ in nyt],
                   SENTENCE_C)
    return {"actor_tone": actor, "sentence_tone": sentence}


def write_weights(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["feature", *CLASSES], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


#: Cross-validated figures of the shipped models, written by ``--cv`` beside the weights.
CV_FILE = "tone_cv.csv"
CONTEXTUAL_CV_FILE = "actor_tone_contextual_cv.csv"
CV_COLUMNS = ["measure", "dataset", "metric", "value", "n"]


def cv_figures(benchmarks: Path, log=print) -> list[tuple]:
    """The shipped settings' cross-validated figures, as validation rows (``measure, dataset, metric, value, n``)."""
    data = actor_data(benchmarks)
    actor = cv_actor_combined(benchmarks, data, log)
    log(f"actor model CV macro-F1: {actor['combined']:.4f} (linear half {actor['linear']:.4f}, "
        f"convolutional half {actor['sequence']:.4f})")
    sentence = cv_sentence(benchmarks, SENTENCE_C)
    dataset = f"{{}} ({FOLDS}-fold CV by article)"
    return [
        ("tone toward actors (fast model)", dataset.format("newsmtsc train"), "macro_f1", actor["combined"], len(data[1])),
        ("sentence tone (news model)", dataset.format("vader-nyt"), "pearson_r", sentence["pearson_r"], sentence["n"]),
        ("sentence tone (news model)", dataset.format("vader-nyt"), "macro_f1", sentence["macro_f1"], sentence["n"]),
    ]


def write_cv(rows: list[tuple], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CV_COLUMNS)
        writer.writerows(rows)


def validation_rows(benchmarks: Path, log=print) -> list[tuple]:
    """The cross-validated figures that go beside the dev and NYT figures in :func:`toolkit.evaluation.validation.validate`.

    Read from the file the last ``--cv`` run wrote beside the shipped weights
    (cross-validation refits the models, which needs scikit-learn and minutes);
    ``benchmarks`` is checked so that the figures are shown only beside the
    benchmark figures they belong to.
    """
    from importlib import resources

    problem = missing(benchmarks)
    if problem:
        log(f"skipped the tone models' cross-validated figures: {problem}")
        return []
    rows = []
    # CONTEXTUAL_CV_FILE: written by toolkit.evaluation.contextual_tone_training
    for name in (CV_FILE, CONTEXTUAL_CV_FILE):
        text = resources.files("toolkit.models").joinpath(name).read_text(encoding="utf-8")
        rows += [(r["measure"], r["dataset"], r["metric"], float(r["value"]), int(r["n"])) for r in csv.DictReader(text.splitlines())]
    return rows


def missing(benchmarks: Path) -> str | None:
    """A message when the benchmark files the training needs are absent, else ``None``."""
    for part in ("newsmtsc/train.jsonl", "vader-nyt/nytEditorialSnippets_GroundTruth.txt"):
        if not (Path(benchmarks) / part).is_file():
            return f"{Path(benchmarks) / part} not found"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.tone_training", description="Retrain the tone models.")
    parser.add_argument("--benchmarks", type=Path, required=True, help="folder holding newsmtsc/ and vader-nyt/")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "models", help="where to write the CSV weights")
    parser.add_argument("--cv", action="store_true",
                        help=f"cross-validate the shipped settings and write their figures to {CV_FILE} (no weights)")
    parser.add_argument("--select", action="store_true", help="print the cross-validated figures for each C of C_GRID")
    parser.add_argument("--no-sequence", action="store_true",
                        help="rebuild the CSV weights only, not the actor model's convolutional half (which needs JAX)")
    args = parser.parse_args(argv)
    problem = missing(args.benchmarks)
    if problem:
        print(f"skipped: {problem}\n  fix: pass the benchmarks folder with --benchmarks")
        return 2
    if args.select:
        select_c(args.benchmarks)
        return 0
    if args.cv:
        rows = cv_figures(args.benchmarks)
        write_cv(rows, args.out / CV_FILE)
        for row in rows:
            print(*row, sep="\t")
        return 0
    for name, rows in train(args.benchmarks).items():
        write_weights(rows, args.out / f"{name}.csv")
        print(f"wrote {len(rows)} features to {args.out / (name + '.csv')}")
    if not args.no_sequence:
        from . import tone_sequence_training as sequence

        sequence.write(sequence.fit_shipped(args.benchmarks), args.out / sequence.WEIGHTS_FILE)
        print(f"wrote {args.out / sequence.WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
