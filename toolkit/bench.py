"""Benchmark: the toolkit's stages beside VADER, textstat and quantulum3, in one run.

``python -m toolkit.bench --words N --out DIR`` (``make bench``):

1. builds a reproducible synthetic corpus of about ``N`` words from the seed
   articles' sentences, recombined into new articles with their numbers varied
   (a fixed seed, so the same ``N`` gives the same corpus);
2. times each stage of the toolkit on it: ``load`` (reading, cleaning and
   segmenting), ``segment`` (cleaning and segmentation alone), ``sentiment``,
   ``stance``, ``framing``, ``numbers``, ``readability``, ``comparison`` and
   ``report`` (charts and writing, given the tables); ``analysis_total`` is
   the per-document analysis: segment + sentiment + stance + framing + numbers
   + readability;
3. times the peers on the same text: ``peer_vader`` (VADER on every
   sentence), ``peer_textstat`` (textstat's five formulas on every document)
   and ``peer_quantulum3`` (quantulum3 on every sentence);
4. writes ``DIR/results.csv`` (``stage, words, seconds, words_per_s,
   peak_rss_mb``), the chart ``DIR/words_per_second.{png,svg,vl.json,csv}``, and
   prints the ratios.

``peak_rss_mb`` is the process's peak resident memory after the stage (it only
grows). This is a benchmark, not a test: timings vary with the machine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

#: Seed of the synthetic corpus.
SEED = 7
#: Sentences per synthetic article.
ARTICLE_SENTENCES = 30


def synthetic_corpus(words: int, seeds: Path, seed: int = SEED, sentences: int = ARTICLE_SENTENCES) -> list[dict]:
    """Articles of about ``words`` words in all, ``sentences`` sentences each, recombined from the seed corpus."""
    from .corpus import load_corpus
    from .segment import WORD_RE

    corpus = load_corpus(seeds)
    pool = [s.text for doc in corpus for s in doc.sentences if s.kind in ("paragraph", "list_item")]
    rng = random.Random(seed)
    articles, total = [], 0

    def vary(match: re.Match) -> str:
        digits = match.group()
        if "." in digits:
            return f"{rng.uniform(0.1, 99):.1f}"
        return str(rng.randint(1, 10 ** min(len(digits), 4)))

    while total < words:
        body = [re.sub(r"\d+(?:\.\d+)?", vary, rng.choice(pool)) for _ in range(sentences)]
        title = f"Report {len(articles) + 1}: " + " ".join(rng.choice(pool).split()[:6]).strip(",.;:")
        text = title + "\n\n" + "\n\n".join(" ".join(body[i:i + 3]) for i in range(0, len(body), 3))
        total += len(WORD_RE.findall(text))
        articles.append({"doc_id": f"synthetic-{len(articles) + 1:06d}", "outlet": f"Outlet {len(articles) % 7}", "text": text})
    return articles


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run(words: int, out: Path, seeds: Path = Path("seeds"), quantulum: bool = True, log=print) -> pd.DataFrame:
    """Run the benchmark; return the results table (also written to ``out``)."""
    from . import framing, numbers, readability, sentiment, stance
    from .alignment import align
    from .cleaning import clean
    from .comparison import compare
    from .corpus import load_corpus
    from .report import write_outputs
    from .segment import WORD_RE
    from .structure import build
    from .tone_model import vader_scores

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    articles = synthetic_corpus(words, seeds)
    path = out / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    rows: list[dict] = []

    def timed(stage: str, function, n_words: int):
        started = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - started
        rows.append({"stage": stage, "words": n_words, "seconds": seconds,
                     "words_per_s": n_words / seconds if seconds else float("nan"), "peak_rss_mb": _peak_mb()})
        if n_words:
            log(f"{stage:>16}: {seconds:8.2f} s  {rows[-1]['words_per_s']:>12,.0f} words/s")
        return result

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = timed("load", lambda: load_corpus(path), 0)
        n = sum(len(WORD_RE.findall(doc.text)) for doc in corpus)
        for row in rows:
            row["words"], row["words_per_s"] = n, n / row["seconds"]
            log(f"{row['stage']:>16}: {row['seconds']:8.2f} s  {row['words_per_s']:>12,.0f} words/s")
        timed("segment", lambda: [build(a["text"], clean(a["text"])) for a in articles], n)
        sentences = [s.text for doc in corpus for s in doc.sentences]
        vader_scores.cache_clear()
        tables = dict(zip(("sentiment", "actor_sentiment"), timed(
            "sentiment", lambda: (sentiment.sentiment(corpus), sentiment.actor_sentiment(corpus)), n)))
        tables["stance"] = timed("stance", lambda: stance.stance(corpus), n)
        cues = timed("framing", lambda: framing.frame_cues(corpus), n)
        tables["frame_cues"], tables["frames"] = cues, framing.frames(corpus, cues=cues)
        numbered, groups = timed("numbers", lambda: align(numbers.numbers(corpus, cues=tables["stance"])), n)
        tables["numbers"], tables["quantity_groups"] = numbered.drop(columns=["context"]), groups
        tables["readability"] = timed("readability", lambda: readability.readability(corpus), n)
        per_document = ("segment", "sentiment", "stance", "framing", "numbers", "readability")
        total = sum(r["seconds"] for r in rows if r["stage"] in per_document)
        rows.append({"stage": "analysis_total", "words": n, "seconds": total, "words_per_s": n / total, "peak_rss_mb": _peak_mb()})
        tables.update({"documents": corpus.documents_table(), "units": corpus.units_table(),
                       "sentences": corpus.sentences_table(), "removed": corpus.removed_table(),
                       "sentiment_profile": sentiment.sentiment_profile(corpus, tables["sentiment"]),
                       "actor_profile": sentiment.actor_profile(tables["actor_sentiment"]),
                       "stance_profile": stance.stance_profile(corpus, tables["stance"]),
                       "frame_shares": framing.frame_shares(corpus, tables["frames"])})
        tables.update(timed("comparison", lambda: compare(corpus, tables, group_by="outlet"), n))
        timed("report", lambda: write_outputs(corpus, tables, out / "report"), n)
        timed("peer_vader", lambda: _peer_vader(sentences), n)
        timed("peer_textstat", lambda: _peer_textstat([doc.text for doc in corpus]), n)
        if quantulum:
            timed("peer_quantulum3", lambda: _peer_quantulum(sentences), n)
    table = pd.DataFrame(rows)
    table.to_csv(out / "results.csv", index=False, lineterminator="\n")
    _chart(table, out)
    return table


def _peer_vader(sentences: list[str]) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    for text in sentences:
        analyser.polarity_scores(text)


def _peer_textstat(texts: list[str]) -> None:
    import textstat

    for text in texts:
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        textstat.smog_index(text)
        textstat.dale_chall_readability_score(text)


def _peer_quantulum(sentences: list[str]) -> None:
    from .bench_numbers import _quantulum

    parse = _quantulum()  # with its no-classifier fallback: see toolkit.bench_numbers
    for text in sentences:
        parse(text)


def _chart(table: pd.DataFrame, out: Path) -> None:
    import altair as alt

    from .charts import save_chart

    data = table.assign(tool=["peer" if s.startswith("peer_") else "toolkit" for s in table["stage"]])
    chart = alt.Chart(data, title="Words per second, by stage").mark_bar().encode(
        x=alt.X("words_per_s:Q", title="Words per second (log scale)", scale=alt.Scale(type="log")),
        y=alt.Y("stage:N", title=None, sort="-x"),
        color=alt.Color("tool:N", title=None, scale=alt.Scale(domain=["toolkit", "peer"], range=["#4575b4", "#d73027"])),
        tooltip=["stage:N", alt.Tooltip("words_per_s:Q", format=",.0f"), alt.Tooltip("seconds:Q", format=".2f"),
                 alt.Tooltip("peak_rss_mb:Q", format=".0f")],
    )
    save_chart(chart, data, out, "words_per_second")


def ratios(table: pd.DataFrame) -> dict[str, float]:
    """The targets' ratios: analysis vs VADER, quantulum3 vs numbers."""
    seconds = table.set_index("stage")["seconds"]
    out = {"analysis_total / peer_vader": seconds["analysis_total"] / seconds["peer_vader"]}
    if "peer_quantulum3" in seconds:
        out["peer_quantulum3 / numbers"] = seconds["peer_quantulum3"] / seconds["numbers"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="size of the synthetic corpus (default 1,000,000)")
    parser.add_argument("--out", type=Path, default=Path("bench"), help="output folder (default: bench)")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="corpus the synthetic one is built from")
    parser.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 peer")
    args = parser.parse_args(argv)
    table = run(args.words, args.out, args.seeds, quantulum=not args.no_quantulum)
    print()
    for name, value in ratios(table).items():
        print(f"{name}: {value:.2f}")
    print(f"peak memory: {table['peak_rss_mb'].max():.0f} MB; results in {args.out / 'results.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
