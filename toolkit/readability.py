"""Readability and style, per document.

Readability formulas come from textstat (pinned to 0.7.8, the last release
that works offline: later ones download a pronunciation dictionary on first
use). Style measures: mean sentence length, lexical diversity, the share of
text inside quotation marks, and first- and second-person rates.
"""

from __future__ import annotations

import re

import pandas as pd
import textstat

from .corpus import Corpus
from .quotes import quoted_spans
from .segment import WORD_RE

#: Window of the moving-average type-token ratio (Covington & McFall 2010,
#: "Cutting the Gordian knot: the moving-average type-token ratio").
MATTR_WINDOW = 100

READABILITY_COLUMNS = [
    "doc_id", "words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "dale_chall", "mean_sentence_words", "mattr", "quoted_share", "first_person_per_1k", "second_person_per_1k",
]
_FIRST = re.compile(r"\b(?:I|me|my|mine|myself|we|We|us|our|Our|ours|ourselves)\b")
_SECOND = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ourselves)\b")


def mattr(tokens: list[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio; the plain ratio for shorter texts.

    >>> mattr("a b a b".split(), window=2), mattr("a a a b".split(), window=2)
    (1.0, 0.6666666666666666)
    """
    if not tokens:
        return float("nan")
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens)
    counts: dict[str, int] = {}
    for token in tokens[:window]:
        counts[token] = counts.get(token, 0) + 1
    total = len(counts)
    for i in range(window, len(tokens)):
        old, new = tokens[i - window], tokens[i]
        counts[old] -= 1
        if counts[old] == 0:
            del counts[old]
        counts[new] = counts.get(new, 0) + 1
        total += len(counts)
    return total / ((len(tokens) - window + 1) * window)


def readability(corpus: Corpus) -> pd.DataFrame:
    """Readability and style of every document (body sentences only).

    Returns
    -------
    DataFrame
        One row per document: ``doc_id, words, sentences``; textstat's
        ``flesch_reading_ease`` (higher is easier), ``flesch_kincaid_grade``,
        ``gunning_fog``, ``smog_index`` and ``dale_chall`` (US school grades or
        grade-like scores); ``mean_sentence_words``; ``mattr`` (0-1);
        ``quoted_share`` (share of characters inside quotation marks, 0-1);
        ``first_person_per_1k`` and ``second_person_per_1k`` (outside quotes).
    """
    rows = []
    for doc in corpus:
        body = [s for s in doc.sentences if s.kind not in ("title", "heading")] or doc.sentences
        text = " ".join(s.text for s in body)
        tokens = [t.lower() for t in WORD_RE.findall(text)]
        quotes = quoted_spans(text)
        quoted = sum(b - a for a, b in quotes)
        unquoted = "".join(text[a:b] for a, b in _complement(quotes, len(text)))
        words = len(tokens)
        per_1k = 1000 / words if words else float("nan")
        rows.append({
            "doc_id": doc.doc_id, "words": words, "sentences": len(body),
            "flesch_reading_ease": textstat.flesch_reading_ease(text),
            "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
            "gunning_fog": textstat.gunning_fog(text),
            "smog_index": textstat.smog_index(text),
            "dale_chall": textstat.dale_chall_readability_score(text),
            "mean_sentence_words": words / len(body) if body else float("nan"),
            "mattr": mattr(tokens),
            "quoted_share": quoted / len(text) if text else float("nan"),
            "first_person_per_1k": len(_FIRST.findall(unquoted)) * per_1k,
            "second_person_per_1k": len(_SECOND.findall(unquoted)) * per_1k,
        })
    return pd.DataFrame(rows, columns=READABILITY_COLUMNS)


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for a, b in spans:
        out.append((cursor, a))
        cursor = b
    out.append((cursor, length))
    return out
