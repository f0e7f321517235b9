"""One statement quoted in different words by two sources.

Two sources that quote the same speaker usually print the same words. When
their quotations share most of their words but differ inside the shared
stretch ("Roe lied and **they** ruined her life" against "Roe lied, and **it**
ruined her life"), one of them misquotes, or the speaker said it
twice: either way a reader should see both. :func:`quote_variants` pairs
quotations of different sources that share a run of at least
:data:`MIN_SHARED_RUN` words, and keeps a pair when, within the stretch both
quote, a few words (at most :data:`MAX_CHANGED_WORDS`) differ and most words
(at least :data:`MIN_SHARED_SHARE` of the shorter stretch) are the same.
Quotations that only start or end at different words (one quotes more of the
sentence) are no variant.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

import pandas as pd

from ..corpus.documents import Corpus
from ..text.quotes import quoted_spans

#: The least run of words two quotations must share to be taken for one statement.
MIN_SHARED_RUN = 4
#: The least share of the shorter stretch's words both quotations hold.
MIN_SHARED_SHARE = 0.6
#: The most words that may differ inside the shared stretch (more is another statement).
MAX_CHANGED_WORDS = 3
#: Word triples held by more quotations than this are too common to pair on ("the United States and").
MAX_BUCKET = 40

COLUMNS = ["source_a", "doc_a", "start_a", "end_a", "quote_a", "source_b", "doc_b", "start_b", "end_b", "quote_b",
           "words_a", "words_b"]

_WORD = re.compile(r"[\w’'-]+(?:\.(?=\w))?(?:[\w’'-]+\.?)*")
#: Contractions read as their two words, so that "we're" and "we are" quote the same words.
_CONTRACTIONS = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am"}
#: Titles written short or in full ("Gen." and "General" quote the same word).
_TITLES = {"gen": "general", "sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant",
           "col": "colonel", "maj": "major", "capt": "captain", "adm": "admiral", "sgt": "sergeant", "pres": "president",
           "atty": "attorney", "supt": "superintendent", "prof": "professor"}


def _words(text: str) -> list[str]:
    """The words of a quotation, lower case: dotted initials as one word ("F.B.I." is "fbi"), contractions
    and titles written out ("we're" is "we are", "Gen." is "general")."""
    out = []
    for match in _WORD.finditer(text.replace("’", "'")):
        word = match.group().lower().rstrip(".")
        if "." in word:
            word = word.replace(".", "")
        for short, full in _CONTRACTIONS.items():
            if word.endswith(short) and len(word) > len(short):
                word = word[:-len(short)] + full
                break
        out += [_TITLES.get(w, w) for w in word.split()]
    return out


def _compare(a: list[str], b: list[str]) -> tuple[list[str], list[str], list[str], list[str]] | None:
    """The words of ``a`` and of ``b`` that differ inside the stretch both quote (from their first shared word to
    their last), and of these the words put in place of others; None when the two share too little to be one
    statement (no run of :data:`MIN_SHARED_RUN` words, or under :data:`MIN_SHARED_SHARE` of the shorter stretch)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks or max(m.size for m in blocks) < MIN_SHARED_RUN:
        return None
    first, last = blocks[0], blocks[-1]
    end_a, end_b = last.a + last.size, last.b + last.size
    if sum(m.size for m in blocks) < MIN_SHARED_SHARE * min(end_a - first.a, end_b - first.b):
        return None
    changed_a, changed_b, put_a, put_b = [], [], [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or i2 <= first.a and j2 <= first.b or i1 >= end_a and j1 >= end_b:
            continue  # shared words, or words before or after the stretch both quote (one quotes more)
        changed_a += a[i1:i2]
        changed_b += b[j1:j2]
        if tag == "replace":  # words put in place of others, the ones shown
            put_a += a[i1:i2]
            put_b += b[j1:j2]
    return changed_a, changed_b, put_a, put_b


def _variant(a: list[str], b: list[str]) -> tuple[list[str], list[str]] | None:
    """The words that differ inside the stretch both quotations quote, or None when they are not one statement
    told in other words (too little shared, only different ends, or too much changed)."""
    return _reworded(_compare(a, b))


def _reworded(found: tuple[list[str], ...] | None) -> tuple[list[str], list[str]] | None:
    """:func:`_variant` from :func:`_compare`'s result."""
    if found is None:
        return None
    changed_a, changed_b, put_a, put_b = found
    # words put in place of others ("they" for "it"); a word only one side adds may be an ellipsis or an insertion
    # in brackets, no rewording
    if not (changed_a and changed_b) or max(len(changed_a), len(changed_b)) > MAX_CHANGED_WORDS:
        return None
    return (put_a, put_b) if put_a else (changed_a, changed_b)


def _alike(found: tuple[list[str], ...] | None) -> bool:
    """Whether :func:`_compare` found the same words where both quotations quote (nothing changed inside)."""
    return found is not None and not found[0] and not found[1]


def quote_variants(corpus: Corpus, sources: dict[str, str] | None = None) -> pd.DataFrame:
    """Pairs of quotations of different sources that quote one statement in different words.

    Returns
    -------
    DataFrame
        ``source_a, doc_a, start_a, end_a, quote_a, source_b, doc_b, start_b, end_b, quote_b`` (offsets into each
        document's text, quotation marks included) and ``words_a``, ``words_b``: the words that differ.

    Examples
    --------
    >>> _variant("roe lied many times and they ruined her life".split(), "roe lied many times and it ruined her life and i".split())
    (['they'], ['it'])
    >>> _variant("we will win this war".split(), "we will win this war and more".split()) is None
    True
    """
    sources = sources or {}
    quotes = []
    for doc in corpus:
        for start, end in quoted_spans(doc.text):
            words = _words(doc.text[start:end])
            if len(words) >= MIN_SHARED_RUN:
                quotes.append((sources.get(doc.doc_id, doc.doc_id), doc.doc_id, start, end, words))
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for k, (*_, words) in enumerate(quotes):
        for triple in {tuple(words[i:i + 3]) for i in range(len(words) - 2)}:
            buckets[triple].append(k)
    pairs = set()
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        for x in members:
            for y in members:
                if x < y and quotes[x][0] != quotes[y][0]:
                    pairs.add((x, y))
    compared = {pair: _compare(quotes[pair[0]][4], quotes[pair[1]][4]) for pair in sorted(pairs)}
    found_in = {pair: _reworded(c) for pair, c in compared.items()}
    # a quotation another source prints word for word elsewhere is quoted alike there: its other near matches in
    # that source are other statements ("they ruined her life" and, later, "they wrecked her life")
    alike = {(k, quotes[other][0]) for (x, y), c in compared.items() if _alike(c) for k, other in ((x, y), (y, x))}
    rows = []
    texts = {doc.doc_id: doc.text for doc in corpus}
    for (x, y), found in found_in.items():
        if found is None or (x, quotes[y][0]) in alike or (y, quotes[x][0]) in alike:
            continue
        (sa, da, a1, a2, _), (sb, db, b1, b2, _) = quotes[x], quotes[y]
        rows.append((sa, da, a1, a2, texts[da][a1:a2], sb, db, b1, b2, texts[db][b1:b2],
                     " ".join(found[0]), " ".join(found[1])))
    return pd.DataFrame(rows, columns=COLUMNS)


__all__ = ["COLUMNS", "quote_variants"]
