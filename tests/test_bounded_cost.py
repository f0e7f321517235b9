"""No step grows faster than the length of one article or the number of sources."""

import random
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
