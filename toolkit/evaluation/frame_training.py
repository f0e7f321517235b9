"""Train and cross-validate the article-level frame model on SemEval-2023 Task 3.

Evaluation code, never imported by the toolkit at run time. It reads the
development part of SemEval-2023 Task 3 subtask 2 (Piskorski et al. 2023) from
a benchmark folder given as a parameter: ``semeval2023-frames-dev/`` with
``articles/article<ID>.txt`` (title on the first line) and ``labels.tsv``
(``<ID><TAB>Frame_A,Frame_B,...``). The data is not part of this project.

``python -m toolkit.evaluation.frame_training --benchmarks DIR`` rebuilds
``toolkit/models/document_frames.csv`` exactly (fixed folds, deterministic
solver) and prints the cross-validated figures beside the baseline that gives
every article the five most frequent frames.

Protocol
--------
Articles are the unit of every split (each article is one sample, so folds
are grouped by article). The settings (regularisation ``C``, minimum document
frequency of a lexicon term, decision threshold) are chosen by an inner
cross-validation inside each outer training fold, and the outer test fold is
scored with them: the reported figures are nested cross-validated. The shipped
model is then fitted on all articles with settings chosen by the same inner
procedure over all articles.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..corpus.documents import load_corpus
from .metrics import prf
from ..compare.document_frames import MODEL, cues_by_document, feature_matrix, featurize
from ..measures.framing import frame_cues

DATASET = "semeval2023-frames-dev"
#: SemEval-2023 Task 3 frame names -> the toolkit's codes (toolkit.measures.framing.FRAMES).
SEMEVAL_FRAMES = {
    "Economic": "economic",
    "Capacity_and_resources": "capacity_resources",
    "Morality": "morality",
    "Fairness_and_equality": "fairness_equality",
    "Legality_Constitutionality_and_jurisprudence": "legality",
    "Policy_prescription_and_evaluation": "policy",
    "Crime_and_punishment": "crime_punishment",
    "Security_and_defense": "security_defense",
    "Health_and_safety": "health_safety",
    "Quality_of_life": "quality_of_life",
    "Cultural_identity": "cultural_identity",
    "Public_opinion": "public_opinion",
    "Political": "political",
    "External_regulation_and_reputation": "external_regulation_reputation",
}
#: The model's frames, in codebook order (the codebook's "other" is not annotated).
MODEL_FRAMES = tuple(SEMEVAL_FRAMES.values())
#: The baseline gives every article this many most frequent frames (the benchmark's protocol).
BASELINE_TOP = 5
#: The untrained rule the model replaces: a frame is present when this share of
#: body sentences invokes it (the rule quoted in the project's issue on frames).
SHARE_RULE = 0.10
#: Outer and inner folds, and the seeds of their shuffles (fixed for exact rebuilds).
OUTER_FOLDS, INNER_FOLDS = 5, 4
OUTER_SEEDS = (13, 31, 47)
INNER_SEED = 7
#: Grids searched by the inner cross-validation.
C_GRID = (0.03, 0.1, 0.3, 1.0)
MIN_DF_GRID = (5, 10)
THRESHOLD_GRID = tuple(round(t, 2) for t in np.arange(0.15, 0.61, 0.025))


@dataclass
class Articles:
    """The development articles: ids, feature dicts and gold frame sets."""

    ids: list[str]
    features: list[dict[str, float]]
    gold: list[set[str]]


def available(benchmarks: Path | None) -> bool:
    """The benchmark folder holds the SemEval frame development set."""
    return benchmarks is not None and (Path(benchmarks) / DATASET / "labels.tsv").is_file()


def read_articles(benchmarks: Path) -> Articles:
    """Load, clean and featurise the development articles, with their gold frames."""
    folder = Path(benchmarks) / DATASET
    labels = {}
    with open(folder / "labels.tsv", encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if parts[0]:
                names = [n.strip() for n in (parts[1] if len(parts) > 1 else "").split(",") if n.strip()]
                labels[parts[0]] = {SEMEVAL_FRAMES[n] for n in names}
    ids = sorted(labels)
    corpus = load_corpus([folder / "articles" / f"article{i}.txt" for i in ids])
    cues = frame_cues(corpus)
    by_doc = cues_by_document(cues)
    features = [featurize(corpus.document(f"article{i}"), by_doc.get(f"article{i}")) for i in ids]
    return Articles(ids, features, [labels[i] for i in ids])


def _matrix(samples: list[dict[str, float]], names: list[str]) -> np.ndarray:
    return feature_matrix(samples, {n: j for j, n in enumerate(names)})


def feature_names(samples: list[dict[str, float]], min_df: int) -> list[str]:
    """Per-frame cue features, and lexicon terms present in at least ``min_df`` of ``samples``, sorted."""
    df: dict[str, int] = {}
    for sample in samples:
        for feature in sample:
            df[feature] = df.get(feature, 0) + 1
    return sorted(f for f, n in df.items() if not f.startswith("term:") or n >= min_df)


def _targets(gold: list[set[str]]) -> np.ndarray:
    return np.array([[f in g for f in MODEL_FRAMES] for g in gold], dtype=int)


def fit(samples: list[dict[str, float]], gold: list[set[str]], c: float, min_df: int):
    """Per-frame L2 logistic regression: ``(feature names, weights (features x frames), bias)``."""
    from sklearn.linear_model import LogisticRegression

    names = feature_names(samples, min_df)
    x, y = _matrix(samples, names), _targets(gold)
    weights, bias = np.zeros((len(names), len(MODEL_FRAMES))), np.zeros(len(MODEL_FRAMES))
    for j in range(len(MODEL_FRAMES)):
        if y[:, j].min() == y[:, j].max():  # a frame always or never present: its prior only
            bias[j] = 10.0 if y[0, j] else -10.0
            continue
        model = LogisticRegression(C=c, solver="liblinear", intercept_scaling=10.0, max_iter=1000)
        model.fit(x, y[:, j])
        weights[:, j], bias[j] = model.coef_[0], model.intercept_[0]
    return names, weights, bias


def _probabilities(model, samples: list[dict[str, float]]) -> np.ndarray:
    names, weights, bias = model
    return 1.0 / (1.0 + np.exp(-(_matrix(samples, names) @ weights + bias)))


def micro_f1(probs: np.ndarray, y: np.ndarray, threshold: float) -> float:
    predicted = probs >= threshold
    hits = int((predicted & (y == 1)).sum())
    return 2 * hits / (int(predicted.sum()) + int(y.sum())) if hits else 0.0


def _folds(n: int, k: int, seed: int) -> list[np.ndarray]:
    order = np.random.RandomState(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def choose(samples: list[dict[str, float]], gold: list[set[str]]) -> tuple[float, int, float]:
    """Settings ``(C, min_df, threshold)`` with the best inner cross-validated micro-F1."""
    y = _targets(gold)
    folds = _folds(len(samples), INNER_FOLDS, INNER_SEED)
    best = None
    for c in C_GRID:
        for min_df in MIN_DF_GRID:
            probs = np.zeros(y.shape)
            for test in folds:
                train = np.setdiff1d(np.arange(len(samples)), test)
                model = fit([samples[i] for i in train], [gold[i] for i in train], c, min_df)
                probs[test] = _probabilities(model, [samples[i] for i in test])
            for threshold in THRESHOLD_GRID:
                score = micro_f1(probs, y, threshold)
                if best is None or score > best[0] + 1e-12:
                    best = (score, c, min_df, threshold)
    return best[1], best[2], best[3]


def _cued(samples: list[dict[str, float]]) -> np.ndarray:
    """Which frames have at least one cue in each article (the evidence rule of ``present``)."""
    return np.array([[f"cues:{f}" in s for f in MODEL_FRAMES] for s in samples], dtype=bool)


def cross_validate(articles: Articles, log=None) -> dict:
    """Nested cross-validated predictions of the model, and the baseline on the same articles.

    Returns
    -------
    dict
        ``predicted`` and ``baseline``: sets of (article, frame) pairs per
        outer repetition; ``gold``: the gold pairs; ``settings``: the settings
        chosen in each outer fold.
    """
    samples, gold = articles.features, articles.gold
    y = _targets(gold)
    cued = _cued(samples)
    truth = {(a, f) for a, g in zip(articles.ids, gold) for f in g}
    runs, baselines, settings = [], [], []
    for seed in OUTER_SEEDS:
        predicted, baseline = set(), set()
        for test in _folds(len(samples), OUTER_FOLDS, seed):
            train = np.setdiff1d(np.arange(len(samples)), test)
            tr_samples, tr_gold = [samples[i] for i in train], [gold[i] for i in train]
            c, min_df, threshold = choose(tr_samples, tr_gold)
            settings.append((seed, c, min_df, threshold))
            if log:
                log(f"  outer fold (seed {seed}): C={c}, min_df={min_df}, threshold={threshold}")
            probs = _probabilities(fit(tr_samples, tr_gold, c, min_df), [samples[i] for i in test])
            decided = (probs >= threshold) & cued[test]
            predicted |= {(articles.ids[i], MODEL_FRAMES[j]) for r, i in enumerate(test)
                          for j in range(len(MODEL_FRAMES)) if decided[r, j]}
            top = np.argsort(-y[train].sum(axis=0), kind="stable")[:BASELINE_TOP]
            baseline |= {(articles.ids[i], MODEL_FRAMES[j]) for i in test for j in top}
        runs.append(predicted)
        baselines.append(baseline)
    return {"predicted": runs, "baseline": baselines, "gold": truth, "settings": settings}


def baseline_pairs(articles: Articles) -> set[tuple[str, str]]:
    """The five most frequent frames of these articles, given to every article."""
    counts = _targets(articles.gold).sum(axis=0)
    top = [MODEL_FRAMES[j] for j in np.argsort(-counts, kind="stable")[:BASELINE_TOP]]
    return {(a, f) for a in articles.ids for f in top}


def figures(articles: Articles, cv: dict) -> list[tuple]:
    """Rows ``(measure, dataset, metric, value, n)``: the model (nested CV), the baselines, and per frame.

    Model figures are means over the :data:`OUTER_SEEDS` repetitions. ``n`` is
    the number of articles for micro figures, and of articles annotated with
    the frame for per-frame figures.
    """
    gold, n = cv["gold"], len(articles.ids)

    def mean(runs, frame=None):
        truth = {x for x in gold if frame is None or x[1] == frame}
        scores = [prf({x for x in run if frame is None or x[1] == frame}, truth) for run in runs]
        return {m: float(np.mean([getattr(s, m) for s in scores])) for m in ("precision", "recall", "f1")}

    model = "document frames (model, nested CV)"
    rows = [(model, DATASET, f"micro_{m}", v, n) for m, v in mean(cv["predicted"]).items()]
    base = prf(baseline_pairs(articles), gold)
    name = f"document frames (baseline: {BASELINE_TOP} most frequent)"
    rows += [(name, DATASET, f"micro_{m}", getattr(base, m), n) for m in ("precision", "recall", "f1")]
    rows.append((f"{name}, from training folds", DATASET, "micro_f1", mean(cv["baseline"])["f1"], n))
    rule = {(a, f) for a, sample in zip(articles.ids, articles.features) for f in MODEL_FRAMES
            if sample.get(f"share:{f}", 0.0) >= SHARE_RULE}
    score = prf(rule, gold)
    name = f"document frames (share of body sentences >= {SHARE_RULE:.0%}, untrained)"
    rows += [(name, DATASET, f"micro_{m}", getattr(score, m), n) for m in ("precision", "recall", "f1")]
    for frame in MODEL_FRAMES:
        count = sum(1 for x in gold if x[1] == frame)
        rows += [(f"document frame: {frame}", DATASET, m, v, count) for m, v in mean(cv["predicted"], frame).items()]
    return rows


def train(articles: Articles) -> tuple[list[dict], tuple[float, int, float]]:
    """Fit the shipped model on all articles; return its weight rows and settings."""
    c, min_df, threshold = choose(articles.features, articles.gold)
    names, weights, bias = fit(articles.features, articles.gold, c, min_df)
    rows = [{"feature": "__bias__", **{f: f"{bias[j]:.6g}" for j, f in enumerate(MODEL_FRAMES)}},
            {"feature": "__threshold__", **{f: f"{threshold:.6g}" for f in MODEL_FRAMES}}]
    for i, name in enumerate(names):
        if np.any(weights[i] != 0):
            rows.append({"feature": name, **{f: f"{weights[i, j]:.6g}" for j, f in enumerate(MODEL_FRAMES)}})
    return rows, (c, min_df, threshold)


def write_weights(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["feature", *MODEL_FRAMES], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def semeval_frames(benchmarks: Path, log=print) -> list[tuple]:
    """Validation rows for ``toolkit.evaluation.validation.validate``: nested CV figures and baselines.

    Returns an empty list, with a message, when the benchmark is absent.
    """
    if not available(benchmarks):
        log(f"skipped {DATASET}: {Path(benchmarks) / DATASET if benchmarks else DATASET} not found")
        return []
    articles = read_articles(Path(benchmarks))
    return figures(articles, cross_validate(articles))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.frame_training",
                                     description="Rebuild the article-level frame model and print its cross-validated figures.")
    parser.add_argument("--benchmarks", type=Path, required=True, help=f"folder holding {DATASET}/")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "models", help="where to write the CSV weights")
    parser.add_argument("--no-cv", action="store_true", help="only rebuild the weights")
    args = parser.parse_args(argv)
    if not available(args.benchmarks):
        print(f"skipped: {args.benchmarks / DATASET} not found\n  fix: pass the benchmarks folder with --benchmarks")
        return 2
    articles = read_articles(args.benchmarks)
    if not args.no_cv:
        cv = cross_validate(articles, log=print)
        for measure, _, metric, value, n in figures(articles, cv):
            print(f"{measure:<62} {metric:<16} {value:.3f}  (n={n})")
    rows, (c, min_df, threshold) = train(articles)
    path = args.out / f"{MODEL}.csv"
    write_weights(rows, path)
    print(f"wrote {len(rows) - 2} features to {path} (C={c}, min_df={min_df}, threshold={threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
