"""Coverage and omission: what each source includes, leaves out, or reports differently.

Facts are of three kinds:

``quantity``
    a quantity that several sources report (from :mod:`toolkit.alignment`);
    a source is ``divergent`` when the group does not agree;
``actor``
    an actor that at least two sources mention;
``claim``
    a sentence with a close counterpart in another source: sentences whose
    TF-IDF cosine similarity (stemmed content words) is at least
    :data:`CLAIM_THRESHOLD` form one claim.

Text reuse: passages of at least :data:`SHINGLE_WORDS` consecutive words that
two sources share, found by word shingles, with their spans in both texts.
"""

from __future__ import annotations

import re

import pandas as pd

from .corpus import Corpus
from .similarity import context_terms, cosine, tfidf

#: Sentences at least this similar state the same claim (lower values chain
#: unrelated sentences through shared names).
CLAIM_THRESHOLD = 0.4
#: Sentences with fewer content words are not claims ("Yet this time feels different.").
MIN_CLAIM_TERMS = 5
#: Sentences are compared only when they share one of their this many most
#: weighty words (blocking); a pair above the threshold practically always does.
BLOCKING_TERMS = 12
#: Shared passages must run at least this many words.
SHINGLE_WORDS = 8

COVERAGE_COLUMNS = ["fact_type", "fact_id", "label", "source", "state", "evidence"]
REUSE_COLUMNS = ["source_a", "start_a", "end_a", "source_b", "start_b", "end_b", "words", "text"]
_TOKEN = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")


def claims(corpus: Corpus, threshold: float = CLAIM_THRESHOLD) -> pd.DataFrame:
    """Claims made by more than one source.

    Returns ``claim_id, doc_id, sentence_id, similarity, text``: one row per
    sentence of a claim; ``similarity`` is its best match in another source.
    """
    rows = [(doc.doc_id, s.sentence_id, s.text) for doc in corpus for s in doc.sentences if s.kind not in ("title", "heading")]
    terms = [context_terms(text) for _, _, text in rows]
    vectors = tfidf(terms)
    parent = list(range(len(rows)))
    best = [0.0] * len(rows)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Candidate pairs share at least one of a sentence's rarest words, so the
    # work grows with the matches, not with the square of the sentences.
    index: dict[str, list[int]] = {}
    for i, vector in enumerate(vectors):
        if len(set(terms[i])) >= MIN_CLAIM_TERMS:
            for term in sorted(vector, key=lambda t: (-vector[t], t))[:BLOCKING_TERMS]:
                index.setdefault(term, []).append(i)
    candidates = sorted({(a, b) for members in index.values() for x, a in enumerate(members) for b in members[x + 1:]
                         if rows[a][0] != rows[b][0]})
    for i, j in candidates:
        similarity = cosine(vectors[i], vectors[j])
        if similarity >= threshold:
            best[i], best[j] = max(best[i], similarity), max(best[j], similarity)
            parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        if best[i] > 0:
            groups.setdefault(find(i), []).append(i)
    out = []
    for number, members in enumerate(sorted(groups.values(), key=min), start=1):
        for i in members:
            out.append((f"c{number:03d}", rows[i][0], rows[i][1], best[i], rows[i][2]))
    return pd.DataFrame(out, columns=["claim_id", "doc_id", "sentence_id", "similarity", "text"])


def coverage(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The facts-by-sources matrix, long form.

    Returns
    -------
    DataFrame
        ``fact_type`` (quantity, actor, claim), ``fact_id``, ``label``,
        ``source``, ``state`` (present, absent or divergent) and ``evidence``
        (where the source states it: ``sentence_id`` list, or the number's
        surface).
    """
    sources = [doc.doc_id for doc in corpus]
    rows = []
    groups, numbers = tables["quantity_groups"], tables["numbers"]
    for group in groups[groups["n_sources"] > 1].itertuples():
        members = numbers[numbers["group_id"] == group.group_id]
        for source in sources:
            mine = members[members["doc_id"] == source]
            state = "absent" if mine.empty else ("present" if group.status == "agree" else "divergent")
            evidence = "; ".join(f"{r.surface} (sentence {r.sentence_id})" for r in mine.itertuples())
            rows.append(("quantity", group.group_id, group.label, source, state, evidence))
    mentions = tables["actor_sentiment"]
    mentioned = mentions.groupby("actor")["doc_id"].nunique()
    for actor in mentioned[mentioned >= 2].index:
        for source in sources:
            mine = mentions[(mentions["actor"] == actor) & (mentions["doc_id"] == source)]
            evidence = ",".join(str(i) for i in sorted(set(mine["sentence_id"])))
            rows.append(("actor", actor, actor, source, "present" if len(mine) else "absent", evidence))
    claim_table = claims(corpus)
    for claim_id, members in claim_table.groupby("claim_id", sort=True):
        label = min(members["text"], key=len)[:120]
        for source in sources:
            mine = members[members["doc_id"] == source]
            evidence = ",".join(str(i) for i in mine["sentence_id"])
            rows.append(("claim", claim_id, label, source, "present" if len(mine) else "absent", evidence))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def text_reuse(corpus: Corpus, n: int = SHINGLE_WORDS) -> pd.DataFrame:
    """Passages two sources share word for word (at least ``n`` words).

    Returns ``source_a, start_a, end_a, source_b, start_b, end_b, words,
    text``; offsets index into each document's cleaned text.
    """
    docs = list(corpus)
    tokens = [_tokens(doc.text) for doc in docs]
    index: dict[tuple, list[tuple[int, int]]] = {}
    for d, toks in enumerate(tokens):
        for i in range(len(toks) - n + 1):
            index.setdefault(tuple(w for w, _, _ in toks[i:i + n]), []).append((d, i))
    pair_hits: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for places in index.values():
        if len({d for d, _ in places}) < 2:
            continue
        for x, (da, i) in enumerate(places):
            for db, j in places[x + 1:]:
                if da != db:
                    key, hit = ((da, db), (i, j)) if da < db else ((db, da), (j, i))
                    pair_hits.setdefault(key, []).append(hit)
    rows = []
    for (a_index, b_index), hits in sorted(pair_hits.items()):
        a, b, ta, tb = docs[a_index], docs[b_index], tokens[a_index], tokens[b_index]
        hits.sort()
        used: set[tuple[int, int]] = set()
        for i, j in hits:
            if (i, j) in used:
                continue
            length = n
            while i + length < len(ta) and j + length < len(tb) and ta[i + length][0] == tb[j + length][0]:
                length += 1
            used.update((i + k, j + k) for k in range(length - n + 1))
            start_a, end_a = ta[i][1], ta[i + length - 1][2]
            start_b, end_b = tb[j][1], tb[j + length - 1][2]
            rows.append((a.doc_id, start_a, end_a, b.doc_id, start_b, end_b, length, a.text[start_a:end_a]))
    return pd.DataFrame(rows, columns=REUSE_COLUMNS)


def source_similarity(corpus: Corpus) -> pd.DataFrame:
    """Cosine similarity of every pair of documents (TF-IDF of stemmed content words).

    Returns ``source_a, source_b, similarity`` for every ordered pair,
    the diagonal included (1.0), ready for a matrix chart.
    """
    docs = list(corpus)
    vectors = tfidf([context_terms(doc.text) for doc in docs])
    return pd.DataFrame(
        [(a.doc_id, b.doc_id, cosine(vectors[i], vectors[j])) for i, a in enumerate(docs) for j, b in enumerate(docs)],
        columns=["source_a", "source_b", "similarity"],
    )
