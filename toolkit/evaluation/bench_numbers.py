"""Number extraction against quantulum3, on the same sentences, in one run.

``python -m toolkit.evaluation.bench_numbers [--corpus seeds] [--gold tests/gold/numbers] [--repeat 20] [--out DIR]``

For each extractor it reports precision, recall and F1 against the hand-made
gold (a prediction counts when its span overlaps a gold number's span in the
same sentence and its value lies in the gold interval), over all gold numbers
and over the non-date ones (quantulum3 does not read dates), and its speed in
sentences and words per second. This is a benchmark, not a test.

quantulum3's bundled unit classifier was pickled with an older scikit-learn
and fails to load with recent releases, so it runs here with its documented
no-classifier fallback (``quantulum3.classifier.USE_CLF = False``), which
disambiguates units by frequency instead of crashing.
"""

from __future__ import annotations

import argparse
import math
import time
import warnings
from pathlib import Path

import pandas as pd

from ..corpus.documents import load_corpus
from ..measures.numbers import _Extractor
from ..text.segment import WORD_RE


def _ours(text: str) -> list[tuple[int, int, float | None]]:
    found = _Extractor(text, 0, len(text), None, None).run()
    out = []
    for m in found:
        if m.kind == "date":
            value = None  # dates are judged by their span
        elif isinstance(m.low, float) and isinstance(m.high, float):
            value = (m.low + m.high) / 2
        else:
            value = m.low if isinstance(m.low, float) else m.high  # an open interval: its one end
        out.append((m.start, m.end, value, m.kind))
    return out


def _quantulum():
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False

    def run(text: str):
        return [(q.span[0], q.span[1], float(q.value), "") for q in parser.parse(text)]
    return run


def _score(predictions: dict, gold: pd.DataFrame, dates: bool) -> tuple[float, float, float, int]:
    rows = gold if dates else gold[gold["kind"] != "date"]
    gold_dates = gold[gold["kind"] == "date"]
    right = 0
    predicted = 0
    for key, preds in predictions.items():
        mine = rows[(rows["doc_id"] == key[0]) & (rows["sentence_id"] == key[1])]
        their_dates = gold_dates[(gold_dates["doc_id"] == key[0]) & (gold_dates["sentence_id"] == key[1])]
        for start, end, value, kind in preds:
            on_a_date = kind == "date" or any(start < g.end and g.start < end for g in their_dates.itertuples())
            if not dates and on_a_date:
                continue  # without dates: a reading of a date's digits is neither right nor wrong
            predicted += 1
            for g in mine.itertuples():
                if start < g.end and g.start < end and _value_ok(value, g):
                    right += 1
                    break
    precision = right / predicted if predicted else 0.0
    recall = right / len(rows) if len(rows) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, predicted


def _value_ok(value, g) -> bool:
    if g.kind == "date":
        return True  # a date read as a date: the span is the test
    if value is None:
        return False
    low = float(g.low) if g.low != "" else -math.inf
    high = float(g.high) if g.high != "" else math.inf
    return low * 0.999 <= value <= high * 1.001 or (g.approx == "True" and low * 0.8 <= value <= high * 1.2)


def run(corpus_path: Path, gold_path: Path, repeat: int) -> pd.DataFrame:
    corpus = load_corpus(corpus_path)
    gold = pd.read_csv(gold_path / "mentions.csv", keep_default_na=False)
    sentences = {(d.doc_id, s.sentence_id): s.text for d in corpus for s in d.sentences}
    gold = gold.assign(start=[sentences[(r.doc_id, r.sentence_id)].find(r.surface) for r in gold.itertuples()])
    gold = gold.assign(end=gold["start"] + gold["surface"].str.len())
    words = sum(len(WORD_RE.findall(t)) for t in sentences.values())
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, extract in (("toolkit.measures.numbers", _ours), ("quantulum3", _quantulum())):
            predictions = {key: extract(text) for key, text in sentences.items()}
            started = time.perf_counter()
            for _ in range(repeat):
                for text in sentences.values():
                    extract(text)
            seconds = (time.perf_counter() - started) / repeat
            for scope, dates in (("all numbers", True), ("without dates", False)):
                p, r, f1, n = _score(predictions, gold, dates)
                rows.append({"extractor": name, "gold": scope, "precision": p, "recall": r, "f1": f1, "predicted": n,
                             "sentences": len(sentences), "words": words, "seconds": seconds,
                             "words_per_s": words / seconds if seconds else math.nan})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.bench_numbers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="the annotated corpus (the seeds)")
    parser.add_argument("--gold", type=Path, required=True, help="the numbers gold (tests/gold/numbers in the repository)")
    parser.add_argument("--repeat", type=int, default=20, help="timing repetitions (default: 20)")
    parser.add_argument("--out", type=Path, help="write results.csv here")
    args = parser.parse_args(argv)
    table = run(args.corpus, args.gold, args.repeat)
    with pd.option_context("display.width", 160, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    ours = table[(table["extractor"] == "toolkit.measures.numbers")]["seconds"].iloc[0]
    theirs = table[(table["extractor"] == "quantulum3")]["seconds"].iloc[0]
    print(f"\ntoolkit.measures.numbers is {theirs / ours:.1f}x faster than quantulum3 on the same {table['sentences'].iloc[0]} sentences")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        table.to_csv(args.out / "results.csv", index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
