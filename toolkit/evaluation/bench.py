"""Benchmark: the toolkit's stages beside VADER, textstat and quantulum3, in one run.

``python -m toolkit.evaluation.bench --words N --out DIR`` (``make bench``):

1. builds a reproducible synthetic corpus of about ``N`` words from the seed
   articles' sentences, recombined into new articles with their numbers varied
   and two words of each sentence swapped for other words of the seeds, so
   sentences do not repeat (a fixed seed, so the same ``N`` gives the same
   corpus);
2. times each stage of the toolkit on it: ``load`` (reading, cleaning and
   segmenting), ``segment`` (cleaning and segmentation alone), ``sentiment``,
   ``stance``, ``framing``, ``numbers`` (extraction), ``readability``;
   ``analysis_total`` is their sum, the per-document analysis: segment +
   sentiment + stance + framing + numbers + readability. Then ``alignment``
   (numbers across sources), ``analyze_local`` (:func:`toolkit.analyze`, every
   table, in this process), ``analyze_dask_1w`` and ``analyze_dask_2w`` (the
   same on a LocalCluster of 1 and 2 worker processes, cluster start
   included), ``comparison`` and ``report`` (charts and writing, given the
   tables);
3. times the peers on the same text: ``peer_vader`` (VADER on every
   sentence), ``peer_textstat`` (textstat's five formulas on every document)
   and ``peer_quantulum3`` (quantulum3 on every sentence); and, when its
   encoder is installed, the contextual actor-tone model beside the fast one
   on the first ``CONTEXTUAL_WORDS`` words (``actor_tone_contextual`` and
   ``actor_tone_fast``: tone toward the suggested actors at each mention);
4. runs ``analyze`` on a quarter, a half and all of the corpus, each in a
   fresh process reading the JSONL file lazily (``analyze_process`` rows: the
   memory a real run needs, and how it grows), and the whole report command
   (``python -m toolkit report ... --by outlet``) in a fresh process
   (``report_process``);
5. with ``--report-articles N``, times the report of the first N synthetic
   articles compared article by article (``report_articles`` row: the
   comparison, charts and written report given the analysis, with the size
   of ``report.html`` in ``html_mb``), the worst case for the report's size;
6. writes ``DIR/results.csv`` (``stage, words, seconds, words_per_s,
   peak_rss_mb``), the chart ``DIR/words_per_second.{png,svg,vl.json,csv}``, and
   prints the ratios.

``peak_rss_mb`` is the process's peak resident memory after the stage (it only
grows; for ``analyze_process`` rows, that process's own peak). This is a
benchmark, not a test: timings vary with the machine.
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

from ..compare.alignment import align, article_days
from ..compare.comparison import compare
from ..corpus.documents import load_corpus
from ..measures import contextual_encoder
from ..measures import framing
from ..measures import numbers
from ..measures import readability
from ..measures import sentiment
from ..measures import stance
from ..measures.tone_model import vader_scores
from ..pipeline import analyze
from ..present.charts import save_chart
from ..present.outputs import write_outputs
from ..text.cleaning import clean
from ..text.segment import WORD_RE
from ..text.structure import build
from .bench_numbers import _quantulum

#: Seed of the synthetic corpus.
SEED = 7
#: Sentences per synthetic article.
ARTICLE_SENTENCES = 30
#: Words of each synthetic sentence replaced by random words of the seeds.
SWAPPED_WORDS = 2


def synthetic_corpus(words: int, seeds: Path, seed: int = SEED, sentences: int = ARTICLE_SENTENCES) -> list[dict]:
    """Articles of about ``words`` words in all, ``sentences`` sentences each, recombined from the seed corpus."""
    corpus = load_corpus(seeds)
    pool = [s.text for doc in corpus for s in doc.sentences if s.kind in ("paragraph", "list_item")]
    vocabulary = sorted({w for text in pool for w in re.findall(r"\b[a-z]{4,}\b", text)})
    rng = random.Random(seed)
    articles, total = [], 0

    def vary(match: re.Match) -> str:
        digits = match.group()
        if "." in digits:
            return f"{rng.uniform(0.1, 99):.1f}"
        return str(rng.randint(1, 10 ** min(len(digits), 4)))

    def sentence() -> str:
        # numbers varied and two lower-case words swapped for others of the
        # seeds: practically every sentence is new, so no cache keyed on a
        # sentence's text can answer for a repeat
        text = re.sub(r"\d+(?:\.\d+)?", vary, rng.choice(pool))
        spans = [m.span() for m in re.finditer(r"\b[a-z]{4,}\b", text)]
        for a, b in sorted(rng.sample(spans, min(SWAPPED_WORDS, len(spans))), reverse=True):
            text = text[:a] + rng.choice(vocabulary) + text[b:]
        return text

    while total < words:
        body = [sentence() for _ in range(sentences)]
        title = f"Report {len(articles) + 1}: " + " ".join(rng.choice(pool).split()[:6]).strip(",.;:")
        text = title + "\n\n" + "\n\n".join(" ".join(body[i:i + 3]) for i in range(0, len(body), 3))
        total += len(WORD_RE.findall(text))
        articles.append({"doc_id": f"synthetic-{len(articles) + 1:06d}", "outlet": f"Outlet {len(articles) % 7}", "text": text})
    return articles


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def report_scale(articles: list[dict], out: Path, log=print) -> dict:
    """Seconds to compare and write the report of ``articles`` (each its own source), beyond the analysis,
    and the size of its ``report.html``."""
    path = out / f"corpus-{len(articles)}.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    corpus = load_corpus(path)
    tables = analyze(corpus)
    n = sum(len(WORD_RE.findall(doc.text)) for doc in corpus)
    started = time.perf_counter()
    tables.update(compare(corpus, tables))
    compared = time.perf_counter() - started
    write_outputs(corpus, tables, out / f"report-{len(articles)}")
    seconds = time.perf_counter() - started
    size = (out / f"report-{len(articles)}" / "report.html").stat().st_size / 1e6
    path.unlink()
    log(f"report of {len(articles)} articles: {seconds:.1f} s beyond the analysis (comparison {compared:.1f} s), "
        f"report.html {size:.1f} MB")
    return {"stage": "report_articles", "words": n, "seconds": seconds, "words_per_s": n / seconds,
            "peak_rss_mb": _peak_mb(), "articles": len(articles), "html_mb": size}


#: Words of the corpus the contextual actor-tone model is timed on (``actor_tone_contextual``).
CONTEXTUAL_WORDS = 20_000


def _first_words(documents: list, words: int) -> list:
    """The first documents holding at least ``words`` words (all, if they hold fewer)."""
    chosen, total = [], 0
    for doc in documents:
        if total >= words:
            break
        chosen.append(doc)
        total += len(WORD_RE.findall(doc.text))
    return chosen


def run(words: int, out: Path, seeds: Path, quantulum: bool = True, dask: bool = True,
        memory: bool = True, log=print, report_articles: int = 0) -> pd.DataFrame:
    """Run the benchmark; return the results table (also written to ``out``)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    articles = synthetic_corpus(words, seeds)
    path = out / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    rows: list[dict] = []

    def record(stage: str, n_words: int, seconds: float, peak: float) -> None:
        rows.append({"stage": stage, "words": n_words, "seconds": seconds,
                     "words_per_s": n_words / seconds if seconds else float("nan"), "peak_rss_mb": peak})
        log(f"{stage:>18}: {seconds:8.2f} s  {rows[-1]['words_per_s']:>12,.0f} words/s  {peak:7.0f} MB")

    def timed(stage: str, function, n_words: int):
        started = time.perf_counter()
        result = function()
        record(stage, n_words, time.perf_counter() - started, _peak_mb())
        return result

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        corpus = load_corpus(path)
        n = sum(len(WORD_RE.findall(doc.text)) for doc in corpus)
        record("load", n, time.perf_counter() - started, _peak_mb())
        timed("segment", lambda: [build(a["text"], clean(a["text"])) for a in articles], n)
        sentences = [s.text for doc in corpus for s in doc.sentences]
        vader_scores.cache_clear()
        tables = dict(zip(("sentiment", "actor_sentiment"), timed(
            "sentiment", lambda: (sentiment.sentiment(corpus), sentiment.actor_sentiment(corpus)), n)))
        tables["stance"] = timed("stance", lambda: stance.stance(corpus), n)
        cues = timed("framing", lambda: framing.frame_cues(corpus), n)
        tables["frame_cues"], tables["frames"] = cues, framing.frames(corpus, cues=cues)
        found = timed("numbers", lambda: numbers.numbers(corpus, cues=tables["stance"]), n)
        tables["readability"] = timed("readability", lambda: readability.readability(corpus), n)
        per_document = ("segment", "sentiment", "stance", "framing", "numbers", "readability")
        total = sum(r["seconds"] for r in rows if r["stage"] in per_document)
        record("analysis_total", n, total, _peak_mb())
        numbered, groups = timed("alignment", lambda: align(found, article_days(corpus.documents_table())), n)
        tables["numbers"], tables["quantity_groups"] = numbered.drop(columns=["context"]), groups
        vader_scores.cache_clear()
        tables = timed("analyze_local", lambda: analyze(corpus), n)
        if dask:
            for workers in (1, 2):
                timed(f"analyze_dask_{workers}w", lambda: analyze(corpus, engine="dask", workers=workers), n)
        tables.update(timed("comparison", lambda: compare(corpus, tables, group_by="outlet"), n))
        timed("report", lambda: write_outputs(corpus, tables, out / "report"), n)
        timed("peer_vader", lambda: _peer_vader(sentences), n)
        timed("peer_textstat", lambda: _peer_textstat([doc.text for doc in corpus]), n)
        if quantulum:
            timed("peer_quantulum3", lambda: _peer_quantulum(sentences), n)
        if contextual_encoder.available():
            # the contextual actor-tone model is far slower: timed on the first articles only, beside the fast one
            part = corpus.part(_first_words(corpus.documents, CONTEXTUAL_WORDS))
            part_words = sum(len(WORD_RE.findall(doc.text)) for doc in part)
            timed("actor_tone_fast", lambda: sentiment.actor_sentiment(part), part_words)
            contextual = part.reading_actor_tone("contextual")
            timed("actor_tone_contextual", lambda: sentiment.actor_sentiment(contextual), part_words)
        else:
            log(f"skipped the contextual actor-tone model: {contextual_encoder.PACKAGE} is not installed")
    if memory:
        del corpus, tables, found, numbered, groups, sentences
        for share in (4, 2, 1):
            part = out / f"corpus-{share}.jsonl"
            chosen = articles[:max(1, len(articles) // share)]
            part.write_text("".join(json.dumps(a) + "\n" for a in chosen), encoding="utf-8")
            part_words = sum(len(WORD_RE.findall(a["text"])) for a in chosen)
            seconds, peak = _separate_process(part)
            record("analyze_process", part_words, seconds, peak)
            part.unlink()
        seconds, peak = _separate_process(path, report=out / "report-process")
        record("report_process", n, seconds, peak)
    if report_articles:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            chosen = articles[:report_articles]
            if len(chosen) < report_articles:  # a small --words: as many more as needed
                chosen = synthetic_corpus(report_articles * ARTICLE_SENTENCES * 25, seeds)[:report_articles]
            rows.append(report_scale(chosen, out, log))
    table = pd.DataFrame(rows)
    table.to_csv(out / "results.csv", index=False, lineterminator="\n")
    _chart(table, out)
    return table


def _separate_process(path: Path, report: Path | None = None) -> tuple[float, float]:
    """Seconds and peak memory (MB), in a fresh Python process, of ``analyze(path)``
    or (with ``report``) of ``python -m toolkit report path --by outlet``: the
    memory a user's run needs."""
    import subprocess

    command = [sys.executable, "-m", "toolkit.evaluation.bench_process"] + (["report", str(path), str(report)] if report else ["analyze", str(path)])
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return figures["seconds"], figures["peak_kb"] / (1024 * (1024 if sys.platform == "darwin" else 1))


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

    parse = _quantulum()  # with its no-classifier fallback: see toolkit.evaluation.bench_numbers
    for text in sentences:
        parse(text)


def _chart(table: pd.DataFrame, out: Path) -> None:
    import altair as alt


    data = table[~table["stage"].isin(["analyze_process", "report_process", "report_articles"])]
    data = data.assign(tool=["peer" if s.startswith("peer_") else "toolkit" for s in data["stage"]])
    # bars start at 1,000 words/s: a log scale has no zero to start from
    chart = alt.Chart(data, title="Words per second, by stage").mark_bar().encode(
        x=alt.X("words_per_s:Q", title="Words per second (log scale)", scale=alt.Scale(type="log")),
        x2=alt.datum(1000),
        y=alt.Y("stage:N", title=None, sort="-x"),
        color=alt.Color("tool:N", title=None, scale=alt.Scale(domain=["toolkit", "peer"], range=["#4575b4", "#d73027"])),
        tooltip=["stage:N", alt.Tooltip("words_per_s:Q", format=",.0f"), alt.Tooltip("seconds:Q", format=".2f"),
                 alt.Tooltip("peak_rss_mb:Q", format=".0f")],
    )
    save_chart(chart, data, out, "words_per_second")


def ratios(table: pd.DataFrame) -> dict[str, float]:
    """The targets' ratios: analysis vs VADER, quantulum3 vs numbers, Dask 1 worker vs 2."""
    seconds = table.drop_duplicates("stage", keep="last").set_index("stage")["seconds"]
    out = {"analysis_total / peer_vader": seconds["analysis_total"] / seconds["peer_vader"]}
    if "peer_quantulum3" in seconds:
        out["peer_quantulum3 / numbers"] = seconds["peer_quantulum3"] / seconds["numbers"]
    if "analyze_dask_2w" in seconds:
        out["analyze_dask_1w / analyze_dask_2w"] = seconds["analyze_dask_1w"] / seconds["analyze_dask_2w"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="size of the synthetic corpus (default 1,000,000)")
    parser.add_argument("--out", type=Path, default=Path("bench"), help="output folder (default: bench)")
    parser.add_argument("--seeds", type=Path, required=True, help="corpus the synthetic one is built from (the seeds)")
    parser.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 peer")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask runs (1 and 2 workers)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs in separate processes")
    parser.add_argument("--report-articles", type=int, default=0,
                        help="also time the report of this many articles, each its own source (make bench: 500)")
    args = parser.parse_args(argv)
    table = run(args.words, args.out, args.seeds, quantulum=not args.no_quantulum, dask=not args.no_dask,
                memory=not args.no_memory, report_articles=args.report_articles)
    print()
    for name, value in ratios(table).items():
        print(f"{name}: {value:.2f}")
    for row in table[table["stage"].isin(["analyze_process", "report_process"])].itertuples():
        what = "analyze()" if row.stage == "analyze_process" else "the report command"
        print(f"{what} in its own process, {row.words:,} words: peak memory {row.peak_rss_mb:.0f} MB, {row.seconds:.1f} s")
    print(f"peak memory of this process: {table['peak_rss_mb'].max():.0f} MB; results in {args.out / 'results.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
