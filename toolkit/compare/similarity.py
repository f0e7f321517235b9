"""Text similarity: stemmed content words, TF-IDF vectors and cosine similarity.

Shared by the alignment of numbers and by the coverage layer (sentences and
documents with close counterparts in other sources).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ..lexicons import function_words

WORD = re.compile(r"[a-z][a-z'’]+")
#: Words about numbers rather than what they measure; left out of contexts.
NUMERIC_WORDS = {"million", "billion", "trillion", "thousand", "percent", "per", "cent", "usd", "dollars", "dollar",
                 "about", "around", "approximately", "roughly", "nearly", "almost", "over", "under", "between",
                 "early", "late", "mid", "end", "january", "february", "march", "april", "may", "june", "july",
                 "august", "september", "october", "november", "december", "decade", "decades", "year", "years",
                 "estimated", "some"}
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix-stripping stem, enough to match 'reserves'/'reserve'.

    >>> [stem(w) for w in ("reserves", "processing", "controls", "investment")]
    ['reserv', 'process', 'control', 'invest']
    """
    word = word.lower().replace("’", "'").split("'")[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def context_terms(text: str) -> list[str]:
    """Stemmed content words of a text (no function words, no number words)."""
    stop = function_words() | NUMERIC_WORDS
    return [stem(w) for w in WORD.findall(text.lower()) if w not in stop and len(w) > 2]


def tfidf(texts: list[list[str]]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors (smoothed idf) of term lists."""
    df = Counter(term for terms in texts for term in set(terms))
    n = len(texts)
    vectors = []
    for terms in texts:
        counts = Counter(terms)
        vector = {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
