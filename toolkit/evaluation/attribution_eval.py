"""Attribution against a hand-made gold sample of development corpora.

The gold (``tests/gold/attribution_dev/``) marks, in 174 sentences of the
BASIL and FA-KES development corpora, every attribution cue, the span of its
source and the source's type (person, organisation, government, outlet,
vague). It was annotated from the raw files, before and blind to the rules;
offsets index the raw file text. The corpora themselves are read from a
folder given as a parameter (``../shared/corpora``) and never copied.

Scores:

* sentences: does the sentence carry an attribution (P/R/F1);
* cues: a predicted attribution cue matches a gold cue of the same sentence
  when their spans overlap, one to one (P/R/F1);
* source type: accuracy over matched cues, the five gold types against the
  toolkit's; ``government`` is the toolkit's ``government`` type;
* source found: share of matched cues whose predicted source shares a word
  with the gold source span (pronoun sources are counted apart, because the
  toolkit reports the resolved name).

``python -m toolkit.evaluation.attribution_eval --corpora DIR --gold DIR``
prints the figures.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd

from ..corpus.documents import load_corpus
from ..measures.stance import stance
from .metrics import prf

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _words(text: str) -> set[str]:
    return {w.lower().strip("'’") for w in _WORD.findall(text) if len(w) > 2}


def match(corpora: Path, gold: Path, log=print) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The gold sentences and cues beside the toolkit's attributions.

    Returns ``(sentences, cues)``: per gold sentence ``corpus, doc_id,
    sent_start, gold, predicted, predicted_cues`` (whether each side finds an
    attribution, and how many cues the toolkit finds); per gold cue its
    ``source_type``, ``pronoun``, the matched toolkit cue's
    ``predicted_type`` and ``predicted_source`` (empty when unmatched) and
    ``source_found``. Gold sentences that cannot be found in the cleaned text
    are left out, with a message.
    """
    sentences = pd.read_csv(gold / "sentences.csv")
    cues = pd.read_csv(gold / "cues.csv")
    sentence_rows, cue_rows, unmapped = [], [], 0
    for name, rows in sentences.groupby("corpus", sort=True):
        corpus = load_corpus(corpora / name)
        table = stance(corpus)
        table = table[table["category"] == "attribution"]
        for row in rows.itertuples():
            raw = (corpora / name / corpus.document(row.doc_id).file).read_text(encoding="utf-8")
            text = corpus.document(row.doc_id).text
            sentence = raw[row.sent_start:row.sent_end]
            at = text.find(sentence)
            if at < 0:
                unmapped += 1
                continue
            delta = at - row.sent_start
            mine = table[(table["doc_id"] == row.doc_id) & (table["start"] >= at) & (table["end"] <= at + len(sentence))]
            sentence_rows.append((name, row.doc_id, row.sent_start, row.has_attribution == "yes", len(mine) > 0, len(mine)))
            theirs = cues[(cues["corpus"] == name) & (cues["doc_id"] == row.doc_id) & (cues["sent_start"] == row.sent_start)]
            used: set[int] = set()
            for cue in theirs.itertuples():
                a, b = cue.cue_start + delta, cue.cue_end + delta
                hit = next((i for i in mine.index if i not in used and mine.at[i, "start"] < b and a < mine.at[i, "end"]), None)
                predicted_type = predicted_source = ""
                found = False
                if hit is not None:
                    used.add(hit)
                    predicted_type, predicted_source = mine.at[hit, "source_type"], mine.at[hit, "source"]
                    source_text = "" if pd.isna(cue.source_start) else raw[int(cue.source_start):int(cue.source_end)]
                    found = bool(_words(source_text) & _words(predicted_source)) or (not source_text and not predicted_source)
                cue_rows.append((name, row.doc_id, row.sent_start, cue.source_type, bool(cue.pronoun), hit is not None,
                                 predicted_type, predicted_source, found))
    if unmapped:
        log(f"attribution sample: {unmapped} gold sentences not found in the cleaned text (left out)")
    return (pd.DataFrame(sentence_rows, columns=["corpus", "doc_id", "sent_start", "gold", "predicted", "predicted_cues"]),
            pd.DataFrame(cue_rows, columns=["corpus", "doc_id", "sent_start", "source_type", "pronoun", "matched",
                                            "predicted_type", "predicted_source", "source_found"]))


def evaluate(corpora: Path | None, gold: Path, log=print) -> list[tuple]:
    """Rows ``(measure, dataset, metric, value, n)``; none, with a message, when the corpora are absent."""
    if corpora is None or not Path(corpora).is_dir():
        log(f"skipped the attribution sample of the development corpora: folder {corpora} not found")
        return []
    corpora = Path(corpora)
    needed = set(pd.read_csv(gold / "sentences.csv")["corpus"])
    missing = sorted(n for n in needed if not (corpora / n).is_dir())
    if missing:
        log(f"skipped the attribution sample: corpora {', '.join(missing)} not found in {corpora}")
        return []
    sentences, cues = match(corpora, gold, log)
    s = prf(set(sentences.index[sentences["predicted"]]), set(sentences.index[sentences["gold"]]))
    matched = int(cues["matched"].sum())
    predicted = int(sentences["predicted_cues"].sum())
    precision = matched / predicted if predicted else 0.0
    recall = matched / len(cues) if len(cues) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    hits = cues[cues["matched"]]
    typed = float((hits["source_type"] == hits["predicted_type"]).mean()) if len(hits) else float("nan")
    named = hits[~hits["pronoun"]]
    found = float(named["source_found"].mean()) if len(named) else float("nan")
    dataset = "development corpora sample"
    return [
        ("attribution sentences", dataset, "precision", s.precision, s.predicted),
        ("attribution sentences", dataset, "recall", s.recall, s.gold),
        ("attribution sentences", dataset, "f1", s.f1, s.gold),
        ("attribution cues", dataset, "precision", precision, predicted),
        ("attribution cues", dataset, "recall", recall, len(cues)),
        ("attribution cues", dataset, "f1", f1, len(cues)),
        ("attribution source type", dataset, "accuracy", typed, len(hits)),
        ("attribution source found", dataset, "accuracy", found, len(named)),
    ]


def confusion(corpora: Path, gold: Path) -> pd.DataFrame:
    """Gold source type (rows) x the toolkit's (columns) over matched cues, for reading errors."""
    _, cues = match(Path(corpora), gold, log=lambda m: None)
    hits = cues[cues["matched"]]
    return pd.crosstab(hits["source_type"], hits["predicted_type"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.attribution_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, required=True, help="folder of the development corpora (../shared/corpora)")
    parser.add_argument("--gold", type=Path, required=True, help="tests/gold/attribution_dev in the repository")
    args = parser.parse_args(argv)
    for row in evaluate(args.corpora, args.gold):
        print(f"{row[0]:28s} {row[2]:10s} {row[3]:.3f}  n={row[4]}")
    print(confusion(args.corpora, args.gold).to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
