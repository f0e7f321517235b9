"""Agreement with hand-made gold: sentence-boundary precision, recall and F1."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 with the counts behind them."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int


def prf(predicted: set, gold: set) -> Score:
    """Precision, recall and F1 of a predicted set against a gold set.

    >>> prf({1, 2, 3}, {2, 3, 4}).f1
    0.6666666666666666
    """
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, hits, len(predicted), len(gold))


def align_sentences(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Locate gold sentences, in order, in ``text``; white space may differ.

    Raises
    ------
    ValueError
        When a sentence cannot be found after the previous one.
    """
    spans, cursor = [], 0
    for sentence in sentences:
        pattern = r"\s+".join(re.escape(token) for token in sentence.split())
        match = re.compile(pattern).search(text, cursor)
        if match is None:
            raise ValueError(f"gold sentence not found after offset {cursor}: {sentence[:60]!r}")
        spans.append((match.start(), match.end()))
        cursor = match.end()
    return spans


def boundary_scores(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> Score:
    """Boundary P/R/F1: a boundary is the end offset of a sentence."""
    return prf({end for _, end in predicted}, {end for _, end in gold})
