"""Agreement of the epistemic-hedge measure with news annotators.

Scores :func:`toolkit.measures.stance.sentence_cues` against the development part of
the Szeged Uncertainty Corpus's FactBank news texts (Szarvas, Vincze, Farkas,
Móra & Gurevych 2012; Vincze 2015), read from a benchmark folder given as a
parameter (``szeged-factbank-dev/factbank_dev.jsonl`` inside it) and skipped,
with a message, when absent. Nothing of it is copied into the project.

A sentence is *epistemically uncertain* when it holds a gold cue of type
``speculation_modal_probable``, ``speculation_modal_possible`` or
``speculation_hypo_doxastic`` (the benchmark README's protocol, after the
CoNLL-2010 shared task 1), and, on the toolkit's side, when it carries a hedge
of an epistemic subcategory (:data:`toolkit.measures.stance.EPISTEMIC_SUBCATEGORIES`).

The only part learned from the data is which lexicon terms count: a term seen
at least :data:`MIN_OCCURRENCES` times whose precision (share of its
occurrences that overlap a gold epistemic cue) is under
:data:`KEEP_PRECISION` is dropped. :func:`build_cue_model` writes these
per-term counts to ``toolkit/models/hedge_cues.csv`` (deterministic: same
data, same file). :func:`evaluate` reports that selection cross-validated
with folds grouped by document, so that no figure is tuned on what it scores.

``python -m toolkit.evaluation.hedge_eval --benchmarks DIR`` prints the figures;
``--rebuild`` rewrites the shipped cue file.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import defaultdict
from pathlib import Path

from .metrics import Score, prf
from ..measures.stance import EPISTEMIC_SUBCATEGORIES, HEDGE_CUE_MODEL, sentence_cues

#: Gold cue types that mark epistemic uncertainty (benchmark README; Vincze 2015).
EPISTEMIC_TYPES = frozenset({"speculation_modal_probable", "speculation_modal_possible", "speculation_hypo_doxastic"})
#: Relative location of the development file inside a benchmark folder.
FACTBANK_FILE = Path("szeged-factbank-dev") / "factbank_dev.jsonl"
#: A term is dropped when it is right less often than wrong on the training data...
KEEP_PRECISION = 0.5
#: ...and has been seen at least this often there (fewer occurrences are no evidence against the lexicon).
MIN_OCCURRENCES = 3
#: Grouped cross-validation: folds of whole documents, shuffled with a fixed seed.
FOLDS = 5
SEED = 12
DATASET = "szeged-factbank dev"
_TOKEN = re.compile(r"\w+")


def factbank_path(benchmarks: Path) -> Path:
    """The FactBank development file inside ``benchmarks``."""
    return Path(benchmarks) / FACTBANK_FILE


def read_factbank(benchmarks: Path) -> list[dict]:
    """Sentences of the development file: dicts with ``doc``, ``text`` and ``cues``.

    Raises
    ------
    FileNotFoundError
        When the file is not in ``benchmarks``.
    """
    with open(factbank_path(benchmarks), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def candidate_cues(sentences: list[dict]) -> list[list[tuple[int, int, str]]]:
    """Per sentence, the ``(start, end, term)`` of every hedge of an epistemic subcategory.

    The per-term selection of the shipped cue file is not applied here, so
    that cross-validation decides it afresh on each fold's training part.
    """
    out = []
    for sentence in sentences:
        text = sentence["text"]
        out.append([(c["start"], c["end"], c["surface"].lower()) for c in sentence_cues(text, 0, len(text))
                    if c["category"] == "hedge" and c["subcategory"] in EPISTEMIC_SUBCATEGORIES])
    return out


def _gold(sentence: dict) -> list[tuple[int, int]]:
    return [(c["start"], c["end"]) for c in sentence["cues"] if c["type"] in EPISTEMIC_TYPES]


def _overlaps(span: tuple, spans: list[tuple]) -> bool:
    return any(span[0] < b and a < span[1] for a, b, *_ in spans)


def term_counts(sentences: list[dict], cues: list[list[tuple]], indices) -> dict[str, tuple[int, int]]:
    """Term -> (occurrences, occurrences overlapping a gold epistemic cue) over ``indices``."""
    counts = defaultdict(lambda: [0, 0])
    for i in indices:
        gold = _gold(sentences[i])
        for start, end, term in cues[i]:
            counts[term][0] += 1
            counts[term][1] += _overlaps((start, end), gold)
    return {term: (n, hits) for term, (n, hits) in counts.items()}


def dropped_terms(counts: dict[str, tuple[int, int]]) -> set[str]:
    """Terms to drop: seen at least :data:`MIN_OCCURRENCES` times with precision under :data:`KEEP_PRECISION`."""
    return {t for t, (n, hits) in counts.items() if n >= MIN_OCCURRENCES and hits / n < KEEP_PRECISION}


def kept_terms(counts: dict[str, tuple[int, int]]) -> set[str]:
    """Strict selection: terms seen on the training data with precision at least :data:`KEEP_PRECISION`."""
    return {t for t, (n, hits) in counts.items() if hits / n >= KEEP_PRECISION}


def grouped_folds(sentences: list[dict], k: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """Sentence indices of ``k`` folds made of whole documents (fixed seed)."""
    docs = sorted({s["doc"] for s in sentences})
    random.Random(seed).shuffle(docs)
    fold_of = {doc: i % k for i, doc in enumerate(docs)}
    folds = [[] for _ in range(k)]
    for i, s in enumerate(sentences):
        folds[fold_of[s["doc"]]].append(i)
    return folds


def _predict(cues: list[list[tuple]], indices, keep) -> dict[int, list[tuple]]:
    return {i: [c for c in cues[i] if keep(c[2])] for i in indices}


def sentence_score(sentences: list[dict], predicted: dict[int, list[tuple]]) -> Score:
    """Sentence-level P/R/F1 of the epistemically uncertain class over the sentences in ``predicted``."""
    return prf({i for i, c in predicted.items() if c}, {i for i in predicted if _gold(sentences[i])})


def cue_token_score(sentences: list[dict], predicted: dict[int, list[tuple]]) -> Score:
    """Token-overlap P/R/F1: word tokens inside predicted cues against tokens inside gold cues."""
    pred, gold = set(), set()
    for i, cues in predicted.items():
        text = sentences[i]["text"]
        for start, end, *_ in cues:
            pred |= {(i, m.start()) for m in _TOKEN.finditer(text, start, end)}
        for start, end in _gold(sentences[i]):
            gold |= {(i, m.start()) for m in _TOKEN.finditer(text, start, end)}
    return prf(pred, gold)


def cue_span_score(sentences: list[dict], predicted: dict[int, list[tuple]]) -> Score:
    """Span-overlap P/R/F1: a predicted cue counts when it overlaps a gold cue, and a gold cue when a predicted one overlaps it."""
    n_pred = n_gold = hit_pred = hit_gold = 0
    for i, cues in predicted.items():
        gold = _gold(sentences[i])
        n_pred, n_gold = n_pred + len(cues), n_gold + len(gold)
        hit_pred += sum(_overlaps(c, gold) for c in cues)
        hit_gold += sum(_overlaps(g, cues) for g in gold)
    precision = hit_pred / n_pred if n_pred else 0.0
    recall = hit_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, hit_gold, n_pred, n_gold)


def _pool(parts: list[dict[int, list[tuple]]]) -> dict[int, list[tuple]]:
    pooled = {}
    for part in parts:
        pooled.update(part)
    return pooled


def cross_validate(sentences: list[dict], cues: list[list[tuple]], strict: bool = False,
                   k: int = FOLDS, seed: int = SEED) -> dict[int, list[tuple]]:
    """Out-of-fold predictions: each fold's cues kept by the selection learned on the other folds.

    ``strict`` keeps only terms seen on the training folds with enough
    precision (it credits the lexicon with nothing the training folds did not
    confirm); otherwise unseen terms are kept, as the lexicon says.
    """
    folds = grouped_folds(sentences, k, seed)
    parts = []
    for f, test in enumerate(folds):
        train = [i for g, fold in enumerate(folds) if g != f for i in fold]
        counts = term_counts(sentences, cues, train)
        if strict:
            kept = kept_terms(counts)
            parts.append(_predict(cues, test, kept.__contains__))
        else:
            dropped = dropped_terms(counts)
            parts.append(_predict(cues, test, lambda t, d=dropped: t not in d))
    return _pool(parts)


def _rows(measure: str, score: Score) -> list[tuple]:
    return [(measure, DATASET, "precision", score.precision, score.predicted),
            (measure, DATASET, "recall", score.recall, score.gold),
            (measure, DATASET, "f1", score.f1, score.gold)]


def evaluate(benchmarks: Path, log=print) -> list[tuple]:
    """Validation rows ``(measure, dataset, metric, value, n)`` on the FactBank development set.

    Cross-validated figures (grouped by document) for the selected lexicon,
    beside the lexicon with every epistemic term kept (no selection, nothing
    learned) and the broad Hyland hedge category (approximators, frequency
    words and *would* included). Returns ``[]`` with a message when the
    benchmark is absent.
    """
    path = factbank_path(benchmarks)
    if not path.is_file():
        log(f"skipped szeged-factbank-dev: {path} not found")
        return []
    sentences = read_factbank(benchmarks)
    cues = candidate_cues(sentences)
    everything = range(len(sentences))
    rows = []
    cv = cross_validate(sentences, cues)
    rows += _rows("epistemic sentences (cross-validated)", sentence_score(sentences, cv))
    rows += _rows("epistemic cue tokens (cross-validated)", cue_token_score(sentences, cv))
    rows += _rows("epistemic cue spans (cross-validated)", cue_span_score(sentences, cv))
    strict = cross_validate(sentences, cues, strict=True)
    rows += _rows("epistemic sentences (cross-validated, seen terms only)", sentence_score(sentences, strict))
    lexicon = _predict(cues, everything, lambda t: True)
    rows += _rows("epistemic sentences (lexicon, no selection)", sentence_score(sentences, lexicon))
    broad = {}
    for i, sentence in enumerate(sentences):
        text = sentence["text"]
        broad[i] = [(c["start"], c["end"], c["surface"]) for c in sentence_cues(text, 0, len(text)) if c["category"] == "hedge"]
    rows += _rows("any hedge as uncertain (baseline)", sentence_score(sentences, broad))
    return rows


def build_cue_model(benchmarks: Path, path: Path | None = None) -> list[dict]:
    """Per-term counts on the whole development set, written to ``toolkit/models/hedge_cues.csv``.

    Columns: ``term, occurrences, hits, precision, keep`` (``no`` for the
    terms :func:`dropped_terms` drops). Rows sorted by term: the same data
    gives the same file.
    """
    sentences = read_factbank(benchmarks)
    cues = candidate_cues(sentences)
    counts = term_counts(sentences, cues, range(len(sentences)))
    dropped = dropped_terms(counts)
    rows = [{"term": t, "occurrences": n, "hits": hits, "precision": f"{hits / n:.4f}", "keep": "no" if t in dropped else "yes"}
            for t, (n, hits) in sorted(counts.items())]
    path = Path(path) if path else Path(__file__).parent.parent / "models" / HEDGE_CUE_MODEL
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["term", "occurrences", "hits", "precision", "keep"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print the FactBank figures; with ``--rebuild``, first rewrite the shipped cue file."""
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.hedge_eval", description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path, required=True, help="folder holding szeged-factbank-dev/")
    parser.add_argument("--rebuild", action="store_true", help="rewrite toolkit/models/hedge_cues.csv")
    args = parser.parse_args(argv)
    if not factbank_path(args.benchmarks).is_file():
        print(f"skipped szeged-factbank-dev: {factbank_path(args.benchmarks)} not found")
        return 0
    if args.rebuild:
        build_cue_model(args.benchmarks)
    for row in evaluate(args.benchmarks):
        print("\t".join(str(x) if not isinstance(x, float) else f"{x:.3f}" for x in row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
