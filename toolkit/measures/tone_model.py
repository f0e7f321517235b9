"""A small, transparent linear model of tone, trained on NewsMTSC.

Two models share one featuriser:

``actor_tone``
    tone toward a marked mention in a sentence (target-dependent);
``sentence_tone``
    the tone of a whole sentence.

Features: VADER scores of the clause holding the mention (clauses are split
at contrast words such as *but*, *although*, *however*, and at semicolons and
dashes) and of the whole sentence; the clause's words, with words after a
negation marked ``NOT_``; and the six words either side of the mention,
marked by side. The mention itself is masked and capitalised words are left
out, so names (of people, countries, companies) carry no learned tone.

The weights ship as plain CSV (``toolkit/models/*.csv``: one row per feature,
one column per class), read without pickle, so they do not depend on the
scikit-learn version. scikit-learn is needed only to retrain:

    python -m toolkit.measures.tone_model --benchmarks ../shared/benchmarks

rebuilds both files from ``newsmtsc/train.jsonl`` with a fixed solver, so the
same data gives the same weights. NewsMTSC: Hamborg & Donnay (EACL 2021), MIT
licence; the data itself is not part of this project.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..lexicons import function_words

CLASSES = ("neg", "neu", "pos")
#: NewsMTSC polarity codes -> classes.
NEWSMTSC_LABELS = {2.0: "neg", 4.0: "neu", 6.0: "pos"}
#: Words either side of a mention used as features.
WINDOW = 6
#: Inverse regularisation strength, chosen on NewsMTSC dev_rw among 0.1, 0.3, 1.
C = 0.1
#: Features seen fewer times than this in training are dropped.
MIN_COUNT = 2
MASK = "TARGETX"

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[0-9]+|[^\sA-Za-z0-9]")
_NEGATORS = {"not", "no", "never", "n't", "without", "nor", "cannot", "neither"}
_CONTRAST = re.compile(r"\b(?:but|although|though|however|yet|while|whereas|despite)\b|[;—–]|\s-\s", re.I)
_PUNCT = set(",.;:!?")


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """One VADER analyser (it reads its lexicon file once)."""
    return SentimentIntensityAnalyzer()


#: Texts whose VADER scores are remembered (a sentence is scored for its own
#: tone, for the news model and for each actor mention in it).
VADER_CACHE = 1 << 16


@lru_cache(maxsize=VADER_CACHE)
def vader_scores(text: str) -> dict[str, float]:
    """VADER's scores of ``text`` (``neg``, ``neu``, ``pos``, ``compound``), cached.

    Treat the result as read-only: it is shared between callers.
    """
    return vader().polarity_scores(text)


def clause_bounds(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` holding ``[start, end)``, split at contrast markers."""
    hi = len(text) if hi is None else hi
    left, right = lo, hi
    for match in _CONTRAST.finditer(text, lo, hi):
        if match.end() <= start:
            left = match.start()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def _tokens(text: str) -> list[str]:
    """Lower-cased word tokens, negation-marked; capitalised words other than
    function words ("The", "But") are dropped, so that names (of people,
    countries, companies) never carry a learned tone."""
    out, negated, keep = [], False, function_words()
    for raw in _TOKEN.findall(text):
        token = raw.lower()
        if raw[0].isupper() and token not in keep:
            continue
        if token in _NEGATORS or token.endswith("n't"):
            negated = True
            out.append(token)
        elif token in _PUNCT:
            negated = False
        else:
            out.append("NOT_" + token if negated else token)
    return out


def featurize(sentence: str, start: int | None = None, end: int | None = None) -> dict[str, float]:
    """Features of a sentence, or of a mention ``sentence[start:end]`` in it."""
    features: dict[str, float] = {"__bias__": 1.0}
    whole = vader_scores(sentence)
    features["vader_sentence"] = whole["compound"]
    if start is None:
        clause, left, right = sentence, sentence, ""
    else:
        masked = sentence[:start] + MASK + sentence[end:]
        a, b = clause_bounds(masked, start, start + len(MASK))
        clause = masked[a:b]
        left, right = masked[:start], masked[start + len(MASK):]
    scores = vader_scores(clause)
    features["vader_clause"] = scores["compound"]
    features["vader_clause_pos"] = scores["pos"]
    features["vader_clause_neg"] = scores["neg"]
    for token in _tokens(clause):
        if token != MASK.lower():
            features["c_" + token] = features.get("c_" + token, 0.0) + 1.0
    if start is not None:
        for token in _tokens(left)[-WINDOW:]:
            features["L_" + token] = 1.0
        for token in _tokens(right)[:WINDOW]:
            features["R_" + token] = 1.0
    return features


@lru_cache(maxsize=None)
def load_weights(name: str) -> dict[str, tuple[float, ...]]:
    """Weights of a shipped model: feature -> one weight per class."""
    text = resources.files("toolkit.models").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    return {row["feature"]: tuple(float(row[c]) for c in CLASSES) for row in csv.DictReader(io.StringIO(text))}


def predict(features: dict[str, float], weights: dict[str, tuple[float, ...]]) -> dict[str, float]:
    """Class probabilities (softmax of the linear scores)."""
    neg = neu = pos = 0.0  # one running score per class of CLASSES, in order
    get = weights.get
    for feature, value in features.items():
        row = get(feature)
        if row is not None:
            neg += row[0] * value
            neu += row[1] * value
            pos += row[2] * value
    scores = [neg, neu, pos]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {c: e / total for c, e in zip(CLASSES, exps)}


def read_newsmtsc(path: Path) -> list[tuple[str, int, int, str]]:
    """(sentence, from, to, label) for every target of a NewsMTSC file."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for target in record["targets"]:
                rows.append((record["sentence_normalized"], target["from"], target["to"], NEWSMTSC_LABELS[target["polarity"]]))
    return rows


def _fit(samples: list[dict[str, float]], labels: list[str]) -> list[dict]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for sample in samples:
        for feature in sample:
            counts[feature] = counts.get(feature, 0) + 1
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([{f: v for f, v in s.items() if f in keep} for s in samples])
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", solver="lbfgs", fit_intercept=False)
    model.fit(matrix, labels)
    order = [list(model.classes_).index(c) for c in CLASSES]
    return [
        {"feature": feature, **{c: f"{model.coef_[order[i], j]:.6g}" for i, c in enumerate(CLASSES)}}
        for j, feature in enumerate(vectorizer.feature_names_)
    ]


def train(benchmarks: Path) -> dict[str, list[dict]]:
    """Fit both models on ``benchmarks/newsmtsc/train.jsonl``; return their weight rows."""
    targets = read_newsmtsc(Path(benchmarks) / "newsmtsc" / "train.jsonl")
    actor = _fit([featurize(s, a, b) for s, a, b, _ in targets], [label for *_, label in targets])
    by_sentence: dict[str, list[str]] = {}
    for sentence, _, _, label in targets:
        by_sentence.setdefault(sentence, []).append(label)
    agreed = sorted((s, labels[0]) for s, labels in by_sentence.items() if len(set(labels)) == 1)
    sentence = _fit([featurize(s) for s, _ in agreed], [label for _, label in agreed])
    return {"actor_tone": actor, "sentence_tone": sentence}


def write_weights(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["feature", *CLASSES], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.measures.tone_model", description="Retrain the tone models on NewsMTSC.")
    parser.add_argument("--benchmarks", type=Path, required=True, help="folder holding newsmtsc/train.jsonl")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "models", help="where to write the CSV weights")
    args = parser.parse_args(argv)
    if not (args.benchmarks / "newsmtsc" / "train.jsonl").is_file():
        print(f"error: {args.benchmarks}/newsmtsc/train.jsonl not found\n  fix: pass the benchmarks folder with --benchmarks")
        return 2
    for name, rows in train(args.benchmarks).items():
        write_weights(rows, args.out / f"{name}.csv")
        print(f"wrote {len(rows)} features to {args.out / (name + '.csv')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
