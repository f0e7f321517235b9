"""No step grows faster than the length of one article or the number of sources."""

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from toolkit.corpus.config import CorpusConfig
from toolkit.corpus.documents import Corpus, load_sources
from toolkit.corpus.sources import Source
from toolkit.pipeline import analyze
from toolkit.present.charts import similarity_matrix
from toolkit.present.sections import MAX_CHART_SOURCES
from toolkit.text.segment import MAX_SENTENCE_CHARS, sentence_spans

#: The issue's bound: a 3 MB article with no full stop analysed within a minute.
BIG_BYTES = 3_000_000
BIG_SECONDS = 60
#: The issue's other bound: the report of 2,000 small articles (5 sentences each), each its own source,
#: finishes and its peak memory stays under 2 GB.
MANY_ARTICLES = 2_000
MANY_SENTENCES = 5
MANY_PEAK_MB = 2048
#: A generous ceiling on the run, so that a regression fails rather than hangs (about 1 to 2 minutes on a
#: shared 2-core machine).
MANY_SECONDS = 900
#: The report's size limit (the report issue): listings and charts are capped, so it does not grow with the corpus.
MAX_HTML_MB = 5
#: The longest line of report.md on that corpus: a capped listing of 40 items with their quotes stays far below it
#: (about 2,000 characters); a list of every source would not (a summary finding's list ran to 33,000).
MAX_LINE_CHARS = 10_000


def _run_on(size: int, seed: int = 7) -> str:
    """One line of generated prose without a full stop: common words, made-up words, now and then a number."""
    rng = random.Random(seed)
    common = "the of and to in a that said for on with as was by it from at is officials minister may could".split()
    made_up = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(5000)]
    words, length = [], 0
    while length < size:
        draw = rng.random()
        word = (rng.choice(common) if draw < 0.5 else
                f"{rng.randint(1, 999)} {rng.choice(['million', 'tons', 'percent', 'people'])}" if draw < 0.51 else
                rng.choice(made_up))
        words.append(word)
        length += len(word) + 1
    return " ".join(words)


def test_sentences_are_bounded_and_cover_the_text():
    text = _run_on(50_000)
    spans = sentence_spans(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE_CHARS
    assert "".join("".join(text[a:b].split()) for a, b in spans) == "".join(text.split())
    assert sentence_spans("x" * (3 * MAX_SENTENCE_CHARS)) == [(0, MAX_SENTENCE_CHARS), (MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS),
                                                             (2 * MAX_SENTENCE_CHARS, 3 * MAX_SENTENCE_CHARS)]


@pytest.mark.slow
def test_a_3_mb_article_on_one_line_is_analysed_within_a_minute():
    text = "Long Title\n\n" + _run_on(BIG_BYTES)
    corpus = Corpus(load_sources([Source("big", "big.txt", Path("big.txt"), text, "txt")], []), CorpusConfig(name="big"))
    started = time.perf_counter()
    tables = analyze(corpus)
    assert time.perf_counter() - started < BIG_SECONDS
    assert tables["problems"].empty and len(tables["numbers"]) > 1000


def test_similarity_chart_is_capped():
    """Many sources: the report draws the largest few (MAX_CHART_SOURCES), never a sources x sources matrix."""
    sources = [f"s{i:03d}" for i in range(MAX_CHART_SOURCES + 60)]
    table = pd.DataFrame([(a, b, 0.5) for a in sources for b in sources], columns=["source_a", "source_b", "similarity"])
    keep = set(sources[:MAX_CHART_SOURCES])
    drawn = table[table["source_a"].isin(keep) & table["source_b"].isin(keep)]
    chart = similarity_matrix(drawn, order=sources[:MAX_CHART_SOURCES])
    assert chart.to_dict()["layer"][0]["encoding"]["x"]["sort"] == sources[:MAX_CHART_SOURCES]


_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@pytest.mark.slow
def test_report_of_2000_small_articles_finishes_under_2_gb(tmp_path):
    """Every pairwise step is blocked and every chart capped: 2,000 articles, each its own source, report in
    bounded time and memory, and the similarity table grows with the sources, not with their square."""
    from conftest import SEEDS
    from toolkit.compare.coverage import FULL_SIMILARITY_SOURCES, SIMILAR_NEIGHBOURS
    from toolkit.evaluation.bench import synthetic_corpus

    articles = synthetic_corpus(MANY_ARTICLES * MANY_SENTENCES * 25, SEEDS, sentences=MANY_SENTENCES)[:MANY_ARTICLES]
    assert len(articles) == MANY_ARTICLES
    path, out = tmp_path / "many.jsonl", tmp_path / "report"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    # a wrapper process whose only child is the report: its RUSAGE_CHILDREN peak is the report's own
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "toolkit", "report", str(path),
                             "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=MANY_SECONDS)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    peak_kb = int(result.stdout.strip().splitlines()[-1])
    peak_mb = peak_kb / 1024 / (1024 if sys.platform == "darwin" else 1)
    print(f"report of {MANY_ARTICLES} articles: {seconds:.0f} s, peak memory {peak_mb:.0f} MB")
    assert peak_mb < MANY_PEAK_MB
    assert (out / "report.html").stat().st_size < MAX_HTML_MB * 1e6
    # every listing is capped: no paragraph names hundreds of sources
    assert max(map(len, (out / "report.md").read_text(encoding="utf-8").splitlines())) < MAX_LINE_CHARS
    similarity = pd.read_csv(out / "data" / "source_similarity.csv")
    assert len(similarity) <= MANY_ARTICLES * (SIMILAR_NEIGHBOURS + 1) + FULL_SIMILARITY_SOURCES ** 2
    assert max(p.stat().st_size for p in (out / "charts").iterdir()) < MAX_HTML_MB * 1e6
